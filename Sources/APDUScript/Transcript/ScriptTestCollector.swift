import FoundationEssentials
import PCSC

/// Turns a script run's events into test cases: one per `# test:` section (plus `setup` for the
/// APDUs before the first section), or one named after the script when it has no sections.
public struct ScriptTestCollector: Sendable {
    /// The name of the case holding the lines before the first `# test:` section.
    public static let setupName = "setup"

    private var suite: ScriptTestSuite
    private var current: Int?
    private var sectionIndices: [Int: Int] = [:]

    /// Plans the cases of `script`, named `name` (its file name).
    public init(script: APDUScript, name: String, timestamp: Date? = nil) {
        var cases: [ScriptTestCase] = []
        var indices: [Int: Int] = [:]
        let firstSection = script.lines.firstIndex {
            if case .testSection = $0.kind { return true } else { return false }
        }
        let preamble = script.lines[..<(firstSection ?? script.lines.endIndex)]
        let preambleActs = preamble.contains {
            switch $0.kind {
            case .apdu, .reset: return true
            default: return false
            }
        }
        if firstSection == nil {
            cases.append(ScriptTestCase(name: name, line: script.lines.first?.number ?? 1))
        } else if preambleActs {
            cases.append(ScriptTestCase(name: Self.setupName, line: preamble.first?.number ?? 1))
        }
        for line in script.lines {
            if case .testSection(let section) = line.kind {
                indices[line.number] = cases.count
                cases.append(ScriptTestCase(name: section, line: line.number))
            }
        }
        suite = ScriptTestSuite(name: name, timestamp: timestamp, cases: cases)
        sectionIndices = indices
        current = cases.isEmpty || (firstSection != nil && !preambleActs) ? nil : 0
    }

    /// Notes the reader and the card's ATR.
    public mutating func connected(reader: String, atr: [UInt8]) {
        suite.reader = reader
        suite.atr = Hex.string(atr)
    }

    /// Counts an event into the current case.
    public mutating func record(_ event: ScriptEvent) {
        switch event {
        case .exchange(let line, let exchange, let expectation, let met, let mismatch):
            guard met == false else {
                count(seconds: exchange.seconds)
                return
            }
            recordExchange(
                line: line, command: Hex.string(exchange.command.bytes), response: Hex.string(exchange.response.bytes),
                seconds: exchange.seconds, expected: expectation?.description, met: met, mismatch: mismatch)
        case .testSection(let line, _):
            if let index = sectionIndices[line] { current = index }
        case .echo, .reset, .delay, .exit, .beginTransaction, .endTransaction:
            break
        }
    }

    /// Counts one exchange into the current case; a `met == false` is a failure with the line,
    /// the expected pattern and the actual response.
    public mutating func recordExchange(
        line: Int, command: String, response: String, seconds: Double, expected: String?, met: Bool?, mismatch: String?
    ) {
        guard let index = count(seconds: seconds) else { return }
        if met == false {
            var message = "line \(line): expected \(expected ?? "?"), got \(response)"
            if let mismatch { message += " (\(mismatch))" }
            suite.cases[index].failures.append(ScriptTestProblem(
                line: line, command: command, expected: expected, actual: response, message: message))
        }
    }

    /// Counts one exchange that did not fail into the current case; returns the case's index.
    @discardableResult
    private mutating func count(seconds: Double) -> Int? {
        guard let index = current, suite.cases.indices.contains(index) else { return nil }
        suite.cases[index].exchanges += 1
        suite.cases[index].seconds += seconds
        return index
    }

    /// Ends the run: `problem` is the error that stopped it, if any (with its line when one ran),
    /// `stoppedAtLine` a failed expectation that stopped it. The case it happened in gets the
    /// error; every case after it is skipped, saying why.
    public mutating func finish(error problem: ScriptTestProblem?, stoppedAtLine: Int?) -> ScriptTestSuite {
        var stopIndex = current
        if let problem {
            let index = current ?? 0
            if suite.cases.indices.contains(index) {
                suite.cases[index].error = problem
            } else {
                suite.cases.append(ScriptTestCase(name: suite.name, line: problem.line))
                suite.cases[suite.cases.count - 1].error = problem
            }
            stopIndex = index
        }
        let reason: String?
        if let problem {
            reason = "not run: \(problem.message)"
        } else if let stoppedAtLine {
            reason = "not run: the script stopped at the failed expectation on line \(stoppedAtLine)"
        } else {
            reason = nil
        }
        if let reason, let stopIndex {
            for index in suite.cases.indices where index > stopIndex {
                suite.cases[index].skipped = reason
            }
        }
        return suite
    }
}
