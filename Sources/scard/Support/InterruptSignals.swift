import Dispatch
import Foundation
import Synchronization

/// Catches Ctrl-C (SIGINT) and SIGTERM while a blocking wait runs (`watch`), and calls a handler
/// that cancels the wait; commands that only need to stop between calls use `BlockedInterrupts`.
final class InterruptSignals: @unchecked Sendable {
    // The sources are set once and only cancelled afterwards; Dispatch synchronizes them.
    private let sources: [any DispatchSourceSignal]
    private let didFire = Mutex(false)
    private let handled = DispatchSemaphore(value: 0)

    /// Starts catching the signals; `onFirst` runs once, on the first one, to cancel the wait.
    init(onFirst: @escaping @Sendable () -> Void) {
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            sources.append(DispatchSource.makeSignalSource(signal: signalNumber, queue: .global()))
        }
        self.sources = sources
        for source in sources {
            source.setEventHandler { [self] in
                let first = self.didFire.withLock { fired in
                    defer { fired = true }
                    return !fired
                }
                guard first else { return }
                onFirst()
                self.handled.signal()
            }
            source.resume()
        }
    }

    /// Whether a signal arrived.
    var fired: Bool {
        didFire.withLock { $0 }
    }

    /// Stops catching and restores the default handlers; after a signal, first lets its handler
    /// finish (so a cancel call it makes is traced before the process ends).
    func stop() {
        if fired { _ = handled.wait(timeout: .now() + 2) }
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
