import ContextCore
import ContextCore

import ScenarioKit

/// The RPC family's directives: the server, its clients, and their connections.
extension RPCScenarioSession {
    /// Runs a directive line; each returns `RPC_S_OK` or the status of the runtime call it stands for.
    mutating func perform(_ directive: ScenarioDirective) throws(ScenarioRuntimeError) -> RPCLineResult {
        switch directive.name {
        case "server":
            if let word = directive.words.first {
                guard word == "noserialize" || word == "serialize" else {
                    throw ScenarioRuntimeError(column: 1, message: "@server takes 'noserialize' or 'serialize', found \(ScenarioToken.quoted(word))")
                }
                serializes = word == "serialize"
            }
            let started = server.listen()
            var notes = started ? [] : ["the server was already listening"]
            if !serializes { notes.append("context handles are [context_handle_noserialize]: reads and writes share a context") }
            return RPCLineResult(outcome: .status(.ok), notes: notes)
        case "thread":
            guard let first = directive.words[0].unicodeScalars.first, first.properties.isAlphabetic,
                ScenarioToken.isName(directive.words[0])
            else {
                throw ScenarioRuntimeError(column: 1, message: "a thread name starts with a letter, as in T2")
            }
            thread = directive.words[0]
            return RPCLineResult(outcome: .void, notes: ["calls now run on \(thread)"])
        case "pause":
            pausing.insert(thread)
            return RPCLineResult(
                outcome: .void, notes: ["the next call of \(thread) through a context handle stops inside the server"])
        case "client":
            let name = try clientName(directive, declaring: true)
            let out = OutParameter<RPCBindingHandle?>()
            let status = client.bind(label: name, binding: out)
            let binding = out.value
            if let binding {
                clients[name] = binding
            }
            variables[name] = binding?.rawValue ?? 0
            return RPCLineResult(outcome: .status(status), bound: [name: Self.display(binding?.rawValue ?? 0)])
        case "drop":
            let name = try clientName(directive, declaring: false)
            let status = client.dropConnection(clients[name])
            let notes = status == .ok ? ["connection of \(name) dropped: no call reaches the server until @reconnect \(name)"] : []
            return RPCLineResult(outcome: .status(status), notes: notes)
        case "restart":
            client.restartServer()
            return RPCLineResult(outcome: .status(.ok), notes: ["the server restarted: every association ended"])
        default:
            let name = try clientName(directive, declaring: false)
            return RPCLineResult(outcome: .status(client.reconnect(clients[name])))
        }
    }

    /// The one client name a directive takes: a new name for `@client`, a declared client otherwise.
    private func clientName(_ directive: ScenarioDirective, declaring: Bool) throws(ScenarioRuntimeError) -> String {
        let name = directive.words[0]
        if declaring {
            guard ScenarioToken.isName(name) else {
                throw ScenarioRuntimeError(column: 1, message: "\(ScenarioToken.quoted(name)) is not a name (letters, digits and _)")
            }
            guard variables[name] == nil, clients[name] == nil else {
                throw ScenarioRuntimeError(column: 1, message: "\(ScenarioToken.quoted(name)) is already in use")
            }
        } else if clients[name] == nil {
            throw ScenarioRuntimeError(column: 1, message: "\(ScenarioToken.quoted(name)) is not a client (declare it with @client \(ScenarioToken.bounded(name)))")
        }
        return name
    }
}

/// What `@expect NAME PROPERTY` sees of a bound handle.
extension RPCScenarioSession {
    /// A binding's or context handle's value, liveness and references in the client ledger, and
    /// the rundowns of the server context a context handle was opened on.
    func state(of name: String, _ property: ScenarioProperty) throws(ScenarioRuntimeError) -> ScenarioState {
        guard let value = variables[name] else {
            throw ScenarioRuntimeError(column: 1, message: "unknown name \(ScenarioToken.quoted(name))")
        }
        let info = Handle(rawValue: value).flatMap { client.table.info($0) }
        switch property {
        case .value: return .value(Self.display(value))
        case .live: return .flag(info != nil)
        case .references: return .count(info?.referenceCount ?? 0)
        case .rundowns:
            let serverContext = serverContexts[Self.nameKey(name)] ?? serverContexts[value]
            return .runs((serverContext.flatMap { rundownLines[$0] } ?? []).map { ScenarioCallbackRun(line: $0) })
        case .cleanups:
            throw ScenarioRuntimeError(column: 1, message: "rpc has no 'cleanups' to expect (server contexts have rundowns)")
        }
    }
}
