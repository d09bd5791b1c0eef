/// Reader names read from one auto-allocated buffer, which stays allocated until freed.
public struct ReaderList: Sendable {
    /// The reader names, in pcscd's order.
    public let names: [String]
    /// The buffer libpcsclite filled; freed by ``Buffer/free()`` or when the context is released.
    public let buffer: Buffer
}

extension Context {
    /// Lists the readers, keeping libpcsclite's auto-allocated buffer as a child of the context.
    /// An empty system gives an empty list. The corresponding C function is `SCardListReaders`.
    public func listReaders(groups: String? = nil) throws(PCSCError) -> ReaderList? {
        let (code, pointer, length) = WinSCard.listReaders(try raw(), groups: groups, tracer: manager.tracer)
        if PCSCError(code: code) == .noReadersAvailable { return nil }
        if let error = PCSCError(code: code) { throw error }
        guard let pointer else { return nil }
        let buffer = try adoptBuffer(pointer, length: length, label: "reader list")
        return ReaderList(names: Self.multiString(try buffer.bytes()), buffer: buffer)
    }

    /// The reader names, with the buffer freed at once; empty when there are none.
    public func readerNames() throws(PCSCError) -> [String] {
        guard let list = try listReaders() else { return [] }
        try list.buffer.free()
        return list.names
    }

    /// Lists the reader groups into an auto-allocated buffer owned by the context.
    /// The corresponding C function is `SCardListReaderGroups`.
    public func listReaderGroups() throws(PCSCError) -> ReaderList {
        let (code, pointer, length) = WinSCard.listReaderGroups(try raw(), tracer: manager.tracer)
        if let error = PCSCError(code: code) { throw error }
        guard let pointer else { throw .noMemory }
        let buffer = try adoptBuffer(pointer, length: length, label: "reader groups")
        return ReaderList(names: Self.multiString(try buffer.bytes()), buffer: buffer)
    }

    /// Splits a C multi-string (names separated by NUL, ending with two) into names.
    static func multiString(_ bytes: [UInt8]) -> [String] {
        bytes.split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
    }
}
