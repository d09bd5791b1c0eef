import FoundationEssentials
import FileSafety

#if canImport(Glibc)
    import Glibc
#endif

/// What the doctor learns from the system, outside PC/SC: the library, the socket, the daemon.
enum DoctorSystem {
    /// The functions of libpcsclite that scard calls.
    static let requiredFunctions = [
        "SCardEstablishContext", "SCardReleaseContext", "SCardListReaders", "SCardGetStatusChange",
        "SCardConnect", "SCardReconnect", "SCardDisconnect", "SCardTransmit", "SCardStatus", "SCardCancel",
    ]

    /// The library's file, or why it cannot be used.
    static func library(named name: String = "libpcsclite.so.1") -> Result<String, DoctorProblem> {
        guard let handle = dlopen(name, RTLD_NOW) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown reason"
            return .failure(DoctorProblem("dlopen(\(name)) failed: \(reason)"))
        }
        defer { dlclose(handle) }
        let missing = requiredFunctions.filter { dlsym(handle, $0) == nil }
        if !missing.isEmpty {
            return .failure(DoctorProblem("\(name) lacks \(missing.joined(separator: ", "))"))
        }
        guard let path = loadedPath(containing: "libpcsclite") else { return .success(name) }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return .success(resolved == path ? path : "\(path) -> \(resolved)")
    }

    /// The file of a loaded library whose name contains `fragment`, from /proc/self/maps.
    static func loadedPath(containing fragment: String) -> String? {
        guard let maps = procFile("/proc/self/maps") else { return nil }
        for line in maps.split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = String(line[slash...])
            if path.contains(fragment) { return path }
        }
        return nil
    }

    /// The socket pcscd listens on by default.
    static let defaultSocketPath = "/run/pcscd/pcscd.comm"

    /// The socket pcscd listens on: `$PCSCLITE_CSOCK_NAME`, as libpcsclite reads it, else the default.
    static var socketPath: String {
        let variable = ProcessInfo.processInfo.environment["PCSCLITE_CSOCK_NAME"] ?? ""
        return variable.isEmpty ? defaultSocketPath : variable
    }

    /// Whether the socket path was chosen by `$PCSCLITE_CSOCK_NAME` rather than being the default.
    static var socketPathFromEnvironment: Bool {
        socketPath != defaultSocketPath
    }

    /// What is at a path: nothing, a socket with its mode and owner, or something else.
    enum Node {
        /// Nothing is there.
        case missing
        /// A Unix socket, with its permission bits and owner's uid.
        case socket(mode: UInt32, owner: UInt32)
        /// A file of another kind.
        case other
    }

    /// What is at `path` (without following a final symbolic link).
    static func node(at path: String) -> Node {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        guard info.st_mode & S_IFMT == S_IFSOCK else { return .other }
        return .socket(mode: UInt32(info.st_mode & 0o7777), owner: UInt32(info.st_uid))
    }

    /// A running pcscd: its pid and command line.
    struct Daemon {
        /// The process id.
        let pid: Int32
        /// The command line, program first.
        let arguments: [String]
    }

    /// Every pcscd process visible in /proc (zombies left out).
    static func pcscdProcesses() -> [Daemon] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var daemons: [Daemon] = []
        for entry in entries {
            guard let pid = Int32(entry) else { continue }
            guard let comm = procFile("/proc/\(pid)/comm"),
                comm.trimming(while: \.isWhitespace) == "pcscd"
            else { continue }
            if let stat = procFile("/proc/\(pid)/stat"),
                let close = stat.lastIndex(of: ")"),
                stat[stat.index(after: close)...].trimmingBlanks().hasPrefix("Z")
            {
                continue
            }
            let raw = procFile("/proc/\(pid)/cmdline") ?? ""
            let arguments = raw.split(separator: "\0").map(String.init)
            daemons.append(Daemon(pid: pid, arguments: arguments))
        }
        return daemons.sorted { $0.pid < $1.pid }
    }

    /// Connects to a Unix socket without blocking and closes it: 0 when something accepted the
    /// connection, else the errno (`ECONNREFUSED` for a stale socket, `EACCES` when refused).
    static func connectError(to path: String) -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else { return ENAMETOOLONG }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
            buffer[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if result == 0 { return 0 }
        let error = errno
        return error == EINPROGRESS ? 0 : error
    }

    /// A /proc file's text, read to its end (their size shows as 0, so ordinary reads get nothing).
    static func procFile(_ path: String) -> String? {
        guard let bytes = try? FileContents.read(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text of an errno value (`Connection refused`).
    static func describe(errno value: Int32) -> String {
        String(cString: strerror(value))
    }
}

/// A problem found by a system probe, in one sentence.
struct DoctorProblem: Error {
    /// What is wrong.
    let message: String

    /// Creates a problem.
    init(_ message: String) {
        self.message = message
    }
}
