import ContextCore

/// The entry point to PC/SC: establishes contexts with pcscd and keeps every context, card
/// connection and auto-allocated buffer in one ``HandleTable``, so that releasing a context frees
/// all it owns and stale handles are refused.
public final class ResourceManager: Sendable {
    /// The table holding this manager's contexts, cards and buffers; its ledger shows every
    /// allocation and free.
    package let table: HandleTable
    /// The calls into libpcsclite in flight through this manager, for a watchdog on another thread.
    public let calls: PendingCalls
    let tracer: CallTracer

    /// Creates a manager; `tracer` sees every libpcsclite call, `ledgerCapacity` bounds the ledger,
    /// and `calls` records the calls in flight (give several managers one record to watch them together).
    public convenience init(tracer: PCSCTracer? = nil, ledgerCapacity: Int? = nil, calls: PendingCalls = PendingCalls()) {
        self.init(system: nil, tracer: tracer, ledgerCapacity: ledgerCapacity, calls: calls)
    }

    /// Creates a manager whose calls go to `system` instead of libpcsclite (for tests), recorded in
    /// `calls` and traced like real ones.
    package init(
        system: (any PCSCSystem)?, tracer: PCSCTracer? = nil, ledgerCapacity: Int? = nil,
        calls: PendingCalls = PendingCalls()
    ) {
        self.table = HandleTable(
            name: "pcsc", releaseOrder: [.card, .buffer, .pcscContext], ledgerCapacity: ledgerCapacity)
        self.calls = calls
        self.tracer = CallTracer(sink: tracer, calls: calls, system: system)
    }

    /// Establishes a context with pcscd. The corresponding C function is `SCardEstablishContext`.
    public func establishContext(scope: Scope = .system) throws(PCSCError) -> Context {
        let (code, raw) = WinSCard.establishContext(scope: scope.rawValue, tracer: tracer)
        if let error = PCSCError(code: code) { throw error }
        let tracer = self.tracer
        do {
            let handle = try table.allocate(
                .pcscContext, label: "scope=\(scope)", payload: ContextPayload(raw: raw),
                onFree: { info in
                    guard let payload = info.payload as? ContextPayload else { return }
                    let code = WinSCard.releaseContext(payload.raw, tracer: tracer)
                    if let error = PCSCError(code: code) { throw error }
                })
            return Context(manager: self, handle: handle)
        } catch {
            _ = WinSCard.releaseContext(raw, tracer: tracer)
            throw error.pcsc
        }
    }

    /// Establishes a context, runs `body` with it, and releases it (and all made under it) whatever
    /// happens. When `body` succeeds, the first failed step of the release is thrown; when it
    /// throws, its error is. A context `body` released itself is left alone.
    public func withContext<T>(scope: Scope = .system, _ body: (Context) throws -> T) throws -> T {
        let context = try establishContext(scope: scope)
        let result: T
        do {
            result = try body(context)
        } catch {
            if context.isLive { _ = try? context.release() }
            throw error
        }
        guard context.isLive else { return result }
        if let failure = try context.release().freed.lazy.compactMap(\.failure).first { throw failure }
        return result
    }

    /// The contexts not yet released.
    public var liveContexts: [Context] {
        table.liveResources().filter { $0.kind == .pcscContext }.map { Context(manager: self, handle: $0.handle) }
    }

    deinit {
        for info in table.liveResources() where info.kind == .pcscContext && info.owner == nil {
            _ = try? table.free(info.handle)
        }
    }
}
