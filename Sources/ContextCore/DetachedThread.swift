@preconcurrency import Glibc

/// Starts OS threads that nobody joins, for work that blocks (waits, pauses, watchdogs) and so must
/// not sit on the cooperative pool.
public enum DetachedThread {
    /// Runs `body` on a new detached thread; false when the system would not start one (for lack of
    /// memory or threads). The corresponding C function is `pthread_create`.
    @discardableResult
    public static func start(_ body: @escaping @Sendable () -> Void) -> Bool {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context)
        guard result == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            return false
        }
        pthread_detach(thread)
        return true
    }

    /// The closure a thread runs, boxed to cross the C boundary.
    private final class Body: Sendable {
        let run: @Sendable () -> Void

        init(_ run: @escaping @Sendable () -> Void) {
            self.run = run
        }
    }
}
