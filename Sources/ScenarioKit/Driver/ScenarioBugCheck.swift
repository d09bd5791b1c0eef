/// A bug check a line caused: the simulated machine stopped, with the code and the four parameters
/// Windows shows (`BUGCHECK 0xC4 0x01 ...`).
public struct ScenarioBugCheck: Sendable, Codable, Equatable {
    /// The bug check code (`0xC4`).
    public let code: UInt32
    /// The symbolic name (`DRIVER_VERIFIER_DETECTED_VIOLATION`).
    public let name: String
    /// The parameters, in order (Parameter 1 first).
    public let parameters: [UInt64]

    /// Creates a bug check.
    public init(code: UInt32, name: String, parameters: [UInt64]) {
        self.code = code
        self.name = name
        self.parameters = parameters
    }

    /// `BUGCHECK 0xC4 0x1 0x2 0x1 0x40`.
    public var words: String {
        (["BUGCHECK", Self.hex(UInt64(code))] + parameters.map(Self.hex)).joined(separator: " ")
    }

    /// Whether the words after `=> BUGCHECK` (a code, then leading parameters, each optional)
    /// describe this bug check.
    public func matches(_ expectation: ScenarioExpectation) -> Bool {
        guard let wanted = try? Self.expected(in: expectation) else { return false }
        if let code = wanted.code, code != UInt64(self.code) { return false }
        guard wanted.parameters.count <= parameters.count else { return false }
        return zip(wanted.parameters, parameters).allSatisfy { $0 == $1 }
    }

    /// The code and parameters an expectation `=> BUGCHECK [CODE [P1 ...]]` names; throws when a
    /// word is not a number.
    public static func expected(in expectation: ScenarioExpectation) throws(ScenarioRuntimeError) -> (code: UInt64?, parameters: [UInt64]) {
        var numbers: [UInt64] = []
        for word in expectation.words.dropFirst() {
            guard let value = number(word) else {
                throw ScenarioRuntimeError(
                    column: expectation.column,
                    message: "\(ScenarioToken.quoted(word)) is not a bug check code or parameter (a decimal or 0x number)")
            }
            numbers.append(value)
        }
        guard numbers.count <= 5 else {
            throw ScenarioRuntimeError(column: expectation.column, message: "BUGCHECK takes a code and at most 4 parameters")
        }
        return (numbers.first, Array(numbers.dropFirst()))
    }

    /// Whether an expectation expects a bug check.
    public static func isExpected(by expectation: ScenarioExpectation?) -> Bool {
        expectation?.returnWord == "BUGCHECK"
    }

    static func number(_ word: String) -> UInt64? {
        if word.hasPrefix("0x") || word.hasPrefix("0X") { return UInt64(word.dropFirst(2), radix: 16) }
        return UInt64(word)
    }

    static func hex(_ value: UInt64) -> String {
        "0x" + String(value, radix: 16, uppercase: true)
    }
}
