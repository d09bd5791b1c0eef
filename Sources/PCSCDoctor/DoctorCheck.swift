/// The result of one check: what was checked, what was found, and how to fix it.
public struct DoctorCheck: Encodable, Sendable, Equatable {
    /// How a check came out.
    public enum Status: String, Encodable, Sendable {
        /// Passed.
        case ok
        /// Passed, with something to fix (a failure under --strict).
        case warn
        /// Failed: the checks after it are skipped.
        case fail
        /// Not made.
        case skip
    }

    /// A stable identifier (`socket`, `readers` ...).
    public let id: String
    /// What is checked, in words.
    public let title: String
    /// The outcome.
    public let status: Status
    /// What was found.
    public let detail: String
    /// How to fix a failure or a warning.
    public let fix: String?
    /// The exit code of a failure (or of a warning under --strict).
    public let code: Int32?
    /// The ATR of the card the check found, when it found one.
    public let atr: [UInt8]?

    /// Creates a check result.
    public init(
        id: String, title: String, status: Status, detail: String, fix: String?, code: Int32?, atr: [UInt8]? = nil
    ) {
        self.id = id
        self.title = title
        self.status = status
        self.detail = detail
        self.fix = fix
        self.code = code
        self.atr = atr
    }

    /// A check that passed (having found the card with `atr`, if given).
    public static func ok(_ id: String, _ title: String, _ detail: String, atr: [UInt8]? = nil) -> DoctorCheck {
        DoctorCheck(id: id, title: title, status: .ok, detail: detail, fix: nil, code: nil, atr: atr)
    }

    /// A check that failed with its code and fix.
    public static func fail(_ id: String, _ title: String, _ code: DoctorCode, _ detail: String, fix: String) -> DoctorCheck {
        DoctorCheck(id: id, title: title, status: .fail, detail: detail, fix: fix, code: code.rawValue)
    }

    /// A check that passed with a warning (a failure under --strict).
    public static func warn(_ id: String, _ title: String, _ code: DoctorCode, _ detail: String, fix: String) -> DoctorCheck {
        DoctorCheck(id: id, title: title, status: .warn, detail: detail, fix: fix, code: code.rawValue)
    }

    /// A check not made because an earlier one failed.
    public static func skip(_ id: String, _ title: String) -> DoctorCheck {
        DoctorCheck(id: id, title: title, status: .skip, detail: "not checked: an earlier check failed", fix: nil, code: nil)
    }
}
