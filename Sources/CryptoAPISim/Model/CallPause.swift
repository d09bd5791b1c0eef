import Dispatch
import Synchronization

/// A breakpoint inside a long call, for producing races deterministically.
///
/// Armed on a simulated thread with ``CryptSimulator/armPause(on:afterChunks:)``, it stops that
/// thread's next `CryptHashData` after `afterChunks` chunks of ``CryptSimulator/chunkSize`` bytes
/// when more data remains: the call is then *inside* the API (its context counts as in use) and
/// waits, on its own OS thread, until ``resume()``. The controller runs the call on a background
/// thread, waits for ``waitForStop(timeout:)`` and, later, resumes it and waits for the end.
package final class CallPause: Sendable {
    /// How a paused call stands.
    package enum Stop: Sendable, Equatable {
        /// The call is stopped inside, at the described point.
        case paused(String)
        /// The call ended without reaching the pause point.
        case finished
        /// Neither happened in time.
        case timedOut
    }

    /// The number of chunks the call processes before it stops.
    package let afterChunks: Int
    private let events = DispatchSemaphore(value: 0)
    private let gate = DispatchSemaphore(value: 0)
    private let ended = DispatchSemaphore(value: 0)
    private let state = Mutex<(point: String?, finished: Bool, resumed: Bool)>((nil, false, false))

    /// Creates a pause that stops a call after `afterChunks` chunks (at least 1).
    package init(afterChunks: Int) {
        self.afterChunks = max(1, afterChunks)
    }

    /// Where the call stopped, while it is stopped.
    package var point: String? {
        state.withLock { $0.resumed ? nil : $0.point }
    }

    /// Whether the call has ended.
    package var isFinished: Bool {
        state.withLock { $0.finished }
    }

    /// Called by the paused call at its pause point: reports it and waits for ``resume()``.
    func stop(at point: String) {
        let alreadyResumed = state.withLock { state -> Bool in
            state.point = point
            return state.resumed
        }
        events.signal()
        if !alreadyResumed { gate.wait() }
    }

    /// Called by the controller when the call has returned.
    package func markFinished() {
        state.withLock { $0.finished = true }
        events.signal()
        ended.signal()
    }

    /// Waits until the call stops at the pause point or ends.
    package func waitForStop(timeout: Double = 30) -> Stop {
        guard events.wait(timeout: .now() + timeout) == .success else { return .timedOut }
        return state.withLock { state in
            if let point = state.point, !state.finished { return .paused(point) }
            return .finished
        }
    }

    /// Lets the stopped call continue (harmless when it never stopped).
    package func resume() {
        let wasStopped = state.withLock { state -> Bool in
            guard !state.resumed else { return false }
            state.resumed = true
            return state.point != nil
        }
        if wasStopped { gate.signal() }
    }

    /// Waits until the call has ended; false on timeout.
    package func waitUntilFinished(timeout: Double = 30) -> Bool {
        if isFinished { return true }
        guard ended.wait(timeout: .now() + timeout) == .success else { return false }
        ended.signal()
        return true
    }
}
