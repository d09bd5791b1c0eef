import ISO7816

extension ResponsePattern {
    /// Reads the words after `=>`; `endColumn` is where a missing element is reported.
    static func parse(_ tokens: [ScriptToken], endColumn: Int) -> Result<ResponsePattern, ScriptFailure> {
        var words = tokens[...]
        var scope = Scope.response
        if let first = words.first, first.string.lowercased() == "sw" {
            scope = .statusWord
            words = words.dropFirst()
        }
        guard !words.isEmpty else {
            let example = scope == .statusWord ? "=> SW 90 00" : "=> 90 00"
            return .failure(ScriptFailure(column: endColumn, message: "no expected response after '=>', e.g. \(example)"))
        }
        var elements: [Element] = []
        var columns: [Int] = []
        for word in words {
            switch elementsOf(word) {
            case .success(let found):
                elements += found.map(\.element)
                columns += found.map(\.column)
            case .failure(let failure):
                return .failure(failure)
            }
        }
        if let problem = problem(scope: scope, elements: elements) {
            let column = problem.index < columns.count ? columns[problem.index] : endColumn
            return .failure(ScriptFailure(column: column, message: problem.message))
        }
        return .success(ResponsePattern(checkedScope: scope, elements: elements))
    }

    /// The elements of one word: `*`, and pairs that are each two hex digits or `..` (`6F..*9000`).
    private static func elementsOf(_ word: ScriptToken) -> Result<[(element: Element, column: Int)], ScriptFailure> {
        var found: [(element: Element, column: Int)] = []
        var index = 0
        while index < word.text.count {
            let column = word.column + index
            let first = word.text[index]
            if first == "*" {
                found.append((.anyBytes, column))
                index += 1
                continue
            }
            guard index + 1 < word.text.count, word.text[index + 1] != "*" else {
                return .failure(ScriptFailure(
                    column: column,
                    message: "incomplete byte '\(first)' in '\(word.string)': each byte is two hex digits or '..'"))
            }
            let second = word.text[index + 1]
            if first == "." && second == "." {
                found.append((.anyByte, column))
            } else if let high = Hex.value(of: first), let low = Hex.value(of: second) {
                found.append((.byte(high << 4 | low), column))
            } else {
                let bad = Hex.value(of: first) == nil ? first : second
                let badColumn = Hex.value(of: first) == nil ? column : column + 1
                return .failure(ScriptFailure(
                    column: badColumn,
                    message: "'\(bad)' in '\(word.string)' is not a hex digit (or '..' for any byte)"))
            }
            index += 2
        }
        return .success(found)
    }
}
