import Foundation
import TestSupport
import Testing

/// Runs `scard` in a pseudo-terminal through `Scripts/pty_session.py`, one step at a time, as
/// someone typing at it would.
enum ShellDriver {
    /// One step: text to type, then read until `until` matches (or `timeout` seconds pass).
    struct Step: Encodable {
        var send: String?
        var until: String?
        var timeout: Double?
        var signal: String?
        var pidfile: String?
        var sleep: Double?
    }

    /// What a step read, and how long it took.
    struct StepResult: Decodable {
        let output: String
        let seconds: Double
        let matched: Bool
    }

    /// The whole run.
    struct Run: Decodable {
        let steps: [StepResult]
        let rest: String
        let exit: Int

        /// Everything the terminal showed.
        var transcript: String { steps.map(\.output).joined() + rest }
    }

    /// The shell prompt at the end of what was read.
    static let prompt = "scard [^\\n]*> $"

    /// Types `line` and Enter, then reads up to the next prompt.
    static func line(_ line: String, until: String? = prompt, timeout: Double = 10) -> Step {
        Step(send: line + "\r", until: until, timeout: timeout)
    }

    /// Types `text` as it is, then reads up to `until`.
    static func keys(_ text: String, until: String? = prompt, timeout: Double = 10) -> Step {
        Step(send: text, until: until, timeout: timeout)
    }

    /// Runs `scard ARGUMENTS` in a terminal through `steps`, with `$XDG_STATE_HOME` at `state`.
    static func run(_ arguments: [String], steps: [Step], state: URL) throws -> Run {
        let driver = ScardProcess.projectRoot.appendingPathComponent("Tests/IntegrationTests/Scripts/pty_session.py")
        let input = String(decoding: try JSONEncoder().encode(steps), as: UTF8.self)
        let result = try ScardProcess.runExecutable(
            URL(fileURLWithPath: "/usr/bin/python3"), [driver.path, ScardProcess.binary.path] + arguments, stdin: input,
            environment: ["XDG_STATE_HOME": state.path, "TERM": "xterm"], timeout: 120)
        guard result.status == 0 else { throw DriverError(message: result.stderr) }
        return try JSONDecoder().decode(Run.self, from: Data(result.stdout.utf8))
    }

    /// The driver failed.
    struct DriverError: Error, CustomStringConvertible {
        let message: String
        var description: String { "pty_session.py: \(message)" }
    }
}
