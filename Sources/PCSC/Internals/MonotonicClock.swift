import Glibc

/// Monotonic time in nanoseconds, read straight from `clock_gettime` for timing exchanges cheaply.
enum MonotonicClock {
    /// The current monotonic time in nanoseconds.
    @inline(__always)
    static func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }

    /// The seconds between two readings.
    @inline(__always)
    static func seconds(from start: UInt64, to end: UInt64) -> Double {
        Double(end &- start) / 1e9
    }
}
