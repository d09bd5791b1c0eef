import ISO7816

extension ScriptParser {
    /// Reads a line of hex bytes, possibly ending with `\` (continued on the next line) or with
    /// `=> PATTERN` (the expected response).
    mutating func parseAPDU(_ characters: [Character], from start: Int, number: Int) {
        let content = withoutComment(characters[start...])
        var apduPart = content
        var patternPart: ArraySlice<Character>?
        if let arrow = content.indices.first(where: { content[$0] == "=" && $0 + 1 < content.endIndex && content[$0 + 1] == ">" }) {
            apduPart = content[..<arrow]
            patternPart = content[(arrow + 2)...]
        }
        var failed = false
        var continues = false
        let trimmed = apduPart.dropLastBlanks()
        if patternPart == nil && trimmed.last == "\\" {
            continues = true
            apduPart = trimmed.dropLast()
        }
        if let pattern = patternPart, let backslash = pattern.dropLastBlanks().last, backslash == "\\" {
            report(number, pattern.dropLastBlanks().endIndex, "a line with an expected response cannot continue with '\\'")
            patternPart = pattern.dropLastBlanks().dropLast()
            failed = true
        }
        let tokens = ScriptTokens.split(apduPart, firstColumn: apduPart.startIndex + 1)
        var bytes: [UInt8] = []
        for (index, token) in tokens.enumerated() {
            if index == 0, pending == nil, Self.isUnknownCommand(token) {
                report(number, token.column, "unknown command '\(token.string)': a line is hex bytes, reset, exit, "
                    + "echo TEXT, delay TIME, transaction begin|end or a # comment")
                failed = true
                break
            }
            switch ScriptTokens.hexBytes(token) {
            case .success(let found):
                bytes += found
            case .failure(let failure):
                report(number, failure.column, failure.message)
                failed = true
            }
            if failed { break }
        }
        let text = String(content).trimmingBlanks()
        // Taken out of `pending` so that its arrays are not shared and grow in place: a long run of
        // continued lines costs time in proportion to its length.
        var apdu = pending.take() ?? PendingAPDU(
            firstLine: number, firstColumn: tokens.first?.column ?? start + 1, lastLine: number,
            bytes: [], texts: [], failed: false)
        apdu.bytes += bytes
        apdu.texts.append(continues ? String(trimmed.dropLast()).trimmingBlanks() : text)
        apdu.failed = apdu.failed || failed
        apdu.lastLine = number
        if continues {
            pending = apdu
            return
        }
        finish(apdu, pattern: patternPart, number: number)
    }

    /// Checks a complete APDU and its expected response, and records the line.
    private mutating func finish(_ apdu: PendingAPDU, pattern patternPart: ArraySlice<Character>?, number: Int) {
        var failed = apdu.failed
        var expectation: ResponsePattern?
        if let patternPart {
            let tokens = ScriptTokens.split(patternPart, firstColumn: patternPart.startIndex + 1)
            switch ResponsePattern.parse(tokens, endColumn: patternPart.endIndex + 1) {
            case .success(let pattern): expectation = pattern
            case .failure(let failure):
                report(number, failure.column, failure.message)
                failed = true
            }
        }
        guard !failed else { return }
        if apdu.bytes.isEmpty {
            let message = patternPart == nil ? "empty APDU" : "an expected response needs an APDU before '=>'"
            report(apdu.firstLine, apdu.firstColumn, message)
            return
        }
        let text = apdu.texts.filter { !$0.isEmpty }.joined(separator: " ")
        appendAPDU(apdu.bytes, text: text, line: apdu.firstLine, column: apdu.firstColumn, expectation: expectation)
    }

    /// Checks a complete APDU's length (and structure, when asked) and records its line.
    mutating func appendAPDU(_ bytes: [UInt8], text: String, line: Int, column: Int, expectation: ResponsePattern?) {
        if checkingStructure {
            if case .failure(let error) = APDUStructure.of(bytes) {
                report(line, column, error.description)
                return
            }
        } else if bytes.count > APDUStructure.maximumLength {
            report(line, column, APDUStructureError.tooLong(bytes.count).description)
            return
        }
        lines.append(ScriptLine(number: line, text: text, kind: .apdu(bytes: bytes, expectation: expectation)))
    }

    /// A first word made of letters that is not hex: a misspelt or unknown command.
    static func isUnknownCommand(_ token: ScriptToken) -> Bool {
        token.text.allSatisfy { $0.isASCII && $0.isLetter } && token.text.contains { Hex.value(of: $0) == nil }
    }
}

extension ArraySlice where Element == Character {
    /// The slice without trailing spaces and tabs.
    func dropLastBlanks() -> ArraySlice<Character> {
        var end = endIndex
        while end > startIndex, self[end - 1] == " " || self[end - 1] == "\t" { end -= 1 }
        return self[startIndex..<end]
    }
}
