extension ScriptParser {
    /// How the directive is written, for error messages.
    static let transactionUsage = "a block is transaction begin ... transaction end"

    /// `transaction begin` or `transaction end`: one word after the keyword, and blocks that open
    /// before they close and do not nest. A misspelt or extra word is reported, but a recognised
    /// `begin` or `end` still opens or closes its block, so one mistake is reported once.
    mutating func parseTransaction(
        _ rest: ArraySlice<Character>, number: Int, column: Int, keywordColumn: Int, text: String
    ) {
        let words = ScriptTokens.split(withoutComment(rest), firstColumn: column)
        guard let first = words.first else {
            report(number, keywordColumn, "transaction needs begin or end: \(Self.transactionUsage)")
            return
        }
        let word = first.string.lowercased()
        guard word == "begin" || word == "end" else {
            report(number, first.column, "'\(first.string)' is not begin or end: \(Self.transactionUsage)")
            return
        }
        if words.count > 1 {
            report(number, words[1].column, "'transaction \(word)' takes nothing after it, found '\(words[1].string)'")
        }
        if word == "begin" {
            if let open = openTransaction {
                report(number, keywordColumn, "transaction begin inside the block begun at line \(open.line): "
                    + "transactions do not nest")
                return
            }
            openTransaction = (number, keywordColumn)
            if words.count == 1 { lines.append(ScriptLine(number: number, text: text, kind: .beginTransaction)) }
        } else {
            guard openTransaction != nil else {
                report(number, keywordColumn, "transaction end without a transaction begin before it")
                return
            }
            openTransaction = nil
            if words.count == 1 { lines.append(ScriptLine(number: number, text: text, kind: .endTransaction)) }
        }
    }
}
