/// The argument parser's error messages in scard's own style: one line, starting in lower case,
/// with where to look for help.
enum ParserMessage {
    /// The first line of the parser's `text`, without `Error: `, starting in lower case, followed by
    /// `(see 'scard --help')`: `unknown option '--frobnicate' (see 'scard --help')`.
    static func line(_ text: String) -> String {
        var first = text.split(separator: "\n").first.map(String.init) ?? "invalid usage"
        if first.hasPrefix("Error: ") { first.removeFirst("Error: ".count) }
        return lowercasingFirst(first) + " (see 'scard --help')"
    }

    /// `text` with its first letter in lower case, unless the first word is an acronym or a name
    /// that keeps its capitals (`APDU`, `SCARD_TIMEOUT`).
    static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase else { return text }
        let word = text.prefix { !$0.isWhitespace && $0 != "'" && $0 != ":" }
        if word.count > 1, word.dropFirst().contains(where: { $0.isUppercase || $0 == "_" }) { return text }
        return first.lowercased() + text.dropFirst()
    }
}
