import APDUScript

/// Prints the differences between a golden transcript and a run as a readable diff: one hunk per
/// exchange, headed by its script line and command, `-` for the golden value, `+` for this run.
enum TranscriptDiffPrinter {
    /// The JSON form of a comparison.
    struct Record: Encodable {
        let compare: String
        let equal: Bool
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

    /// The JSON record of the comparison.
    static func record(_ differences: [TranscriptDifference], golden: String) -> Record {
        var items: [Difference] = []
        for difference in differences {
            switch difference {
            case .atr(let expected, let actual):
                items.append(Difference(kind: "atr", expected: expected, actual: actual))
            case .changed(let expected, let actual, let fields):
                for field in fields {
                    items.append(Difference(
                        kind: "changed", line: actual.line, goldenLine: expected.line, command: actual.command,
                        field: field.field, expected: field.expected, actual: field.actual))
                }
            case .missing(let exchange):
                items.append(Difference(kind: "missing", goldenLine: exchange.line, command: exchange.command, expected: exchange.response))
            case .extra(let exchange):
                items.append(Difference(kind: "extra", line: exchange.line, command: exchange.command, actual: exchange.response))
            }
        }
        return Record(compare: golden, equal: differences.isEmpty, differences: items)
    }
}
