import ContextCore
import ScenarioKit

/// Client threads: calls through one context handle that overlap, shown without real races. A call
/// with `@pause` armed stops inside the server's manager routine until `@resume`; a call that meets
/// a context held by another thread's call in a mode it cannot share waits, and goes in when that
/// call returns. Calls on a context are serialized (exclusive) unless `@server noserialize`
/// declares the context handle type `[context_handle_noserialize]`: then reads and writes share it,
/// and `CloseResource`, which destroys the context, keeps it exclusive (the MIDL page
/// "context_handle_noserialize attribute": serialized calls are writers, the others readers).
extension RPCScenarioSession {
    /// The functions whose calls go through a context handle to a server manager routine.
    static let contextCalls: Set<String> = ["ReadResource", "WriteResource", "CloseResource", "ReadResourceOn"]

    /// Runs a call line on the current thread: at once, stopped inside the server, or waiting.
    mutating func performOnThread(_ call: ScenarioCall, line: Int) throws(ScenarioRuntimeError) -> RPCLineResult {
        if let busy = threadCalls[thread] {
            throw ScenarioRuntimeError(
                column: call.functionColumn,
                message: "\(thread) has not returned from \(busy.call.function) (line \(busy.line)): '@resume \(thread)' first")
        }
        let paused = pausing.remove(thread) != nil
        guard Self.contextCalls.contains(call.function), let target = try dispatchTarget(call) else {
            var result = try perform(call)
            if paused { result.notes.append("the call did not reach the server, so it did not stop there") }
            return result
        }
        let access: RPCContextAccess = call.function == "CloseResource" || serializes ? .exclusive : .shared
        let context = server.name(of: target) ?? "its context"
        let blocker = threadCalls.sorted { $0.value.line < $1.value.line }.first { other in
            other.value.serverContext == target
                && (other.value.isWaiting || (other.value.isInside && (access == .exclusive || other.value.access == .exclusive)))
        }
        if let blocker {
            threadCalls[thread] = RPCThreadCall(line: line, call: call, serverContext: target, access: access, state: .waiting(paused: paused))
            let why =
                serializes ? "calls on it are serialized"
                : access == .exclusive ? "\(call.function) is serialized"
                : blocker.value.access == .exclusive ? "\(blocker.value.call.function) is serialized" : "a call waits before it"
            return RPCLineResult(
                outcome: .pending,
                notes: ["\(thread) waits: \(blocker.key) is in \(blocker.value.call.function) (line \(blocker.value.line)) on \(context) and \(why)"])
        }
        guard paused else { return try perform(call) }
        threadCalls[thread] = RPCThreadCall(line: line, call: call, serverContext: target, access: access, state: .inside)
        return RPCLineResult(
            outcome: .pending,
            notes: ["\(thread) stopped inside the server's \(call.function) on \(context) (\(access.rawValue)); '@resume \(thread)' lets it return"])
    }

    /// The server context a context call would reach now, or nil when the client stub or the
    /// server would refuse it before the manager routine runs.
    private func dispatchTarget(_ call: ScenarioCall) throws(ScenarioRuntimeError) -> Handle? {
        let argument = call.function == "ReadResourceOn" ? call.arguments[1] : call.arguments[0]
        if case .bytes = argument.value { return nil }
        let context = RPCContextHandle(rawValue: try value(argument))
        guard let (record, association) = try? client.route(context) else { return nil }
        if call.function == "ReadResourceOn" {
            guard let binding = client.liveBinding(RPCBindingHandle(rawValue: try value(call.arguments[0]))),
                client.links.withLock({ $0[binding]?.association }) == association
            else { return nil }
        }
        guard server.table.info(record.serverContext)?.owner == association else { return nil }
        return record.serverContext
    }

    /// `@resume T`: the call of T returns (it runs now when it was inside), and waiting calls that
    /// can go in do. Throws when T has no such call or its call still waits.
    mutating func resume(_ name: String) throws(ScenarioRuntimeError) -> (RPCLineResult, RPCThreadCall) {
        guard let pending = threadCalls[name] else {
            throw ScenarioRuntimeError(column: 1, message: "\(name) has no call inside the server")
        }
        var result: RPCLineResult
        switch pending.state {
        case .waiting:
            let holder = threadCalls.first { $0.value.isInside && $0.value.serverContext == pending.serverContext }?.key ?? "another thread"
            throw ScenarioRuntimeError(column: 1, message: "\(name) still waits for its context: '@resume \(holder)' first")
        case .returned(let stored):
            threadCalls[name] = nil
            result = stored
            result.notes.insert("\(pending.call.function) of line \(pending.line) on \(name) had returned", at: 0)
        case .inside:
            threadCalls[name] = nil
            result = try finish(pending)
            result.notes.insert("\(pending.call.function) of line \(pending.line) on \(name) returned", at: 0)
        }
        result.notes += admitWaiting()
        return (result, pending)
    }

    /// Runs a call that is inside the server; a context that went away meanwhile (its connection
    /// dropped, the server restarted) fails the call with `RPC_S_CALL_FAILED`.
    private mutating func finish(_ pending: RPCThreadCall) throws(ScenarioRuntimeError) -> RPCLineResult {
        guard server.table.info(pending.serverContext) != nil else {
            return RPCLineResult(outcome: .status(.callFailed), notes: ["its context went away while the call was inside the server"])
        }
        return try perform(pending.call)
    }

    /// Lets waiting calls go in, in line order, while the context allows: each stops inside when
    /// paused, else runs and keeps its result for `@resume`.
    private mutating func admitWaiting() -> [String] {
        var notes: [String] = []
        var admitted = true
        while admitted {
            admitted = false
            for (name, waiting) in threadCalls.sorted(by: { $0.value.line < $1.value.line }) {
                guard case .waiting(let paused) = waiting.state else { continue }
                let holders = threadCalls.values.filter { $0.isInside && $0.serverContext == waiting.serverContext }
                let earlier = threadCalls.values.contains { $0.isWaiting && $0.serverContext == waiting.serverContext && $0.line < waiting.line }
                guard !earlier, holders.isEmpty || (waiting.access == .shared && holders.allSatisfy { $0.access == .shared }) else { continue }
                if paused {
                    threadCalls[name]?.state = .inside
                    notes.append("\(name)'s \(waiting.call.function) of line \(waiting.line) went in and stopped inside the server")
                } else {
                    let result = (try? finish(waiting)) ?? RPCLineResult(outcome: .status(.callFailed), notes: ["the call could not run"])
                    threadCalls[name]?.state = .returned(result)
                    notes.append("\(name)'s \(waiting.call.function) of line \(waiting.line) went in and returned \(result.outcome)")
                }
                admitted = true
                break
            }
        }
        return notes
    }
}
