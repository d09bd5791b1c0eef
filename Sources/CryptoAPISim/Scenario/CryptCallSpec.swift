/// How a scenario line spells one API function: its in-parameters in order and the out-parameters
/// its names bind, in the order the C function declares them.
struct CryptCallSpec {
    /// What an argument stands for.
    enum Parameter {
        /// A handle (HCRYPTPROV, HCRYPTKEY, HCRYPTHASH): a bound name, a number, or NULL.
        case handle
        /// A DWORD or ALG_ID: a number or constants joined with `|`.
        case dword
        /// A pointer given as an address (`pdwReserved`): NULL or a number.
        case pointer
        /// A string (container or provider name): quoted, a provider constant, or NULL.
        case string
        /// Data with its length: a quoted string, `x"..."` bytes, a buffer name, or NULL (empty).
        case data
    }

    /// The function's C name.
    let name: String
    /// The in-parameters, in order.
    let parameters: [Parameter]
    /// How many trailing parameters may be left out.
    let optional: Int
    /// The out-parameters a line can bind, in C order.
    let outputs: [String]

    /// The fewest arguments a line may give.
    var minimumArguments: Int { parameters.count - optional }

    /// The functions scenarios can call, by C name (the A and W forms of CryptAcquireContext too).
    static let all: [String: CryptCallSpec] = {
        let specs = [
            CryptCallSpec(name: "CryptAcquireContext", parameters: [.string, .string, .dword, .dword], optional: 0,
                          outputs: ["phProv"]),
            CryptCallSpec(name: "CryptContextAddRef", parameters: [.handle, .pointer, .dword], optional: 0, outputs: []),
            CryptCallSpec(name: "CryptReleaseContext", parameters: [.handle, .dword], optional: 0, outputs: []),
            CryptCallSpec(name: "CryptGenKey", parameters: [.handle, .dword, .dword], optional: 0, outputs: ["phKey"]),
            CryptCallSpec(name: "CryptDeriveKey", parameters: [.handle, .dword, .handle, .dword], optional: 0,
                          outputs: ["phKey"]),
            CryptCallSpec(name: "CryptDestroyKey", parameters: [.handle], optional: 0, outputs: []),
            CryptCallSpec(name: "CryptGetUserKey", parameters: [.handle, .dword], optional: 0, outputs: ["phUserKey"]),
            CryptCallSpec(name: "CryptCreateHash", parameters: [.handle, .dword, .handle, .dword], optional: 0,
                          outputs: ["phHash"]),
            CryptCallSpec(name: "CryptHashData", parameters: [.handle, .data, .dword], optional: 0, outputs: []),
            CryptCallSpec(name: "CryptHashSessionKey", parameters: [.handle, .handle, .dword], optional: 0, outputs: []),
            CryptCallSpec(name: "CryptGetHashParam", parameters: [.handle, .dword, .dword, .dword], optional: 1,
                          outputs: ["pbData", "pdwDataLen"]),
            CryptCallSpec(name: "CryptDestroyHash", parameters: [.handle], optional: 0, outputs: []),
            CryptCallSpec(name: "CryptEncrypt", parameters: [.handle, .handle, .dword, .dword, .data, .dword],
                          optional: 1, outputs: ["pbData", "pdwDataLen"]),
            CryptCallSpec(name: "CryptDecrypt", parameters: [.handle, .handle, .dword, .dword, .data], optional: 0,
                          outputs: ["pbData", "pdwDataLen"]),
            CryptCallSpec(name: "SetLastError", parameters: [.dword], optional: 0, outputs: []),
            CryptCallSpec(name: "GetLastError", parameters: [], optional: 0, outputs: []),
        ]
        var table: [String: CryptCallSpec] = [:]
        for spec in specs { table[spec.name] = spec }
        table["CryptAcquireContextA"] = table["CryptAcquireContext"]
        table["CryptAcquireContextW"] = table["CryptAcquireContext"]
        return table
    }()

    /// The directives scenarios can use, with the fewest and most words each takes.
    static let directives: [String: ClosedRange<Int>] = [
        "thread": 1...1, "profile": 1...1, "buffer": 2...3, "pause": 1...1, "resume": 1...1,
    ]
}
