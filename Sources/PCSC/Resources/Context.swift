import ContextCore

/// A resource manager context (`SCARDCONTEXT`): lists and watches readers, connects to cards, and
/// on release frees every card connection and buffer made under it.
///
/// A `Context` is a small value naming an entry in its manager's table; after release every copy
/// of it (and of its cards and buffers) is stale, and using one throws ``PCSCError/invalidHandle``
/// without calling into libpcsclite.
public struct Context: Sendable, Hashable {
    /// The manager that owns the context.
    package let manager: ResourceManager
    /// The context's handle in the manager's table.
    package let handle: Handle

    /// Whether two values name the same context.
    public static func == (lhs: Context, rhs: Context) -> Bool {
        lhs.manager === rhs.manager && lhs.handle == rhs.handle
    }

    /// Hashes the handle.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(handle)
    }

    /// Whether the context is still established (not yet released).
    public var isLive: Bool { manager.table.isLive(handle) }

    /// The raw `SCARDCONTEXT`, or `invalidHandle` when the context was released.
    func raw() throws(PCSCError) -> Int {
        do {
            guard let payload = try manager.table.storedPayload(of: handle, expecting: .pcscContext) as? ContextPayload
            else { throw PCSCError.invalidHandle }
            return payload.raw
        } catch let error as HandleError {
            throw error.pcsc
        } catch {
            throw .invalidHandle
        }
    }

    /// Checks that pcscd still knows the context. The corresponding C function is `SCardIsValidContext`.
    public func validate() throws(PCSCError) {
        let code = WinSCard.isValidContext(try raw(), tracer: manager.tracer)
        if let error = PCSCError(code: code) { throw error }
    }

    /// Cancels a blocking ``getStatusChange(_:timeout:)`` on this context from another thread.
    /// The corresponding C function is `SCardCancel`.
    public func cancel() throws(PCSCError) {
        let code = WinSCard.cancel(try raw(), tracer: manager.tracer)
        if let error = PCSCError(code: code) { throw error }
    }

    /// Releases the context: disconnects its cards with `disposition`, frees its buffers with
    /// `SCardFreeMemory`, then calls `SCardReleaseContext`. Failures of single steps are reported
    /// in the result, not thrown; a released context throws ``PCSCError/invalidHandle``.
    @discardableResult
    public func release(disposition: Disposition = .leave) throws(PCSCError) -> ReleaseReport {
        let table = manager.table
        do {
            for child in try table.children(of: handle) {
                if var card = table.info(child)?.payload as? CardPayload {
                    card.disposition = disposition.rawValue
                    try? table.setPayload(card, for: child)
                }
            }
            return ReleaseReport(freed: try table.free(handle, expecting: .pcscContext))
        } catch {
            throw error.pcsc
        }
    }

    /// Registers memory libpcsclite auto-allocated as a buffer owned by this context.
    func adoptBuffer(_ pointer: UnsafeMutableRawPointer, length: Int, label: String) throws(PCSCError) -> Buffer {
        let raw = try raw()
        let tracer = manager.tracer
        do {
            let handle = try manager.table.allocate(
                .buffer, owner: self.handle, label: label, bytes: length,
                payload: BufferPayload(address: UInt(bitPattern: pointer), context: raw),
                onFree: { info in
                    guard let payload = info.payload as? BufferPayload,
                        let memory = UnsafeRawPointer(bitPattern: payload.address)
                    else { return }
                    let code = WinSCard.freeMemory(payload.context, memory, tracer: tracer)
                    if let error = PCSCError(code: code) { throw error }
                })
            return Buffer(manager: manager, handle: handle, address: UInt(bitPattern: pointer), length: length)
        } catch {
            _ = WinSCard.freeMemory(raw, pointer, tracer: tracer)
            throw error.pcsc
        }
    }
}
