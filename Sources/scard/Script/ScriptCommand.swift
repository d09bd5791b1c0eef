import APDUScript
import ArgumentParser
import FoundationEssentials
import PCSC

/// `scard script`: runs APDU scripts (scriptor's format, plus expectations) against a card, and
/// records, compares and reports the runs for CI.
struct ScriptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "script",
        abstract: "Run an APDU script (scriptor's format, plus expected responses) against a card.",
        discussion: """
            A script has one APDU in hex per line, '#' comments, blank lines, 'reset'
            and 'exit', as pcsc-tools' scriptor reads them, plus: '=> 90 00' (expected
            response, '..' for any byte, '*' for any bytes), '=> SW 61 ..' (status word
            only), 'echo TEXT', 'delay 100ms', '# test: NAME' (a test case), and the
            lines 'transaction begin' ... 'transaction end' around a block no other
            application interleaves with. See Docs/scripts.md and Docs/ci-reports.md.

            Each APDU is sent with the GET RESPONSEs and resends its 61xx and 6Cxx
            answers call for inside a PC/SC transaction of its own, so that other
            applications sharing the card cannot slip a command in between (none with
            --get-response off --fix-le off: one wire exchange is whole by itself).
            --transaction holds the card for the whole run of each file instead.

            Examples:
              scard script select.apdu
              echo "00 84 00 00 08 => * 90 00" | scard script -
              scard script --all-readers --json checks.apdu
              scard script applet.apdu --record golden.json --ignore-data 0084
              scard script applet.apdu --compare golden.json
              scard script --report junit --report-file junit.xml a.apdu b.apdu

            A failed expectation stops the script (exit 1) unless --keep-going. A PC/SC
            error at a line (card removed, pcscd stopped) reports every line done before
            it, names the line, and exits with the code of that error (5 card removed,
            6 pcscd not running, 3 other). Ctrl-C (or SIGTERM) stops after the exchange
            in progress, keeps what was printed, releases the card and exits 130; when
            that call does not return within half a second, or a call does not return
            within the deadline (--timeout: pcscd or the card stopped), scard prints
            what was done (with --json the summary line), names the line and the call,
            and exits at once with 130, or 7 for the deadline.

            --record writes the transcript of the run (reader, ATR, every exchange with
            its wire exchanges, status word, meaning and duration) as JSON. --compare
            runs again and prints the differences from such a golden transcript, with
            script line numbers; durations and the reader's name are not compared,
            the patterns '..' and '*' in the golden responses match anything, and
            --ignore-data PREFIX (one argument, '0084' or "00 84") compares only the
            length of the data answering commands that start with PREFIX. Exit 1 when
            they differ.

            --report junit|tap prints one test case per script, or per '# test:'
            section, instead of the usual output (or writes it to --report-file and
            keeps the usual output). Failures carry the line, expected and actual.

            Several files run one after the other: text output heads each with a
            line == FILE, and with --json every line carries "file" (Docs/json.md).

            On a terminal, a script of 20 APDUs or more draws a progress bar on
            standard error ([####    ] 12/200), cleared before every line of output
            and at the end; --no-progress turns it off.
            """
    )

    @OptionGroup var card: CardOptions
    @OptionGroup var connectionOptions: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var transmit: TransmitFlags
    @OptionGroup var deadline: DeadlineOptions

    @Flag(name: .customLong("keep-going"), help: "Continue after a failed expectation and count the failures.")
    var keepGoing = false

    @Flag(help: "Print each exchange's duration.")
    var timing = false

    @Flag(name: .customLong("no-progress"), help: "Draw no progress bar (drawn on standard error, when it is a terminal, for scripts of 20 APDUs or more).")
    var noProgress = false

    @Flag(help: "Run each script file as one PC/SC transaction: no other application's command lands between its lines.")
    var transaction = false

    @Flag(help: "Print exactly what pcsc-tools' scriptor prints for the script (one file; each APDU sent as written, without GET RESPONSE).")
    var scriptor = false

    @Flag(help: "Decode each response's data as BER-TLV, as a tree of named tags, when it is BER-TLV.")
    var tlv = false

    @Flag(name: .customLong("all-readers"), help: "Run the script on every reader holding a card, in parallel.")
    var allReaders = false

    @Option(name: .customLong("record"), help: ArgumentHelp("Write the run's transcript as JSON to this file.", valueName: "out.json"))
    var record: String?

    @Option(name: .customLong("compare"), help: ArgumentHelp("Compare the run with this golden transcript; exit 1 when it differs.", valueName: "golden.json"))
    var compare: String?

    @Option(
        name: .customLong("ignore-data"),
        help: ArgumentHelp("With --record or --compare: ignore the response data of commands starting with these bytes (repeatable).", valueName: "prefix"))
    var ignoreData: [String] = []

    @Option(name: .customLong("report"), help: "Report test cases for CI: junit or tap.")
    var report: ReportFormat?

    @Option(name: .customLong("report-file"), help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "path"))
    var reportFile: String?

    @Argument(help: "The script files, or - for standard input (several files not with --record or --compare); each at most 16 MiB.")
    var files: [String] = []

    /// The report formats of `--report`.
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case junit
        case tap
    }

    /// Rejects option combinations that cannot work, before anything runs.
    func validate() throws {
        if files.isEmpty { throw ValidationError("give a script file, or - for standard input") }
        try validateScriptor()
        if allReaders && card.reader != nil { throw ValidationError("--all-readers and --reader exclude each other") }
        if record != nil && compare != nil { throw ValidationError("--record and --compare exclude each other: record once, compare later") }
        if (record != nil || compare != nil) && (allReaders || files.count > 1) {
            throw ValidationError("--record and --compare take one script on one reader")
        }
        if !ignoreData.isEmpty && record == nil && compare == nil { throw ValidationError("--ignore-data goes with --record or --compare") }
        if reportFile != nil && report == nil { throw ValidationError("--report-file goes with --report junit|tap") }
        if report != nil && reportFile == nil && output.json {
            throw ValidationError("--report prints to standard output: give --report-file to keep --json output")
        }
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
    }

    /// Parses every script, runs each on the chosen readers, then records, compares and reports.
    func run() throws {
        if readsTerminalLineByLine { return try runFromTerminal() }
        if scriptor { return try runScriptor() }
        let scripts = try files.map { file in (file, try loadScript(file)) }
        let ignoring: IgnoredData
        do {
            ignoring = try IgnoredData(parsing: ignoreData)
        } catch {
            throw CLIError.usage("--ignore-data: \(error.message)")
        }
        let comparison = try compare.map { try loadGolden($0, ignoring: ignoring) }
        let session = Session(trace: card.trace, timeout: deadline.timeout)
        defer { session.finish() }
        let printer = ScriptPrinter(
            json: output.json, timing: timing, wire: transmit.wire || card.trace, quiet: report != nil && reportFile == nil,
            showsProgress: !noProgress, tlv: tlv)
        let options = ScriptRunOptions(
            keepGoing: keepGoing,
            transmit: TransmitOptions(getResponse: transmit.getResponse == .auto, fixLe: transmit.fixLe == .auto),
            wholeTransaction: transaction,
            stopRequested: { RunGuard.shared.stopRequested }, connection: connectionOptions.request)
        let context = try session.establish()
        defer { _ = try? context.release() }
        let readers = try chooseReaders(session, context: context)
        let listed = output.json ? ((try? context.readerNames()) ?? readers) : readers
        var runs: [(file: String, results: [ReaderScriptRun.Result])] = []
        for (file, script) in scripts where !RunGuard.shared.stopRequested {
            if scripts.count > 1 && !output.json { printer.emit(["== \(file)"], label: nil) }
            let results = ParallelRuns.run(readers) { reader in
                ReaderScriptRun(session: session, reader: reader, script: script, name: file, options: options,
                                printer: printer, label: allReaders ? reader : nil,
                                origin: ScriptPrinter.Origin(
                                    reader: ReaderReference(reader, among: listed), everyLine: allReaders,
                                    file: scripts.count > 1 ? file : nil),
                                masking: record != nil ? ignoring : IgnoredData(),
                                recording: record != nil || compare != nil, reporting: report != nil,
                                sharedContext: allReaders ? nil : context).perform()
            }
            if allReaders { printer.summary(results) }
            runs.append((file, results))
        }
        let all = runs.flatMap(\.results)
        if let record, let transcript = all.first?.transcript { try write(transcript, to: record) }
        var differences = 0
        if let comparison, let transcript = all.first?.transcript {
            differences = printDifferences(comparison, transcript)
        }
        if let report { try write(report, runs: runs) }
        try finish(runs, differences: differences)
    }

    /// The readers to run on: every reader with a card (`--all-readers`) or the chosen one.
    func chooseReaders(_ session: Session, context: Context) throws -> [String] {
        guard allReaders else { return [try session.chooseReader(card.reader, in: context)] }
        let names = (try? context.readerNames()) ?? []
        let readers = (try? context.readersHoldingCard(names)) ?? []
        if readers.isEmpty { throw CLIError(message: "no reader holds a card", status: .noCard) }
        return readers
    }

    /// Throws the worst result as one line: the runs' own failures first, then a comparison that differed.
    func finish(_ runs: [(file: String, results: [ReaderScriptRun.Result])], differences: Int) throws {
        let all = runs.flatMap { run in run.results.map { (run.file, $0) } }
        if let failure = all.map(\.1.status).max(by: { $0.severity < $1.severity }), failure != .success {
            let messages = all.compactMap { file, result in
                result.message.map { message in
                    var prefix = runs.count > 1 ? "\(file): " : ""
                    if allReaders { prefix += "\(result.reader): " }
                    return prefix + message
                }
            }
            throw CLIError(message: messages.joined(separator: "; "), status: failure)
        }
        if differences > 0, let compare {
            throw CLIError(message: "the run differs from \(compare) in \(differences) place(s)", status: .checkFailed)
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
