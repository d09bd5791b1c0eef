import ArgumentParser
import Dispatch
import FoundationEssentials
@preconcurrency import Glibc
import PCSC

/// `scard watch`: reports card and reader events as they happen.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Report cards inserted and removed, and readers added and removed, as they happen.",
        discussion: """
            Starts with the current state of each reader, then prints one line per event. Ctrl-C \
            cancels the wait, releases the context and exits 130.

            --timeout also bounds each PC/SC call: when pcscd does not answer within it, \
            watch exits 7 naming the call (without --timeout: $SCARD_TIMEOUT, else 10 s).

            Examples:
              scard watch
              scard watch --count 2 --timeout 30 --json
              scard watch --until inserted --timeout 60 --reader 1   (wait for a card)

            With --until, exits 0 at the first event of that kind, 7 when the timeout passes first.
            With --count, exits 0 after N events, 7 when the timeout passes first.
            """
    )

    /// The events `--until` can wait for.
    enum Until: String, ExpressibleByArgument, CaseIterable {
        case inserted
        case removed
    }

    @Option(name: .shortAndLong, help: "Watch only this reader: index, exact name, or a unique part of its name (default: every reader).")
    var reader: String?

    @Flag(help: "Show every PC/SC call with its result and duration, and the ledger at exit, on standard error.")
    var trace = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var naming: CardNameOptions

    @Option(help: "Stop after this many events.")
    var count: Int?

    @Option(help: "Stop after this many seconds; also the deadline of each PC/SC call.")
    var timeout: Double?

    @Option(help: "Wait for one event of this kind (inserted or removed), then exit 0.")
    var until: Until?

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be at least 1") }
        if let timeout, !Deadlines.isValid(timeout) { throw ValidationError("--timeout must be a positive number of seconds") }
        try Deadlines.validateEnvironment()
        try ReaderOption.validate(reader)
    }

    func run() throws {
        let session = Session(trace: trace, timeout: timeout)
        defer { session.finish() }
        let context = try session.establish()
        defer { _ = try? context.release() }
        let cards = CardNaming(naming)
        try cards.load()
        var known: [String] = []
        var reader: String?
        if let spec = self.reader {
            do {
                known = try context.readerNames()
                reader = try ReaderSelection.choose(spec, from: known)
            } catch let error as ReaderSelectionError {
                throw CLIError(message: error.description, status: .noCard)
            }
        }
        let cancelling = RunGuard.shared.onStop { _ = try? context.cancel() }
        defer { cancelling.end() }
        var monitor = ReaderEventMonitor(source: context, only: reader)
        let start = ContinuousClock.now
        var seen = 0
        do {
            for event in try monitor.begin() {
                if !known.contains(event.reader) { known.append(event.reader) }
                if until == nil { emit(WatchEvent(event, time: Self.seconds(since: start), readers: known, naming: cards)) }
            }
            let deadline = timeout.map { Self.seconds(since: start) + $0 }
            while !RunGuard.shared.stopRequested {
                let remaining = deadline.map { max(0, $0 - Self.seconds(since: start)) }
                if let remaining, remaining <= 0 { break }
                let wait = remaining.map { UInt32(min($0 * 1000, 4_000_000_000)) } ?? Context.infinite
                for change in try monitor.wait(timeout: wait) {
                    if change.kind == .readerAdded, !known.contains(change.reader) { known.append(change.reader) }
                    let event = WatchEvent(change, time: Self.seconds(since: start), readers: known, naming: cards)
                    if change.kind == .readerRemoved { known.removeAll { $0 == change.reader } }
                    if let until {
                        guard event.event == until.rawValue else { continue }
                        emit(event)
                        return
                    }
                    emit(event)
                    seen += 1
                    if let count, seen >= count { return }
                }
            }
        } catch .cancelled where RunGuard.shared.stopRequested {
            RunGuard.shared.awaitStopActions()
        } catch {
            throw CLIError.pcsc(error, while: "watching readers")
        }
        if RunGuard.shared.stopRequested {
            throw CLIError(message: "interrupted", status: .interrupted)
        }
        if until != nil || count != nil {
            let what = until.map { "no card \($0.rawValue)" } ?? "\(seen) of \(count ?? 0) events"
            throw CLIError(message: "timed out after \(Deadlines.text(timeout ?? 0)) s: \(what)", status: .timeout)
        }
    }

    /// Seconds since `start`.
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Prints one event as a text line or a JSON object.
    func emit(_ event: WatchEvent) {
        if output.json {
            JSONLine.print(event)
        } else {
            print(event.text)
        }
        fflush(nil)
    }
}
