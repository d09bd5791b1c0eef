/// Follows readers and cards with `SCardGetStatusChange`, the PnP pseudo-reader included so that
/// readers coming and going are seen, and turns state changes into ``ReaderEvent``s.
///
/// The calls block: ``next(timeout:)`` hands out one event at a time, waiting for the next change
/// when none is pending; ``begin()`` and ``wait(timeout:)`` give the events of one call at a time.
/// Another thread ends a wait with ``Context/cancel()`` (``PCSCError/cancelled``).
/// ``Context/readerEvents(reader:)`` gives the same events as an `AsyncSequence`.
public struct ReaderEventMonitor<Source: ReaderStateSource> {
    /// Where the states come from.
    public let source: Source
    /// The only reader followed, or nil for every reader.
    public let only: String?
    /// Each followed reader's last known state, the PnP pseudo-reader last.
    public private(set) var states: [ReaderStatus] = []
    /// Whether ``begin()`` has read the readers' first states.
    public private(set) var hasBegun = false
    private var pending: [ReaderEvent] = []

    /// Follows the readers of `source`: every one, or only the one named `only`.
    public init(source: Source, only: String? = nil) {
        self.source = source
        self.only = only
    }

    /// The next event: at the first call, each reader's state as found; then the changes, waiting
    /// up to `timeout` milliseconds for one (nil when the time passes with no change).
    public mutating func next(timeout: UInt32 = Context.infinite) throws(PCSCError) -> ReaderEvent? {
        if pending.isEmpty {
            pending = hasBegun ? try wait(timeout: timeout) : try begin()
        }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    /// Reads the current readers and their states; returns them as initial events
    /// (``ReaderEvent/Kind/present`` or ``ReaderEvent/Kind/empty``).
    public mutating func begin() throws(PCSCError) -> [ReaderEvent] {
        states = try followedReaders().map { ReaderStatus(reader: $0) }
        var events: [ReaderEvent] = []
        if !states.isEmpty {
            try source.getStatusChange(&states, timeout: 0)
            for index in states.indices {
                states[index].acknowledge()
                let present = states[index].eventState.contains(.present)
                events.append(ReaderEvent(present ? .present : .empty, reader: states[index].reader,
                                          atr: states[index].atr, isInitial: true))
            }
        }
        states.append(pnpState())
        hasBegun = true
        return events
    }

    /// Waits up to `timeout` ms for changes and returns the events they make (empty on timeout).
    public mutating func wait(timeout: UInt32) throws(PCSCError) -> [ReaderEvent] {
        var waiting = states
        do {
            try source.getStatusChange(&waiting, timeout: timeout)
        } catch .timeout {
            return []
        }
        var events: [ReaderEvent] = []
        var readersChanged = false
        for index in waiting.indices {
            var state = waiting[index]
            guard state.eventState.contains(.changed) else { continue }
            if state.reader == ReaderStatus.pnpNotification {
                readersChanged = true
            } else if state.eventState.contains(.unknown) || state.eventState.contains(.ignore) {
                readersChanged = true
            } else {
                events += Self.cardEvents(state)
            }
            state.acknowledge()
            waiting[index] = state
        }
        states = waiting
        if readersChanged {
            events += try refreshReaders()
        }
        return events
    }

    /// The card events of one reader whose state changed: removed, inserted, or both when the
    /// event counter shows a card swapped between two looks.
    static func cardEvents(_ state: ReaderStatus) -> [ReaderEvent] {
        let wasPresent = state.currentState.contains(.present)
        let isPresent = state.eventState.contains(.present)
        if wasPresent && !isPresent {
            return [ReaderEvent(.removed, reader: state.reader, atr: state.atr)]
        }
        if !wasPresent && isPresent {
            return [ReaderEvent(.inserted, reader: state.reader, atr: state.atr)]
        }
        if wasPresent && isPresent && state.eventCount != state.currentCount {
            return [ReaderEvent(.removed, reader: state.reader), ReaderEvent(.inserted, reader: state.reader, atr: state.atr)]
        }
        return []
    }

    /// Re-lists the readers after a PnP change and reports those added and removed.
    mutating func refreshReaders() throws(PCSCError) -> [ReaderEvent] {
        let names = try followedReaders()
        let known = states.map(\.reader).filter { $0 != ReaderStatus.pnpNotification }
        var events: [ReaderEvent] = []
        var kept = states.filter { names.contains($0.reader) }
        for name in known where !names.contains(name) {
            events.append(ReaderEvent(.readerRemoved, reader: name))
        }
        var added = names.filter { !known.contains($0) }.map { ReaderStatus(reader: $0) }
        if !added.isEmpty {
            try source.getStatusChange(&added, timeout: 0)
            for index in added.indices {
                added[index].acknowledge()
                events.append(ReaderEvent(.readerAdded, reader: added[index].reader))
                if added[index].eventState.contains(.present) {
                    events.append(ReaderEvent(.inserted, reader: added[index].reader, atr: added[index].atr))
                }
            }
        }
        kept.removeAll { $0.reader == ReaderStatus.pnpNotification }
        states = kept + added + [pnpState()]
        return events
    }

    /// The readers followed: every reader, or the one named `only` while it is there.
    func followedReaders() throws(PCSCError) -> [String] {
        let names = try source.readerNames()
        guard let only else { return names }
        return names.filter { $0 == only }
    }

    /// The PnP pseudo-reader's state, counting the readers known, so that a change in their number
    /// ends the wait.
    func pnpState() -> ReaderStatus {
        let count = states.filter { $0.reader != ReaderStatus.pnpNotification }.count
        return ReaderStatus(reader: ReaderStatus.pnpNotification, currentState: [], currentCount: UInt16(truncatingIfNeeded: count))
    }
}

extension ReaderEventMonitor: Sendable where Source: Sendable {}
