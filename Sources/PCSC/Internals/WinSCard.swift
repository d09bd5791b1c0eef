import CPCSCLite

/// The single seam to libpcsclite: one function per C function, each timed and traced.
///
/// Nothing else in the module calls the C library. Every function returns the C result code as
/// an `Int` (0 is `SCARD_S_SUCCESS`) together with its out-values. When the tracer carries a
/// stand-in ``PCSCSystem`` the call goes there instead, recorded and traced the same way.
enum WinSCard {
    /// `SCARD_AUTOALLOCATE`, `(DWORD)-1`, a macro Swift cannot import.
    static let autoAllocate = DWORD.max

    /// Calls `body` (one C call) with the call recorded as in flight, then hands it to the tracer's
    /// sink, if any; `wait` is the call's own timeout in milliseconds (`SCardGetStatusChange`).
    @inline(__always)
    static func traced(
        _ tracer: CallTracer, _ function: PCSCFunction, wait: UInt32? = nil, _ arguments: @autoclosure () -> String,
        _ body: () -> LONG
    ) -> Int {
        let start = MonotonicClock.nanoseconds()
        let slot = tracer.calls.begin(function, at: start, wait: wait)
        let code = body()
        tracer.calls.end(slot)
        guard let sink = tracer.sink else { return Int(code) }
        let seconds = MonotonicClock.seconds(from: start, to: MonotonicClock.nanoseconds())
        sink.sink(
            PCSCCall(
                function: function.description, arguments: arguments(), code: UInt32(truncatingIfNeeded: code),
                seconds: seconds))
        return Int(code)
    }

    /// The corresponding C function is `SCardEstablishContext`.
    static func establishContext(scope: UInt32, tracer: CallTracer) -> (Int, SCARDCONTEXT) {
        var context: SCARDCONTEXT = 0
        let code = traced(tracer, .establishContext, "scope=\(scope)") {
            if let system = tracer.system { return system.establishContext(scope: scope, context: &context) }
            return SCardEstablishContext(DWORD(scope), nil, nil, &context)
        }
        return (code, context)
    }

    /// The corresponding C function is `SCardReleaseContext`.
    static func releaseContext(_ context: SCARDCONTEXT, tracer: CallTracer) -> Int {
        traced(tracer, .releaseContext, "context=\(hex(context))") {
            if let system = tracer.system { return system.releaseContext(context) }
            return SCardReleaseContext(context)
        }
    }

    /// The corresponding C function is `SCardIsValidContext`.
    static func isValidContext(_ context: SCARDCONTEXT, tracer: CallTracer) -> Int {
        traced(tracer, .isValidContext, "context=\(hex(context))") {
            if let system = tracer.system { return system.isValidContext(context) }
            return SCardIsValidContext(context)
        }
    }

    /// The corresponding C function is `SCardListReaders`, with `SCARD_AUTOALLOCATE`.
    static func listReaders(
        _ context: SCARDCONTEXT, groups: String?, tracer: CallTracer
    ) -> (Int, UnsafeMutableRawPointer?, Int) {
        var pointer: UnsafeMutablePointer<CChar>?
        var length = autoAllocate
        let code = traced(tracer, .listReaders, "context=\(hex(context)), SCARD_AUTOALLOCATE") {
            if let system = tracer.system { return fake(&pointer, &length) { system.listReaders(context, groups: groups, names: &$0, length: &$1) } }
            return withUnsafeMutablePointer(to: &pointer) { slot in
                slot.withMemoryRebound(to: CChar.self, capacity: MemoryLayout<UnsafeMutablePointer<CChar>?>.size) { raw in
                    if let groups {
                        return groups.withCString { SCardListReaders(context, $0, raw, &length) }
                    }
                    return SCardListReaders(context, nil, raw, &length)
                }
            }
        }
        return (code, code == 0 ? UnsafeMutableRawPointer(pointer) : nil, code == 0 ? Int(length) : 0)
    }

