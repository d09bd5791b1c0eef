import ContextCore

/// The entry point to PC/SC: establishes contexts with pcscd and keeps every context, card
/// connection and auto-allocated buffer in one ``HandleTable``, so that releasing a context frees
/// all it owns and stale handles are refused.
public final class ResourceManager: Sendable {
    /// The table holding this manager's contexts, cards and buffers; its ledger shows every
    /// allocation and free.
    public let table: HandleTable
    /// The calls into libpcsclite in flight through this manager, for a watchdog on another thread.
    public let calls: PendingCalls
    let tracer: CallTracer

    /// Creates a manager; `tracer` sees every libpcsclite call, `ledgerCapacity` bounds the ledger,
    /// and `calls` records the calls in flight (give several managers one record to watch them together).
    public init(tracer: PCSCTracer? = nil, ledgerCapacity: Int? = nil, calls: PendingCalls = PendingCalls()) {
        self.table = HandleTable(
            name: "pcsc", releaseOrder: [.card, .buffer, .pcscContext], ledgerCapacity: ledgerCapacity)
        self.calls = calls
        self.tracer = CallTracer(sink: tracer, calls: calls)
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
