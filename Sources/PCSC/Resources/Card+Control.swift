extension Card {
    /// Sends a reader control code (a feature of the reader driver) and returns its answer.
    /// The corresponding C function is `SCardControl`.
    public func control(code: UInt32, data: [UInt8] = [], maximumResponse: Int = 1024) throws(PCSCError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: max(1, maximumResponse))
        let (result, length) = WinSCard.control(try payload().raw, code: code, input: data, output: &output, tracer: manager.tracer)
        if let error = PCSCError(code: result) { throw error }
        return Array(output.prefix(length))
    }

    /// Reads a reader attribute (`SCARD_ATTR_*`) into an auto-allocated buffer, copies it and frees
    /// the buffer. The corresponding C function is `SCardGetAttrib`.
    public func attribute(_ id: UInt32) throws(PCSCError) -> [UInt8] {
        let (code, pointer, length) = WinSCard.getAttribute(try payload().raw, id: id, tracer: manager.tracer)
        if let error = PCSCError(code: code) { throw error }
        guard let pointer else { return [] }
        let buffer = try owningContext().adoptBuffer(pointer, length: length, label: "attribute 0x\(String(id, radix: 16))")
        defer { try? buffer.free() }
        return try buffer.bytes()
    }

    /// Sets a reader attribute. The corresponding C function is `SCardSetAttrib`.
    public func setAttribute(_ id: UInt32, value: [UInt8]) throws(PCSCError) {
        let code = WinSCard.setAttribute(try payload().raw, id: id, value: value, tracer: manager.tracer)
        if let error = PCSCError(code: code) { throw error }
    }
}
