import Foundation

/// SplitMix64: a small, fast generator whose sequence is fixed by its seed, so a failing model run
/// can be replayed with the same `SCARD_MODEL_SEED`.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The settings of a model-based run, from the environment, so a script can run a million calls.
public enum ModelRunSettings {
    /// How many random calls to make: `SCARD_MODEL_CALLS`, else `defaultCalls`.
    public static func calls(default defaultCalls: Int) -> Int {
        guard let text = ProcessInfo.processInfo.environment["SCARD_MODEL_CALLS"], let calls = Int(text) else {
            return defaultCalls
        }
        return max(1, calls)
    }

    /// The seed: `SCARD_MODEL_SEED` (decimal or 0x hex), else `defaultSeed`.
    public static func seed(default defaultSeed: UInt64) -> UInt64 {
        guard let text = ProcessInfo.processInfo.environment["SCARD_MODEL_SEED"]?.lowercased(), !text.isEmpty else {
            return defaultSeed
        }
        if text.hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) ?? defaultSeed }
        return UInt64(text) ?? defaultSeed
    }
}