    /// The corresponding C function is `SCardListReaderGroups`, with `SCARD_AUTOALLOCATE`.
    static func listReaderGroups(_ context: SCARDCONTEXT, tracer: CallTracer) -> (Int, UnsafeMutableRawPointer?, Int) {
        var pointer: UnsafeMutablePointer<CChar>?
        var length = autoAllocate
        let code = traced(tracer, .listReaderGroups, "context=\(hex(context)), SCARD_AUTOALLOCATE") {
            if let system = tracer.system { return fake(&pointer, &length) { system.listReaderGroups(context, names: &$0, length: &$1) } }
            return withUnsafeMutablePointer(to: &pointer) { slot in
                slot.withMemoryRebound(to: CChar.self, capacity: MemoryLayout<UnsafeMutablePointer<CChar>?>.size) { raw in
                    SCardListReaderGroups(context, raw, &length)
                }
            }
        }
        return (code, code == 0 ? UnsafeMutableRawPointer(pointer) : nil, code == 0 ? Int(length) : 0)
    }

    /// The corresponding C function is `SCardFreeMemory`.
    static func freeMemory(_ context: SCARDCONTEXT, _ memory: UnsafeRawPointer, tracer: CallTracer) -> Int {
        traced(tracer, .freeMemory, "context=\(hex(context)), \(memory)") {
            if let system = tracer.system { return system.freeMemory(context, memory) }
            return SCardFreeMemory(context, memory)
        }
    }

    /// The corresponding C function is `SCardCancel`.
    static func cancel(_ context: SCARDCONTEXT, tracer: CallTracer) -> Int {
        traced(tracer, .cancel, "context=\(hex(context))") {
            if let system = tracer.system { return system.cancel(context) }
            return SCardCancel(context)
        }
    }

    /// The corresponding C function is `SCardGetStatusChange`.
    static func getStatusChange(
        _ context: SCARDCONTEXT, timeout: UInt32, states: UnsafeMutablePointer<SCARD_READERSTATE>, count: Int,
        tracer: CallTracer
    ) -> Int {
        traced(tracer, .getStatusChange, wait: timeout, "context=\(hex(context)), timeout=\(timeout) ms, \(count) reader(s)") {
            if let system = tracer.system {
                return system.getStatusChange(context, timeout: timeout, states: UnsafeMutableBufferPointer(start: states, count: count))
            }
            return SCardGetStatusChange(context, DWORD(timeout), states, DWORD(count))
        }
    }

    /// The corresponding C function is `SCardConnect`.
    static func connect(
        _ context: SCARDCONTEXT, reader: String, share: UInt32, protocols: UInt32, tracer: CallTracer
    ) -> (Int, SCARDHANDLE, UInt32) {
        var card: SCARDHANDLE = 0
        var active: DWORD = 0
        let code = traced(tracer, .connect, "context=\(hex(context)), \"\(reader)\", share=\(share), protocols=\(protocols)") {
            if let system = tracer.system {
                var protocolUsed: UInt32 = 0
                defer { active = DWORD(protocolUsed) }
                return system.connect(
                    context, reader: reader, share: share, protocols: protocols, card: &card, activeProtocol: &protocolUsed)
            }
            return reader.withCString { SCardConnect(context, $0, DWORD(share), DWORD(protocols), &card, &active) }
        }
        return (code, card, UInt32(truncatingIfNeeded: active))
    }

    /// The corresponding C function is `SCardReconnect`.
    static func reconnect(
        _ card: SCARDHANDLE, share: UInt32, protocols: UInt32, initialization: UInt32, tracer: CallTracer
    ) -> (Int, UInt32) {
        var active: DWORD = 0
        let code = traced(tracer, .reconnect, "card=\(hex(card)), share=\(share), protocols=\(protocols), init=\(initialization)") {
            if let system = tracer.system {
                var protocolUsed: UInt32 = 0
                defer { active = DWORD(protocolUsed) }
                return system.reconnect(
                    card, share: share, protocols: protocols, initialization: initialization, activeProtocol: &protocolUsed)
            }
            return SCardReconnect(card, DWORD(share), DWORD(protocols), DWORD(initialization), &active)
        }
        return (code, UInt32(truncatingIfNeeded: active))
    }

