import ContextCore
import ScenarioKit

/// How a call uses the server context its handle names while the server's manager routine runs:
/// alone (serialized, a writer) or beside other shared users (`[context_handle_noserialize]`, a reader).
enum RPCContextAccess: String {
    /// Serialized: no other call on the context runs meanwhile.
    case exclusive
    /// Not serialized: other shared calls on the context run meanwhile.
    case shared
}

/// A call of a scenario's client thread that has not returned yet: stopped inside the server's
/// manager routine (`@pause`), or waiting to go in because the context is serialized and busy.
struct RPCThreadCall {
    /// Where a call stands.
    enum State {
        /// Inside the manager routine, holding the context as its access says.
        case inside
        /// Waiting for the context; stops inside when it goes in if `paused`.
        case waiting(paused: Bool)
        /// Went in after waiting and returned; its result waits for `@resume`.
        case returned(RPCLineResult)
    }

    /// The line that made the call.
    let line: Int
    /// The call, run when it returns.
    let call: ScenarioCall
    /// The server context it works on.
    let serverContext: Handle
    /// How it holds the context.
    let access: RPCContextAccess
    /// Where it stands.
    var state: State

    /// Whether it holds the context now.
    var isInside: Bool {
        if case .inside = state { return true }
        return false
    }

    /// Whether it waits to go in.
    var isWaiting: Bool {
        if case .waiting = state { return true }
        return false
    }
}
