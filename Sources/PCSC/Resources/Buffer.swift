import ContextCore

/// Memory libpcsclite allocated with `SCARD_AUTOALLOCATE`, owned by its context until freed.
public struct Buffer: Sendable, Hashable {
    /// The manager whose table holds the buffer.
    package let manager: ResourceManager
    /// The buffer's handle in the table.
    package let handle: Handle
    let address: UInt
    /// The buffer's size in bytes.
    public let length: Int

    /// Whether two values name the same buffer.
    public static func == (lhs: Buffer, rhs: Buffer) -> Bool {
        lhs.manager === rhs.manager && lhs.handle == rhs.handle
    }

    /// Hashes the handle.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(handle)
    }

    /// Whether the buffer is still allocated.
    public var isLive: Bool { manager.table.isLive(handle) }

    /// Frees the buffer now; a freed buffer throws ``PCSCError/invalidHandle``.
    /// The corresponding C function is `SCardFreeMemory`.
    public func free() throws(PCSCError) {
        let freed: [FreedResource]
        do {
            freed = try manager.table.free(handle, expecting: .buffer)
        } catch {
            throw error.pcsc
        }
        if let failure = freed.first?.failure as? PCSCError { throw failure }
    }

    /// The buffer's bytes, read while it is live.
    func bytes() throws(PCSCError) -> [UInt8] {
        guard manager.table.isLive(handle), let base = UnsafeRawPointer(bitPattern: address) else {
            throw .invalidHandle
        }
        return Array(UnsafeRawBufferPointer(start: base, count: length))
    }
}