    /// The corresponding C function is `SCardDisconnect`.
    static func disconnect(_ card: SCARDHANDLE, disposition: UInt32, tracer: CallTracer) -> Int {
        traced(tracer, .disconnect, "card=\(hex(card)), disposition=\(disposition)") {
            if let system = tracer.system { return system.disconnect(card, disposition: disposition) }
            return SCardDisconnect(card, DWORD(disposition))
        }
    }

    /// The corresponding C function is `SCardBeginTransaction`.
    static func beginTransaction(_ card: SCARDHANDLE, tracer: CallTracer) -> Int {
        traced(tracer, .beginTransaction, "card=\(hex(card))") {
            if let system = tracer.system { return system.beginTransaction(card) }
            return SCardBeginTransaction(card)
        }
    }

    /// The corresponding C function is `SCardEndTransaction`.
    static func endTransaction(_ card: SCARDHANDLE, disposition: UInt32, tracer: CallTracer) -> Int {
        traced(tracer, .endTransaction, "card=\(hex(card)), disposition=\(disposition)") {
            if let system = tracer.system { return system.endTransaction(card, disposition: disposition) }
            return SCardEndTransaction(card, DWORD(disposition))
        }
    }

    /// The corresponding C function is `SCardStatus`, with `SCARD_AUTOALLOCATE` for the reader name.
    static func status(_ card: SCARDHANDLE, tracer: CallTracer) -> (Int, UnsafeMutableRawPointer?, Int, UInt32, UInt32, [UInt8]) {
        var pointer: UnsafeMutablePointer<CChar>?
        var nameLength = autoAllocate
        var state: DWORD = 0
        var active: DWORD = 0
        var atr = [UInt8](repeating: 0, count: Int(MAX_ATR_SIZE))
        var atrLength = DWORD(atr.count)
        let code = traced(tracer, .status, "card=\(hex(card)), SCARD_AUTOALLOCATE") {
            if let system = tracer.system {
                var name: UnsafeMutableRawPointer?
                var length = 0
                var cardState: UInt32 = 0
                var protocolUsed: UInt32 = 0
                var answer: [UInt8] = []
                defer {
                    pointer = name?.assumingMemoryBound(to: CChar.self)
                    nameLength = DWORD(max(0, length))
                    state = DWORD(cardState)
                    active = DWORD(protocolUsed)
                    atrLength = DWORD(min(answer.count, atr.count))
                    atr.replaceSubrange(0..<Int(atrLength), with: answer.prefix(Int(atrLength)))
                }
                return system.status(
                    card, name: &name, nameLength: &length, state: &cardState, activeProtocol: &protocolUsed, atr: &answer)
            }
            return withUnsafeMutablePointer(to: &pointer) { slot in
                slot.withMemoryRebound(to: CChar.self, capacity: MemoryLayout<UnsafeMutablePointer<CChar>?>.size) { raw in
                    SCardStatus(card, raw, &nameLength, &state, &active, &atr, &atrLength)
                }
            }
        }
        guard code == 0 else { return (code, nil, 0, 0, 0, []) }
        return (
            code, UnsafeMutableRawPointer(pointer), Int(nameLength), UInt32(truncatingIfNeeded: state),
            UInt32(truncatingIfNeeded: active), Array(atr.prefix(Int(min(atrLength, DWORD(atr.count)))))
        )
    }

