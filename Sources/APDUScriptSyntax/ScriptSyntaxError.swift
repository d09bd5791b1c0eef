/// One malformed spot of a script: line, column and what is wrong.
public struct ScriptDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// The 1-based line number.
    public let line: Int
    /// The 1-based column (in characters).
    public let column: Int
    /// What is wrong, in one sentence.
    public let message: String

    /// Creates a diagnostic.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `LINE:COLUMN: MESSAGE`, the form compilers use, to follow a file name.
    public var description: String { "\(line):\(column): \(message)" }
}

/// A script that does not parse: every malformed line, in line order.
public struct ScriptSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every problem found, in line order; never empty when thrown by the parser.
    public let diagnostics: [ScriptDiagnostic]

    /// Creates an error from its diagnostics.
    public init(diagnostics: [ScriptDiagnostic]) {
        self.diagnostics = diagnostics
    }

    /// The line of the first problem.
    public var line: Int { diagnostics.first?.line ?? 0 }
    /// The column of the first problem.
    public var column: Int { diagnostics.first?.column ?? 0 }
    /// The message of the first problem.
    public var message: String { diagnostics.first?.message ?? "" }

    /// One `LINE:COLUMN: MESSAGE` line per problem.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
