/// Parses the scenario grammar shared by the simulators, one line at a time.
enum ScenarioParser {
    static func parse(_ text: String) throws(ScenarioSyntaxError) -> Scenario {
        var lines: [ScenarioLine] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var cursor = LineCursor(Array(raw.unicodeScalars), line: number)
            if let line = try cursor.parseLine() {
                lines.append(line)
            }
        }
        return Scenario(lines: lines)
    }
}

/// A position in one line of scenario text.
struct LineCursor {
    let scalars: [Unicode.Scalar]
    let line: Int
    var index = 0

    init(_ scalars: [Unicode.Scalar], line: Int) {
        var trimmed = scalars
        while let last = trimmed.last, last == "\r" || last == " " || last == "\t" { trimmed.removeLast() }
        self.scalars = trimmed
        self.line = line
    }

    var column: Int { index + 1 }
    var atEnd: Bool { index >= scalars.count || scalars[index] == "#" }
    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func error(_ message: String, at column: Int? = nil) -> ScenarioSyntaxError {
        ScenarioSyntaxError(line: line, column: column ?? self.column, message: message)
    }

    mutating func skipBlanks() {
        while let c = current, c == " " || c == "\t" { index += 1 }
    }

    func peek(_ text: String) -> Bool {
        let wanted = Array(text.unicodeScalars)
        guard index + wanted.count <= scalars.count else { return false }
        return Array(scalars[index..<index + wanted.count]) == wanted
    }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || (c.properties.isAlphabetic && c.isASCII)
    }

    static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || ("0"..."9").contains(c)
    }

    mutating func identifier() -> String? {
        guard let c = current, Self.isIdentifierStart(c) else { return nil }
        var text = ""
        while let c = current, Self.isIdentifierPart(c) {
            text.unicodeScalars.append(c)
            index += 1
        }
        return text
    }

    /// The text of the line without its comment, trimmed.
    func meaningfulText() -> String {
        var end = 0
        var inQuote = false
        var escaped = false
        for (i, c) in scalars.enumerated() {
            if inQuote {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inQuote = false }
            } else if c == "\"" {
                inQuote = true
            } else if c == "#" {
                break
            }
            end = i + 1
        }
        var text = String(String.UnicodeScalarView(scalars[0..<end]))
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }

    mutating func parseLine() throws(ScenarioSyntaxError) -> ScenarioLine? {
        skipBlanks()
        if atEnd { return nil }
        let text = meaningfulText()
        if current == "@" {
            index += 1
            guard let name = identifier() else { throw error("expected a directive name after '@'") }
            let directive = try parseDirective(name)
            return ScenarioLine(number: line, text: text, content: .directive(directive))
        }
        return ScenarioLine(number: line, text: text, content: .call(try parseCall()))
    }

    mutating func parseDirective(_ name: String) throws(ScenarioSyntaxError) -> ScenarioDirective {
        var words: [String] = []
        while true {
            skipBlanks()
            if atEnd { break }
            if peek("=>") {
                return ScenarioDirective(name: name, words: words, expectation: try parseExpectation())
            }
            if current == "\"" {
                let bytes = try quoted()
                words.append(String(decoding: bytes, as: UTF8.self))
                continue
            }
            var word = ""
            while let c = current, c != " ", c != "\t", c != "#" {
                word.unicodeScalars.append(c)
                index += 1
            }
            words.append(word)
        }
        return ScenarioDirective(name: name, words: words, expectation: nil)
    }

    mutating func parseCall() throws(ScenarioSyntaxError) -> ScenarioCall {
        let start = index
        var bindings: [String] = []
        // Try `name[, name] =`; if no `=` follows, rewind and read a function name.
        if let first = identifier() {
            var names = [first]
            var isBinding = false
            while true {
                skipBlanks()
                if current == "," {
                    index += 1
                    skipBlanks()
                    guard let next = identifier() else { throw error("expected a name after ','") }
                    names.append(next)
                    continue
                }
                if current == "=" && !peek("=>") {
                    index += 1
                    isBinding = true
                }
                break
            }
            if isBinding {
                bindings = names
            } else {
                if names.count > 1 { throw error("expected '=' after the names to bind") }
                index = start
            }
        }
        skipBlanks()
        let functionColumn = column
        guard let function = identifier() else {
            throw error(current.map { "expected a function name, found '\($0)'" } ?? "expected a function name")
        }
        var arguments: [ScenarioArgument] = []
        var expectation: ScenarioExpectation?
        while true {
            skipBlanks()
            if atEnd { break }
            if peek("=>") {
                expectation = try parseExpectation()
                break
            }
            let column = self.column
            arguments.append(ScenarioArgument(value: try value(), column: column))
            if let c = current, c != " ", c != "\t", c != "#" {
                throw error("unexpected '\(c)' after an argument")
            }
        }
        return ScenarioCall(
            bindings: bindings, function: function, functionColumn: functionColumn,
            arguments: arguments, expectation: expectation)
    }

    mutating func parseExpectation() throws(ScenarioSyntaxError) -> ScenarioExpectation {
        let column = self.column
        index += 2
        var words: [String] = []
        while true {
            skipBlanks()
            if atEnd { break }
            var word = ""
            while let c = current, c != " ", c != "\t", c != "#" {
                word.unicodeScalars.append(c)
                index += 1
            }
            words.append(word)
        }
        if words.isEmpty { throw error("expected a result after '=>'", at: column) }
        return ScenarioExpectation(words: words, column: column)
    }
}
