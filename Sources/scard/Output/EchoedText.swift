/// Makes text taken from the input safe to echo in a message: control characters written as
/// escapes, so a message stays on one line, and long tokens cut short.
enum EchoedText {
    /// `text` with every control character escaped: `\n`, `\r`, `\t`, and `\x00`-style for the
    /// other C0 controls, DEL and the C1 controls (U+0080 to U+009F).
    static func escaped(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where needsEscape(scalar):
                let hex = String(scalar.value, radix: 16)
                result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` cut to at most `limit` characters, ending with `…` when something was left out.
    static func bounded(_ text: some StringProtocol, limit: Int = 64) -> String {
        let head = text.prefix(limit + 1)
        guard head.count > limit else { return String(head) }
        return String(head.prefix(max(1, limit - 1))) + "…"
    }

    /// Whether `scalar` is a control character that must not reach a terminal as it is.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
