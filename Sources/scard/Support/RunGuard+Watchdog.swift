@preconcurrency import Glibc
import PCSC
import ContextCore

extension RunGuard {
    /// The watchdog's loop: every 50 ms, cancels new status waits after a signal, and abandons the
    /// run after the grace time or when a call is past its deadline.
    func watch() {
        var signalSeen: UInt64?
        var cancelled: Set<UInt64> = []
        let deadlines = self.deadlines
        while true {
            usleep(Self.pollMicroseconds)
            if state.withLock({ $0.exiting }) { return }
            let pending = calls.current
            if stopRequested {
                let now = Self.now()
                if signalSeen == nil { signalSeen = now }
                let waits = pending.filter { $0.function == .getStatusChange && !cancelled.contains($0.token) }
                if !waits.isEmpty {
                    waits.forEach { cancelled.insert($0.token) }
                    runStopActions()
                }
                if let signalSeen, Double(now &- signalSeen) / 1e9 >= Self.grace {
                    abandon(Abandonment(reason: .interrupted, call: pending.first))
                    return
                }
            }
            for call in pending {
                let limit = deadlines.limit(for: call.function)
                if call.isOverdue(deadline: limit) {
                    abandon(Abandonment(reason: .deadline(limit), call: call))
                    return
                }
            }
        }
    }

    /// Runs the registered stop actions on a thread of their own.
    private func runStopActions() {
        let actions = state.withLock { $0.stopActions.map(\.action) }
        guard !actions.isEmpty else { return }
        state.withLock { $0.stopActionsRunning += 1 }
        DetachedThread.start { [self] in
            actions.forEach { $0() }
            state.withLock { $0.stopActionsRunning -= 1 }
        }
    }

    /// Prints the registered summaries, writes the error line and exits, unless the command is
    /// already finishing.
    private func abandon(_ abandonment: Abandonment) {
        guard claimExit() else { return }
        let reporters = state.withLock { $0.reporters.map(\.report) }
        var messages = reporters.map { abandonment.message($0(abandonment)) }
        if messages.isEmpty { messages = [abandonment.message(RunProgress())] }
        // The command's thread may be the one blocked, inside a write to standard output (a reader
        // that stopped reading) holding the stream's lock: flush only when the lock is free.
        if ftrylockfile(stdout) == 0 {
            fflush(stdout)
            funlockfile(stdout)
        }
        var line = "scard: " + messages.joined(separator: "; ") + "\n"
        line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        _exit(abandonment.status.rawValue)
    }

    /// The monotonic clock in nanoseconds.
    static func now() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
