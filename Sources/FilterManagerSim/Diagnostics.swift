import ContextCore

/// A problem the simulator detected where Driver Verifier would: a use of a freed context, a
/// release without a reference, a leak at unregister. The call goes on; nothing crashes.
public struct VerifierReport: Sendable, Equatable, CustomStringConvertible {
    /// How serious the report is.
    public enum Severity: String, Sendable {
        /// A rule was broken: a real system would corrupt memory or hang.
        case violation
        /// Allowed, but against the documentation's advice.
        case warning
    }

    /// How serious the report is.
    public let severity: Severity
    /// What happened, naming the context, the routine and the location.
    public let message: String

    /// Creates a report.
    public init(_ severity: Severity, _ message: String) {
        self.severity = severity
        self.message = message
    }

    /// `VERIFIER: ...` or `VERIFIER WARNING: ...`.
    public var description: String {
        (severity == .violation ? "VERIFIER: " : "VERIFIER WARNING: ") + message
    }
}

/// A bug check: the simulated machine stopped because a rule that Windows enforces by crashing was
/// broken (a paged context released at DISPATCH_LEVEL). Every later call reports the same bug check.
public struct BugCheck: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bug check code.
    public let code: UInt32
    /// The bug check's symbolic name.
    public let name: String
    /// The rule that was broken and the call that broke it.
    public let rule: String
    /// Where the call was made (`line 12`), when known.
    public let location: String
    /// The four parameters, as the bug check page lists them.
    public let parameters: [UInt64]

    /// Creates a bug check.
    public init(code: UInt32, name: String, rule: String, location: String, parameters: [UInt64] = [0, 0, 0, 0]) {
        self.code = code
        self.name = name
        self.rule = rule
        self.location = location
        self.parameters = parameters
    }

    /// `DRIVER_IRQL_NOT_LESS_OR_EQUAL` (0xD1): pageable memory touched at or above DISPATCH_LEVEL.
    /// Parameters: the address referenced, the IRQL, 0 (a read), the address of the instruction (0 here).
    public static func irqlNotLessOrEqual(_ rule: String, at location: String, address: UInt64 = 0, irql: IRQL) -> BugCheck {
        BugCheck(
            code: 0xD1, name: "DRIVER_IRQL_NOT_LESS_OR_EQUAL", rule: rule, location: location,
            parameters: [address, UInt64(irql.rawValue), 0, 0])
    }

    /// `DRIVER_VERIFIER_DETECTED_VIOLATION` (0xC4), as Driver Verifier stops a pool misuse:
    /// Parameter 1 `0x01` paged allocation above APC_LEVEL (then the IRQL, the pool type, the size),
    /// `0x11` paged free above APC_LEVEL (then the IRQL, the pool type, the address).
    public static func verifierViolation(
        _ violation: UInt64, _ rule: String, at location: String, irql: IRQL, pool: PoolType, last: UInt64
    ) -> BugCheck {
        BugCheck(
            code: 0xC4, name: "DRIVER_VERIFIER_DETECTED_VIOLATION", rule: rule, location: location,
            parameters: [violation, UInt64(irql.rawValue), UInt64(pool.rawValue), last])
    }

    /// `BUGCHECK 0xD1`.
    public var title: String {
        "BUGCHECK 0x" + String(code, radix: 16, uppercase: true)
    }

    /// `BUGCHECK 0xD1 DRIVER_IRQL_NOT_LESS_OR_EQUAL (0x0, 0x2, 0x0, 0x0) at line 12: <rule>`.
    public var description: String {
        let values = parameters.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: ", ")
        return "\(title) \(name) (\(values))" + (location.isEmpty ? "" : " at \(location)") + ": \(rule)"
    }
}

/// One run of a context's cleanup callback, as the simulator recorded it.
public struct CleanupCall: Sendable, Equatable, CustomStringConvertible {
    /// The context cleaned up.
    public let context: FltContext
    /// Its name in the ledger (`context#3`).
    public let name: String
    /// Its type.
    public let type: ContextType
    /// The registered callback's name; nil when the registration has none.
    public let callback: String?
    /// The level the callback ran at.
    public let irql: IRQL
    /// Whether it ran in the work item queued by a release at DISPATCH_LEVEL.
    public let inWorkItem: Bool

    /// `StreamCleanup(context#3, FLT_STREAM_CONTEXT) at PASSIVE_LEVEL in the work item`.
    public var description: String {
        let callee = callback.map { "cleanup \($0)(\(name), \(type))" } ?? "no cleanup callback for \(name)"
        return callee + " at \(irql)" + (inWorkItem ? " in the work item" : "") + ", then freed"
    }
}
