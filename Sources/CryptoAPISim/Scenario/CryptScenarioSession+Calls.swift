import FoundationEssentials
import ScenarioKit
import ContextCore

extension CryptScenarioSession {
    /// A resolved call, ready to run on a simulated thread.
    typealias Invocation = @Sendable (CryptThread) -> CryptOutcome

    /// Runs a call line on the current thread (on its own OS thread when a pause is armed).
    mutating func perform(_ call: ScenarioCall, line: Int) throws(ScenarioRuntimeError) -> CryptOutcome {
        let name = calls.function(named: call.function)?.name ?? call.function
        let outputs = calls.function(named: call.function)?.outputs.count ?? 0
        if let busy = pending[thread] {
            throw ScenarioRuntimeError(
                column: call.functionColumn,
                message: "\(thread) is still inside \(busy.function) (line \(busy.line)): '@resume \(thread)' first")
        }
        let invocation = try prepare(call, name: name, outputs: outputs)
        let caller = simulator.thread(thread)
        guard let pause = armed.removeValue(forKey: thread) else {
            return bind(invocation(caller), to: call.bindings)
        }
        let box = OutParameter<CryptOutcome?>(nil)
        DetachedThread.start {
            box.value = invocation(caller)
            pause.markFinished()
        }
        switch pause.waitForStop() {
        case .paused(let point):
            pending[thread] = PendingCall(
                line: line, function: call.function, expectation: call.expectation, pause: pause, result: box,
                bindings: call.bindings)
            return CryptOutcome(
                kind: .pending(point), notes: ["\(thread) stopped \(point); '@resume \(thread)' lets it finish"])
        case .finished, .timedOut:
            simulator.disarmPause(on: thread)
            _ = pause.waitUntilFinished()
            var outcome = box.value ?? CryptOutcome(kind: .void, notes: ["the call did not return"])
            outcome.notes.append("the call ended without reaching its pause point")
            return bind(outcome, to: call.bindings)
        }
    }

    /// Stores what a call wrote through its out-parameters under the line's names.
    mutating func bind(_ outcome: CryptOutcome, to bindings: [String]) -> CryptOutcome {
        var outcome = outcome
        for (index, name) in bindings.enumerated() where !Self.isNull(name) && index < outcome.values.count {
            switch outcome.values[index] {
            case .handle(let value)?:
                names[name] = value
                outcome.bound[name] = display(handle: value)
            case .length(let value)?:
                names[name] = UInt64(value)
                outcome.bound[name] = String(value)
            case .bytes(let bytes)?:
                buffers[name] = bytes
                outcome.bound[name] = Self.display(bytes: bytes)
            case nil:
                break
            }
        }
        return outcome
    }

