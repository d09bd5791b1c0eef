import ScenarioKit
import Testing

/// A session of the sample table: `Open` returns TRUE and binds its name, `Close` fails to run on
/// an unknown name, `@drain` stops the run when asked to.
struct SampleSession: ScenarioSession {
    var calls: ScenarioCallTable { sampleCalls }
    var ledgers: [ScenarioLedger] { [] }
    var names: Set<String> = []
    var stopReason: String?
    var finished = false

    mutating func perform(_ line: ScenarioLine) throws(ScenarioRuntimeError) -> ScenarioOutcome {
        switch line.content {
        case .call(let call) where call.function == "Close":
            guard case .symbol(let name) = call.arguments[0].value, names.contains(name) else {
                throw ScenarioRuntimeError(column: call.arguments[0].column, message: "unknown name")
            }
            return ScenarioOutcome(returned: "-", met: line.expectation.map { $0.returnWord == "-" })
        case .call(let call):
            call.bindings.forEach { names.insert($0) }
            return ScenarioOutcome(
                returned: "TRUE", events: [ScenarioEvent(kind: "open", subject: "file#1")],
                met: line.expectation.map { $0.returnWord == "TRUE" })
        case .directive:
            stopReason = "drained"
            return ScenarioOutcome(returned: "0")
        }
    }

    mutating func finish() -> [ScenarioStep] {
        finished = true
        return []
    }
}

@Suite("The scenario driver")
struct ScenarioDriverTests {
    func run(_ text: String, failFast: Bool = false) throws -> (ScenarioReport, SampleSession) {
        var session = SampleSession()
        let report = ScenarioDriver.run(try Scenario(parsing: text), in: &session, options: ScenarioOptions(failFast: failFast))
        return (report, session)
    }

    @Test("each line is a step with its call, arguments, result, events and verdict")
    func steps() throws {
        let (report, session) = try run("h = Open \"a\" => TRUE\nClose h => TRUE")
        #expect(report.steps.map(\.call) == ["Open", "Close"])
        #expect(report.steps[0].arguments == ["\"a\""])
        #expect(report.steps[0].events == [ScenarioEvent(kind: "open", subject: "file#1")])
        #expect(report.steps.map(\.met) == [true, false])
        #expect(report.steps[1].expected == "TRUE")
        #expect(report.failures == 1)
        #expect(report.stopped == nil)
        #expect(session.finished)
    }

    @Test("a line the table refuses or that cannot run is 'not run', unmet, with line and column")
    func notRun() throws {
        let (report, _) = try run("Close nobody\nFrob 1\nOpen \"a\"")
        #expect(report.steps.map(\.returned) == ["not run", "not run", "TRUE"])
        #expect(report.steps[0].notes == ["line 1, column 7: unknown name"])
        #expect(report.steps[1].notes == ["line 2, column 1: unknown function 'Frob'"])
        #expect(report.steps[0].expected == "a line that runs")
    }

    @Test("fail-fast stops at the first unmet expectation with one wording; a stop reason stops the run")
    func stops() throws {
        let (fast, _) = try run("Close nobody\nOpen \"a\"", failFast: true)
        #expect(fast.steps.count == 1)
        #expect(fast.stopped == "line 1: expectation not met (fail-fast)")
        let (stopped, _) = try run("@drain\nOpen \"a\"")
        #expect(stopped.steps.count == 1)
        #expect(stopped.stopped == "drained")
    }
}
