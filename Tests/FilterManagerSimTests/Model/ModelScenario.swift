import TestSupport

/// Random Filter Manager scenario text with `@expect`, `@verifier`, `@irql`, `=> BUGCHECK` and
/// `@reboot`: a small model of stream contexts by name writes every line's expectation (reference
/// counts, liveness, cleanup callbacks with line and IRQL, the bug check code and first parameter),
/// and the simulator must meet exactly the ones the model states as true.
struct FltScenarioModel {
    enum State { case live, queued, freed }

    struct Context {
        var paged: Bool
        var callers = 1
        var stream: String?
        var state = State.live
        /// The line and IRQL of its cleanup callback, once it ran.
        var cleanup: (line: Int, level: String)?
        var count: Int { state == .live ? callers + (stream == nil ? 0 : 1) : 0 }
    }

    static let levels = ["PASSIVE_LEVEL", "APC_LEVEL", "DISPATCH_LEVEL"]
    var contexts: [String: Context] = [:]
    var streams: [String: String] = [:]
    var queue: [String] = []
    var irql = 0
    var verifier = false
    var stopped = false
    var next = 0
    var bugChecks = 0
    /// Bug checks the model gave as 0xC4 (Driver Verifier on).
    var verifierBugChecks = 0
    var text = ScenarioText()

    init() { boot() }

    /// The next line's number.
    var line: Int { text.lines.count + 1 }

    /// A fresh machine's objects: the filter with one variable-size stream registration, a volume,
    /// an instance and two streams.
    mutating func boot() {
        contexts = [:]
        streams = [:]
        queue = []
        irql = 0
        verifier = false
        stopped = false
        for line in ["@filter filter", "@register FLT_STREAM_CONTEXT FLT_VARIABLE_SIZED_CONTEXTS 'sctx' StreamCleanup",
                     "@volume C", "@instance inst C", "@stream s1 C", "@stream s2 C"] {
            text.plain(line)
        }
    }

    /// A bug check line: the expectation (sometimes a wrong code, which must be missed), then
    /// a line that does not run, then `@reboot` and a fresh machine.
    mutating func bugCheck(_ call: String, verifierParameter: String?, _ rng: inout SplitMix64) {
        bugChecks += 1
        let expected = verifier && verifierParameter != nil ? "0xC4 \(verifierParameter!)" : "0xD1"
        if expected.hasPrefix("0xC4") { verifierBugChecks += 1 }
        if Int.random(in: 0..<4, using: &rng) == 0 {
            text.call(call, "BUGCHECK \(expected.hasPrefix("0xC4") ? "0xD1" : "0xC4")", met: false)
        } else {
            text.call(call, "BUGCHECK \(expected)")
        }
        if let name = contexts.keys.sorted().first { text.expect(name, "live", "TRUE", met: false) }
        text.reboot()
        boot()
    }

    /// Runs the cleanup of a context whose count reached zero, at once or in a work item.
    mutating func dropToZero(_ name: String, level: Int) {
        if level <= 1 {
            contexts[name]!.state = .freed
            contexts[name]!.cleanup = (line, Self.levels[level])
        } else {
            contexts[name]!.state = .queued
            queue.append(name)
        }
    }

    mutating func drain() -> Int {
        for name in queue {
            contexts[name]!.state = .freed
            contexts[name]!.cleanup = (line, "PASSIVE_LEVEL")
        }
        defer { queue = [] }
        return queue.count
    }

    func cleanups(_ name: String) -> String {
        guard let cleanup = contexts[name]?.cleanup else { return "0" }
        return "1 line \(cleanup.line) \(cleanup.level)"
    }

