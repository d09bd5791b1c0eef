import Foundation
import TestSupport
import Testing

/// Random sequences of open, call, close, destroy, drop, reconnect and binding free, checked call
/// by call against the reference model. `SCARD_MODEL_CALLS` sets the number of random calls
/// (default 20,000) and `SCARD_MODEL_SEED` the seed (decimal or 0x hex).
@Suite("RPC model-based test")
struct ModelBasedTests {
    static let defaultCalls = 20_000
    static let defaultSeed: UInt64 = 0x5CA2_D007

    @Test("the simulator agrees with the model on every call, every rundown runs exactly once per unclosed context, and nothing leaks")
    func randomSequences() {
        let calls = ModelRunSettings.calls(default: Self.defaultCalls)
        let seed = ModelRunSettings.seed(default: Self.defaultSeed)
        var random = SplitMix64(seed: seed)
        var done = 0
        var sequences = 0
        var mismatches = 0
        var examples: [String] = []
        while done < calls {
            let length = min(Int.random(in: 1...120, using: &random), calls - done)
            var sequence = ModelSequence(clients: Int.random(in: 1...3, using: &random))
            sequence.run(calls: length, using: &random)
            done += length
            sequences += 1
            mismatches += sequence.mismatches.count
            for mismatch in sequence.mismatches.prefix(5) where examples.count < 20 {
                examples.append("sequence \(sequences): \(mismatch)")
            }
        }
        print("rpc model: \(done) calls, \(sequences) sequences, \(mismatches) mismatches")
        #expect(mismatches == 0, "seed 0x\(String(seed, radix: 16)), first mismatches:\n\(examples.joined(separator: "\n"))")
    }
}
