import APDUScript
import PCSC

/// One script run on one reader, with its own context, reporting as it goes.
struct ReaderScriptRun: Sendable {
    let session: Session
    let reader: String
    let script: APDUScript
    let options: ScriptRunOptions
    let printer: ScriptPrinter
    let label: String?

    /// How the run on one reader ended.
    struct Result: Sendable {
        let reader: String
        let outcome: ScriptOutcome?
        let status: ExitStatus
        let message: String?
    }

    func perform() -> Result {
        let context: Context
        do {
            context = try session.manager.establishContext()
        } catch {
            return Result(reader: reader, outcome: nil, status: ExitStatus.of(error), message: "cannot reach pcscd: \(error)")
        }
        defer { _ = try? context.release() }
        let card: Card
        do {
            card = try session.connect(context, reader: reader)
        } catch let error as CLIError {
            return Result(reader: reader, outcome: nil, status: error.status, message: error.message)
        } catch {
            return Result(reader: reader, outcome: nil, status: .pcscError, message: "\(error)")
        }
        let total = script.lines.filter { if case .apdu = $0.kind { return true } else { return false } }.count
        let progress = printer.progress(total: total, label: label)
        let outcome = ScriptRunner(card: card, options: options).run(script) { event in
            printer.event(event, label: label)
            progress?.advance(event)
        }
        progress?.finish()
        printer.end(outcome, label: label)
        if let (line, error) = outcome.error {
            let diagnosis = FailureDiagnosis.of(error, context: context, reader: reader)
            return Result(reader: reader, outcome: outcome, status: diagnosis.status,
                          message: "line \(line): \(diagnosis.what) after \(outcome.exchanges) exchange(s): \(error)")
        }
        if let line = outcome.stoppedAtLine {
            return Result(reader: reader, outcome: outcome, status: .checkFailed,
                          message: "line \(line): response did not match the expectation")
        }
        if !outcome.failedLines.isEmpty {
            let lines = outcome.failedLines.map(String.init).joined(separator: ", ")
            return Result(reader: reader, outcome: outcome, status: .checkFailed,
                          message: "\(outcome.failedLines.count) expectation(s) failed, at line(s) \(lines)")
        }
        return Result(reader: reader, outcome: outcome, status: .success, message: nil)
    }
}
