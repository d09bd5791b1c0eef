import ScenarioKit

/// Reads the scenario a simulator's `run` is given, the same way for every simulator.
enum ScenarioFile {
    /// The scenario at `path` (`-`: standard input), parsed and checked against the simulator's
    /// call table; an unreadable file, a syntax error or a line the table refuses is a usage error
    /// (exit 2) naming file, line and column, and nothing runs.
    static func read(_ path: String, calls: ScenarioCallTable) throws(CLIError) -> Scenario {
        let text = try InputFile(path).readText()
        do {
            let scenario = try Scenario(parsing: text)
            try calls.check(scenario)
            return scenario
        } catch {
            throw CLIError.usage("\(EchoedText.bounded(path, limit: 256)):\(error.line):\(error.column): \(error.message)")
        }
    }
}
