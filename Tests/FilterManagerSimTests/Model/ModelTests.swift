import Foundation
import FilterManagerSim
import TestSupport
import Testing

@Suite("Model-based test against the reference model")
struct ModelTests {
    /// How many random calls to make: `SCARD_MODEL_CALLS`, 20,000 by default.
    static var callBudget: Int { ModelRunSettings.calls(default: 20_000) }

    /// The seed of the random sequences: `SCARD_MODEL_SEED` (decimal or 0x hex), fixed by default.
    static var seed: UInt64 { ModelRunSettings.seed(default: 0x5CA2_D0F1) }

    @Test("random allocate/set/get/reference/release/delete/teardown at random IRQLs match the model")
    func randomSequences() throws {
        var random = SeededGenerator(seed: Self.seed)
        var checker = ModelChecker()
        var calls = 0
        var sequences = 0
        while calls < Self.callBudget {
            sequences += 1
            var world = try ModelWorld()
            let length = min(Int.random(in: 1...300, using: &random), Self.callBudget - calls)
            for index in 0..<length {
                checker.position = "sequence \(sequences) call \(index + 1)"
                world.randomCall(&random, &checker)
                calls += 1
                if world.model.crashed { break }
            }
            checker.position = "sequence \(sequences) end"
            finish(&world, &checker)
        }
        print("flt model: \(calls) calls, \(sequences) sequences, \(checker.mismatches) mismatches")
        #expect(checker.mismatches == 0, "seed \(Self.seed): \(checker.firstMismatches.joined(separator: "\n"))")
    }

    /// Ends a sequence: a stopped machine must stay stopped; otherwise unregister (the leaks
    /// reported must be exactly the references the model says are held), release what is left,
    /// and check that nothing is live and every context was cleaned up exactly once.
    private func finish(_ world: inout ModelWorld, _ checker: inout ModelChecker) {
        if world.model.crashed {
            var stillStopped = false
            do { try world.machine.releaseContext(nil) } catch { stillStopped = true }
            checker.expect(stillStopped, "a call after the bug check did not report it")
            checker.expect(world.cleaned.isSubset(of: world.allocated), "cleanups for unknown contexts")
            return
        }
        world.machine.setIRQL(.passive)
        world.model.irql = .passive
        let prediction = world.model.unregister()
        var stopped = false
        do { try world.machine.unregisterFilter(world.filter) } catch { stopped = true }
        checker.compare("FltUnregisterFilter", prediction, status: nil, value: nil, bugCheck: stopped, world: &world)
        let held = world.model.contexts.filter { $0.value.state == .live }.sorted { $0.key.rawValue < $1.key.rawValue }
        for (handle, context) in held {
            for _ in 0..<context.callerReferences {
                let release = world.model.release(handle)
                do { try world.machine.releaseContext(handle) } catch { stopped = true }
                checker.compare("final FltReleaseContext", release, status: nil, value: nil, bugCheck: stopped, world: &world)
            }
        }
        checker.expect(world.machine.table.liveCount() == 0, "\(world.machine.table.liveCount()) context(s) live after unregister")
        checker.expect(world.cleaned == world.allocated, "\(world.allocated.count) allocated, \(world.cleaned.count) cleaned up")
    }
}
