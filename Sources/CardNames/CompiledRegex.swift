/// A pattern line compiled with Swift `Regex`, for the lines of smartcard_list.txt that use more
/// of Perl's syntax than ``ATRPattern`` matches directly; compiled once, kept in memory.
struct CompiledRegex: @unchecked Sendable {
    // A `Regex` is an immutable value once built; matching it from several threads is safe.
    private let regex: Regex<AnyRegexOutput>

    /// Compiles `pattern` to match a whole ATR text without regard to case; nil when Swift's
    /// regex syntax refuses it.
    init?(_ pattern: String) {
        guard let regex = try? Regex("(?:" + pattern + ")") else { return nil }
        self.regex = regex.ignoresCase()
    }

    /// True when the whole of `text` matches.
    func wholeMatches(_ text: String) -> Bool {
        (try? regex.wholeMatch(in: text)) != nil
    }
}
