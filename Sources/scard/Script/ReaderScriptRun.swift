import APDUScript
import FoundationEssentials
import PCSC

/// One script run on one reader, with its own context, reporting as it goes and keeping the
/// transcript and the test cases of the run.
struct ReaderScriptRun: Sendable {
    /// The PC/SC session the run goes through.
    let session: Session
    /// The reader holding the card.
    let reader: String
    /// The parsed script.
    let script: APDUScript
    /// The script's name as given (`-` for standard input), for transcripts and reports.
    let name: String
    /// Keep-going and T=0 handling.
    let options: ScriptRunOptions
    /// Where events are printed.
    let printer: ScriptPrinter
    /// The reader's name before each printed line (`--all-readers`), else nil.
    let label: String?
    /// The reader and file the run's JSON lines name.
    let origin: ScriptPrinter.Origin
    /// Commands whose response data the transcript writes as `..`.
    let masking: IgnoredData
    /// Whether to keep a transcript of the run (`--record`, `--compare`).
    let recording: Bool
    /// Whether a test report is asked for (`--report`), which names the card's ATR.
    let reporting: Bool
    /// A context to run in, kept open by the caller; nil to establish one of the run's own.
    let sharedContext: Context?

    /// How the run on one reader ended.
    struct Result: Sendable {
        /// The reader.
        let reader: String
        /// How the script ended (nil when it did not start).
        let outcome: ScriptOutcome?
        /// The exit status of this run.
        let status: ExitStatus
        /// The error line for standard error, when the run did not succeed.
        let message: String?
        /// The transcript of what ran (nil when none was asked for or no card could be reached).
        let transcript: Transcript?
        /// The test cases of the run.
        let suite: ScriptTestSuite
    }

    /// Connects, runs the script, and returns how it ended with its transcript and test cases.
    func perform() -> Result {
        let runProgress = ScriptRunProgress(script: script)
        let tracking = RunGuard.shared.onAbandon { [printer, label, origin] in
            runProgress.report($0, printer: printer, label: label, origin: origin)
        }
        defer { tracking.end() }
        let sessionOptions = ScriptSessionOptions(
            run: options, recordsTranscript: recording, ignoredData: masking, readsCardStatus: reporting)
        let scriptSession = sharedContext.map { ScriptSession(context: $0, reader: reader, options: sessionOptions) }
            ?? ScriptSession(manager: session.manager, reader: reader, options: sessionOptions)
        let total = script.lines.filter { if case .apdu = $0.kind { return true } else { return false } }.count
        var progress: ProgressBar?
        var run = scriptSession.run(script, name: name) {
            progress = printer.progress(total: total, label: label)
            runProgress.start()
        } onEvent: { event in
            progress?.clear()
            printer.event(event, label: label, origin: origin)
            progress?.advance(event)
            runProgress.record(event)
        }
        func ended(_ status: ExitStatus, _ message: String?, at line: Int? = nil) -> Result {
            let problem = message.map { ScriptTestProblem(line: line ?? run.firstLine, message: $0) }
            let suite = run.tests.finish(error: problem, stoppedAtLine: nil)
            return Result(reader: reader, outcome: run.outcome, status: status, message: message, transcript: run.transcript, suite: suite)
        }
        switch run.setupFailure {
        case .establishContext(let error):
            return ended(ExitStatus.of(error), "cannot reach pcscd: \(error)")
        case .connect(let error):
            let failure = Session.connectionError(error, reader: reader)
            return ended(failure.status, failure.message)
        case nil:
            break
        }
        guard let outcome = run.outcome else { return ended(.pcscError, "the script did not run") }
        progress?.finish()
        runProgress.end()
        printer.end(outcome, origin: origin)
        if let (line, error) = outcome.error {
            let diagnosis = FailureDiagnosis.of(error, manager: session.manager, reader: reader)
            return ended(diagnosis.status, "line \(line): \(diagnosis.what) after \(outcome.exchanges) exchange(s): \(diagnosis.detail)", at: line)
        }
        if let line = outcome.interruptedAtLine {
            return ended(.interrupted, "line \(line): interrupted after \(outcome.exchanges) exchange(s)", at: line)
        }
        let suite = run.tests.finish(error: nil, stoppedAtLine: outcome.stoppedAtLine)
        if let line = outcome.stoppedAtLine {
            return Result(reader: reader, outcome: outcome, status: .checkFailed,
                          message: "line \(line): response did not match the expectation", transcript: run.transcript, suite: suite)
        }
        if !outcome.failedLines.isEmpty {
            let lines = outcome.failedLines.map(String.init).joined(separator: ", ")
            return Result(reader: reader, outcome: outcome, status: .checkFailed,
                          message: "\(outcome.failedLines.count) expectation(s) failed, at line(s) \(lines)",
                          transcript: run.transcript, suite: suite)
        }
        return Result(reader: reader, outcome: outcome, status: .success, message: nil, transcript: run.transcript, suite: suite)
    }
}
