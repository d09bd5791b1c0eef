/// Where the calls of a ``ResourceManager`` go and what watches them: a stand-in ``PCSCSystem`` or,
/// when there is none, libpcsclite itself; the calls in flight are recorded in its ``PendingCalls``,
/// and finished calls go to its ``PCSCTracer`` when there is one.
struct CallTracer: Sendable {
    /// The user's tracer (`--trace`), if any.
    let sink: PCSCTracer?
    /// The record of calls in flight.
    let calls: PendingCalls
    /// The stand-in that answers instead of libpcsclite, if any (tests).
    let system: (any PCSCSystem)?
}
