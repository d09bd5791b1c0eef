import ArgumentParser
@preconcurrency import Glibc
import PCSC

/// The `scard` command: PC/SC smart cards from the shell, and simulators of Windows context APIs.
@main
struct SCard: AsyncParsableCommand {
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
        version: "0.1.0",
        subcommands: [
            ListReadersCommand.self, StatusCommand.self, SendCommand.self, LifecycleCommand.self,
            ScriptCommand.self, WatchCommand.self, DoctorCommand.self,
            ATRCommand.self,
            RPCCommand.self, FltCommand.self, CryptCommand.self,
        ]
    )

    /// Parses the command line, runs the command, and turns every error into one line on standard
    /// error and a documented exit code.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            RunGuard.shared.settle()
        } catch {
            RunGuard.shared.settle()
            let status = report(error)
            StandardOutput.finish()
            Glibc.exit(status)
        }
        StandardOutput.finish()
    }

    /// Prints the error the way `scard` does and returns the exit code.
    static func report(_ error: Error) -> Int32 {
        switch error {
        case let error as CLIError:
            StandardError.write("scard: \(error.message)")
            return error.status.rawValue
        case let error as PCSCError:
            StandardError.write("scard: \(error.description)")
            return ExitStatus.of(error).rawValue
        case let error as ReaderSelectionError:
            StandardError.write("scard: \(error.description)")
            return (error == .emptyName ? ExitStatus.usage : ExitStatus.noCard).rawValue
        case let error as APDUError:
            StandardError.write("scard: \(error.description)")
            return ExitStatus.usage.rawValue
        default:
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                return 0
            }
            if code == .validationFailure {
                var first = message.split(separator: "\n").first.map(String.init) ?? "invalid usage"
                if first.hasPrefix("Error: ") { first.removeFirst("Error: ".count) }
                StandardError.write("scard: \(first) (see 'scard --help')")
                return ExitStatus.usage.rawValue
            }
            if !message.isEmpty { StandardError.write(message) }
            return code.rawValue
        }
    }
}