    /// The corresponding C function is `SCardTransmit`.
    static func transmit(
        _ card: SCARDHANDLE, protocol active: UInt32, command: [UInt8], receive: UnsafeMutableBufferPointer<UInt8>,
        tracer: CallTracer
    ) -> (Int, Int) {
        var request = SCARD_IO_REQUEST(dwProtocol: DWORD(active), cbPciLength: DWORD(MemoryLayout<SCARD_IO_REQUEST>.size))
        var length = DWORD(receive.count)
        let code = traced(tracer, .transmit, "card=\(hex(card)), \(command.count) bytes") {
            if let system = tracer.system {
                var received = 0
                defer { length = DWORD(max(0, received)) }
                return system.transmit(card, protocol: active, command: command, receive: receive, received: &received)
            }
            return SCardTransmit(card, &request, command, DWORD(command.count), nil, receive.baseAddress, &length)
        }
        return (code, code == 0 ? Int(length) : 0)
    }

    /// The corresponding C function is `SCardControl`.
    static func control(
        _ card: SCARDHANDLE, code controlCode: UInt32, input: [UInt8], output: inout [UInt8], tracer: CallTracer
    ) -> (Int, Int) {
        var returned: DWORD = 0
        let code = traced(tracer, .control, "card=\(hex(card)), code=\(hex(Int(controlCode))), \(input.count) bytes") {
            if let system = tracer.system {
                var count = 0
                defer { returned = DWORD(max(0, count)) }
                return output.withUnsafeMutableBytes { out in
                    system.control(card, code: controlCode, input: input, output: out, returned: &count)
                }
            }
            return output.withUnsafeMutableBytes { out in
                input.withUnsafeBytes { inp in
                    SCardControl(card, DWORD(controlCode), inp.baseAddress, DWORD(input.count), out.baseAddress, DWORD(out.count), &returned)
                }
            }
        }
        return (code, code == 0 ? Int(returned) : 0)
    }

    /// The corresponding C function is `SCardGetAttrib`, with `SCARD_AUTOALLOCATE`.
    static func getAttribute(_ card: SCARDHANDLE, id: UInt32, tracer: CallTracer) -> (Int, UnsafeMutableRawPointer?, Int) {
        var pointer: UnsafeMutablePointer<UInt8>?
        var length = autoAllocate
        let code = traced(tracer, .getAttribute, "card=\(hex(card)), attr=\(hex(Int(id))), SCARD_AUTOALLOCATE") {
            if let system = tracer.system { return fake(&pointer, &length) { system.getAttribute(card, id: id, value: &$0, length: &$1) } }
            return withUnsafeMutablePointer(to: &pointer) { slot in
                slot.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout<UnsafeMutablePointer<UInt8>?>.size) { raw in
                    SCardGetAttrib(card, DWORD(id), raw, &length)
                }
            }
        }
        return (code, code == 0 ? UnsafeMutableRawPointer(pointer) : nil, code == 0 ? Int(length) : 0)
    }

    /// The corresponding C function is `SCardSetAttrib`.
    static func setAttribute(_ card: SCARDHANDLE, id: UInt32, value: [UInt8], tracer: CallTracer) -> Int {
        traced(tracer, .setAttribute, "card=\(hex(card)), attr=\(hex(Int(id))), \(value.count) bytes") {
            if let system = tracer.system { return system.setAttribute(card, id: id, value: value) }
            return SCardSetAttrib(card, DWORD(id), value, DWORD(value.count))
        }
    }

    /// Runs an auto-allocating call on a stand-in, storing the memory and length it gives into the
    /// C call's out-values.
    private static func fake<Pointee>(
        _ pointer: inout UnsafeMutablePointer<Pointee>?, _ length: inout DWORD,
        _ call: (inout UnsafeMutableRawPointer?, inout Int) -> Int
    ) -> Int {
        var memory: UnsafeMutableRawPointer?
        var count = 0
        let code = call(&memory, &count)
        pointer = memory?.assumingMemoryBound(to: Pointee.self)
        length = DWORD(max(0, count))
        return code
    }

    /// A handle or code in hex, for traces.
    static func hex(_ value: Int) -> String {
        "0x" + String(UInt(bitPattern: value), radix: 16, uppercase: true)
    }
}
