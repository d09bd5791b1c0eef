import ContextCore

import ScenarioKit

/// The functions a scenario line can call; the call table has checked each line's arguments and bindings.
extension RPCScenarioSession {
    /// Runs a call line.
    mutating func perform(_ call: ScenarioCall) throws(ScenarioRuntimeError) -> RPCLineResult {
        let arguments = call.arguments
        switch call.function {
        case "OpenResource":
            return try open(call)
        case "ReadResource":
            let data = OutParameter<[UInt8]>([])
            let status = client.readResource(try context(arguments[0]), into: data)
            return RPCLineResult(outcome: .status(status), output: status == .ok && !data.value.isEmpty ? data.value : nil)
        case "ReadResourceOn":
            return try readOn(call)
        case "WriteResource":
            let status = client.writeResource(try context(arguments[0]), bytes: try bytes(arguments[1], for: "data"))
            return RPCLineResult(outcome: .status(status))
        case "CloseResource":
            let handle = OutParameter(try context(arguments[0]))
            let status = client.closeResource(handle)
            return RPCLineResult(outcome: .status(status), bound: store(handle.value?.rawValue, in: arguments[0]))
        case "RpcSmDestroyClientContext":
            let handle = OutParameter(try context(arguments[0]))
            let serverContext = client.serverContextName(of: handle.value)
            let status = client.destroyClientContext(handle)
            return RPCLineResult(
                outcome: .status(status), bound: store(handle.value?.rawValue, in: arguments[0]),
                notes: status == .ok ? [Self.destroyNote(serverContext)] : [])
        case "RpcSsDestroyClientContext":
            let handle = OutParameter(try context(arguments[0]))
            let serverContext = client.serverContextName(of: handle.value)
            var outcome = RPCOutcome.void
            do {
                try client.destroyClientContextRaising(handle)
            } catch {
                outcome = .exception(error.status)
            }
            return RPCLineResult(
                outcome: outcome, bound: store(handle.value?.rawValue, in: arguments[0]),
                notes: outcome == .void ? [Self.destroyNote(serverContext)] : [])
        default:
            let binding = OutParameter(RPCBindingHandle(rawValue: try value(arguments[0])))
            let status = client.freeBinding(binding)
            return RPCLineResult(outcome: .status(status), bound: store(binding.value?.rawValue, in: arguments[0]))
        }
    }

    /// `h = OpenResource c1 "name"`: binds the new context handle (NULL when the call fails).
    private mutating func open(_ call: ScenarioCall) throws(ScenarioRuntimeError) -> RPCLineResult {
        let binding = RPCBindingHandle(rawValue: try value(call.arguments[0]))
        let name = String(decoding: try bytes(call.arguments[1], for: "name"), as: UTF8.self)
        let handle = OutParameter<RPCContextHandle?>()
        let status = client.openResource(binding, name: name, context: handle)
        var bound: [String: String] = [:]
        if let value = handle.value, let serverContext = client.serverContextName(of: value) {
            serverContexts[value.rawValue] = serverContext
            if let variable = call.bindings.first { serverContexts[Self.nameKey(variable)] = serverContext }
        }
        if let variable = call.bindings.first {
            variables[variable] = handle.value?.rawValue ?? 0
            bound[variable] = Self.display(handle.value?.rawValue ?? 0)
        }
        return RPCLineResult(outcome: .status(status), bound: bound)
    }

    /// `ReadResourceOn c2 h`, or `ReadResourceOn c1 x"..."` with 20 bytes sent as the context's wire data.
    private func readOn(_ call: ScenarioCall) throws(ScenarioRuntimeError) -> RPCLineResult {
        let binding = RPCBindingHandle(rawValue: try value(call.arguments[0]))
        let data = OutParameter<[UInt8]>([])
        let status: RPCStatus
        if case .bytes(let wire) = call.arguments[1].value {
            guard wire.count == RPCServer.wireSize else {
                throw ScenarioRuntimeError(
                    column: call.arguments[1].column,
                    message: "a context handle's wire data is \(RPCServer.wireSize) bytes (attributes and UUID), found \(wire.count)")
            }
            status = client.readResource(on: binding, wireData: wire, into: data)
        } else {
            status = client.readResource(on: binding, context: try context(call.arguments[1]), into: data)
        }
        return RPCLineResult(outcome: .status(status), output: status == .ok && !data.value.isEmpty ? data.value : nil)
    }

    private static func destroyNote(_ serverContext: String?) -> String {
        guard let serverContext else {
            return "client memory reclaimed without contacting the server (its context is already gone)"
        }
        return "client memory reclaimed without contacting the server: \(serverContext) stays live until its association goes"
    }

    /// A handle-sized value: a bound name, NULL, a number, `~0`.
    func value(_ argument: ScenarioArgument) throws(ScenarioRuntimeError) -> UInt64 {
        try ScenarioConstants([]).integer(argument, width: 64) { variables[$0] }
    }

    private func context(_ argument: ScenarioArgument) throws(ScenarioRuntimeError) -> RPCContextHandle? {
        RPCContextHandle(rawValue: try value(argument))
    }

    private func bytes(_ argument: ScenarioArgument, for parameter: String) throws(ScenarioRuntimeError) -> [UInt8] {
        guard case .bytes(let bytes) = argument.value else {
            throw ScenarioRuntimeError(
                column: argument.column, message: "the \(parameter) must be a quoted string or x\"..\" bytes")
        }
        return bytes
    }

    /// Writes a by-reference argument back to its name (nothing for a literal) and reports it.
    mutating func store(_ value: UInt64?, in argument: ScenarioArgument) -> [String: String] {
        guard case .symbol(let name) = argument.value, variables[name] != nil else { return [:] }
        variables[name] = value ?? 0
        return [name: Self.display(value ?? 0)]
    }

    /// The key under which ``serverContexts`` remembers the server context a name was opened on,
    /// apart from any handle value (the name may be NULL later).
    static func nameKey(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash | 1 << 63
    }

    /// A handle value as reports show it: `NULL` or `0x100000002`.
    static func display(_ value: UInt64) -> String {
        value == 0 ? "NULL" : "0x" + String(value, radix: 16, uppercase: true)
    }
}
