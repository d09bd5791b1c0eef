import FoundationEssentials

/// The process's resident and peak resident memory, from /proc/self/status.
struct MemoryUsage {
    /// VmRSS in KiB.
    let residentKiB: Int
    /// VmHWM (peak resident) in KiB.
    let peakKiB: Int

    /// Reads the current figures; zeros where /proc is not available.
    static func current() -> MemoryUsage {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else {
            return MemoryUsage(residentKiB: 0, peakKiB: 0)
        }
        func value(_ key: String) -> Int {
            guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") }) else { return 0 }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            return Int(fields.dropFirst().first { Int($0) != nil } ?? "0") ?? 0
        }
        return MemoryUsage(residentKiB: value("VmRSS"), peakKiB: value("VmHWM"))
    }
}
