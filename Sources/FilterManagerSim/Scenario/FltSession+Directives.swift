import ContextCore
import ScenarioKit

extension FltSession {
    /// Runs one directive line: objects made or torn down, the IRQL, the work queue.
    mutating func perform(_ directive: ScenarioDirective) throws(ScenarioRuntimeError) -> LineOutcome {
        do {
            return try execute(directive, words: directive.words)
        } catch let error as FltSetupError {
            throw ScenarioRuntimeError(column: 1, message: error.message)
        } catch let error as ScenarioRuntimeError {
            throw error
        } catch {
            throw ScenarioRuntimeError(column: 1, message: "\(error)")
        }
    }

    private mutating func execute(_ directive: ScenarioDirective, words: [String]) throws -> LineOutcome {
        let machine = self.machine
        switch directive.name {
        case "filter":
            let pending = pendingRegistrations
            var status = NTStatus.success
            let outcome = try create(words[0]) { () throws(FltSetupError) in
                let filter = OutParameter<FltObject?>()
                status = try machine.registerFilter(named: words[0], contextRegistrations: pending, filter: filter)
                return filter.value
            }
            pendingRegistrations = []
            return status == .success ? LineOutcome(returned: status.description, status: status, bound: outcome.bound)
                : LineOutcome(returned: status.description, status: status, notes: ["FltRegisterFilter failed as a whole: no filter is registered"])
        case "register":
            let entry = try registration(words)
            guard machine.filterObject != nil else {
                pendingRegistrations.append(entry)
                return LineOutcome(returned: "-", notes: ["entry \(pendingRegistrations.count) of the array @filter registers"])
            }
            let status = try machine.addRegistration(entry)
            return LineOutcome(returned: status.description, status: status)
        case "verifier":
            guard words[0] == "on" || words[0] == "off" else { throw FltSetupError("@verifier takes 'on' or 'off'") }
            machine.verifier = words[0] == "on"
            return LineOutcome(returned: words[0])
        case "volume":
            guard words.count == 1 || words[1] == "nostreamcontexts" else {
                throw FltSetupError("@volume takes a name and optionally 'nostreamcontexts', found \(ScenarioToken.quoted(words[1]))")
            }
            return try create(words[0]) { () throws(FltSetupError) in
                machine.mountVolume(named: words[0], supportsStreamContexts: words.count == 1)
            }
        case "instance":
            let volume = try existing(words[1])
            return try create(words[0]) { () throws(FltSetupError) in try machine.attachInstance(named: words[0], to: volume) }
        case "file":
            let volume = try existing(words[1])
            return try create(words[0]) { () throws(FltSetupError) in try machine.createFile(named: words[0], on: volume) }
        case "stream":
            let parent = try existing(words[1])
            return try create(words[0]) { () throws(FltSetupError) in try machine.createStream(named: words[0], in: parent) }
        case "open":
            let stream = try existing(words[1])
            return try create(words[0]) { () throws(FltSetupError) in try machine.openHandle(named: words[0], on: stream) }
        case "transaction":
            return try create(words[0]) { () throws(FltSetupError) in machine.beginTransaction(named: words[0]) }
        case "close", "detach", "dismount", "commit", "rollback":
            return try tearDown(directive.name, words[0])
        case "irql":
            let named = IRQL.named.first { $0.name == words[0] }.map { UInt64($0.level.rawValue) }
            guard let value = named ?? UInt64(words[0]), value <= 31 else {
                throw FltSetupError("unknown IRQL \(ScenarioToken.quoted(words[0])): use PASSIVE_LEVEL, APC_LEVEL, DISPATCH_LEVEL or 0-31")
            }
            machine.setIRQL(IRQL(rawValue: UInt8(value)))
            return LineOutcome(returned: machine.irql.description)
        case "step":
            let freed = machine.runWorkItem()
            var outcome = LineOutcome(returned: freed == nil ? "0" : "1", count: freed == nil ? 0 : 1)
            if freed == nil { outcome.notes.append("the work queue is empty") }
            return outcome
        case "drain":
            let count = machine.runAllWorkItems().count
            return LineOutcome(returned: "\(count)", count: count)
        case "lowmemory":
            guard words[0] == "on" || words[0] == "off" else { throw FltSetupError("@lowmemory takes 'on' or 'off'") }
            machine.lowMemory = words[0] == "on"
            return LineOutcome(returned: words[0])
        default:
            throw FltSetupError("unknown directive @\(ScenarioToken.bounded(directive.name))")
        }
    }

    /// Makes an object and binds its name (nothing is bound when `make` gives none); a name already
    /// in use is an error.
    private mutating func create(
        _ name: String, _ make: () throws(FltSetupError) -> FltObject?
    ) throws(FltSetupError) -> LineOutcome {
        guard ScenarioToken.isName(name) else { throw FltSetupError("\(ScenarioToken.quoted(name)) is not a name") }
        guard bindings[name] == nil else { throw FltSetupError("the name \(ScenarioToken.quoted(name)) is already in use") }
        var outcome = LineOutcome.void
        if let object = try make() { bind(name, .object(object), into: &outcome) }
        return outcome
    }

