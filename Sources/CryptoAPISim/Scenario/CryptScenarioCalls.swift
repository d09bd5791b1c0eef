import ScenarioKit

/// What a CryptoAPI scenario line may call: each function's in-parameters in order and the
/// out-parameters its names bind, as wincrypt.h declares them, and the directives.
public enum CryptScenarioCalls {
    /// The call table of `scard crypt`.
    public static let table = ScenarioCallTable(
        family: "crypt",
        functions: [
            ScenarioFunction(
                "CryptAcquireContext", parameters: ["szContainer", "szProvider", "dwProvType", "dwFlags"],
                outputs: ["phProv"], returns: "BOOL", aliases: ["CryptAcquireContextA", "CryptAcquireContextW"]),
            ScenarioFunction("CryptContextAddRef", parameters: ["hProv", "pdwReserved", "dwFlags"], returns: "BOOL"),
            ScenarioFunction("CryptReleaseContext", parameters: ["hProv", "dwFlags"], returns: "BOOL"),
            ScenarioFunction("CryptGenKey", parameters: ["hProv", "Algid", "dwFlags"], outputs: ["phKey"], returns: "BOOL"),
            ScenarioFunction(
                "CryptDeriveKey", parameters: ["hProv", "Algid", "hBaseData", "dwFlags"], outputs: ["phKey"], returns: "BOOL"),
            ScenarioFunction("CryptDestroyKey", parameters: ["hKey"], returns: "BOOL"),
            ScenarioFunction("CryptGetUserKey", parameters: ["hProv", "dwKeySpec"], outputs: ["phUserKey"], returns: "BOOL"),
            ScenarioFunction(
                "CryptCreateHash", parameters: ["hProv", "Algid", "hKey", "dwFlags"], outputs: ["phHash"], returns: "BOOL"),
            ScenarioFunction("CryptHashData", parameters: ["hHash", "pbData", "dwFlags"], returns: "BOOL"),
            ScenarioFunction("CryptHashSessionKey", parameters: ["hHash", "hKey", "dwFlags"], returns: "BOOL"),
            ScenarioFunction(
                "CryptGetHashParam", parameters: ["hHash", "dwParam", "dwFlags", "pdwDataLen"], optional: 1,
                outputs: ["pbData", "pdwDataLen"], returns: "BOOL"),
            ScenarioFunction("CryptDestroyHash", parameters: ["hHash"], returns: "BOOL"),
            ScenarioFunction(
                "CryptEncrypt", parameters: ["hKey", "hHash", "Final", "dwFlags", "pbData", "dwBufLen"], optional: 1,
                outputs: ["pbData", "pdwDataLen"], returns: "BOOL"),
            ScenarioFunction(
                "CryptDecrypt", parameters: ["hKey", "hHash", "Final", "dwFlags", "pbData"],
                outputs: ["pbData", "pdwDataLen"], returns: "BOOL"),
            ScenarioFunction("SetLastError", parameters: ["dwErrCode"], returns: "VOID"),
            ScenarioFunction("GetLastError", parameters: [], returns: "DWORD"),
        ],
        directives: [
            ScenarioDirectiveForm("thread", words: 1...1, usage: "NAME", takesExpectation: false),
            ScenarioDirectiveForm("profile", words: 1...1, usage: "windows|documented", takesExpectation: false),
            ScenarioDirectiveForm("buffer", words: 2...3, usage: "NAME SIZE [PATTERN]", takesExpectation: false),
            ScenarioDirectiveForm("pause", words: 1...1, usage: "N", takesExpectation: false),
            ScenarioDirectiveForm("resume", words: 1...1, usage: "THREAD"),
        ],
        readExpectation: { (expectation, call) throws(ScenarioRuntimeError) in
            _ = try CryptExpectation(expectation, function: call)
        })
}
