import APDUScript
import ArgumentParser
import Foundation
import PCSC

/// `scard script`: runs an APDU script (scriptor's format, plus expectations) against a card.
struct ScriptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "script",
        abstract: "Run an APDU script (scriptor's format, plus expected responses) against a card.",
        discussion: """
            A script has one APDU in hex per line, '#' comments, blank lines, 'reset' and 'exit', as \
            pcsc-tools' scriptor reads them, plus: '=> 90 00' (expected response, '..' for any byte, \
            '*' for any bytes), '=> SW 61 ..' (status word only), 'echo TEXT', 'delay 100ms'. \
            See Docs/scripts.md.

            Examples:
              scard script select.apdu
              echo "00 84 00 00 08 => * 90 00" | scard script -
              scard script --all-readers --json checks.apdu

            A failed expectation stops the script (exit 1) unless --keep-going. A PC/SC error at a \
            line (card removed, pcscd stopped) reports every line done before it, names the line, \
            and exits with the code of that error (5 card removed, 6 pcscd not running, 3 other).
            """
    )

    @OptionGroup var card: CardOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var transmit: TransmitFlags

    @Flag(name: .customLong("keep-going"), help: "Continue after a failed expectation and count the failures.")
    var keepGoing = false

    @Flag(help: "Print each exchange's duration.")
    var timing = false

    @Flag(name: .customLong("all-readers"), help: "Run the script on every reader holding a card, in parallel.")
    var allReaders = false

    @Argument(help: "The script file, or - for standard input.")
    var file: String

    func validate() throws {
        if allReaders && card.reader != nil { throw ValidationError("--all-readers and --reader exclude each other") }
    }

    func run() throws {
        let script = try loadScript()
        let session = Session(trace: card.trace)
        defer { session.finish() }
        let printer = ScriptPrinter(json: output.json, timing: timing, wire: transmit.wire || card.trace)
        let options = ScriptRunOptions(
            keepGoing: keepGoing,
            transmit: TransmitOptions(getResponse: transmit.getResponse == .auto, fixLe: transmit.fixLe == .auto))
        let readers: [String]
        if allReaders {
            let context = try session.establish()
            defer { _ = try? context.release() }
            let names = (try? context.readerNames()) ?? []
            readers = (try? session.readersWithCard(names, context: context)) ?? []
            if readers.isEmpty { throw CLIError(message: "no reader holds a card", status: .noCard) }
        } else {
            let context = try session.establish()
            defer { _ = try? context.release() }
            readers = [try session.chooseReader(card.reader, in: context)]
        }
        let results = ParallelRuns.run(readers) { reader in
            ReaderScriptRun(session: session, reader: reader, script: script, options: options,
                            printer: printer, label: allReaders ? reader : nil).perform()
        }
        if allReaders { printer.summary(results) }
        if let failure = results.map(\.status).max(by: { $0.severity < $1.severity }), failure != .success {
            let messages = results.compactMap { result in
                result.message.map { allReaders ? "\(result.reader): \($0)" : $0 }
            }
            throw CLIError(message: messages.joined(separator: "; "), status: failure)
        }
    }

    /// Reads and parses the script; any problem is a usage error naming the file, line and column.
    func loadScript() throws -> APDUScript {
        let text: String
        if file == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError.usage("cannot read script '\(file)'")
            }
            text = String(decoding: data, as: UTF8.self)
        }
        do {
            return try APDUScript(parsing: text)
        } catch {
            let name = file == "-" ? "<stdin>" : file
            let first = error.diagnostics.first
            let more = error.diagnostics.count > 1 ? " (and \(error.diagnostics.count - 1) more)" : ""
            throw CLIError.usage("\(name):\(first?.line ?? 0):\(first?.column ?? 0): \(first?.message ?? "syntax error")\(more)")
        }
    }
}

extension ExitStatus {
    /// How bad a result is, to pick one exit code for several readers.
    var severity: Int {
        switch self {
        case .success: return 0
        case .checkFailed: return 1
        default: return 2 + Int(rawValue)
        }
    }
}