    private func existing(_ name: String) throws(FltSetupError) -> FltObject {
        guard case .object(let object)? = bindings[name] else { throw FltSetupError("no object named \(ScenarioToken.quoted(name))") }
        return object
    }

    private mutating func tearDown(_ verb: String, _ name: String) throws -> LineOutcome {
        let object = try existing(name)
        let kinds: [String: [FltObjectKind]] = [
            "close": [.streamHandle, .stream, .file], "detach": [.instance], "dismount": [.volume],
            "commit": [.transaction], "rollback": [.transaction],
        ]
        guard kinds[verb]?.contains(object.kind) == true else {
            throw FltSetupError("@\(verb) does not apply to the \(object.kind) \(name)")
        }
        let unlinked = try machine.tearDown(object)
        var outcome = LineOutcome.void
        outcome.notes = unlinked.map {
            "\(describe($0.context)) unlinked from the \($0.object.kind) \(machine.name(of: $0.object)), the link's reference dropped"
        }
        return outcome
    }

    /// `@register TYPE SIZE [POOL] TAG [CLEANUP] [flags=FLAGS] [allocate=NAME] [free=NAME]`.
    private func registration(_ allWords: [String]) throws(FltSetupError) -> ContextRegistration {
        var words: [String] = []
        var options: [String: String] = [:]
        for word in allWords {
            if let equals = word.firstIndex(of: "="), words.count >= 3 {
                let key = String(word[..<equals])
                guard ["flags", "allocate", "free"].contains(key), options[key] == nil else {
                    throw FltSetupError("@register takes flags=, allocate= and free= once each, found \(ScenarioToken.quoted(word))")
                }
                options[key] = String(word[word.index(after: equals)...])
            } else {
                guard options.isEmpty else { throw FltSetupError("flags=, allocate= and free= come last in @register") }
                words.append(word)
            }
        }
        var flags: UInt32 = 0
        if let text = options["flags"] {
            for name in text.split(separator: "|") {
                switch name {
                case "FLTFL_CONTEXT_REGISTRATION_NO_EXACT_SIZE_MATCH": flags |= ContextRegistration.noExactSizeMatch
                case "0": break
                default:
                    guard let value = number(String(name)), value <= UInt64(UInt32.max) else {
                        throw FltSetupError("unknown registration flag \(ScenarioToken.quoted(name))")
                    }
                    flags |= UInt32(value)
                }
            }
        }
        var entry = try registrationEntry(words)
        entry.flags = flags
        entry.allocateCallback = options["allocate"].flatMap { $0 == "NULL" ? nil : $0 }
        entry.freeCallback = options["free"].flatMap { $0 == "NULL" ? nil : $0 }
        return entry
    }

    /// `TYPE SIZE [POOL] TAG [CLEANUP]`.
    private func registrationEntry(_ words: [String]) throws(FltSetupError) -> ContextRegistration {
        guard words.count >= 3 else { throw FltSetupError("@register takes TYPE SIZE [POOL] TAG [CLEANUP]") }
        let constants = FltScenarioConstants.table.values
        guard let type = constants[words[0]] ?? number(words[0]) else {
            throw FltSetupError("unknown context type \(ScenarioToken.quoted(words[0]))")
        }
        guard let size = constants[words[1]] ?? number(words[1]) else {
            throw FltSetupError("the size must be a number or FLT_VARIABLE_SIZED_CONTEXTS, found \(ScenarioToken.quoted(words[1]))")
        }
        var rest = Array(words.dropFirst(2))
        var pool: PoolType?
        if let first = rest.first, let named = PoolType.named.first(where: { $0.name == first }) {
            pool = named.pool
            rest.removeFirst()
        }
        guard let tagWord = rest.first, rest.count <= 2 else {
            throw FltSetupError("@register takes TYPE SIZE [POOL] TAG [CLEANUP]")
        }
        var tag = tagWord
        if tag.count >= 2, tag.hasPrefix("'"), tag.hasSuffix("'") { tag = String(tag.dropFirst().dropLast()) }
        if tag == "0" || tag == "NULL" { tag = "" }
        let contextType = ContextType(rawValue: UInt16(truncatingIfNeeded: type))
        var cleanup: String? = "\(ContextRegistration.stem(of: contextType))ContextCleanup"
        if rest.count == 2 { cleanup = rest[1] == "NULL" ? nil : rest[1] }
        return ContextRegistration(
            type: type > 0xFFFF ? ContextType(rawValue: 0) : contextType,
            size: size == ContextRegistration.variableSize ? nil : size, pool: pool, tag: tag, cleanup: cleanup)
    }

    private func number(_ word: String) -> UInt64? {
        if word.hasPrefix("0x") || word.hasPrefix("0X") { return UInt64(word.dropFirst(2), radix: 16) }
        return UInt64(word)
    }
}
