import ScenarioKit

/// Runs scenario files of the CryptoAPI family (section 0 of the semantics) against a
/// ``CryptSimulator`` and reports each line: return, last error, output, bound names, ledger.
///
/// Directives: `@thread T2` (calls now come from that simulated thread), `@profile windows|documented`,
/// `@buffer NAME SIZE [PATTERN]` (a named data buffer: SIZE bytes of PATTERN repeated, text or
/// `x"hex"`, zero bytes by default), `@pause N` (the current thread's next `CryptHashData` stops
/// inside the API after N chunks, running on its own OS thread, so another thread can meet it
/// there: the `ERROR_BUSY` case), `@resume T1` (lets it finish; the line's expectation is checked
/// then). A binding named `NULL` passes a NULL out-pointer.
public struct CryptScenarioRunner: ScenarioRunner {
    /// The simulated process the scenario runs in.
    public let simulator: CryptSimulator

    /// Creates a runner on a simulator (a fresh one with an in-memory store by default).
    public init(simulator: CryptSimulator = CryptSimulator()) {
        self.simulator = simulator
    }

    /// Checks what can be checked before running: known functions and directives, argument and
    /// binding counts, expectations that fit their function. Throws the first problem; runs nothing.
    public static func check(_ scenario: Scenario) throws(ScenarioSyntaxError) {
        for line in scenario.lines {
            switch line.content {
            case .call(let call):
                guard let spec = CryptCallSpec.all[call.function] else {
                    throw ScenarioSyntaxError(
                        line: line.number, column: call.functionColumn, message: "unknown function '\(call.function)'")
                }
                let count = call.arguments.count
                guard count >= spec.minimumArguments, count <= spec.parameters.count else {
                    let column = count > spec.parameters.count ? call.arguments[spec.parameters.count].column : call.functionColumn
                    throw ScenarioSyntaxError(line: line.number, column: column, message: CryptScenarioSession.arity(spec))
                }
                guard call.bindings.count <= spec.outputs.count else {
                    let outputs = spec.outputs.isEmpty ? "no out-parameters" : "out-parameters " + spec.outputs.joined(separator: ", ")
                    throw ScenarioSyntaxError(line: line.number, column: 1, message: "\(spec.name) has \(outputs)")
                }
                if let expectation = call.expectation {
                    do {
                        _ = try CryptExpectation(expectation, function: spec.name)
                    } catch {
                        throw ScenarioSyntaxError(line: line.number, column: error.column, message: error.message)
                    }
                }
            case .directive(let directive):
                guard let range = CryptCallSpec.directives[directive.name] else {
                    throw ScenarioSyntaxError(line: line.number, column: 1, message: "unknown directive '@\(directive.name)'")
                }
                guard range.contains(directive.words.count) else {
                    throw ScenarioSyntaxError(
                        line: line.number, column: 1, message: "@\(directive.name) takes \(range.lowerBound)"
                            + (range.count > 1 ? " to \(range.upperBound)" : "") + " word(s)")
                }
            }
        }
    }

    /// Runs every line in order (stopping at the first unmet expectation with `failFast`), lets
    /// any call still stopped inside the API finish, and ends with the live objects of the ledger.
    public func run(_ scenario: Scenario, options: ScenarioOptions = ScenarioOptions()) -> ScenarioReport {
        if let profile = options.profile.flatMap(CryptProfile.init(rawValue:)) {
            simulator.profile = profile
        }
        var session = CryptScenarioSession(simulator: simulator)
        var report = ScenarioReport()
        for line in scenario.lines {
            let step = session.step(for: line)
            report.steps.append(step)
            if options.failFast, step.met == false {
                report.stopped = "line \(line.number): expectation not met (fail-fast)"
                break
            }
        }
        report.steps += session.resumeAll()
        report.live = [simulator.table.name: simulator.table.liveResources().map(\.description)]
        return report
    }
}
