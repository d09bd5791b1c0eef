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
                    + "echo TEXT, delay TIME or a # comment")
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
        var apdu = pending ?? PendingAPDU(
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
        pending = nil
        finish(apdu, pattern: patternPart, number: number)
    }

    /// Checks a complete APDU and its expected response, and records the line.
    mutating func finish(_ apdu: PendingAPDU, pattern patternPart: ArraySlice<Character>?, number: Int) {
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
        if checkingStructure {
            if case .failure(let error) = APDUStructure.of(apdu.bytes) {
                report(apdu.firstLine, apdu.firstColumn, error.description)
                return
            }
        } else if apdu.bytes.count > APDUStructure.maximumLength {
            report(apdu.firstLine, apdu.firstColumn, APDUStructureError.tooLong(apdu.bytes.count).description)
            return
        }
        let text = apdu.texts.filter { !$0.isEmpty }.joined(separator: " ")
        lines.append(ScriptLine(number: apdu.firstLine, text: text, kind: .apdu(bytes: apdu.bytes, expectation: expectation)))
    }

    /// A first word made of letters that is not hex: a misspelt or unknown command.
    static func isUnknownCommand(_ token: ScriptToken) -> Bool {
        token.text.allSatisfy { $0.isASCII && $0.isLetter } && token.text.contains { ScriptHex.value(of: $0) == nil }
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
