extension Card {
    /// The largest response a transmit accepts: extended 65,536 data bytes plus the status word,
    /// with room for a reader's framing.
    static let receiveCapacity = 65_548

    /// Sends raw bytes and returns the raw answer. The corresponding C function is `SCardTransmit`.
    public func transmit(_ command: [UInt8]) throws(PCSCError) -> [UInt8] {
        try transmit(command, on: try payload())
    }

    /// Sends raw bytes on the connection `payload` describes, read once for a whole logical exchange.
    private func transmit(_ command: [UInt8], on payload: CardPayload) throws(PCSCError) -> [UInt8] {
        // The answer lands in a temporary buffer (on the stack when there is room) and only its
        // actual length is kept.
        let (code, response) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.receiveCapacity) { buffer in
            let (code, length) = WinSCard.transmit(
                payload.raw, protocol: payload.activeProtocol, command: command, receive: buffer,
                tracer: manager.tracer)
            return (code, Array(UnsafeBufferPointer(rebasing: buffer[..<min(length, buffer.count)])))
        }
        if let error = PCSCError(code: code) { throw error }
        return response
    }

    /// Sends a command APDU, handling T=0 `61xx` (GET RESPONSE) and `6Cxx` (resend with Le) as
    /// `options` say, and returns the logical exchange with its wire exchanges.
    ///
    /// When the exchange may take more than one wire exchange, it runs inside a transaction of its
    /// own (``TransmitOptions/ownTransaction``): another application's command cannot land between
    /// the command and its GET RESPONSEs or resend and take or spoil the data waiting on the card.
    /// A failed `SCardEndTransaction` (the card reset or removed meanwhile) is thrown even though
    /// the answer arrived; a failure of the exchange itself is thrown in preference to it.
    public func transmit(_ command: CommandAPDU, options: TransmitOptions = TransmitOptions()) throws(PCSCError) -> Exchange {
        let payload = try payload()
        guard options.beginsTransaction else { return try exchange(command, options: options, on: payload) }
        let tracer = manager.tracer
        if let error = PCSCError(code: WinSCard.beginTransaction(payload.raw, tracer: tracer)) { throw error }
        let leave = Disposition.leave.rawValue
        let exchange: Exchange
        do {
            exchange = try self.exchange(command, options: options, on: payload)
        } catch {
            _ = WinSCard.endTransaction(payload.raw, disposition: leave, tracer: tracer)
            throw error
        }
        if let error = PCSCError(code: WinSCard.endTransaction(payload.raw, disposition: leave, tracer: tracer)) { throw error }
        return exchange
    }

    /// The logical exchange itself: the command, then the resend and GET RESPONSEs it calls for.
    private func exchange(_ command: CommandAPDU, options: TransmitOptions, on payload: CardPayload) throws(PCSCError) -> Exchange {
        let start = MonotonicClock.nanoseconds()
        var last = start
        var wire: [WireExchange] = []
        func send(_ bytes: [UInt8]) throws(PCSCError) -> [UInt8] {
            let begin = last
            let answer = try transmit(bytes, on: payload)
            last = MonotonicClock.nanoseconds()
            wire.append(WireExchange(command: bytes, response: answer, seconds: MonotonicClock.seconds(from: begin, to: last)))
            return answer
        }
        var answer = try send(command.bytes)
        if options.fixLe, answer.count == 2, answer[0] == 0x6C, command.apduCase == .two || command.apduCase == .four,
            !command.isExtended
        {
            let le = answer[1] == 0 ? 256 : Int(answer[1])
            if let resend = try? command.withExpectedLength(le) {
                answer = try send(resend.bytes)
            }
        }
        var data: [UInt8] = []
        var rounds = 0
        while options.getResponse, answer.count >= 2, answer[answer.count - 2] == 0x61, rounds < 256 {
            data += answer.dropLast(2)
            let le = answer[answer.count - 1]
            answer = try send([command.cla & 0x03, 0xC0, 0x00, 0x00, le])
            rounds += 1
        }
        guard let response = ResponseAPDU(bytes: data.isEmpty ? answer : data + answer) else { throw .communicationError }
        return Exchange(command: command, response: response, wire: wire, seconds: MonotonicClock.seconds(from: start, to: last))
    }
}