    /// Resolves a call's arguments into an invocation; throws when one does not resolve.
    func prepare(_ call: ScenarioCall, name: String, outputs: Int) throws(ScenarioRuntimeError) -> Invocation {
        let args = call.arguments
        let nullOut = (0..<outputs).map { $0 < call.bindings.count && Self.isNull(call.bindings[$0]) }
        let previous = call.bindings.first.flatMap { names[$0] } ?? 0
        switch name {
        case "CryptAcquireContext":
            let (container, provider) = (try string(args[0]), try string(args[1]))
            let (type, flags) = (try dword(args[2]), try dword(args[3]))
            return { t in
                let out = nullOut[0] ? nil : OutParameter(HCRYPTPROV(rawValue: previous))
                let ok = t.acquireContext(out, container: container, provider: provider, type: type, flags: flags)
                return Self.outcome(ok, t, values: [out.map { .handle($0.value?.rawValue ?? 0) }])
            }
        case "CryptContextAddRef":
            let (prov, reserved, flags) = (try handle(args[0], as: HCRYPTPROV.self), try handle(args[1]), try dword(args[2]))
            return { t in Self.outcome(t.contextAddRef(prov, reserved: reserved, flags: flags), t) }
        case "CryptReleaseContext":
            let (prov, flags) = (try handle(args[0], as: HCRYPTPROV.self), try dword(args[1]))
            return { t in Self.outcome(t.releaseContext(prov, flags: flags), t) }
        case "CryptGenKey", "CryptDeriveKey":
            let prov = try handle(args[0], as: HCRYPTPROV.self)
            let algid = try dword(args[1])
            let derive = name == "CryptDeriveKey"
            let hash = derive ? try handle(args[2], as: HCRYPTHASH.self) : nil
            let flags = try dword(args[derive ? 3 : 2])
            return { t in
                let out = nullOut[0] ? nil : OutParameter(HCRYPTKEY(rawValue: previous))
                let ok = derive
                    ? t.deriveKey(prov, algid: algid, hash, flags: flags, out)
                    : t.genKey(prov, algid: algid, flags: flags, out)
                return Self.outcome(ok, t, values: [out.map { .handle($0.value?.rawValue ?? 0) }])
            }
        case "CryptGetUserKey":
            let (prov, spec) = (try handle(args[0], as: HCRYPTPROV.self), try dword(args[1]))
            return { t in
                let out = nullOut[0] ? nil : OutParameter(HCRYPTKEY(rawValue: previous))
                let ok = t.getUserKey(prov, keySpec: spec, out)
                return Self.outcome(ok, t, values: [out.map { .handle($0.value?.rawValue ?? 0) }])
            }
        case "CryptCreateHash":
            let (prov, algid) = (try handle(args[0], as: HCRYPTPROV.self), try dword(args[1]))
            let (key, flags) = (try handle(args[2], as: HCRYPTKEY.self), try dword(args[3]))
            return { t in
                let out = nullOut[0] ? nil : OutParameter(HCRYPTHASH(rawValue: previous))
                let ok = t.createHash(prov, algid: algid, key, flags: flags, out)
                return Self.outcome(ok, t, values: [out.map { .handle($0.value?.rawValue ?? 0) }])
            }
        case "CryptHashData":
            let (hash, bytes, flags) = (try handle(args[0], as: HCRYPTHASH.self), try data(args[1]), try dword(args[2]))
            return { t in Self.outcome(t.hashData(hash, bytes, flags: flags), t) }
        case "CryptHashSessionKey":
            let (hash, key, flags) = (try handle(args[0], as: HCRYPTHASH.self), try handle(args[1], as: HCRYPTKEY.self), try dword(args[2]))
            return { t in Self.outcome(t.hashSessionKey(hash, key, flags: flags), t) }
        case "CryptDestroyKey", "CryptDestroyHash":
            let target = try handle(args[0])
            let isKey = name == "CryptDestroyKey"
            return { t in
                Self.outcome(isKey ? t.destroyKey(HCRYPTKEY(rawValue: target)) : t.destroyHash(HCRYPTHASH(rawValue: target)), t)
            }
        case "CryptGetHashParam":
            let (hash, param, flags) = (try handle(args[0], as: HCRYPTHASH.self), try dword(args[1]), try dword(args[2]))
            let room = args.count > 3 ? try dword(args[3]) : 1024
            return { t in
                let data = nullOut[0] ? nil : OutParameter<[UInt8]>([])
                let length = nullOut[1] ? nil : OutParameter<DWORD>(room)
                let ok = t.getHashParam(hash, param: param, data, length, flags: flags)
                return Self.outcome(
                    ok, t, output: ok ? data?.value : nil,
                    values: [ok ? data.map { .bytes($0.value) } : nil, length.map { .length($0.value) }])
            }
        case "CryptEncrypt", "CryptDecrypt":
            return try prepareCipher(call, name: name, nullOut: nullOut)
        case "SetLastError":
            let code = try dword(args[0])
            return { t in
                t.setLastError(CryptError(rawValue: code))
                return CryptOutcome(kind: .void)
            }
        default:
            return { t in CryptOutcome(kind: .lastError(t.lastError), lastError: t.lastError) }
        }
    }

    private func prepareCipher(_ call: ScenarioCall, name: String, nullOut: [Bool]) throws(ScenarioRuntimeError)
        -> Invocation
    {
        let args = call.arguments
        let (key, hash) = (try handle(args[0], as: HCRYPTKEY.self), try handle(args[1], as: HCRYPTHASH.self))
        let (final, flags) = (try dword(args[2]), try dword(args[3]))
        let bytes = try data(args[4])
        let encrypt = name == "CryptEncrypt"
        let room = args.count > 5 ? try dword(args[5]) : DWORD(truncatingIfNeeded: bytes.count + 16)
        return { t in
            let buffer = nullOut[0] ? nil : OutParameter(bytes)
            let length = nullOut[1] ? nil : OutParameter(DWORD(truncatingIfNeeded: bytes.count))
            let ok = encrypt
                ? t.encrypt(key, hash, final: final != 0, flags: flags, buffer, length, bufferLength: room)
                : t.decrypt(key, hash, final: final != 0, flags: flags, buffer, length)
            return Self.outcome(
                ok, t, output: ok ? buffer?.value : nil,
                values: [ok ? buffer.map { .bytes($0.value) } : nil, length.map { .length($0.value) }])
        }
    }

    /// The outcome of a BOOL call on thread `t`.
    static func outcome(_ ok: Bool, _ t: CryptThread, output: [UInt8]? = nil, values: [CryptOutcome.Value?] = [])
        -> CryptOutcome
    {
        CryptOutcome(kind: .bool(ok), values: values, lastError: t.lastError, output: output)
    }
}
