import PCSC

/// Follows readers and cards with `SCardGetStatusChange`, including the PnP pseudo-reader so that
/// readers coming and going are seen, and turns state changes into events.
struct ReaderWatcher {
    let context: Context
    let only: String?
    let start = ContinuousClock.now
    private(set) var states: [ReaderStatus] = []

    init(context: Context, only: String?) {
        self.context = context
        self.only = only
    }

    /// Seconds since the watch started.
    var elapsed: Double {
        let duration = ContinuousClock.now - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// Reads the current readers and their states; returns them as initial events.
    mutating func begin() throws(PCSCError) -> [WatchEvent] {
        states = try currentReaders().map { ReaderStatus(reader: $0) }
        var events: [WatchEvent] = []
        if !states.isEmpty {
            try context.getStatusChange(&states, timeout: 0)
            for index in states.indices {
                states[index].acknowledge()
                let present = states[index].eventState.contains(.present)
                events.append(event(present ? "present" : "empty", states[index], initial: true))
            }
        }
        states.append(pnpState())
        return events
    }

    /// Waits up to `timeout` ms for changes and returns the events they make (empty on timeout).
    mutating func next(timeout: UInt32) throws(PCSCError) -> [WatchEvent] {
        var waiting = states
        do {
            try context.getStatusChange(&waiting, timeout: timeout)
        } catch .timeout {
            return []
        }
        var events: [WatchEvent] = []
        var readersChanged = false
        for index in waiting.indices {
            var state = waiting[index]
            guard state.eventState.contains(.changed) else { continue }
            if state.reader == ReaderStatus.pnpNotification {
                readersChanged = true
                state.acknowledge()
                waiting[index] = state
                continue
            }
            let wasPresent = state.currentState.contains(.present)
            let isPresent = state.eventState.contains(.present)
            if state.eventState.contains(.unknown) || state.eventState.contains(.ignore) {
                readersChanged = true
            } else if wasPresent && !isPresent {
                events.append(event("removed", state, initial: false))
            } else if !wasPresent && isPresent {
                events.append(event("inserted", state, initial: false))
            } else if wasPresent && isPresent && state.eventCount != state.currentCount {
                events.append(event("removed", state, initial: false, atr: false))
                events.append(event("inserted", state, initial: false))
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

    /// Re-lists the readers after a PnP change and reports those added and removed.
    mutating func refreshReaders() throws(PCSCError) -> [WatchEvent] {
        let names = try currentReaders()
        let known = states.map(\.reader).filter { $0 != ReaderStatus.pnpNotification }
        var events: [WatchEvent] = []
        var kept = states.filter { names.contains($0.reader) }
        for name in known where !names.contains(name) {
            events.append(WatchEvent(event: "reader-removed", reader: name, atr: nil, time: elapsed, initial: false))
        }
        var added = names.filter { !known.contains($0) }.map { ReaderStatus(reader: $0) }
        if !added.isEmpty {
            try context.getStatusChange(&added, timeout: 0)
            for index in added.indices {
                added[index].acknowledge()
                events.append(WatchEvent(event: "reader-added", reader: added[index].reader, atr: nil, time: elapsed, initial: false))
                if added[index].eventState.contains(.present) {
                    events.append(event("inserted", added[index], initial: false))
                }
            }
        }
        kept.removeAll { $0.reader == ReaderStatus.pnpNotification }
        states = kept + added + [pnpState()]
        return events
    }

    func currentReaders() throws(PCSCError) -> [String] {
        let names = try context.readerNames()
        guard let only else { return names }
        return names.filter { $0 == only }
    }

    func pnpState() -> ReaderStatus {
        let count = states.filter { $0.reader != ReaderStatus.pnpNotification }.count
        return ReaderStatus(reader: ReaderStatus.pnpNotification, currentState: [], currentCount: UInt16(truncatingIfNeeded: count))
    }

    func event(_ name: String, _ state: ReaderStatus, initial: Bool, atr: Bool = true) -> WatchEvent {
        let hex = atr && !state.atr.isEmpty ? Hex.string(state.atr, separator: "") : nil
        return WatchEvent(event: name, reader: state.reader, atr: hex, time: elapsed, initial: initial)
    }
}
