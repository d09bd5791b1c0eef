import Synchronization
import ContextCore

/// Reader events as an `AsyncSequence`: a thread of its own waits in `SCardGetStatusChange` and
/// hands each event on. Cancelling the consuming task, or dropping the iterator, ends the wait
/// with `SCardCancel` and ends the sequence.
///
/// Use a context of the stream's own: ``Context/cancel()`` ends every wait on the context.
public struct ReaderEventStream: AsyncSequence, Sendable {
    /// The events, in the order they happen.
    public typealias Element = ReaderEvent

    /// The context the waits go through.
    public let context: Context
    /// The only reader followed, or nil for every reader.
    public let only: String?
    /// The longest single wait in milliseconds; a cancel that lands between two waits is seen at
    /// the latest when the next one ends.
    public let slice: UInt32

    /// Follows the readers of `context` (every one, or only `only`).
    public init(context: Context, only: String? = nil, slice: UInt32 = 1000) {
        self.context = context
        self.only = only
        self.slice = Swift.max(slice, 1)
    }

    /// Starts the waiting thread and returns the iterator over its events.
    public func makeAsyncIterator() -> Iterator {
        let (stream, continuation) = AsyncThrowingStream<ReaderEvent, any Error>.makeStream()
        let stop = StopSignal()
        continuation.onTermination = { [context] _ in
            stop.raise()
            _ = try? context.cancel()
        }
        DetachedThread.start { [context, only, slice] in
            var monitor = ReaderEventMonitor(source: context, only: only)
            do {
                for event in try monitor.begin() { continuation.yield(event) }
                while !stop.isRaised {
                    let events: [ReaderEvent]
                    do {
                        events = try monitor.wait(timeout: slice)
                    } catch let error as PCSCError where error == .cancelled && stop.isRaised {
                        break
                    }
                    for event in events { continuation.yield(event) }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        return Iterator(base: stream.makeAsyncIterator())
    }

    /// Hands out the events; throws the ``PCSCError`` that ended the waiting.
    public struct Iterator: AsyncIteratorProtocol {
        var base: AsyncThrowingStream<ReaderEvent, any Error>.Iterator

        /// The next event, or nil when the sequence ended (cancelled).
        public mutating func next() async throws(PCSCError) -> ReaderEvent? {
            do {
                return try await base.next()
            } catch let error as PCSCError {
                throw error
            } catch {
                throw .internalError
            }
        }
    }
}

/// A one-way flag the consumer raises to stop the waiting thread.
final class StopSignal: Sendable {
    private let raised = Atomic<Bool>(false)

    /// Raises the flag.
    func raise() {
        raised.store(true, ordering: .sequentiallyConsistent)
    }

    /// Whether the flag was raised.
    var isRaised: Bool {
        raised.load(ordering: .sequentiallyConsistent)
    }
}

extension Context {
    /// The reader and card events of this context as an `AsyncSequence` (every reader, or only
    /// `reader`); see ``ReaderEventStream``.
    public func readerEvents(reader: String? = nil) -> ReaderEventStream {
        ReaderEventStream(context: self, only: reader)
    }
}
