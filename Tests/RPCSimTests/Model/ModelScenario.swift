import TestSupport

/// Random RPC scenario text with `@expect`, `@restart`, `@reboot`, `ReadResourceOn` (a handle over
/// its own or another binding, or 20 raw bytes), and client threads with `@pause`/`@resume` under
/// `@server` and `@server noserialize`: a small model of context handles by name writes every
/// line's expectation (statuses, data, liveness, rundowns with their line, which calls wait), and
/// the simulator must meet exactly the ones the model states as true.
struct RPCScenarioModel {
    struct Context {
        var client: String
        /// The server generation it was opened in; `@restart` makes every older one unknown.
        var epoch: Int
        /// The client variable holds a handle (not yet NULL by close or destroy).
        var held = true
        /// The server context is open (not closed, not run down).
        var open = true
        var data = ""
        var rundowns: [Int] = []
    }

    var contexts: [String: Context] = [:]
    var epoch = 0
    var noserialize = false
    var next = 0
    var text = ScenarioText()

    init(_ rng: inout SplitMix64) { boot(&rng) }

    var line: Int { text.lines.count + 1 }

    mutating func boot(_ rng: inout SplitMix64) {
        contexts = [:]
        epoch = 0
        noserialize = Bool.random(using: &rng)
        text.call(noserialize ? "@server noserialize" : "@server", "RPC_S_OK")
        text.call("@client c1", "RPC_S_OK")
        text.call("@client c2", "RPC_S_OK")
    }

    static func hex(_ text: String) -> String {
        text.utf8.map { String($0, radix: 16) }.joined()
    }

    /// What a read returns: the status and, when it succeeds with data, the data in hex.
    func read(_ context: Context) -> String {
        guard context.held else { return "RPC_X_SS_IN_NULL_CONTEXT" }
        guard context.epoch == epoch else { return "RPC_X_SS_CONTEXT_MISMATCH" }
        return context.data.isEmpty ? "RPC_S_OK" : "RPC_S_OK \(Self.hex(context.data))"
    }

    /// The status of a write or close through the variable (the data is appended by the caller).
    func status(_ context: Context) -> String {
        guard context.held else { return "RPC_X_SS_IN_NULL_CONTEXT" }
        return context.epoch == epoch ? "RPC_S_OK" : "RPC_X_SS_CONTEXT_MISMATCH"
    }

    func rundowns(_ name: String) -> String {
        let lines = contexts[name]!.rundowns
        return lines.isEmpty ? "0" : "\(lines.count) line \(lines[0])"
    }

