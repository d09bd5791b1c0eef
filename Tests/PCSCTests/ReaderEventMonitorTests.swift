import PCSC
import Testing

/// A stand-in for pcscd: the readers it lists and, per reader, the state and counter it reports.
final class ScriptedReaders: ReaderStateSource, @unchecked Sendable {
    /// A reader's reported state.
    struct Slot {
        var atr: [UInt8] = []
        var count: UInt16 = 0
        var present: Bool { !atr.isEmpty }
    }

    var names: [String]
    var slots: [String: Slot] = [:]
    /// The timeouts of the calls to `getStatusChange`, in order.
    var waits: [UInt32] = []

    init(_ names: [String]) {
        self.names = names
        for name in names { slots[name] = Slot() }
    }

    func readerNames() throws(PCSCError) -> [String] { names }

    func getStatusChange(_ states: inout [ReaderStatus], timeout: UInt32) throws(PCSCError) {
        waits.append(timeout)
        var changed = false
        for index in states.indices {
            let reader = states[index].reader
            var flags: ReaderStateFlags = []
            var count: UInt16 = 0
            var atr: [UInt8] = []
            if reader == ReaderStatus.pnpNotification {
                count = UInt16(names.count)
            } else if let slot = slots[reader], names.contains(reader) {
                flags = slot.present ? .present : .empty
                count = slot.count
                atr = slot.atr
            } else {
                flags = .unknown
            }
            let known = states[index].currentState
            let differs = known.contains(.unaware) || known.subtracting(.changed) != flags
                || states[index].currentCount != count
            if differs && reader != ReaderStatus.pnpNotification || reader == ReaderStatus.pnpNotification && states[index].currentCount != count {
                flags.insert(.changed)
                changed = true
            }
            states[index].eventState = flags
            states[index].eventCount = count
            states[index].atr = atr
        }
        if !changed && timeout != 0 { throw .timeout }
    }

    func insert(_ reader: String, atr: [UInt8] = [0x3B, 0x00]) {
        slots[reader, default: Slot()].atr = atr
        slots[reader, default: Slot()].count &+= 1
    }

    func remove(_ reader: String) {
        slots[reader, default: Slot()].atr = []
        slots[reader, default: Slot()].count &+= 1
    }
}

@Suite("Reader events from reported states")
struct ReaderEventMonitorTests {
    let card: [UInt8] = [0x3B, 0x00]

    @Test("the first events give each reader's state as found")
    func initialStates() throws {
        let readers = ScriptedReaders(["A", "B"])
        readers.insert("B", atr: card)
        var monitor = ReaderEventMonitor(source: readers)
        let events = try monitor.begin()
        #expect(events == [
            ReaderEvent(.empty, reader: "A", isInitial: true),
            ReaderEvent(.present, reader: "B", atr: card, isInitial: true),
        ])
        #expect(monitor.states.last?.reader == ReaderStatus.pnpNotification)
        #expect(readers.waits == [0])
    }

    @Test("a card removed and inserted again")
    func removedAndInserted() throws {
        let readers = ScriptedReaders(["A"])
        readers.insert("A", atr: card)
        var monitor = ReaderEventMonitor(source: readers)
        _ = try monitor.begin()
        readers.remove("A")
        #expect(try monitor.wait(timeout: 100) == [ReaderEvent(.removed, reader: "A")])
        readers.insert("A", atr: card)
        #expect(try monitor.wait(timeout: 100) == [ReaderEvent(.inserted, reader: "A", atr: card)])
    }

    @Test("no change is no event when the wait times out")
    func timeout() throws {
        let readers = ScriptedReaders(["A"])
        var monitor = ReaderEventMonitor(source: readers)
        _ = try monitor.begin()
        #expect(try monitor.wait(timeout: 50) == [])
        #expect(readers.waits == [0, 50])
    }

    @Test("a card swapped between two looks is a removal and an insertion")
    func swapped() throws {
        let readers = ScriptedReaders(["A"])
        readers.insert("A", atr: card)
        var monitor = ReaderEventMonitor(source: readers)
        _ = try monitor.begin()
        readers.remove("A")
        readers.insert("A", atr: [0x3B, 0x01])
        #expect(try monitor.wait(timeout: 100) == [
            ReaderEvent(.removed, reader: "A"), ReaderEvent(.inserted, reader: "A", atr: [0x3B, 0x01]),
        ])
    }

    @Test("readers added and removed are seen through the PnP pseudo-reader")
    func readersComeAndGo() throws {
        let readers = ScriptedReaders(["A"])
        var monitor = ReaderEventMonitor(source: readers)
        _ = try monitor.begin()
        readers.names.append("B")
        readers.insert("B", atr: card)
        #expect(try monitor.wait(timeout: 100) == [
            ReaderEvent(.readerAdded, reader: "B"), ReaderEvent(.inserted, reader: "B", atr: card),
        ])
        #expect(monitor.states.map(\.reader) == ["A", "B", ReaderStatus.pnpNotification])
        readers.names.removeFirst()
        #expect(try monitor.wait(timeout: 100) == [ReaderEvent(.readerRemoved, reader: "A")])
        #expect(monitor.states.map(\.reader) == ["B", ReaderStatus.pnpNotification])
    }

    @Test("following one reader ignores the others")
    func onlyOne() throws {
        let readers = ScriptedReaders(["A", "B"])
        var monitor = ReaderEventMonitor(source: readers, only: "B")
        #expect(try monitor.begin() == [ReaderEvent(.empty, reader: "B", isInitial: true)])
        readers.insert("B", atr: card)
        #expect(try monitor.wait(timeout: 100) == [ReaderEvent(.inserted, reader: "B", atr: card)])
    }

    @Test("next hands out one event at a time, the initial states first, nil on timeout")
    func oneAtATime() throws {
        let readers = ScriptedReaders(["A", "B"])
        var monitor = ReaderEventMonitor(source: readers)
        #expect(try monitor.next(timeout: 10)?.kind == .empty)
        #expect(try monitor.next(timeout: 10)?.reader == "B")
        #expect(try monitor.next(timeout: 10) == nil)
        readers.insert("A", atr: card)
        #expect(try monitor.next(timeout: 10) == ReaderEvent(.inserted, reader: "A", atr: card))
    }
}
