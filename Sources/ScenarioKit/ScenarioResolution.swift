/// A problem found while running a line that parsed: an unknown constant or name, a value of the
/// wrong shape. The runner reports it as the line's outcome.
public struct ScenarioRuntimeError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 1-based column of the offending argument.
    public let column: Int
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    /// `column 12: unknown constant FOO`.
    public var description: String { "column \(column): \(message)" }
}

/// Constants by C name, for resolving scenario arguments.
public struct ScenarioConstants: Sendable {
    /// The values by name.
    public let values: [String: UInt64]

    /// Creates a table from name-value pairs; later pairs win.
    public init(_ pairs: [(String, UInt64)]) {
        var values: [String: UInt64] = [:]
        for (name, value) in pairs { values[name] = value }
        self.values = values
    }

    /// The name of a value among those starting with `prefix`, for printing codes by name.
    public func name(of value: UInt64, prefix: String = "") -> String? {
        values.filter { $0.value == value && $0.key.hasPrefix(prefix) }.keys.sorted().first
    }

    /// Resolves an argument to an integer of `width` bits: numbers, `NULL`, `~0`, constants and
    /// unions of them; `names` resolves bound names first.
    public func integer(
        _ argument: ScenarioArgument, width: Int = 32, names: (String) -> UInt64? = { _ in nil }
    ) throws(ScenarioRuntimeError) -> UInt64 {
        let mask: UInt64 = width >= 64 ? .max : (1 << UInt64(width)) - 1
        switch argument.value {
        case .null: return 0
        case .number(let value):
            guard value & ~mask == 0 else {
                throw ScenarioRuntimeError(column: argument.column, message: "\(value) does not fit in \(width) bits")
            }
            return value
        case .allOnes: return mask
        case .symbol(let name):
            if let value = names(name) ?? values[name] { return value & mask }
            throw ScenarioRuntimeError(column: argument.column, message: "unknown name or constant \(ScenarioToken.quoted(name))")
        case .union(let parts):
            var result: UInt64 = 0
            for part in parts {
                result |= try integer(ScenarioArgument(value: part, column: argument.column), width: width, names: names)
            }
            return result
        case .bytes:
            throw ScenarioRuntimeError(column: argument.column, message: "expected a number, found a string")
        }
    }
}

extension ScenarioExpectation {
    /// The hex digits of the words from `index` on, joined (`90 00` and `9000` both give `9000`),
    /// lowercased; nil when there are none or one is not hex.
    public func hexWords(from index: Int) -> String? {
        guard index < words.count else { return nil }
        let joined = words[index...].joined().lowercased()
        guard joined.count % 2 == 0, joined.allSatisfy({ $0.isHexDigit }) else { return nil }
        return joined
    }
}
