/// A script of APDUs in scriptor's format (pcsc-tools), with `scard`'s extensions: expected responses
/// after `=>`, `echo`, `delay`, `transaction begin` / `transaction end` blocks and `# test:` section markers.
///
/// scriptor's format is one APDU in hex per line, `#` comments, blank lines, `reset` and `exit`, and
/// a trailing `\` to continue an APDU on the next line; a scriptor script parses unchanged.
/// Parsing checks every line before anything runs, and reports every malformed line with its
/// line and column.
public struct APDUScript: Sendable, Equatable {
    /// The lines that do something (blank lines and plain comments are left out), in order.
    public let lines: [ScriptLine]

    /// Creates a script from lines.
    public init(lines: [ScriptLine]) {
        self.lines = lines
    }

    /// Parses script text. With `checkingAPDUStructure` (the default), an APDU whose length fields
    /// do not match its length (ISO/IEC 7816-4, cases 1 to 4, short and extended) is an error;
    /// turn it off to send deliberately malformed APDUs, as reader tests do.
    public init(parsing text: String, checkingAPDUStructure: Bool = true) throws(ScriptSyntaxError) {
        var parser = ScriptParser(checkingStructure: checkingAPDUStructure)
        parser.parse(text)
        guard parser.diagnostics.isEmpty else {
            // In line order; problems found on the same line keep the order they were found in.
            let ordered = parser.diagnostics.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            throw ScriptSyntaxError(diagnostics: ordered.map(\.element))
        }
        lines = parser.lines
    }

    /// The names of the `# test:` sections, in order.
    public var testSections: [String] {
        lines.compactMap {
            if case .testSection(let name) = $0.kind { return name }
            return nil
        }
    }
}

/// One meaningful line of a script.
public struct ScriptLine: Sendable, Equatable {
    /// What a line does.
    public enum Kind: Sendable, Equatable {
        /// Send an APDU; check the response against the pattern when there is one.
        case apdu(bytes: [UInt8], expectation: ResponsePattern?)
        /// Reconnect to the card with a card reset (`reset`).
        case reset
        /// Stop the script here (`exit`); the parser ignores everything after it, as scriptor does.
        case exit
        /// Print a text (`echo TEXT`).
        case echo(String)
        /// Wait (`delay 100ms`, `delay 2s`).
        case delay(milliseconds: Int)
        /// Start a test case named by a `# test: NAME` comment.
        case testSection(String)
        /// Begin a PC/SC transaction (`transaction begin`): no other application uses the card until
        /// the matching `transaction end`.
        case beginTransaction
        /// End the transaction of the block (`transaction end`).
        case endTransaction
    }

    /// The 1-based line number (the first line of an APDU continued with `\`).
    public let number: Int
    /// The line as written, without surrounding blanks; continued lines are joined with a space.
    public let text: String
    /// What the line does.
    public let kind: Kind

    /// Creates a line.
    public init(number: Int, text: String, kind: Kind) {
        self.number = number
        self.text = text
        self.kind = kind
    }
}
