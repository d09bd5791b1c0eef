extension StringProtocol {
    /// Whether `other` occurs in the text, compared character by character.
    func contains(substring other: some StringProtocol) -> Bool {
        var start = startIndex
        while true {
            if self[start...].hasPrefix(other) { return true }
            guard start < endIndex else { return false }
            formIndex(after: &start)
        }
    }
}
