import APDUScript
@preconcurrency import Glibc
import PCSC

extension ShellSession {
    /// What the shell does after a line.
    enum Next {
        case keepGoing
        case quit
    }

    /// Runs one line typed at the prompt (or one APDU continued over several lines).
    func run(_ line: String) -> Next {
        let text = String(line.trimmingBlanks())
        if text.isEmpty { return .keepGoing }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let keyword = words[0].lowercased()
        switch keyword {
        case "quit", "exit", "q":
            return .quit
        case "help", "?":
            ShellHelp.lines.forEach { print($0) }
        case "reader", "readers":
            if words.count > 1 {
                switchReader(to: String(text.dropFirst(words[0].count).trimmingBlanks()))
            } else {
                listReaders()
            }
        case "atr":
            showATR()
        case "transaction" where words.count == 2:
            transaction(begin: words[1].lowercased() == "begin", text: text)
        default:
            runScriptLine(text)
        }
        return .keepGoing
    }

    /// `atr`: the card's answer to reset, protocol and names.
    func showATR() {
        guard let card = cardOrConnect() else { return }
        let status: Result<CardStatus, PCSCError>? = ShellInterrupt.run {
            do throws(PCSCError) { return .success(try card.status()) } catch { return .failure(error) }
        }
        switch status {
        case .success(let status):
            print("atr:      \(Hex.string(status.atr))")
            print("protocol: \(status.activeProtocol)")
            for name in cardNames(status.atr) { print("card:     \(name)") }
        case .failure(let error):
            failed(error, doing: "reading the ATR")
        case nil:
            abandon("reading the ATR")
        }
    }

    /// `transaction begin` and `transaction end`: holds the card across the lines in between.
    func transaction(begin: Bool, text: String) {
        guard begin || text.lowercased().hasSuffix("end") else {
            report("transaction takes begin or end")
            errors += 1
            return
        }
        guard begin != inTransaction else {
            report(begin ? "a transaction is already held" : "there is no transaction to end")
            errors += 1
            return
        }
        guard let card = cardOrConnect() else { return }
        let result: PCSCError?? = ShellInterrupt.run { () -> PCSCError? in
            do throws(PCSCError) {
                if begin { try card.beginTransaction() } else { try card.endTransaction() }
                return nil
            } catch {
                return error
            }
        }
        switch result {
        case .some(.none):
            inTransaction = begin
            print("> transaction \(begin ? "begin" : "end")")
            recorder?.line("transaction \(begin ? "begin" : "end")")
        case .some(.some(let error)):
            failed(error, doing: begin ? "beginning the transaction" : "ending the transaction")
        case .none:
            abandon(begin ? "beginning the transaction" : "ending the transaction")
        }
    }

    /// A line of the script format: an APDU with or without an expectation, `reset`, `echo`, `delay`.
    func runScriptLine(_ text: String) {
        let script: APDUScript
        do {
            script = try APDUScript(parsing: text)
        } catch {
            let message = error.diagnostics.map { "column \($0.column): \($0.message)" }.joined(separator: "; ")
            report(message)
            errors += 1
            return
        }
        let needsCard = script.lines.contains {
            switch $0.kind {
            case .apdu, .reset: return true
            default: return false
            }
        }
        var card: Card?
        if needsCard {
            card = cardOrConnect()
            if card == nil { return }
        }
        guard let card else {
            script.lines.forEach(runPlain)
            return
        }
        var transmit = self.transmit
        transmit.ownTransaction = !inTransaction && transmit.ownTransaction
        let options = ScriptRunOptions(transmit: transmit, stopRequested: { ShellInterrupt.isSet }, connection: request)
        let showWire = self.showWire
        let generation = ShellInterrupt.generation
        let run: (ScriptOutcome, [ScriptEvent])? = ShellInterrupt.run {
            var events: [ScriptEvent] = []
            let outcome = ScriptRunner(card: card, options: options).run(script) { event in
                if ShellInterrupt.generation == generation { ShellPrinter.print(event, showWire: showWire) }
                events.append(event)
            }
            return (outcome, events)
        }
        guard let (outcome, events) = run else {
            abandon("waiting for the card")
            return
        }
        events.forEach { recorder?.record($0) }
        if !outcome.failedLines.isEmpty { failures += outcome.failedLines.count }
        if let (_, error) = outcome.error { failed(error, doing: "at the card") }
        if outcome.interruptedAtLine != nil {
            ShellInterrupt.clear()
            print("")
            report("interrupted")
        }
    }

    /// A line that needs no card (`echo`, `delay`, `# test:`).
    private func runPlain(_ line: ScriptLine) {
        switch line.kind {
        case .echo(let text):
            print(text)
        case .delay(let milliseconds):
            let stopped = ShellInterrupt.run {
                var left = milliseconds
                while left > 0 {
                    usleepMilliseconds(min(left, 50))
                    left -= 50
                }
                return true
            }
            if stopped == nil {
                ShellInterrupt.clear()
                print("")
                return
            }
        default:
            break
        }
        recorder?.line(line.text)
    }

    /// The connection, made now when there is none; nil (reported) when it cannot be made.
    func cardOrConnect() -> Card? {
        if let card { return card }
        guard reader != nil else {
            report("no reader: choose one with 'reader N'")
            errors += 1
            return nil
        }
        if !connect(reporting: true) {
            errors += 1
            return nil
        }
        return card
    }

    /// Reports a PC/SC failure at the card in words, and drops the connection so that the next
    /// line connects again.
    func failed(_ error: PCSCError, doing what: String) {
        errors += 1
        if let reader, let context {
            let diagnosis = FailureDiagnosis.of(error, context: context, reader: reader)
            report("\(what): \(diagnosis.explanation)")
        } else {
            report("\(what): \(error)")
        }
        dropConnection()
    }
}

/// Sleeps `milliseconds`.
private func usleepMilliseconds(_ milliseconds: Int) {
    var time = timespec(tv_sec: 0, tv_nsec: milliseconds * 1_000_000)
    nanosleep(&time, nil)
}
