extension StringProtocol where SubSequence == Substring {
    /// The text cut or padded with spaces to `length` characters, for aligned columns.
    func padded(to length: Int) -> String {
        count >= length ? String(prefix(length)) : String(self) + String(repeating: " ", count: length - count)
    }

    /// The text without leading and trailing spaces and tabs (line breaks stay).
    func trimmingBlanks() -> Substring {
        trimming { $0.isWhitespace && !$0.isNewline }
    }

    /// The text without leading and trailing characters that satisfy `predicate`.
    func trimming(while predicate: (Character) -> Bool) -> Substring {
        let rest = self[...].drop(while: predicate)
        guard let last = rest.lastIndex(where: { !predicate($0) }) else { return rest[rest.endIndex...] }
        return rest[...last]
    }
}
