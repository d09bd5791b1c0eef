import Synchronization

/// A caller's variable that a call writes through: the model of a C out-parameter (`T*`) for every
/// simulator.
///
/// Where C takes `HCRYPTPROV *phProv` or `PFLT_CONTEXT *OldContext`, the simulators take
/// `OutParameter<HCRYPTPROV?>` (the pointer must not be NULL) or `OutParameter<FltContext?>?`
/// (the caller may pass NULL: `nil`), so a call site reads as the C does: make the variable, pass
/// it, read ``value`` afterwards. The box is thread-safe, so a call can run, or stop half-way, on
/// another simulated thread while the caller holds the variable.
public final class OutParameter<Value: Sendable>: Sendable {
    private let storage: Mutex<Value>

    /// Creates a variable holding `initial`.
    public init(_ initial: Value) {
        storage = Mutex(initial)
    }

    /// The variable's current value.
    public var value: Value {
        get { storage.withLock { $0 } }
        set { storage.withLock { $0 = newValue } }
    }
}

extension OutParameter {
    /// Creates a pointer variable holding NULL, as `HCRYPTKEY hKey = 0;` declares one.
    public convenience init<Wrapped>() where Value == Wrapped? {
        self.init(nil)
    }
}
