/// Test suites in the Test Anything Protocol (TAP version 13): one test point per test case,
/// `ok`/`not ok`, `# SKIP` for cases that did not run, and a YAML block under each failure with
/// the line, the command, the expected and the actual response.
public enum TAPReport {
    /// The TAP stream for `suites`; test points are named `SCRIPT: CASE` when there are several
    /// scripts, `CASE` otherwise.
    public static func render(_ suites: [ScriptTestSuite]) -> String {
        let cases = suites.flatMap { suite in suite.cases.map { (suite, $0) } }
        var lines = ["TAP version 13", "1..\(cases.count)"]
        for (index, (suite, testCase)) in cases.enumerated() {
            let name = suites.count > 1 ? "\(suite.name): \(testCase.name)" : testCase.name
            let point = "\(index + 1) - \(description(name))"
            switch testCase.verdict {
            case .passed:
                lines.append("ok \(point)")
            case .skipped:
                lines.append("ok \(point) # SKIP \(description(testCase.skipped ?? "not run"))")
            case .failed:
                lines.append("not ok \(point)")
                lines += diagnostics(severity: "fail", problems: testCase.failures, suite: suite)
            case .error:
                lines.append("not ok \(point)")
                lines += diagnostics(severity: "error", problems: testCase.error.map { [$0] } ?? [], suite: suite)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The YAML block of a failed test point.
    static func diagnostics(severity: String, problems: [ScriptTestProblem], suite: ScriptTestSuite) -> [String] {
        var lines = ["  ---"]
        lines.append("  message: \(quoted(problems.first?.message ?? severity))")
        lines.append("  severity: \(severity)")
        lines.append("  script: \(quoted(suite.name))")
        if let reader = suite.reader { lines.append("  reader: \(quoted(reader))") }
        lines.append("  problems:")
        for problem in problems {
            lines.append("    - line: \(problem.line)")
            if let command = problem.command { lines.append("      command: \(quoted(command))") }
            if let expected = problem.expected { lines.append("      expected: \(quoted(expected))") }
            if let actual = problem.actual { lines.append("      actual: \(quoted(actual))") }
            lines.append("      message: \(quoted(problem.message))")
        }
        lines.append("  ...")
        return lines
    }

    /// A test point's description on one line, `#` escaped so it does not start a directive.
    static func description(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "#": result += "\\#"
            case "\\": result += "\\\\"
            case "\n", "\r", "\t": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// A double-quoted YAML string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