    /// Appends one random line (several for a thread episode, `@reboot` or the end) with its expectation.
    mutating func step(_ rng: inout SplitMix64) {
        let names = contexts.keys.sorted()
        let current = names.filter { contexts[$0]!.held && contexts[$0]!.epoch == epoch }
        switch Int.random(in: 0..<60, using: &rng) {
        case 0..<8:
            let name = "h\(next)"
            next += 1
            let client = Bool.random(using: &rng) ? "c1" : "c2"
            contexts[name] = Context(client: client, epoch: epoch)
            text.call("\(name) = OpenResource \(client) \"\(name)\"", "RPC_S_OK")
        case 8..<13:
            guard let name = names.randomElement(using: &rng) else { return step(&rng) }
            text.call("ReadResource \(name)", read(contexts[name]!))
        case 13..<18:
            guard let name = names.randomElement(using: &rng) else { return step(&rng) }
            let byte = ["a", "b"].randomElement(using: &rng)!
            let status = status(contexts[name]!)
            if status == "RPC_S_OK" { contexts[name]!.data += byte }
            text.call("WriteResource \(name) \"\(byte)\"", status)
        case 18..<20:
            guard let name = current.randomElement(using: &rng) else { return step(&rng) }
            contexts[name]!.held = false
            contexts[name]!.open = false
            text.call("CloseResource \(name)", "RPC_S_OK")
        case 20..<22:
            guard let name = names.randomElement(using: &rng) else { return step(&rng) }
            let held = contexts[name]!.held
            contexts[name]!.held = false
            text.call("RpcSmDestroyClientContext \(name)", held ? "RPC_S_OK" : "RPC_X_SS_CONTEXT_MISMATCH")
        case 22..<25:
            guard let name = names.randomElement(using: &rng) else { return step(&rng) }
            let binding = Bool.random(using: &rng) ? "c1" : "c2"
            var context = contexts[name]!
            if context.client != binding && context.held { context.epoch = -1 }
            text.call("ReadResourceOn \(binding) \(name)", read(context))
        case 25:
            let attributes = Bool.random(using: &rng) ? "00000000" : "01000000"
            let uuid = (0..<16).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &rng)) }.joined()
            text.call("ReadResourceOn c1 x\"\(attributes) \(uuid)\"", "RPC_X_SS_CONTEXT_MISMATCH")
        case 26..<28:
            for name in names where contexts[name]!.open && contexts[name]!.epoch == epoch {
                contexts[name]!.open = false
                contexts[name]!.rundowns.append(line)
            }
            epoch += 1
            text.call("@restart", "RPC_S_OK")
        case 28..<34:
            guard let name = current.randomElement(using: &rng) else { return step(&rng) }
            episode(name, &rng)
        case 34..<48:
            guard let name = names.randomElement(using: &rng) else { return step(&rng) }
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: text.expect(name, "rundowns", rundowns(name))
            case 1: text.expect(name, "live", contexts[name]!.held ? "TRUE" : "FALSE")
            default: text.expect(name, "value", contexts[name]!.held ? name : "NULL")
            }
        case 48..<53:
            guard let name = names.randomElement(using: &rng) else { return step(&rng) }
            if Bool.random(using: &rng) {
                text.expect(name, "rundowns", "\(contexts[name]!.rundowns.count + 1)", met: false)
            } else {
                text.expect(name, "live", contexts[name]!.held ? "FALSE" : "TRUE", met: false)
            }
        case 53:
            if let name = names.randomElement(using: &rng) {
                text.reboot()
                boot(&rng)
                text.expect(name, "live", "FALSE", met: false)
            }
        default:
            finish(&rng)
        }
    }

    /// Two client threads on one context: T1's call stops inside the server (`@pause`), T2 calls
    /// on the same context and waits unless both calls may share it (noserialize, no close).
    mutating func episode(_ name: String, _ rng: inout SplitMix64) {
        let firstWrites = Bool.random(using: &rng)
        var second = Int.random(in: 0..<3, using: &rng)
        let shares = noserialize && second != 2
        if shares && firstWrites && second == 0 { second = 1 }
        let byte = ["a", "b"].randomElement(using: &rng)!
        var data = contexts[name]!.data + (firstWrites ? byte : "")
        if shares && second == 1 { data += byte }
        text.plain("@pause")
        if firstWrites {
            text.pending("WriteResource \(name) \"\(byte)\"", "RPC_S_OK", waits: true)
            contexts[name]!.data += byte
        } else {
            text.pending("ReadResource \(name)", data.isEmpty ? "RPC_S_OK" : "RPC_S_OK \(Self.hex(data))", waits: true)
        }
        text.plain("@thread T2")
        switch second {
        case 0:
            text.pending("ReadResource \(name)", read(contexts[name]!), waits: !shares)
        case 1:
            contexts[name]!.data += byte
            text.pending("WriteResource \(name) \"\(byte)\"", "RPC_S_OK", waits: !shares)
        default:
            text.pending("CloseResource \(name)", "RPC_S_OK", waits: true)
        }
        text.call("@resume T1", "")
        if !shares { text.call("@resume T2", "") }
        if second == 2 {
            contexts[name]!.held = false
            contexts[name]!.open = false
        }
        text.plain("@thread T1")
    }

    /// Ends the machine: every held handle destroyed (client memory only), then both bindings
    /// freed, which ends their associations and runs down every server context still open.
    mutating func finish(_ rng: inout SplitMix64) {
        let names = contexts.keys.sorted()
        for name in names where contexts[name]!.held {
            contexts[name]!.held = false
            text.call("RpcSmDestroyClientContext \(name)", "RPC_S_OK")
        }
        for client in ["c1", "c2"] {
            for name in names where contexts[name]!.client == client && contexts[name]!.open && contexts[name]!.epoch == epoch {
                contexts[name]!.open = false
                contexts[name]!.rundowns.append(line)
            }
            text.call("RpcBindingFree \(client)", "RPC_S_OK")
        }
        for name in names {
            text.expect(name, "rundowns", rundowns(name))
            text.expect(name, "live", "FALSE")
        }
        text.reboot()
        boot(&rng)
    }
}
