import ISO7816

/// A word of a script line and the 1-based column where it starts.
struct ScriptToken: Equatable {
    /// The characters of the word.
    let text: [Character]
    /// The 1-based column of its first character.
    let column: Int

    /// The word as a string.
    var string: String { String(text) }
}

/// A problem found while reading the words of a line.
struct ScriptFailure: Error, Equatable {
    /// The 1-based column.
    let column: Int
    /// What is wrong.
    let message: String
}

/// Splitting lines into words and reading hex, with the columns of each problem.
enum ScriptTokens {
    /// The words of a run of characters separated by blanks (spaces and tabs).
    static func split(_ characters: ArraySlice<Character>, firstColumn: Int) -> [ScriptToken] {
        var tokens: [ScriptToken] = []
        var current: [Character] = []
        var start = firstColumn
        var column = firstColumn
        for character in characters {
            if character == " " || character == "\t" {
                if !current.isEmpty { tokens.append(ScriptToken(text: current, column: start)) }
                current = []
            } else {
                if current.isEmpty { start = column }
                current.append(character)
            }
            column += 1
        }
        if !current.isEmpty { tokens.append(ScriptToken(text: current, column: start)) }
        return tokens
    }

    /// The bytes of a word of hex digits (`00`, `00A4`, any case).
    static func hexBytes(_ token: ScriptToken) -> Result<[UInt8], ScriptFailure> {
        for (offset, character) in token.text.enumerated() where Hex.value(of: character) == nil {
            return .failure(ScriptFailure(
                column: token.column + offset, message: "'\(character)' is not a hex digit in '\(token.string)'"))
        }
        guard token.text.count % 2 == 0 else {
            return .failure(ScriptFailure(
                column: token.column,
                message: "odd number of hex digits in '\(token.string)': each byte needs two digits"))
        }
        var bytes: [UInt8] = []
        var index = 0
        while index + 1 < token.text.count {
            if let high = Hex.value(of: token.text[index]), let low = Hex.value(of: token.text[index + 1]) {
                bytes.append(high << 4 | low)
            }
            index += 2
        }
        return .success(bytes)
    }
}
