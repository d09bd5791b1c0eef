import Foundation
@testable import PCSC
import Testing

@Suite("Calls in flight, as a watchdog reads them")
struct PendingCallsTests {
    @Test("a call is seen from its start to its end, with its function, age and own timeout")
    func beginAndEnd() {
        let calls = PendingCalls(capacity: 4)
        #expect(calls.isEmpty)
        let started = MonotonicClock.nanoseconds() - 2_500_000_000
        let transmit = calls.begin(.transmit, at: started)
        let wait = calls.begin(.getStatusChange, at: MonotonicClock.nanoseconds(), wait: 1500)
        let forever = calls.begin(.getStatusChange, at: MonotonicClock.nanoseconds(), wait: UInt32.max)
        #expect(!calls.isEmpty)
        let seen = calls.current
        #expect(seen.count == 3)
        #expect(seen.first?.function == .transmit)
        #expect(seen.first.map { $0.seconds >= 2.4 && $0.seconds < 10 } == true)
        #expect(seen.first?.ownTimeout == nil)
        #expect(seen.first?.isOverdue(deadline: 2) == true)
        #expect(seen.first?.isOverdue(deadline: 10) == false)
        let waits = seen.filter { $0.function == .getStatusChange }
        #expect(Set(waits.compactMap(\.ownTimeout)) == [2, .infinity])
        #expect(waits.allSatisfy { !$0.isOverdue(deadline: 0) })
        calls.end(transmit)
        calls.end(wait)
        calls.end(forever)
        #expect(calls.isEmpty)
        #expect(calls.current.isEmpty)
    }

    @Test("calls beyond the capacity are not recorded, and ending them changes nothing")
    func full() {
        let calls = PendingCalls(capacity: 2)
        let first = calls.begin(.connect, at: MonotonicClock.nanoseconds())
        let second = calls.begin(.transmit, at: MonotonicClock.nanoseconds())
        let third = calls.begin(.status, at: MonotonicClock.nanoseconds())
        #expect(first >= 0 && second >= 0)
        #expect(third == -1)
        calls.end(third)
        #expect(calls.current.count == 2)
        calls.end(first)
        #expect(calls.current.map(\.function) == [.transmit])
    }

    @Test("threads beginning and ending calls at once leave nothing behind")
    func concurrent() async {
        let calls = PendingCalls(capacity: 16)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    for _ in 0..<2_000 {
                        let slot = calls.begin(.transmit, at: MonotonicClock.nanoseconds())
                        calls.end(slot)
                    }
                }
            }
        }
        #expect(calls.isEmpty)
    }
}
