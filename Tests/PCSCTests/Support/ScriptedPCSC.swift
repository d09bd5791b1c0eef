import CPCSCLite
@testable import PCSC
import Synchronization

/// A scripted stand-in for libpcsclite: readers with scripted cards, contexts, card handles and
/// auto-allocated memory kept the way pcsc-lite keeps them, every call recorded, and any call made
/// to fail with any code. A failed call changes nothing, as in the C library.
final class ScriptedPCSC: PCSCSystem {
    struct State {
        var readers: [(name: String, card: ScriptedCard?)] = []
        var calls: [ScriptedCall] = []
        var failures: [PCSCFunction: [UInt32?]] = [:]
        var nextHandle = 0x1000
        var contexts: Set<Int> = []
        var cards: [Int: (context: Int, reader: String, protocols: UInt32)] = [:]
        var transactions: [Int: Int] = [:]
        var memory: [UInt: Int] = [:]
        var attributes: [UInt32: [UInt8]] = [:]
    }

    let state = Mutex(State())
    /// Runs inside every call, before it is answered (to look at ``PendingCalls`` meanwhile).
    let duringCall: (@Sendable (PCSCFunction) -> Void)?

    static let success = 0
    static let invalidHandle = Int(PCSCError.invalidHandle.rawValue)

    /// A fake with the given readers, each with its card or empty.
    init(readers: [(String, ScriptedCard?)] = [("Reader 0", ScriptedCard())], duringCall: (@Sendable (PCSCFunction) -> Void)? = nil) {
        self.duringCall = duringCall
        state.withLock { $0.readers = readers.map { (name: $0.0, card: $0.1) } }
    }

    deinit {
        state.withLock { state in
            for address in state.memory.keys { UnsafeMutableRawPointer(bitPattern: address)?.deallocate() }
        }
    }

    /// Makes the next call of `function` fail with `code`, after `skipping` calls of it that succeed.
    func fail(_ function: PCSCFunction, with code: UInt32, skipping: Int = 0) {
        state.withLock { $0.failures[function, default: []] += Array(repeating: nil, count: skipping) + [code] }
    }

    /// Every call made so far, in order.
    var calls: [ScriptedCall] { state.withLock { $0.calls } }
    /// The functions called so far, in order.
    var functions: [PCSCFunction] { calls.map(\.function) }
    /// The contexts pcscd would still know.
    var liveContexts: Int { state.withLock { $0.contexts.count } }
    /// The card handles pcscd would still know.
    var liveCards: Int { state.withLock { $0.cards.count } }
    /// The auto-allocated blocks not yet freed.
    var liveMemory: Int { state.withLock { $0.memory.count } }
    /// The transaction depth on each card handle that holds one.
    var transactions: [Int: Int] { state.withLock { $0.transactions.filter { $0.value > 0 } } }

    /// Records a call and returns the injected failure for it, if one is due.
    private func enter(_ function: PCSCFunction, _ handle: Int, command: [UInt8] = [], disposition: UInt32? = nil) -> Int? {
        duringCall?(function)
        return state.withLock { state in
            state.calls.append(ScriptedCall(function: function, handle: handle, command: command, disposition: disposition))
            guard var queue = state.failures[function], !queue.isEmpty else { return nil }
            let code = queue.removeFirst()
            state.failures[function] = queue
            return code.map { Int($0) }
        }
    }

    private static func allocate(_ bytes: [UInt8], in state: inout State, context: Int) -> UnsafeMutableRawPointer {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
        bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        state.memory[UInt(bitPattern: memory)] = context
        return memory
    }

    private static func multiString(_ names: [String]) -> [UInt8] {
        names.flatMap { Array($0.utf8) + [0] } + [0]
    }

    func establishContext(scope: UInt32, context: inout Int) -> Int {
        if let code = enter(.establishContext, 0) { return code }
        return state.withLock { state in
            state.nextHandle += 1
            context = state.nextHandle
            state.contexts.insert(context)
            return Self.success
        }
    }

