import ContextCore
import CryptoAPISim
import Foundation
import TestSupport
import Testing

@Suite("Model-based: random call sequences against a reference model of the reference counts")
struct ModelBasedTests {
    /// Runs random sequences until `calls` API calls were made; counts the calls, sequences and
    /// disagreements with the reference model.
    final class Run {
        let simulator = CryptSimulator(userName: "model", ledgerCapacity: 256)
        var rng: SplitMix64
        var model = ReferenceModel()
        var calls = 0
        var sequences = 0
        var mismatches: [String] = []
        var mismatchCount = 0
        /// Handles seen before, now freed: the model says every use of them fails.
        var dead: [UInt64] = []
        let thread: CryptThread

        init(seed: UInt64) {
            rng = SplitMix64(seed: seed)
            thread = simulator.main
        }

        func check(_ what: String, _ ok: Bool, _ expected: ReferenceModel.Expected) {
            calls += 1
            let actual: ReferenceModel.Expected = ok ? .success : .failure(thread.lastError)
            if actual != expected { mismatch("\(what): \(actual), model says \(expected)") }
            if simulator.table.liveCount() != model.live {
                mismatch("after \(what): \(simulator.table.liveCount()) live, model says \(model.live)")
            }
        }

        func mismatch(_ text: String) {
            mismatchCount += 1
            if mismatches.count < 10 { mismatches.append("sequence \(sequences): \(text)") }
        }

        /// A handle to use: usually a live one, sometimes a dead, foreign, NULL or made-up one. Pools
        /// are sorted so a seed always gives the same run.
        func anyHandle() -> UInt64 {
            let pools: [[UInt64]] = [model.contexts.keys.sorted(), model.keys.keys.sorted(), model.hashes.keys.sorted()]
            switch Int.random(in: 0..<20, using: &rng) {
            case 0: return 0
            case 1: return UInt64.random(in: 1...UInt64.max, using: &rng)
            case 2...4: return dead.randomElement(using: &rng) ?? 0
            default:
                let pool = pools[Int.random(in: 0..<3, using: &rng)]
                return pool.randomElement(using: &rng) ?? (model.contexts.keys.sorted().randomElement(using: &rng) ?? 0)
            }
        }

        func bury(_ handles: [UInt64]) {
            dead.append(contentsOf: handles)
            if dead.count > 64 { dead.removeFirst(dead.count - 64) }
        }

