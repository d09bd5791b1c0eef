/// The expectation written after `=>`: the return value, then, depending on the family, the last
/// error and output bytes.
public struct ScenarioExpectation: Sendable, Equatable {
    /// The words after `=>`, in order (`TRUE`, `FALSE NTE_BAD_FLAGS`, `STATUS_SUCCESS`, `-`).
    public let words: [String]
    /// The 1-based column of `=>`.
    public let column: Int

    /// The expected return value (the first word).
    public var returnWord: String { words.first ?? "" }
}

/// A call line: `[NAME[, NAME] =] Function ARG* [=> EXPECTED]`.
public struct ScenarioCall: Sendable, Equatable {
    /// The names bound to the call's out-parameters, in the order the C function declares them.
    public let bindings: [String]
    /// The function's C name.
    public let function: String
    /// The 1-based column of the function name.
    public let functionColumn: Int
    /// The in-parameters in order.
    public let arguments: [ScenarioArgument]
    /// What the line expects, if it says.
    public let expectation: ScenarioExpectation?
}

/// A directive line: `@name word*` (`@irql DISPATCH_LEVEL`, `@thread T2`, `@drain`).
public struct ScenarioDirective: Sendable, Equatable {
    /// The name without the `@`.
    public let name: String
    /// The words after the name, quotes removed.
    public let words: [String]
    /// What the line expects, if it says (`@drop client1 => RPC_S_OK`).
    public let expectation: ScenarioExpectation?
}

/// One meaningful line of a scenario file.
public struct ScenarioLine: Sendable, Equatable {
    /// What the line says.
    public enum Content: Sendable, Equatable {
        /// An API call.
        case call(ScenarioCall)
        /// A directive.
        case directive(ScenarioDirective)
    }

    /// The 1-based line number in the file.
    public let number: Int
    /// The line as written, without its comment and surrounding blanks.
    public let text: String
    /// What the line says.
    public let content: Content

    /// What the line expects, if it says: a call's or a directive's `=> ...`.
    public var expectation: ScenarioExpectation? {
        switch content {
        case .call(let call): call.expectation
        case .directive(let directive): directive.expectation
        }
    }

    /// Creates a line.
    public init(number: Int, text: String, content: Content) {
        self.number = number
        self.text = text
        self.content = content
    }
}

/// A parsed scenario file: its call and directive lines, in order.
public struct Scenario: Sendable, Equatable {
    /// The lines that are neither blank nor comments.
    public let lines: [ScenarioLine]

    /// Creates a scenario from parsed lines.
    public init(lines: [ScenarioLine]) {
        self.lines = lines
    }

    /// Parses scenario text; throws the first syntax error with its line and column.
    public init(parsing text: String) throws(ScenarioSyntaxError) {
        self = try ScenarioParser.parse(text)
    }
}

/// A syntax error in a scenario file, naming the line and column.
public struct ScenarioSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The 1-based line number.
    public let line: Int
    /// The 1-based column.
    public let column: Int
    /// What is wrong.
    public let message: String

    /// Creates an error at a position.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line 3, column 14: unterminated string`.
    public var description: String {
        "line \(line), column \(column): \(message)"
    }
}