    /// Appends one random line (several for a bug check or `@reboot`) with its predicted expectation.
    mutating func step(_ rng: inout SplitMix64) {
        let names = contexts.keys.sorted()
        let held = names.filter { contexts[$0]!.state == .live && contexts[$0]!.callers > 0 }
        let gone = names.filter { contexts[$0]!.state != .live }
        switch Int.random(in: 0..<50, using: &rng) {
        case 0..<6:
            let paged = Bool.random(using: &rng)
            let name = "c\(next)"
            next += 1
            let call = "\(name) = FltAllocateContext filter FLT_STREAM_CONTEXT 64 \(paged ? "PagedPool" : "NonPagedPool")"
            if irql > 1 { return bugCheck(call, verifierParameter: paged ? "0x01" : nil, &rng) }
            contexts[name] = Context(paged: paged)
            text.call(call, "STATUS_SUCCESS")
        case 6..<9:
            guard let name = held.randomElement(using: &rng) else { return step(&rng) }
            contexts[name]!.callers += 1
            text.call("FltReferenceContext \(name)", "-")
        case 9..<15:
            guard let name = held.randomElement(using: &rng) else { return step(&rng) }
            let call = "FltReleaseContext \(name)"
            if irql > 1 && contexts[name]!.paged { return bugCheck(call, verifierParameter: "0x11", &rng) }
            contexts[name]!.callers -= 1
            if contexts[name]!.count == 0 { dropToZero(name, level: irql) }
            text.call(call, "-")
        case 15:
            guard let name = gone.randomElement(using: &rng) else { return step(&rng) }
            text.call("FltReferenceContext \(name)", "- VERIFIER")
        case 16..<20:
            let unlinked = held.filter { contexts[$0]!.stream == nil }
            guard let name = unlinked.randomElement(using: &rng) else { return step(&rng) }
            let stream = ["s1", "s2"].randomElement(using: &rng)!
            let call = "FltSetStreamContext inst \(stream) FLT_SET_CONTEXT_KEEP_IF_EXISTS \(name)"
            if irql > 1 { return bugCheck(call, verifierParameter: nil, &rng) }
            if streams[stream] != nil {
                text.call(call, "STATUS_FLT_CONTEXT_ALREADY_DEFINED")
            } else {
                streams[stream] = name
                contexts[name]!.stream = stream
                text.call(call, "STATUS_SUCCESS")
            }
        case 20..<22:
            let stream = ["s1", "s2"].randomElement(using: &rng)!
            let call = "FltDeleteStreamContext inst \(stream)"
            if irql > 1 { return bugCheck(call, verifierParameter: nil, &rng) }
            guard let name = streams.removeValue(forKey: stream) else { return text.call(call, "STATUS_NOT_FOUND") }
            contexts[name]!.stream = nil
            if contexts[name]!.count == 0 { dropToZero(name, level: irql) }
            text.call(call, "STATUS_SUCCESS")
        case 22..<26:
            irql = Int.random(in: 0...2, using: &rng)
            text.call("@irql \(Self.levels[irql])", Self.levels[irql])
        case 26..<28:
            verifier.toggle()
            text.plain("@verifier \(verifier ? "on" : "off")")
        case 28..<30:
            let count = drain()
            text.call("@drain", "\(count)")
        case 30..<44:
            guard let name = names.randomElement(using: &rng) else { return step(&rng) }
            let context = contexts[name]!
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: text.expect(name, "references", "\(context.count)")
            case 1: text.expect(name, "live", context.state == .live ? "TRUE" : "FALSE")
            default: text.expect(name, "cleanups", cleanups(name))
            }
        case 44..<48:
            guard let name = names.randomElement(using: &rng) else { return step(&rng) }
            if Bool.random(using: &rng) {
                text.expect(name, "references", "\(contexts[name]!.count + 1)", met: false)
            } else if let cleanup = contexts[name]!.cleanup {
                text.expect(name, "cleanups", "1 line \(cleanup.line + 1) \(cleanup.level)", met: false)
            } else {
                text.expect(name, "cleanups", "1", met: false)
            }
        case 48:
            text.reboot()
            boot()
        default:
            finish()
        }
    }

    /// Ends the machine cleanly: every caller reference released at PASSIVE_LEVEL, the filter
    /// unregistered (work items run, links deleted), every context cleaned up exactly once.
    mutating func finish() {
        irql = 0
        text.call("@irql PASSIVE_LEVEL", "PASSIVE_LEVEL")
        for name in contexts.keys.sorted() where contexts[name]!.state == .live {
            for _ in 0..<contexts[name]!.callers {
                contexts[name]!.callers -= 1
                if contexts[name]!.count == 0 { dropToZero(name, level: 0) }
                text.call("FltReleaseContext \(name)", "-")
            }
        }
        _ = drain()
        for (_, name) in streams.sorted(by: { $0.key < $1.key }) {
            contexts[name]!.stream = nil
            dropToZero(name, level: 0)
        }
        streams = [:]
        text.call("FltUnregisterFilter filter", "-")
        for name in contexts.keys.sorted() {
            text.expect(name, "cleanups", cleanups(name))
            text.expect(name, "live", "FALSE")
        }
        text.reboot()
        boot()
    }
}
