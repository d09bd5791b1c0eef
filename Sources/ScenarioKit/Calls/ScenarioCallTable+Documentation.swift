extension ScenarioCallTable {
    /// The functions and directives the grammar tables of a documentation page list: the first cell
    /// of each table row under the headings named (`### Lines`), read from its backquoted spans
    /// (`` `key = CryptGenKey prov ALGID FLAGS` `` names `CryptGenKey`, `` `@drop NAME` `` names `@drop`).
    public static func documentedNames(in markdown: String, sections headings: Set<String>) -> Set<String> {
        var names: Set<String> = []
        var inSection = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") {
                inSection = headings.contains(line.trimmingSuffixBlanks)
                continue
            }
            guard inSection, line.hasPrefix("| ") else { continue }
            let firstCell = line.dropFirst(2).prefix { $0 != "|" }
            let spans = firstCell.split(separator: "`", omittingEmptySubsequences: false)
            for (index, span) in spans.enumerated() where index % 2 == 1 {
                if let name = calledName(in: span) { names.insert(name) }
            }
        }
        return names
    }

    /// The names only one side has: functions and directives (`@name`) of the table a page does
    /// not list, and names a page lists that the table does not have; empty when they agree.
    public func documentationMismatches(_ documented: Set<String>) -> [String] {
        let table = Set(functions.map(\.name) + directives.map { "@" + $0.name })
        return table.subtracting(documented).map { "not documented: \($0)" }.sorted()
            + documented.subtracting(table).map { "not in the call table: \($0)" }.sorted()
    }

    /// The function or directive a line written in a span calls, after any `names =`.
    private static func calledName(in span: Substring) -> String? {
        var text = span.drop { $0 == " " }
        if text.first == "@" {
            return "@" + text.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        }
        if let equals = text.firstIndex(of: "="), text[text.index(after: equals)...].first != ">",
            text[..<equals].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "," || $0 == " " })
        {
            text = text[text.index(after: equals)...].drop { $0 == " " }
        }
        let name = text.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        guard let first = name.first, first.isUppercase else { return nil }
        return String(name)
    }
}

extension Substring {
    /// The text without trailing blanks.
    fileprivate var trimmingSuffixBlanks: String {
        var text = self
        while text.last == " " || text.last == "\t" || text.last == "\r" { text = text.dropLast() }
        return String(text)
    }
}
