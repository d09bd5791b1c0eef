/// Something a simulator did during a line that a reader of the report may want to count or find,
/// given as data rather than as note text (the CLI formats it).
public struct ScenarioEvent: Sendable, Codable, Equatable {
    /// What happened (`rundown`).
    public var kind: String
    /// What it happened to (`server-context#2`).
    public var subject: String
    /// More about it, as a phrase (`"notes" (association#1 c1)`).
    public var detail: String

    /// Creates an event.
    public init(kind: String, subject: String, detail: String = "") {
        self.kind = kind
        self.subject = subject
        self.detail = detail
    }

    /// The event as one line of text: `rundown ran for server-context#2 "notes" (association#1 c1)`.
    public var description: String {
        "\(kind) ran for \(subject)" + (detail.isEmpty ? "" : " \(detail)")
    }
}
