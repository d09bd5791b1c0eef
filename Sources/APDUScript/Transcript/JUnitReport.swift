import FoundationEssentials

/// Test suites as JUnit XML, the format CI systems read (Jenkins, GitLab, GitHub Actions
/// reporters): `<testsuites>` holding one `<testsuite>` per script run, one `<testcase>` per test
/// case, with `<failure>` (expectations not met), `<error>` (PC/SC errors) or `<skipped>`.
/// Attributes and order follow the common JUnit schema (Jenkins' junit-10.xsd, Ant's format).
public enum JUnitReport {
    /// The XML document for `suites`.
    public static func render(_ suites: [ScriptTestSuite], name: String = "scard script", hostname: String? = nil) -> String {
        let all = suites.flatMap(\.cases)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites" + attributes([
            ("name", name), ("tests", "\(all.count)"),
            ("failures", "\(all.filter { $0.verdict == .failed }.count)"),
            ("errors", "\(all.filter { $0.verdict == .error }.count)"),
            ("time", time(suites.reduce(0) { $0 + $1.seconds })),
        ]) + ">\n"
        for (index, suite) in suites.enumerated() {
            xml += render(suite, id: index, hostname: hostname)
        }
        xml += "</testsuites>\n"
        return xml
    }

    /// One `<testsuite>` element.
    static func render(_ suite: ScriptTestSuite, id: Int, hostname: String?) -> String {
        var pairs: [(String, String)] = [
            ("name", suite.name), ("tests", "\(suite.cases.count)"), ("failures", "\(suite.count(.failed))"),
            ("errors", "\(suite.count(.error))"), ("skipped", "\(suite.count(.skipped))"), ("time", time(suite.seconds)),
        ]
        if let timestamp = suite.timestamp { pairs.append(("timestamp", Self.timestamp(timestamp))) }
        if let hostname { pairs.append(("hostname", hostname)) }
        pairs.append(("id", "\(id)"))
        var xml = "  <testsuite" + attributes(pairs) + ">\n"
        let properties = [("reader", suite.reader), ("atr", suite.atr)].compactMap { key, value in value.map { (key, $0) } }
        if !properties.isEmpty {
            xml += "    <properties>\n"
            for (key, value) in properties {
                xml += "      <property" + attributes([("name", key), ("value", value)]) + "/>\n"
            }
            xml += "    </properties>\n"
        }
        let classname = className(suite.name)
        for testCase in suite.cases {
            let head = "    <testcase" + attributes([("name", testCase.name), ("classname", classname), ("time", time(testCase.seconds))])
            switch testCase.verdict {
            case .passed:
                xml += head + "/>\n"
            case .failed:
                let first = testCase.failures.first?.message ?? "expectation not met"
                let message = testCase.failures.count > 1 ? "\(first) (and \(testCase.failures.count - 1) more)" : first
                let body = testCase.failures.map(details).joined(separator: "\n")
                xml += head + ">\n      <failure" + attributes([("message", message), ("type", "ResponseMismatch")]) + ">"
                    + escape(body, attribute: false) + "</failure>\n    </testcase>\n"
            case .error:
                let problem = testCase.error
                xml += head + ">\n      <error" + attributes([("message", problem?.message ?? "error"), ("type", "PCSCError")]) + ">"
                    + escape(problem.map(details) ?? "", attribute: false) + "</error>\n    </testcase>\n"
            case .skipped:
                xml += head + ">\n      <skipped" + attributes([("message", testCase.skipped ?? "not run")]) + "/>\n    </testcase>\n"
            }
        }
        xml += "  </testsuite>\n"
        return xml
    }

    /// The text of a failure: the line, the command, expected and actual.
    static func details(_ problem: ScriptTestProblem) -> String {
        var lines = [problem.message]
        if let command = problem.command { lines.append("  command:  \(command)") }
        if let expected = problem.expected { lines.append("  expected: \(expected)") }
        if let actual = problem.actual { lines.append("  actual:   \(actual)") }
        return lines.joined(separator: "\n")
    }

    /// The script's file name without its extension, dots made underscores (CI systems read
    /// dots in a class name as packages).
    static func className(_ name: String) -> String {
        let file = name.split(separator: "/").last.map(String.init) ?? name
        let base = file.contains(".") ? String(file[..<(file.lastIndex(of: ".") ?? file.endIndex)]) : file
        return (base.isEmpty ? file : base).replacing(".", with: "_")
    }

    /// Seconds with three decimals and a point, whatever the locale.
    static func time(_ seconds: Double) -> String {
        let milliseconds = Int((max(0, seconds) * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// `2024-05-01T12:00:00` in UTC, as Ant writes it.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().time(includingFractionalSeconds: false))
    }

    /// ` name="value" ...` with the values escaped.
    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    /// Text safe in XML 1.0 content and attribute values: markup characters escaped, characters
    /// XML cannot hold replaced by U+FFFD; in attributes, line breaks and tabs are written as
    /// character references so that parsers keep them.
    static func escape(_ text: String, attribute: Bool = true) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += attribute ? "&#10;" : "\n"
            case "\r": result += "&#13;"
            case "\t": result += attribute ? "&#9;" : "\t"
            default:
                let value = scalar.value
                let allowed = (0x20...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
                result.unicodeScalars.append(allowed ? scalar : "\u{FFFD}")
            }
        }
        return result
    }
}
