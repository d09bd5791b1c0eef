import Synchronization

/// A command's progress, written by the thread running it and read by the run guard's watchdog.
final class SharedProgress<Value: Sendable>: Sendable {
    private let value: Mutex<Value>

    /// Starts at `initial`.
    init(_ initial: Value) {
        value = Mutex(initial)
    }

    /// The progress now.
    var current: Value {
        value.withLock { $0 }
    }

    /// Changes the progress.
    func update(_ change: (inout Value) -> Void) {
        value.withLock { change(&$0) }
    }
}
