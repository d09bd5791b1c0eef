/// What watches every call a ``ResourceManager`` makes into libpcsclite: the calls in flight are
/// recorded in its ``PendingCalls``, and finished calls go to its ``PCSCTracer`` when there is one.
struct CallTracer: Sendable {
    /// The user's tracer (`--trace`), if any.
    let sink: PCSCTracer?
    /// The record of calls in flight.
    let calls: PendingCalls
}
