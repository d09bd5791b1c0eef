import APDUScript

/// Prints the differences between a golden transcript and a run as a readable diff: one hunk per
/// exchange, headed by its script line and command, `-` for the golden value, `+` for this run.
enum TranscriptDiffPrinter {
    /// The JSON form of a comparison.
    struct Record: Encodable {
        let type = "comparison"
        let golden: String
        let equal: Bool
        let differenceCount: Int
        let differences: [Difference]
    }

    /// One difference in JSON.
    struct Difference: Encodable {
        let kind: String
        var line: Int?
        var goldenLine: Int?
        var command: String?
        var field: String?
        var expected: String?
        var actual: String?
    }

    /// The text lines: `--- golden`, `+++ this run`, the hunks, and a closing count.
    static func lines(_ differences: [TranscriptDifference], golden: String) -> [String] {
        guard !differences.isEmpty else { return ["transcript matches \(golden)"] }
        var lines = ["--- \(golden)", "+++ this run"]
        for difference in differences {
            switch difference {
            case .atr(let expected, let actual):
                lines += ["@@ ATR @@", "- \(expected)", "+ \(actual)"]
            case .changed(let expected, let actual, let fields):
                lines.append("@@ \(place(line: actual.line, goldenLine: expected.line)): > \(actual.command) @@")
                let width = fields.map(\.field.count).max() ?? 0
                for field in fields {
                    let name = field.field.padded(to: width)
                    lines.append("- \(name)  \(field.expected)")
                    lines.append("+ \(name)  \(field.actual)")
                }
            case .missing(let exchange):
                lines.append("@@ golden line \(exchange.line): > \(exchange.command) @@")
                lines.append("- < \(exchange.response)   (not sent in this run)")
            case .extra(let exchange):
                lines.append("@@ line \(exchange.line): > \(exchange.command) @@")
                lines.append("+ < \(exchange.response)   (not in the golden transcript)")
            }
        }
        lines.append("\(differences.count) difference(s) from \(golden)")
        return lines
    }

    /// `line 7`, or `line 8 (golden line 7)` when the script moved.
    static func place(line: Int, goldenLine: Int) -> String {
        line == goldenLine ? "line \(line)" : "line \(line) (golden line \(goldenLine))"
    }

    /// A field's value in JSON: hex without blanks, except the `wire` summary, which is text.
    static func hexOrText(_ value: String, _ field: String) -> String {
        field == "wire" ? value : JSONValue.compact(value)
    }

    /// The JSON record of the comparison.
    static func record(_ differences: [TranscriptDifference], golden: String) -> Record {
        var items: [Difference] = []
        for difference in differences {
            switch difference {
            case .atr(let expected, let actual):
                items.append(Difference(kind: "atr", expected: JSONValue.compact(expected), actual: JSONValue.compact(actual)))
            case .changed(let expected, let actual, let fields):
                for field in fields {
                    items.append(Difference(
                        kind: "changed", line: actual.line, goldenLine: expected.line, command: JSONValue.compact(actual.command),
                        field: field.field, expected: hexOrText(field.expected, field.field),
                        actual: hexOrText(field.actual, field.field)))
                }
            case .missing(let exchange):
                items.append(Difference(
                    kind: "missing", goldenLine: exchange.line, command: JSONValue.compact(exchange.command),
                    expected: JSONValue.compact(exchange.response)))
            case .extra(let exchange):
                items.append(Difference(
                    kind: "extra", line: exchange.line, command: JSONValue.compact(exchange.command),
                    actual: JSONValue.compact(exchange.response)))
            }
        }
        return Record(golden: golden, equal: differences.isEmpty, differenceCount: differences.count, differences: items)
    }
}
