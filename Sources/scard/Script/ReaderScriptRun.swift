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
        var collector = ScriptTestCollector(script: script, name: name, timestamp: Date())
        let runProgress = ScriptRunProgress(script: script)
        let tracking = RunGuard.shared.onAbandon { [printer, label] in runProgress.report($0, printer: printer, label: label) }
        defer { tracking.end() }
        func failed(_ status: ExitStatus, _ message: String, outcome: ScriptOutcome? = nil, transcript: Transcript? = nil) -> Result {
            let line = script.lines.first?.number ?? 1
            let suite = collector.finish(error: ScriptTestProblem(line: line, message: message), stoppedAtLine: nil)
            return Result(reader: reader, outcome: outcome, status: status, message: message, transcript: transcript, suite: suite)
        }
        let context: Context
        if let sharedContext {
            context = sharedContext
        } else {
            do {
                context = try session.manager.establishContext()
            } catch {
                return failed(ExitStatus.of(error), "cannot reach pcscd: \(error)")
            }
        }
        defer { if sharedContext == nil { _ = try? context.release() } }
        let card: Card
        do {
            card = try session.connect(context, reader: reader)
        } catch let error as CLIError {
            return failed(error.status, error.message)
        } catch {
            return failed(.pcscError, "\(error)")
        }
        defer { if sharedContext != nil { _ = try? card.disconnect() } }
        let status = recording || reporting ? try? card.status() : nil
        collector.connected(reader: reader, atr: status?.atr ?? [])
        var recorder = recording
            ? TranscriptRecorder(script: name, reader: reader, atr: status?.atr ?? [], protocol: status?.activeProtocol, ignoring: masking)
            : nil
        let total = script.lines.filter { if case .apdu = $0.kind { return true } else { return false } }.count
        let progress = printer.progress(total: total, label: label)
        runProgress.start()
        let outcome = ScriptRunner(card: card, options: options).run(script) { event in
            printer.event(event, label: label)
            progress?.advance(event)
            recorder?.record(event)
            collector.record(event)
            runProgress.record(event)
        }
        progress?.finish()
        runProgress.end()
        printer.end(outcome, label: label)
        let transcript = recorder?.transcript
        if let (line, error) = outcome.error {
            let diagnosis = FailureDiagnosis.of(error, context: context, reader: reader)
            let message = "line \(line): \(diagnosis.what) after \(outcome.exchanges) exchange(s): \(diagnosis.detail)"
            let suite = collector.finish(error: ScriptTestProblem(line: line, message: message), stoppedAtLine: nil)
            return Result(reader: reader, outcome: outcome, status: diagnosis.status, message: message, transcript: transcript, suite: suite)
        }
        if let line = outcome.interruptedAtLine {
            let message = "line \(line): interrupted after \(outcome.exchanges) exchange(s)"
            let suite = collector.finish(error: ScriptTestProblem(line: line, message: message), stoppedAtLine: nil)
            return Result(reader: reader, outcome: outcome, status: .interrupted, message: message, transcript: transcript, suite: suite)
        }
        let suite = collector.finish(error: nil, stoppedAtLine: outcome.stoppedAtLine)
        if let line = outcome.stoppedAtLine {
            return Result(reader: reader, outcome: outcome, status: .checkFailed,
                          message: "line \(line): response did not match the expectation", transcript: transcript, suite: suite)
        }
        if !outcome.failedLines.isEmpty {
            let lines = outcome.failedLines.map(String.init).joined(separator: ", ")
            return Result(reader: reader, outcome: outcome, status: .checkFailed,
                          message: "\(outcome.failedLines.count) expectation(s) failed, at line(s) \(lines)",
                          transcript: transcript, suite: suite)
        }
        return Result(reader: reader, outcome: outcome, status: .success, message: nil, transcript: transcript, suite: suite)
    }
}
