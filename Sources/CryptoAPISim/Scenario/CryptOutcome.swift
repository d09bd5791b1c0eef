/// What one scenario call did: its return, the thread's last error after it, the bytes it wrote
/// and the names it bound.
struct CryptOutcome: Sendable {
    /// The kind of return.
    enum Kind: Sendable {
        /// A BOOL function returned.
        case bool(Bool)
        /// `GetLastError` returned a code.
        case lastError(CryptError)
        /// A void function (`SetLastError`) returned.
        case void
        /// The call is stopped inside the API (at a pause point) and has not returned yet.
        case pending(String)
    }

    /// A value a call wrote through an out-parameter.
    enum Value: Sendable {
        /// A handle (`*phProv`, `*phKey`, `*phHash`).
        case handle(UInt64)
        /// Bytes (`pbData`).
        case bytes([UInt8])
        /// A length (`*pdwDataLen`).
        case length(DWORD)
    }

    /// The return.
    var kind: Kind
    /// The values written through the out-parameters, in C order; nil for a NULL pointer.
    var values: [Value?] = []
    /// The calling thread's last error after the call.
    var lastError: CryptError = .success
    /// The bytes the call wrote out, if any.
    var output: [UInt8]? = nil
    /// Names the line bound, with display values.
    var bound: [String: String] = [:]
    /// Extra lines to show.
    var notes: [String] = []

    /// The return as a scenario prints it.
    var returned: String {
        switch kind {
        case .bool(let value): value ? "TRUE" : "FALSE"
        case .lastError(let code): code.description
        case .void: "-"
        case .pending: "pending"
        }
    }

    /// The last error to print: for BOOL functions that returned FALSE (a success leaves the last
    /// error as it was; `GetLastError` shows it).
    var lastErrorText: String? {
        guard case .bool(false) = kind else { return nil }
        return lastError.description
    }
}
