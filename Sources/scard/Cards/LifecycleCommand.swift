import ArgumentParser
import ContextCore
import FoundationEssentials
import PCSC

/// `scard lifecycle`: establish, list, connect, transmit, then release the context with the card
/// still connected and the buffers unfreed, and show what the release freed.
struct LifecycleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lifecycle",
        abstract: "Walk establish -> list -> connect -> transmit -> release and show what the release freed.",
        discussion: """
            The context is released while the card is still connected and the auto-allocated \
            buffers are still held: scard disconnects the card, frees the buffers with \
            SCardFreeMemory, then calls SCardReleaseContext, as Windows documents for \
            SCardReleaseContext. The old handles are then shown to be invalid, both to scard and to \
            pcsc-lite itself.

            Examples:
              scard lifecycle
              scard lifecycle --reader 1 00A4000C023F00
              scard lifecycle --repeat 10000     (a leak check: live counts and memory)

            With --repeat, Ctrl-C ends the run after the cycle in progress, prints its
            counts and memory, and exits 130; a PC/SC call past its deadline (--timeout)
            ends it with the counts of the cycles done, and exit 7.
            """
    )

    @OptionGroup var card: CardOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var deadline: DeadlineOptions

    @Option(help: "Run the whole cycle this many times in one process and print a summary.")
    var `repeat`: Int = 1

    @Argument(help: "APDUs to send (default: SELECT MF 00A4000C023F00 and GET CHALLENGE 0084000008).")
    var apdus: [String] = []

    func validate() throws {
        if `repeat` < 1 { throw ValidationError("--repeat must be at least 1") }
    }

    func run() throws {
        let texts = apdus.isEmpty ? ["00 A4 00 0C 02 3F 00", "00 84 00 00 08"] : apdus
        let commands = try texts.enumerated().map { try Session.commandAPDU($1, position: $0 + 1) }
        if `repeat` == 1 {
            let session = Session(trace: card.trace, timeout: deadline.timeout)
            defer { session.finish() }
            let result = try LifecycleRun(session: session, reader: card.reader, commands: commands).perform()
            if output.json {
                JSONLine.print(result.record)
            } else {
                result.lines.forEach { print($0) }
            }
            if !result.clean {
                throw CLIError(message: "the release left live resources or a handle still worked", status: .checkFailed)
            }
            return
        }
        try repeatCycles(commands)
    }

    /// Runs the cycle many times, each with its own manager, and reports live counts and memory.
    func repeatCycles(_ commands: [CommandAPDU]) throws {
        var totalFreed = 0
        var unclean = 0
        let progress = SharedProgress(Progress())
        let total = `repeat`
        let json = output.json
        let tracking = RunGuard.shared.onAbandon { _ in
            let done = progress.current
            if done.cycle > 0 && !done.printed {
                Self.printCheckpoint(cycle: done.cycle, live: done.live, freed: done.freed, unclean: done.unclean, json: json)
            }
            return RunProgress(place: "cycle \(done.cycle + 1)", done: "\(done.cycle) of \(total) cycles (\(done.unclean) unclean)")
        }
        defer { tracking.end() }
        for cycle in 1...`repeat` {
            let session = Session(trace: false, timeout: deadline.timeout, ledgerCapacity: 64)
            let result = try LifecycleRun(session: session, reader: card.reader, commands: commands).perform()
            totalFreed += result.freedCount
            if !result.clean { unclean += 1 }
            let interrupted = RunGuard.shared.stopRequested
            let live = session.manager.table.liveCount()
            let printed = Self.isCheckpoint(cycle) || cycle == `repeat` || interrupted
            if printed {
                Self.printCheckpoint(cycle: cycle, live: live, freed: totalFreed, unclean: unclean, json: output.json)
            }
            progress.update { $0 = Progress(cycle: cycle, live: live, freed: totalFreed, unclean: unclean, printed: printed) }
            if interrupted {
                throw CLIError(message: "interrupted after \(cycle) of \(`repeat`) cycles (\(unclean) unclean)", status: .interrupted)
            }
        }
        if unclean > 0 {
            throw CLIError(message: "\(unclean) of \(`repeat`) cycles left live resources or a working handle", status: .checkFailed)
        }
    }

    /// Prints the counts and memory after `cycle`.
    static func printCheckpoint(cycle: Int, live: Int, freed: Int, unclean: Int, json: Bool) {
        let memory = MemoryUsage.current()
        if json {
            JSONLine.print(Checkpoint(
                cycle: cycle, liveCount: live, freedCount: freed, uncleanCount: unclean,
                rssBytes: memory.residentKiB * 1024, peakRssBytes: memory.peakKiB * 1024))
        } else {
            print("cycle \(cycle): live=\(live) freed=\(freed) unclean=\(unclean) rss=\(memory.residentKiB) KiB peak=\(memory.peakKiB) KiB")
        }
    }

    /// The cycles done so far, for a run the guard abandons.
    struct Progress: Sendable {
        var cycle = 0
        var live = 0
        var freed = 0
        var unclean = 0
        var printed = false
    }

    static func isCheckpoint(_ cycle: Int) -> Bool {
        var n = cycle
        while n % 10 == 0 { n /= 10 }
        return n == 1
    }

    /// The JSON line of a checkpoint.
    struct Checkpoint: Encodable {
        let type = "checkpoint"
        let cycle: Int
        let liveCount: Int
        let freedCount: Int
        let uncleanCount: Int
        let rssBytes: Int
        let peakRssBytes: Int
    }
}
