import Synchronization

/// The libpcsclite calls in flight through one or more ``ResourceManager``s, and since when:
/// readable from any thread while the calling threads are blocked, so that a watchdog can see a call
/// that does not return (pcscd or the card stopped) and decide what to do about it.
///
/// Recording costs one clock reading and two atomic operations per call, and allocates nothing:
/// each call in flight holds one slot, a single 64-bit word naming the function, its own timeout
/// (for `SCardGetStatusChange`) and its start. Calls beyond ``capacity`` at the same time are not
/// recorded.
public final class PendingCalls: @unchecked Sendable {
    // The slots are allocated once, hold only atomics, and are freed in deinit.
    private let slots: UnsafeMutablePointer<Atomic<UInt64>>
    /// How many calls can be recorded at the same time.
    public let capacity: Int

    /// Creates an empty record with room for `capacity` simultaneous calls.
    public init(capacity: Int = 16) {
        self.capacity = max(1, capacity)
        slots = .allocate(capacity: self.capacity)
        for index in 0..<self.capacity { (slots + index).initialize(to: Atomic(0)) }
    }

    deinit {
        slots.deinitialize(count: capacity)
        slots.deallocate()
    }

    /// The calls in flight now, the longest-running first.
    public var current: [PendingCall] {
        let now = MonotonicClock.nanoseconds() / 1_000_000
        var calls: [PendingCall] = []
        for index in 0..<capacity {
            let word = slots[index].load(ordering: .acquiring)
            if let call = PendingCall(word: word, nowMilliseconds: now) { calls.append(call) }
        }
        return calls.sorted { $0.seconds > $1.seconds }
    }

    /// Whether no call is in flight.
    public var isEmpty: Bool {
        for index in 0..<capacity where slots[index].load(ordering: .acquiring) != 0 { return false }
        return true
    }

    /// Records that `function` started at `nanoseconds` (monotonic); `wait` is the call's own timeout
    /// in milliseconds, if it has one. Returns the slot to hand to ``end(_:)``, or -1 when full.
    @inline(__always)
    func begin(_ function: PCSCFunction, at nanoseconds: UInt64, wait: UInt32? = nil) -> Int {
        let word = PendingCall.word(function, startMilliseconds: nanoseconds / 1_000_000, wait: wait)
        for index in 0..<capacity
        where slots[index].compareExchange(expected: 0, desired: word, ordering: .acquiringAndReleasing).exchanged {
            return index
        }
        return -1
    }

    /// Records that the call in `slot` returned.
    @inline(__always)
    func end(_ slot: Int) {
        guard slot >= 0 else { return }
        slots[slot].store(0, ordering: .releasing)
    }
}

/// One libpcsclite call in flight, as ``PendingCalls`` saw it.
public struct PendingCall: Sendable, CustomStringConvertible {
    /// The function called.
    public let function: PCSCFunction
    /// How long the call had been in flight when it was read, in seconds (to the millisecond).
    public let seconds: Double
    /// The call's own timeout in seconds (`SCardGetStatusChange` waits that long by design), rounded up
    /// to whole seconds; `.infinity` for a wait without limit, nil for calls without a timeout.
    public let ownTimeout: Double?
    /// Tells this call apart from other calls of the same function seen before or after it.
    public let token: UInt64

    /// `SCardTransmit (2.104 s)`.
    public var description: String { "\(function) (\(seconds) s)" }

    /// Whether the call has run `deadline` seconds longer than its own timeout (if any) lets it.
    public func isOverdue(deadline: Double) -> Bool {
        seconds > (ownTimeout ?? 0) + deadline
    }

    // The word: function in bits 58-63 (0 for a free slot), the own timeout in whole seconds in
    // bits 36-57 (all ones: no limit), the start in monotonic milliseconds modulo 2^36 in bits 0-35.
    private static let startBits: UInt64 = 36
    private static let startMask: UInt64 = (1 << 36) - 1
    private static let waitMask: UInt64 = (1 << 22) - 1

    /// Packs a call into its slot word.
    @inline(__always)
    static func word(_ function: PCSCFunction, startMilliseconds: UInt64, wait: UInt32?) -> UInt64 {
        var waitField: UInt64 = 0
        if let wait {
            waitField = wait == UInt32.max ? waitMask : min((UInt64(wait) + 999) / 1000, waitMask - 1)
        }
        return UInt64(function.rawValue) << 58 | waitField << startBits | (startMilliseconds & startMask)
    }

    /// Unpacks a slot word; nil for a free slot.
    init?(word: UInt64, nowMilliseconds: UInt64) {
        guard let function = PCSCFunction(rawValue: UInt8(word >> 58)) else { return nil }
        self.function = function
        let waitField = (word >> Self.startBits) & Self.waitMask
        ownTimeout = waitField == 0 ? nil : waitField == Self.waitMask ? .infinity : Double(waitField)
        let elapsed = (nowMilliseconds &- (word & Self.startMask)) & Self.startMask
        seconds = Double(elapsed) / 1000
        token = word
    }
}