    func releaseContext(_ context: Int) -> Int {
        if let code = enter(.releaseContext, context) { return code }
        return state.withLock { state in
            guard state.contexts.remove(context) != nil else { return Self.invalidHandle }
            for (card, entry) in state.cards where entry.context == context {
                state.cards[card] = nil
                state.transactions[card] = nil
            }
            return Self.success
        }
    }

    func isValidContext(_ context: Int) -> Int {
        if let code = enter(.isValidContext, context) { return code }
        return state.withLock { $0.contexts.contains(context) ? Self.success : Self.invalidHandle }
    }

    func listReaders(_ context: Int, groups: String?, names: inout UnsafeMutableRawPointer?, length: inout Int) -> Int {
        if let code = enter(.listReaders, context) { return code }
        return state.withLock { state in
            guard state.contexts.contains(context) else { return Self.invalidHandle }
            guard !state.readers.isEmpty else { return Int(PCSCError.noReadersAvailable.rawValue) }
            let bytes = Self.multiString(state.readers.map(\.name))
            names = Self.allocate(bytes, in: &state, context: context)
            length = bytes.count
            return Self.success
        }
    }

    func listReaderGroups(_ context: Int, names: inout UnsafeMutableRawPointer?, length: inout Int) -> Int {
        if let code = enter(.listReaderGroups, context) { return code }
        return state.withLock { state in
            guard state.contexts.contains(context) else { return Self.invalidHandle }
            let bytes = Self.multiString(["SCard$DefaultReaders"])
            names = Self.allocate(bytes, in: &state, context: context)
            length = bytes.count
            return Self.success
        }
    }

    func freeMemory(_ context: Int, _ memory: UnsafeRawPointer) -> Int {
        if let code = enter(.freeMemory, context) { return code }
        return state.withLock { state in
            guard state.memory.removeValue(forKey: UInt(bitPattern: memory)) != nil else {
                return Int(PCSCError.invalidParameter.rawValue)
            }
            UnsafeMutableRawPointer(mutating: memory).deallocate()
            return Self.success
        }
    }

    func cancel(_ context: Int) -> Int {
        if let code = enter(.cancel, context) { return code }
        return state.withLock { $0.contexts.contains(context) ? Self.success : Self.invalidHandle }
    }

    func getStatusChange(_ context: Int, timeout: UInt32, states: UnsafeMutableBufferPointer<SCARD_READERSTATE>) -> Int {
        if let code = enter(.getStatusChange, context) { return code }
        return state.withLock { state in
            guard state.contexts.contains(context) else { return Self.invalidHandle }
            for index in states.indices {
                let name = String(cString: states[index].szReader)
                guard let reader = state.readers.first(where: { $0.name == name }) else {
                    return Int(PCSCError.unknownReader.rawValue)
                }
                let present: DWORD = reader.card == nil ? 0x10 : 0x20
                let changed: DWORD = (states[index].dwCurrentState & 0xFFFF) == present ? 0 : 0x2
                states[index].dwEventState = present | changed
                let atr = reader.card?.atr ?? []
                states[index].cbAtr = DWORD(atr.count)
                withUnsafeMutableBytes(of: &states[index].rgbAtr) { raw in
                    for (offset, byte) in atr.prefix(raw.count).enumerated() { raw[offset] = byte }
                }
            }
            return Self.success
        }
    }

    func connect(
        _ context: Int, reader: String, share: UInt32, protocols: UInt32, card: inout Int, activeProtocol: inout UInt32
    ) -> Int {
        if let code = enter(.connect, context) { return code }
        return state.withLock { state in
            guard state.contexts.contains(context) else { return Self.invalidHandle }
            guard let entry = state.readers.first(where: { $0.name == reader }) else {
                return Int(PCSCError.unknownReader.rawValue)
            }
            guard let scripted = entry.card else { return Int(PCSCError.noSmartcard.rawValue) }
            guard share == ShareMode.direct.rawValue || scripted.protocols & protocols != 0 else {
                return Int(PCSCError.protocolMismatch.rawValue)
            }
            state.nextHandle += 1
            card = state.nextHandle
            activeProtocol = scripted.protocols
            state.cards[card] = (context, reader, scripted.protocols)
            return Self.success
        }
    }

