import TestSupport

/// The model's generator: SplitMix64, fixed by `SCARD_MODEL_SEED`.
typealias SeededGenerator = SplitMix64

extension SplitMix64 {
    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Double) -> Bool {
        Double.random(in: 0..<100, using: &self) < percent
    }

    /// A random element; nil when the collection is empty.
    mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[Int.random(in: 0..<items.count, using: &self)]
    }
}
