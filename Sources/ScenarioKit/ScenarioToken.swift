/// How the scenario runners quote a token of the input in a message: between single quotes, cut
/// short when it is long, so a message stays readable whatever the file holds.
public enum ScenarioToken {
    /// The longest token quoted in full, in characters.
    public static let limit = 64

    /// `text`, or its first characters and `…` when it is longer than ``limit``.
    public static func bounded(_ text: some StringProtocol) -> String {
        let head = text.prefix(limit + 1)
        guard head.count > limit else { return String(head) }
        return head.prefix(limit - 1) + "…"
    }

    /// `'text'`, or its first characters and `…` when it is longer than ``limit``.
    public static func quoted(_ text: some StringProtocol) -> String {
        "'" + bounded(text) + "'"
    }

    /// Whether `text` is a name a directive may bind: an ASCII letter or `_`, then letters, digits
    /// and `_`.
    public static func isName(_ text: some StringProtocol) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
