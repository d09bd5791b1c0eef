/// What an `@expect NAME PROPERTY => ...` line asks about a bound name.
public enum ScenarioProperty: String, Sendable, CaseIterable {
    /// The object's reference count (`@expect ctx references => 2`); 0 once it is freed.
    case references
    /// Whether the object is still live (`@expect key live => FALSE`).
    case live
    /// What an out-parameter holds (`@expect old value => ctx`, `=> NULL`).
    case value
    /// How often, at which line and level, the object's cleanup callback ran (`=> 1 line 12 PASSIVE_LEVEL`).
    case cleanups
    /// How often, and at which line, the server ran down the context behind a handle (`=> 1 line 9`).
    case rundowns
}

/// One run of a callback a state expectation counts: the line that caused it and the level it ran at.
public struct ScenarioCallbackRun: Sendable, Equatable {
    /// The 1-based line during which it ran.
    public let line: Int
    /// The IRQL it ran at (`PASSIVE_LEVEL`), when the simulator has levels.
    public let level: String?

    /// Creates a record of one run.
    public init(line: Int, level: String? = nil) {
        self.line = line
        self.level = level
    }
}

/// A session's answer to a state query.
public enum ScenarioState: Sendable, Equatable {
    /// A reference count.
    case count(Int)
    /// Liveness.
    case flag(Bool)
    /// What a variable holds, as reports name it (`context#3`, `NULL`).
    case value(String)
    /// Each run of a callback, in order.
    case runs([ScenarioCallbackRun])

    /// The answer as a step shows it.
    public var description: String {
        switch self {
        case .count(let count): return String(count)
        case .flag(let flag): return flag ? "TRUE" : "FALSE"
        case .value(let value): return value
        case .runs(let runs):
            guard let last = runs.last else { return "0" }
            return "\(runs.count) line \(last.line)" + (last.level.map { " \($0)" } ?? "")
        }
    }
}

/// Reads and checks the expectations of `@expect` lines, the same for every simulator.
enum ScenarioStateCheck {
    /// Checks an `@expect` line's words and expectation before anything runs.
    static func validate(_ directive: ScenarioDirective) throws(ScenarioRuntimeError) {
        guard ScenarioProperty(rawValue: directive.words[1]) != nil else {
            let known = ScenarioProperty.allCases.map(\.rawValue).joined(separator: ", ")
            throw ScenarioRuntimeError(
                column: 1, message: "unknown property \(ScenarioToken.quoted(directive.words[1])) (one of \(known))")
        }
        guard let expectation = directive.expectation else {
            throw ScenarioRuntimeError(column: 1, message: "@expect needs '=> VALUE'")
        }
        let property = ScenarioProperty(rawValue: directive.words[1]) ?? .value
        let words = expectation.words
        switch property {
        case .references:
            guard words.count == 1, Int(words[0]) != nil else { throw wrong(expectation, "a count") }
        case .live:
            guard words.count == 1, words[0] == "TRUE" || words[0] == "FALSE" else { throw wrong(expectation, "TRUE or FALSE") }
        case .value:
            guard words.count == 1, ScenarioToken.isName(words[0]) else { throw wrong(expectation, "a name or NULL") }
        case .cleanups, .rundowns:
            guard let count = words.first, Int(count) != nil else { throw wrong(expectation, "a count") }
            var rest = words.dropFirst()
            if rest.first == "line" {
                guard rest.count >= 2, Int(rest[rest.startIndex + 1]) != nil else { throw wrong(expectation, "a line number after 'line'") }
                rest = rest.dropFirst(2)
            }
            if let level = rest.first {
                guard rest.count == 1, level.hasSuffix("_LEVEL") else {
                    throw wrong(expectation, "COUNT [line N] [LEVEL]")
                }
            }
        }
    }

    /// Whether the state meets the expectation; `resolve` gives the value a name on the right holds.
    static func isMet(
        _ state: ScenarioState, _ expectation: ScenarioExpectation, resolve: (String) -> ScenarioState?
    ) -> Bool {
        let words = expectation.words
        switch state {
        case .count(let count): return Int(words[0]) == count
        case .flag(let flag): return words[0] == (flag ? "TRUE" : "FALSE")
        case .value(let value):
            if words[0] == "NULL" { return value == "NULL" }
            return resolve(words[0]) == .value(value)
        case .runs(let runs):
            guard Int(words[0]) == runs.count else { return false }
            var rest = words.dropFirst()
            if rest.first == "line" {
                guard runs.last?.line == Int(rest[rest.startIndex + 1]) else { return false }
                rest = rest.dropFirst(2)
            }
            if let level = rest.first, runs.last?.level != level { return false }
            return true
        }
    }

    private static func wrong(_ expectation: ScenarioExpectation, _ wanted: String) -> ScenarioRuntimeError {
        ScenarioRuntimeError(
            column: expectation.column,
            message: "expected \(wanted) after '=>', found \(ScenarioToken.quoted(expectation.words.joined(separator: " ")))")
    }
}
