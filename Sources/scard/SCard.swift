import ArgumentParser
@preconcurrency import Glibc
import PCSC

/// The `scard` command: PC/SC smart cards from the shell, and simulators of Windows context APIs.
@main
struct SCard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scard",
        abstract: "Talk to PC/SC smart cards, and explore how Windows APIs release their contexts.",
        discussion: """
            Examples:
              scard list-readers
              scard send 00A4000C023F00 0084000008
              scard lifecycle

            \(ExitStatus.table)
            """,
        version: "0.2.0",
        subcommands: [
            ListReadersCommand.self, StatusCommand.self, SendCommand.self, LifecycleCommand.self,
            ScriptCommand.self, WatchCommand.self, DoctorCommand.self,
            ATRCommand.self, TLVCommand.self,
            ReaderCommand.self, ControlCommand.self, ShellCommand.self,
            RPCCommand.self, FltCommand.self, CryptCommand.self,
            ManualSectionsCommand.self,
        ]
    )

    /// Reads the command line (the commands that must start fast through ``QuickStart``, the rest
    /// through swift-argument-parser), runs the command, and turns every error into one line on
    /// standard error and a documented exit code (and, with `--json`, a last `error` line on
    /// standard output).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let request = QuickStart.request(arguments) {
            conclude(printsJSON: { QuickStart.printsJSON(request) }) { try QuickStart.run(request) }
        }
        var parsed: ParsableCommand?
        // Asked only on the way out: the cast is a conformance lookup a successful run need not pay.
        conclude(printsJSON: { parsed.map(JSONOutput.requested(by:)) ?? JSONOutput.requested(byRefused: arguments) }) {
            var command = try parseAsRoot(arguments)
            parsed = command
            try command.run()
        }
    }

    /// Runs `body`, reports its error the `scard` way, and exits with its status once standard
    /// output is written out.
    static func conclude(printsJSON: () -> Bool, _ body: () throws -> Void) -> Never {
        do {
            try body()
            RunGuard.shared.settle()
        } catch {
            RunGuard.shared.settle()
            let (status, message) = report(error)
            if status != 0, let message, printsJSON() {
                JSONLine.print(ErrorLine(message: message, exitCode: status))
            }
            StandardOutput.finish()
            Glibc.exit(status)
        }
        StandardOutput.finish()
        Glibc.exit(0)
    }

    /// Prints the error the way `scard` does and returns the exit code, with the message it wrote
    /// after `scard: ` (nil when it wrote none).
    static func report(_ error: Error) -> (status: Int32, message: String?) {
        let status: ExitStatus
        let message: String
        switch error {
        case let error as CLIError:
            (status, message) = (error.status, error.message)
        case let error as PCSCError:
            (status, message) = (ExitStatus.of(error), error.description)
        case let error as ReaderSelectionError:
            (status, message) = (error == .emptyName ? ExitStatus.usage : ExitStatus.noCard, error.description)
        case let error as APDUError:
            (status, message) = (.usage, error.description)
        default:
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if code == .success {
                if !text.isEmpty { print(text) }
                return (0, nil)
            }
            guard code == .validationFailure else {
                if !text.isEmpty { StandardError.write(text) }
                return (code.rawValue, nil)
            }
            (status, message) = (.usage, ParserMessage.line(text))
        }
        StandardError.write("scard: \(message)")
        return (status.rawValue, message)
    }
}
