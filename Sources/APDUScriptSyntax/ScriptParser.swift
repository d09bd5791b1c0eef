/// Reads a script line by line, collecting every problem instead of stopping at the first.
struct ScriptParser {
    /// An APDU continued with `\` whose next part has not been read yet.
    struct PendingAPDU {
        /// The line it started on.
        var firstLine: Int
        /// The column of its first byte on that line.
        var firstColumn: Int
        /// The line that ended with `\`.
        var lastLine: Int
        /// The bytes read so far.
        var bytes: [UInt8]
        /// The text of each part.
        var texts: [String]
        /// Whether some part had a malformed word (already reported).
        var failed: Bool
    }

    /// The commands a line may start with.
    static let keywords = ["reset", "exit", "echo", "delay", "transaction"]

    /// Whether APDU length fields must match the APDU's length.
    let checkingStructure: Bool
    /// The lines read so far.
    var lines: [ScriptLine] = []
    /// The problems found so far.
    var diagnostics: [ScriptDiagnostic] = []
    /// An APDU continued with `\` on the last line read.
    var pending: PendingAPDU?
    /// The line and column of the `transaction begin` whose block is still open.
    var openTransaction: (line: Int, column: Int)?

    /// Prepares a parser.
    init(checkingStructure: Bool) {
        self.checkingStructure = checkingStructure
    }

    /// Parses the whole text; stops after `exit`, as scriptor does.
    mutating func parse(_ text: String) {
        var storage = text
        storage.withUTF8 { utf8 in
            var number = 0
            for range in Self.lineRanges(utf8) {
                number += 1
                let line = UnsafeBufferPointer(rebasing: utf8[range])
                if parsePlainAPDU(line, number: number) { continue }
                if !parseLine(Array(String(decoding: line, as: UTF8.self)), number: number) { break }
            }
        }
        if let pending {
            report(pending.lastLine, 1, "the APDU ends with '\\' but no line follows to continue it")
        }
        if let open = openTransaction {
            report(open.line, open.column, "transaction begin has no transaction end")
        }
    }

    /// Records a problem.
    mutating func report(_ line: Int, _ column: Int, _ message: String) {
        diagnostics.append(ScriptDiagnostic(line: line, column: column, message: message))
    }

    /// Reads one physical line; false after `exit`.
    private mutating func parseLine(_ characters: [Character], number: Int) -> Bool {
        guard let start = characters.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return true }
        let body = characters[start...]
        if body.first == "#" {
            parseComment(body.dropFirst(), number: number, column: start + 2)
            return true
        }
        let word = body.prefix { $0 != " " && $0 != "\t" && $0 != "#" }
        let keyword = String(word).lowercased()
        guard Self.keywords.contains(keyword) else {
            parseAPDU(characters, from: start, number: number)
            return true
        }
        if let open = pending {
            report(open.lastLine, 1, "the APDU ends with '\\' but line \(number) is not hex bytes to continue it")
            pending = nil
        }
        let rest = body.dropFirst(word.count)
        let text = String(body).trimmingBlanks()
        switch keyword {
        case "echo":
            let message = String(rest.drop { $0 == " " || $0 == "\t" }).trimmingBlanks()
            lines.append(ScriptLine(number: number, text: text, kind: .echo(message)))
        case "transaction":
            parseTransaction(rest, number: number, column: start + word.count + 1, keywordColumn: start + 1, text: text)
        case "delay":
            if let milliseconds = parseDelay(rest, number: number, column: start + word.count + 1, keywordColumn: start + 1) {
                lines.append(ScriptLine(number: number, text: text, kind: .delay(milliseconds: milliseconds)))
            }
        default:
            let extra = ScriptTokens.split(withoutComment(rest), firstColumn: start + word.count + 1)
            if let first = extra.first {
                report(number, first.column, "'\(keyword)' takes nothing after it, found '\(first.string)'")
            } else if keyword == "reset" {
                lines.append(ScriptLine(number: number, text: text, kind: .reset))
            } else {
                if let open = openTransaction {
                    report(open.line, open.column, "transaction begin has no transaction end before exit at line \(number)")
                    openTransaction = nil
                }
                lines.append(ScriptLine(number: number, text: text, kind: .exit))
                return false
            }
        }
        return true
    }

    /// A comment: `# test: NAME` starts a test section, anything else is ignored.
    private mutating func parseComment(_ comment: ArraySlice<Character>, number: Int, column: Int) {
        let content = comment.drop { $0 == " " || $0 == "\t" }
        guard content.count >= 5, String(content.prefix(5)).lowercased() == "test:" else { return }
        let name = String(content.dropFirst(5)).trimmingBlanks()
        guard !name.isEmpty else {
            report(number, column + (comment.count - content.count), "a test section needs a name: # test: NAME")
            return
        }
        lines.append(ScriptLine(number: number, text: ("#" + String(comment)).trimmingBlanks(), kind: .testSection(name)))
    }

    /// `delay 100ms`, `delay 100 ms`, `delay 2s`: a whole number of milliseconds or seconds, at most an hour.
    private mutating func parseDelay(
        _ rest: ArraySlice<Character>, number: Int, column: Int, keywordColumn: Int
    ) -> Int? {
        let words = ScriptTokens.split(withoutComment(rest), firstColumn: column)
        let usage = "a delay is a whole number with ms or s, e.g. delay 100ms or delay 2s"
        guard let first = words.first else {
            report(number, keywordColumn, "delay needs a duration: \(usage)")
            return nil
        }
        guard words.count <= 2 else {
            report(number, words[2].column, "unexpected '\(words[2].string)' after the delay: \(usage)")
            return nil
        }
        let joined = words.map(\.string).joined().lowercased()
        let digits = joined.prefix { $0.isASCII && $0.isNumber }
        let unit = joined.dropFirst(digits.count)
        guard !digits.isEmpty, unit == "ms" || unit == "s" else {
            report(number, first.column, "'\(words.map(\.string).joined(separator: " "))' is not a duration: \(usage)")
            return nil
        }
        let factor = unit == "s" ? 1000 : 1
        guard digits.count <= 7, let value = Int(digits), value * factor <= 3_600_000 else {
            report(number, first.column, "a delay is at most one hour (3600s)")
            return nil
        }
        return value * factor
    }

    /// The characters before a `#` comment.
    func withoutComment(_ characters: ArraySlice<Character>) -> ArraySlice<Character> {
        guard let hash = characters.firstIndex(of: "#") else { return characters }
        return characters[..<hash]
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
