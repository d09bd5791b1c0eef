import ContextCore
@preconcurrency import Glibc
import Synchronization

/// Set by the shell's SIGINT handler; cleared by whoever acts on it.
private let interruptFlag = Atomic<Bool>(false)

/// How many calls the shell has left to themselves; a call's output is printed only while it is
/// the same as when the call started.
private let abandonedCalls = Atomic<Int>(0)

/// Ctrl-C in the shell: a SIGINT handler without `SA_RESTART`, so that a read waiting for the
/// terminal returns (the line being typed is dropped), and card calls run on a thread of their own
/// that the shell stops waiting for when Ctrl-C arrives.
enum ShellInterrupt {
    /// Installs the handler (replacing the run guard's, which would end the process).
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptFlag.store(true, ordering: .relaxed) }
        action.sa_flags = 0
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Whether Ctrl-C arrived since the last ``clear()``.
    static var isSet: Bool { interruptFlag.load(ordering: .relaxed) }

    /// The count of abandoned calls, read when a call starts.
    static var generation: Int { abandonedCalls.load(ordering: .acquiring) }

    /// Notes that the call in progress was left to itself: what it prints from now on is dropped.
    static func abandonCurrentCall() {
        abandonedCalls.add(1, ordering: .releasing)
    }

    /// Forgets an earlier Ctrl-C.
    static func clear() {
        interruptFlag.store(false, ordering: .relaxed)
    }

    /// Runs `body` on a thread of its own and waits for it; nil when Ctrl-C came first (the call
    /// is left to finish or fail by itself, and its result is dropped). The thread blocks SIGINT so
    /// that the signal always reaches the waiting thread.
    static func run<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T? {
        let shared = Shared<T>()
        let started = DetachedThread.start {
            var signals = sigset_t()
            sigemptyset(&signals)
            sigaddset(&signals, SIGINT)
            pthread_sigmask(SIG_BLOCK, &signals, nil)
            let value = body()
            shared.finish(value)
        }
        guard started else { return body() }
        while !shared.isDone {
            if isSet { return nil }
            usleep(5_000)
        }
        return shared.take()
    }

    /// The result slot a worker thread fills, shared with the waiting thread.
    private final class Shared<T: Sendable>: Sendable {
        private let box = Mutex<T?>(nil)
        private let done = Atomic<Bool>(false)

        var isDone: Bool { done.load(ordering: .acquiring) }

        func finish(_ value: T) {
            box.withLock { $0 = value }
            done.store(true, ordering: .releasing)
        }

        func take() -> T? {
            box.withLock { $0 }
        }
    }
}
