/// A reference to a resource in a ``HandleTable``: a slot index and the generation the slot had when
/// the resource was allocated.
///
/// When a resource is freed its slot's generation advances, so a handle kept after the free no
/// longer matches and is reported as stale instead of reaching whatever the slot holds next.
public struct Handle: Hashable, Sendable, CustomStringConvertible {
    /// The index of the slot in the table.
    public let slot: UInt32
    /// The generation of the slot when this handle was issued.
    public let generation: UInt32

    /// Creates a handle from its parts.
    public init(slot: UInt32, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }

    /// Creates a handle from the opaque integer form given out to API users; 0 is never a handle.
    public init?(rawValue: UInt64) {
        let low = UInt32(truncatingIfNeeded: rawValue)
        guard low != 0 else { return nil }
        self.init(slot: low - 1, generation: UInt32(truncatingIfNeeded: rawValue >> 32))
    }

    /// The opaque non-zero integer form of the handle, as a simulator hands it to its callers.
    public var rawValue: UInt64 {
        UInt64(generation) << 32 | UInt64(slot &+ 1)
    }

    /// A short form for traces: slot and generation.
    public var description: String {
        "\(slot).\(generation)"
    }
}
