import CPCSCLite
import Glibc

/// One reader's state for ``Context/getStatusChange(_:timeout:)``: what the caller believes, and
/// what pcscd reports.
public struct ReaderStatus: Sendable, Hashable {
    /// The reader's name (or ``ReaderStatus/pnpNotification`` to hear of readers coming and going).
    public var reader: String
    /// The state the caller last saw; the call returns when the reader's state differs.
    public var currentState: ReaderStateFlags
    /// The counter in the upper 16 bits of the current state, as last seen.
    public var currentCount: UInt16
    /// The state pcscd reported.
    public var eventState: ReaderStateFlags
    /// The event counter pcscd reported (card insertions and removals).
    public var eventCount: UInt16
    /// The ATR of the card in the reader, if any.
    public var atr: [UInt8]

    /// The pseudo-reader whose state changes when a reader is added or removed.
    public static let pnpNotification = "\\\\?PnP?\\Notification"

    /// Starts watching a reader from the given known state.
    public init(reader: String, currentState: ReaderStateFlags = .unaware, currentCount: UInt16 = 0) {
        self.reader = reader
        self.currentState = currentState
        self.currentCount = currentCount
        self.eventState = []
        self.eventCount = 0
        self.atr = []
    }

    /// Takes the reported state as the new known state, for the next wait.
    public mutating func acknowledge() {
        currentState = eventState.subtracting(.changed)
        currentCount = eventCount
    }
}

extension Context {
    /// The wait that never times out.
    public static let infinite: UInt32 = 0xFFFF_FFFF

    /// Waits until some reader's state differs from its `currentState`, or `timeout` milliseconds
    /// pass (``PCSCError/timeout``), or ``cancel()`` is called (``PCSCError/cancelled``).
    /// The corresponding C function is `SCardGetStatusChange`.
    public func getStatusChange(_ states: inout [ReaderStatus], timeout: UInt32) throws(PCSCError) {
        let raw = try raw()
        let names = states.map { strdup($0.reader) }
        defer { names.forEach { free($0) } }
        var cStates = states.enumerated().map { index, state in
            var c = SCARD_READERSTATE()
            c.szReader = UnsafePointer(names[index])
            c.dwCurrentState = DWORD(state.currentState.rawValue | UInt32(state.currentCount) << 16)
            return c
        }
        let code = cStates.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            return WinSCard.getStatusChange(raw, timeout: timeout, states: base, count: buffer.count, tracer: manager.tracer)
        }
        if let error = PCSCError(code: code) { throw error }
        for index in states.indices {
            let event = UInt32(truncatingIfNeeded: cStates[index].dwEventState)
            states[index].eventState = ReaderStateFlags(rawValue: event & 0xFFFF)
            states[index].eventCount = UInt16(event >> 16)
            let count = min(Int(cStates[index].cbAtr), Int(MAX_ATR_SIZE))
            states[index].atr = withUnsafeBytes(of: cStates[index].rgbAtr) { Array($0.prefix(count)) }
        }
    }
}
