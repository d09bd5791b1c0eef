import Foundation

/// Holds Ctrl-C (SIGINT) and SIGTERM pending while a command runs a sequence of calls (a script,
/// several APDUs, repeated cycles), so that it can check for them between calls and stop cleanly,
/// without a signal handler or a thread: a call in progress is never interrupted, and the signal
/// is taken once the run has stopped.
final class BlockedInterrupts: Sendable {
    private let previous: sigset_t

    /// Blocks the two signals in this thread and in the threads it starts from now on.
    init() {
        var signals = Self.signals
        var old = sigset_t()
        pthread_sigmask(SIG_BLOCK, &signals, &old)
        previous = old
    }

    /// SIGINT and SIGTERM.
    private static var signals: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        return set
    }

    /// Whether one of the signals is waiting.
    var pending: Bool {
        var waiting = sigset_t()
        sigpending(&waiting)
        return sigismember(&waiting, SIGINT) == 1 || sigismember(&waiting, SIGTERM) == 1
    }

    /// Takes any waiting signal (the run has already stopped for it) and restores the signal mask.
    func stop() {
        var signals = Self.signals
        var none = timespec()
        while pending, sigtimedwait(&signals, nil, &none) > 0 {}
        var old = previous
        pthread_sigmask(SIG_SETMASK, &old, nil)
    }
}