        func step() {
            let liveBefore = Set(model.contexts.keys).union(model.keys.keys).union(model.hashes.keys)
            switch Int.random(in: 0..<13, using: &rng) {
            case 0:
                let out = OutParameter<HCRYPTPROV?>(nil)
                let ok = thread.acquireContext(out, container: nil, provider: nil, type: PROV_RSA_AES, flags: CRYPT_VERIFYCONTEXT)
                if ok { model.acquired(raw(out.value)) }
                check("acquire verify", ok, .success)
            case 1:
                let name = ["a", "b", "c"].randomElement(using: &rng) ?? "a"
                let flags: DWORD = [0, CRYPT_NEWKEYSET, CRYPT_DELETEKEYSET].randomElement(using: &rng) ?? 0
                let expected = model.acquire(container: name, flags: flags)
                let out = OutParameter<HCRYPTPROV?>(nil)
                let ok = thread.acquireContext(out, container: name, provider: nil, type: PROV_RSA_AES, flags: flags)
                if ok && flags != CRYPT_DELETEKEYSET { model.acquired(raw(out.value)) }
                if ok && flags == CRYPT_DELETEKEYSET && out.value != nil { mismatch("DELETEKEYSET left *phProv \(raw(out.value))") }
                check("acquire \(name) flags \(flags)", ok, expected)
            case 2, 3:
                let handle = anyHandle()
                let expected = model.addRef(handle)
                let ok = thread.contextAddRef(opaque(handle), reserved: 0, flags: 0)
                if ok { model.appliedAddRef(handle) }
                check("addref", ok, expected)
            case 4, 5, 6:
                let handle = anyHandle()
                let flags: DWORD = [0, 0, 0, 1, ~0].randomElement(using: &rng) ?? 0
                let expected = model.release(handle, flags: flags)
                check("release flags \(flags)", thread.releaseContext(opaque(handle), flags: flags), expected)
            case 7:
                let handle = anyHandle()
                let expected = model.makeChild(of: handle)
                let out = OutParameter<HCRYPTKEY?>(nil)
                let ok = thread.genKey(opaque(handle), algid: CALG_RC4, flags: 0, out)
                if ok { model.madeKey(raw(out.value), of: handle) }
                check("genkey", ok, expected)
            case 8:
                let handle = anyHandle()
                let expected = model.makeChild(of: handle)
                let out = OutParameter<HCRYPTHASH?>(nil)
                let ok = thread.createHash(opaque(handle), algid: CALG_SHA1, nil, flags: 0, out)
                if ok { model.madeHash(raw(out.value), of: handle) }
                check("createhash", ok, expected)
            case 9:
                let hash = anyHandle()
                let expected = model.hashData(hash)
                check("hashdata", thread.hashData(opaque(hash), [1, 2, 3], flags: 0), expected)
            case 10:
                let hash = anyHandle()
                let expected = model.readValue(hash)
                check("getvalue", thread.getHashParam(opaque(hash), param: HP_HASHVAL, OutParameter([]), OutParameter(64), flags: 0), expected)
            case 11:
                let (hash, key) = (anyHandle(), anyHandle())
                let expected = model.hashSessionKey(hash, key)
                check("hashsessionkey", thread.hashSessionKey(opaque(hash), opaque(key), flags: 0), expected)
            default:
                let handle = anyHandle()
                if Bool.random(using: &rng) {
                    let expected = model.destroyKey(handle)
                    check("destroykey", thread.destroyKey(opaque(handle)), expected)
                } else {
                    let expected = model.destroyHash(handle)
                    check("destroyhash", thread.destroyHash(opaque(handle)), expected)
                }
            }
            let liveAfter = Set(model.contexts.keys).union(model.keys.keys).union(model.hashes.keys)
            bury(liveBefore.subtracting(liveAfter).sorted())
        }

        /// Releases every live context as often as its count says; the ledger must end at 0 live.
        func finish() {
            for handle in model.contexts.keys.sorted() {
                for _ in 0..<(model.contexts[handle]?.count ?? 0) {
                    let expected = model.release(handle, flags: 0)
                    check("final release", thread.releaseContext(opaque(handle), flags: 0), expected)
                }
            }
            bury((Array(model.keys.keys) + Array(model.hashes.keys)).sorted())
            model.keys = [:]
            model.hashes = [:]
            if simulator.table.liveCount() != 0 {
                mismatch("leak: \(simulator.table.liveResources().map(\.description)) after the final release")
            }
        }

        func run(calls target: Int) {
            while calls < target {
                sequences += 1
                let length = Int.random(in: 1...80, using: &rng)
                for _ in 0..<length where calls < target { step() }
                finish()
            }
        }
    }

    @Test("thousands of random call sequences: no crash, no disagreement with the model, 0 live after a final release")
    func randomSequences() {
        let calls = ModelRunSettings.calls(default: 20_000)
        let seed = ModelRunSettings.seed(default: 0x5CA7_D000)
        let run = Run(seed: seed)
        run.run(calls: calls)
        print("crypt model: \(run.calls) calls, \(run.sequences) sequences, \(run.mismatchCount) mismatches")
        for text in run.mismatches { Issue.record(Comment(rawValue: text)) }
        #expect(run.mismatchCount == 0)
        #expect(run.calls >= calls)
        #expect(run.sequences > 1)
        #expect(run.simulator.table.liveCount() == 0)
    }
}