    func reconnect(_ card: Int, share: UInt32, protocols: UInt32, initialization: UInt32, activeProtocol: inout UInt32) -> Int {
        if let code = enter(.reconnect, card) { return code }
        return state.withLock { state in
            guard let entry = state.cards[card] else { return Self.invalidHandle }
            activeProtocol = entry.protocols
            return Self.success
        }
    }

    func disconnect(_ card: Int, disposition: UInt32) -> Int {
        if let code = enter(.disconnect, card, disposition: disposition) { return code }
        return state.withLock { state in
            guard state.cards.removeValue(forKey: card) != nil else { return Self.invalidHandle }
            state.transactions[card] = nil
            return Self.success
        }
    }

    func beginTransaction(_ card: Int) -> Int {
        if let code = enter(.beginTransaction, card) { return code }
        return state.withLock { state in
            guard state.cards[card] != nil else { return Self.invalidHandle }
            state.transactions[card, default: 0] += 1
            return Self.success
        }
    }

    func endTransaction(_ card: Int, disposition: UInt32) -> Int {
        if let code = enter(.endTransaction, card, disposition: disposition) { return code }
        return state.withLock { state in
            guard state.cards[card] != nil else { return Self.invalidHandle }
            guard let depth = state.transactions[card], depth > 0 else { return Int(PCSCError.notTransacted.rawValue) }
            state.transactions[card] = depth - 1
            return Self.success
        }
    }

    func status(
        _ card: Int, name: inout UnsafeMutableRawPointer?, nameLength: inout Int, state cardState: inout UInt32,
        activeProtocol: inout UInt32, atr: inout [UInt8]
    ) -> Int {
        if let code = enter(.status, card) { return code }
        return state.withLock { state in
            guard let entry = state.cards[card] else { return Self.invalidHandle }
            let bytes = Self.multiString([entry.reader])
            name = Self.allocate(bytes, in: &state, context: entry.context)
            nameLength = bytes.count
            cardState = 0x34
            activeProtocol = entry.protocols
            atr = state.readers.first { $0.name == entry.reader }?.card?.atr ?? []
            return Self.success
        }
    }

    func transmit(
        _ card: Int, protocol: UInt32, command: [UInt8], receive: UnsafeMutableBufferPointer<UInt8>, received: inout Int
    ) -> Int {
        if let code = enter(.transmit, card, command: command) { return code }
        let respond: (@Sendable ([UInt8]) -> [UInt8])? = state.withLock { state in
            guard let entry = state.cards[card] else { return nil }
            return state.readers.first { $0.name == entry.reader }?.card?.respond
        }
        guard let respond else { return Self.invalidHandle }
        let answer = respond(command)
        guard answer.count <= receive.count else { return Int(PCSCError.insufficientBuffer.rawValue) }
        for (index, byte) in answer.enumerated() { receive[index] = byte }
        received = answer.count
        return Self.success
    }

    func control(_ card: Int, code: UInt32, input: [UInt8], output: UnsafeMutableRawBufferPointer, returned: inout Int) -> Int {
        if let failure = enter(.control, card) { return failure }
        return state.withLock { state in
            guard state.cards[card] != nil else { return Self.invalidHandle }
            guard input.count <= output.count else { return Int(PCSCError.insufficientBuffer.rawValue) }
            output.copyBytes(from: input)
            returned = input.count
            return Self.success
        }
    }

    func getAttribute(_ card: Int, id: UInt32, value: inout UnsafeMutableRawPointer?, length: inout Int) -> Int {
        if let code = enter(.getAttribute, card) { return code }
        return state.withLock { state in
            guard let entry = state.cards[card] else { return Self.invalidHandle }
            guard let bytes = state.attributes[id] else { return Int(PCSCError.unsupportedFeature.rawValue) }
            value = Self.allocate(bytes, in: &state, context: entry.context)
            length = bytes.count
            return Self.success
        }
    }

    func setAttribute(_ card: Int, id: UInt32, value: [UInt8]) -> Int {
        if let code = enter(.setAttribute, card) { return code }
        return state.withLock { state in
            guard state.cards[card] != nil else { return Self.invalidHandle }
            state.attributes[id] = value
            return Self.success
        }
    }
}
