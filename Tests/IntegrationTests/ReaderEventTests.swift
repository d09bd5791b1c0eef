import Foundation
import PCSC
import Synchronization
import Testing

/// The PC/SC calls a traced manager made, by C function name.
final class CallLog: Sendable {
    private let calls = Mutex<[PCSCCall]>([])

    /// A tracer that appends to the log.
    var tracer: PCSCTracer {
        PCSCTracer { call in self.calls.withLock { $0.append(call) } }
    }

    /// The calls so far.
    var all: [PCSCCall] { calls.withLock { $0 } }
}

extension VirtualReaderTests {
    @Suite("Reader events through the library")
    struct ReaderEventTests {
        @Test("the blocking monitor sees a card removed and inserted", VirtualReader.destructive)
        func removedAndInserted() throws {
            let context = try ResourceManager().establishContext()
            defer { _ = try? context.release() }
            let reader = VirtualReader.readers[1]
            var monitor = ReaderEventMonitor(source: context, only: reader)
            #expect(try monitor.next(timeout: 0) == ReaderEvent(.present, reader: reader, atr: VirtualReader.atr, isInitial: true))
            #expect(try monitor.next(timeout: 50) == nil)
            try VirtualReader.withCardRemoved(1) {
                let removed = try monitor.next(timeout: 10_000)
                #expect(removed?.kind == .removed)
                #expect(removed?.reader == reader)
            }
            let inserted = try monitor.next(timeout: 10_000)
            #expect(inserted == ReaderEvent(.inserted, reader: reader, atr: VirtualReader.atr))
        }

        @Test("the async sequence gives the initial states and ends with SCardCancel when its task is cancelled")
        func asyncSequenceCancelled() async throws {
            let log = CallLog()
            let context = try ResourceManager(tracer: log.tracer).establishContext()
            defer { _ = try? context.release() }
            let firstTwo = AsyncStream<Void>.makeStream()
            let watching = Task { () -> [ReaderEvent] in
                var seen: [ReaderEvent] = []
                do {
                    for try await event in context.readerEvents() {
                        seen.append(event)
                        if seen.count == 2 { firstTwo.continuation.yield() }
                    }
                } catch {
                    Issue.record("the sequence threw \(error)")
                }
                return seen
            }
            var signals = firstTwo.stream.makeAsyncIterator()
            _ = await signals.next()
            try await Task.sleep(for: .milliseconds(300))
            let started = ContinuousClock.now
            watching.cancel()
            let events = await watching.value
            #expect(ContinuousClock.now - started < .seconds(3))
            #expect(events.map(\.kind) == [.present, .present])
            #expect(events.map(\.reader) == VirtualReader.readers)
            #expect(events.allSatisfy { $0.isInitial && $0.atr == VirtualReader.atr })
            let deadline = ContinuousClock.now + .seconds(3)
            while !log.all.contains(where: { $0.function == "SCardGetStatusChange" && $0.resultName == "SCARD_E_CANCELLED" }),
                ContinuousClock.now < deadline
            {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(log.all.contains { $0.function == "SCardCancel" })
            #expect(log.all.contains { $0.function == "SCardGetStatusChange" && $0.resultName == "SCARD_E_CANCELLED" })
        }
    }
}
