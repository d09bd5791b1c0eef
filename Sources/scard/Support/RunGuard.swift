@preconcurrency import Glibc
import PCSC
import Synchronization
import ContextCore

/// The signal the handler saw (SIGINT or SIGTERM), 0 for none: the one thing the handler touches.
private let receivedSignal = Atomic<Int32>(0)

/// Keeps every command that talks to pcscd from hanging: Ctrl-C (SIGINT) and SIGTERM are caught
/// and checked by the command between its steps (finishing the exchange in progress), and a watchdog
/// thread ends the run itself when the command cannot stop: a PC/SC call past its deadline
/// (pcscd or the card stopped), or a signal the command has not acted on within half a second.
/// Then it prints what the command registered (its summary), writes one error line naming the call
/// and the step, and exits at once with 7 or 130; pcscd cleans up after the vanished client.
final class RunGuard: Sendable {
    /// The one guard of the process.
    static let shared = RunGuard()

    /// The calls in flight, shared by every resource manager of the run.
    let calls = PendingCalls()

    /// How long the command has to stop by itself after a signal, in seconds.
    static let grace = 0.5
    /// How often the watchdog looks, in microseconds.
    static let pollMicroseconds: useconds_t = 50_000

    /// What the guard keeps between the command and the watchdog.
    struct State {
        var started = false
        var deadlines = Deadlines()
        var nextID = 0
        var reporters: [(id: Int, report: @Sendable (Abandonment) -> RunProgress)] = []
        var stopActions: [(id: Int, action: @Sendable () -> Void)] = []
        var exiting = false
        var stopActionsRunning = 0
    }

    let state = Mutex(State())

    private init() {}

    /// Installs the signal handler and starts the watchdog, once; later calls change nothing.
    func start(deadlines: Deadlines) {
        let first = state.withLock { state in
            defer { state.started = true }
            if !state.started { state.deadlines = deadlines }
            return !state.started
        }
        guard first else { return }
        _ = receivedSignal.load(ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { number in receivedSignal.store(number, ordering: .relaxed) }
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        // A parent may have started scard with the signals blocked: take them in this thread, and
        // so in the threads it starts.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        DetachedThread.start { [self] in watch() }
    }

    /// Whether Ctrl-C or SIGTERM arrived: the command stops at its next step.
    var stopRequested: Bool {
        receivedSignal.load(ordering: .relaxed) != 0
    }

    /// The deadlines in force.
    var deadlines: Deadlines {
        state.withLock { $0.deadlines }
    }

    /// Registers `report` until ``Registration/end()``: if the guard abandons the run meanwhile,
    /// `report` prints what the command would print at its end (a summary) and says where it was.
    func onAbandon(_ report: @escaping @Sendable (Abandonment) -> RunProgress) -> Registration {
        state.withLock { state in
            state.nextID += 1
            state.reporters.append((state.nextID, report))
            return Registration(id: state.nextID)
        }
    }

    /// Registers `action` until ``Registration/end()``, to end a blocking status wait (`SCardCancel`)
    /// when a signal arrives; it runs on a thread of its own, as it may block too.
    func onStop(_ action: @escaping @Sendable () -> Void) -> Registration {
        state.withLock { state in
            state.nextID += 1
            state.stopActions.append((state.nextID, action))
            return Registration(id: state.nextID)
        }
    }

    /// A registered reporter or stop action.
    struct Registration: Sendable {
        let id: Int

        /// Removes the registration.
        func end() {
            RunGuard.shared.state.withLock { state in
                state.reporters.removeAll { $0.id == id }
                state.stopActions.removeAll { $0.id == id }
            }
        }
    }

    /// Waits (at most the grace time) for stop actions running on their thread to return, so that
    /// what they trace is written before the command ends.
    func awaitStopActions() {
        for _ in 0..<Int(Self.grace * 100) where state.withLock({ $0.stopActionsRunning > 0 }) {
            usleep(10_000)
        }
    }

    /// Called once the command has finished, before its result is printed: from now on the guard
    /// ends nothing. If the guard is already ending the run, waits for it to do so.
    func settle() {
        guard claimExit() else {
            while true { pause() }
        }
    }

    /// Takes the right to end the process; false when it was taken already.
    func claimExit() -> Bool {
        state.withLock { state in
            defer { state.exiting = true }
            return !state.exiting
        }
    }
}
