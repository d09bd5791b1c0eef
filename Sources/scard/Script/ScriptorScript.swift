import PCSC

/// A script read line by line as pcsc-tools' `scriptor` reads it, so that `scard script --scriptor`
/// prints what scriptor prints. scriptor's rules, kept here exactly:
///
/// - reading a file, every line is echoed as it is read (standard input is not echoed);
/// - a line containing `exit` anywhere, in any case, ends the script (after its echo), even in a comment;
/// - blank lines and lines starting with `#` are skipped;
/// - a line containing `reset` anywhere, in any case, resets the card;
/// - a line without a blank is split into pairs (`00A4` becomes `00 A4 `);
/// - a line ending with `\` continues on the next;
/// - the APDU is its text split at single blanks, each piece exactly two hex digits.
struct ScriptorScript {
    /// One thing the script does, in order.
    enum Step: Equatable {
        /// Print a line of the file as read (with its line break, when it has one).
        case echo(String)
        /// Reset the card and print its new ATR.
        case reset(line: Int)
        /// Send an APDU, printing `> text` first.
        case apdu(line: Int, text: String, bytes: [UInt8])
    }

    /// A line scriptor could not send (it stops there with an error).
    struct SyntaxError: Error, Equatable {
        /// The line, from 1.
        let line: Int
        /// What is wrong.
        let message: String
    }

    /// The steps, in order.
    let steps: [Step]

    /// Reads `text`; `echo` as scriptor does for a file (not for standard input).
    init(parsing text: String, echo: Bool) throws(SyntaxError) {
        var steps: [Step] = []
        var command = ""
        var number = 0
        for raw in Self.lines(of: text) {
            number += 1
            if echo { steps.append(.echo(raw)) }
            if Self.contains(raw, "exit") { break }
            if raw.allSatisfy(\.isPerlWhitespace) || raw.hasPrefix("#") { continue }
            if Self.contains(raw, "reset") {
                steps.append(.reset(line: number))
                continue
            }
            var line = raw.hasSuffix("\n") ? String(raw.dropLast()) : raw
            if !line.contains(" ") { line = Self.pairs(line) }
            if line.hasSuffix("\\") {
                line.removeLast()
                while line.hasSuffix(" ") { line.removeLast() }
                command += line + " "
                continue
            }
            command += line
            steps.append(.apdu(line: number, text: command, bytes: try Self.bytes(command, line: number)))
            command = ""
        }
        self.steps = steps
    }

    /// The lines of `text`, each with its line break (the last without one when the text has none).
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            current.unicodeScalars.append(scalar)
            if scalar == "\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Whether `line` contains `word` in any case, as Perl's `/word/i`.
    static func contains(_ line: String, _ word: String) -> Bool {
        line.lowercased().contains(word)
    }

    /// scriptor's `s/(..)/$1 /g`: a blank after every pair of characters.
    static func pairs(_ line: String) -> String {
        var result = ""
        var count = 0
        for character in line.unicodeScalars {
            result.unicodeScalars.append(character)
            count += 1
            if count == 2 {
                result += " "
                count = 0
            }
        }
        return result
    }

    /// Chipcard::PCSC's `ascii_to_array`: the text split at single blanks (trailing empty pieces
    /// dropped), each piece exactly two hex digits.
    static func bytes(_ text: String, line: Int) throws(SyntaxError) -> [UInt8] {
        var pieces = text.split(separator: " ", omittingEmptySubsequences: false)
        while pieces.last?.isEmpty == true { pieces.removeLast() }
        var bytes: [UInt8] = []
        for piece in pieces {
            let digits = Array(piece.utf8)
            guard digits.count == 2, let high = Hex.value(ofDigit: digits[0]), let low = Hex.value(ofDigit: digits[1]) else {
                throw SyntaxError(line: line, message: "'\(piece)' is not two hex digits (scriptor separates bytes with single blanks)")
            }
            bytes.append(high << 4 | low)
        }
        if bytes.isEmpty { throw SyntaxError(line: line, message: "no bytes to send") }
        return bytes
    }
}

extension Character {
    /// Whether Perl's `\s` matches it: blank, tab, line feed, carriage return, form feed, vertical tab.
    var isPerlWhitespace: Bool {
        self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\r\n" || self == "\u{0C}" || self == "\u{0B}"
    }
}
