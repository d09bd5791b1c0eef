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
}
