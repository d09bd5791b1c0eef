import FoundationEssentials
import FileSafety

#if canImport(Glibc)
    import Glibc
#endif

/// What the doctor learns from the system, outside PC/SC: the library, the socket, the daemon.
public enum SystemProbe {
    /// The functions of libpcsclite that scard calls.
    public static let requiredFunctions = [
        "SCardEstablishContext", "SCardReleaseContext", "SCardListReaders", "SCardGetStatusChange",
        "SCardConnect", "SCardReconnect", "SCardDisconnect", "SCardTransmit", "SCardStatus", "SCardCancel",
    ]

    /// The library's file, or why it cannot be used.
    public static func library(named name: String = "libpcsclite.so.1") -> Result<String, DoctorProblem> {
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
    public static func loadedPath(containing fragment: String) -> String? {
        procFile("/proc/self/maps").flatMap { loadedPath(in: $0, containing: fragment) }
    }

    /// The first file in a /proc/PID/maps text whose path contains `fragment`.
    public static func loadedPath(in maps: String, containing fragment: String) -> String? {
        for line in maps.split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = String(line[slash...])
            if path.contains(fragment) { return path }
        }
        return nil
    }

    /// The socket pcscd listens on by default.
    public static let defaultSocketPath = "/run/pcscd/pcscd.comm"

    /// The socket pcscd listens on: `$PCSCLITE_CSOCK_NAME`, as libpcsclite reads it, else the default.
    public static var socketPath: String {
        let variable = ProcessInfo.processInfo.environment["PCSCLITE_CSOCK_NAME"] ?? ""
        return variable.isEmpty ? defaultSocketPath : variable
    }

    /// Whether the socket path was chosen by `$PCSCLITE_CSOCK_NAME` rather than being the default.
    public static var socketPathFromEnvironment: Bool {
        socketPath != defaultSocketPath
    }

    /// What is at a path: nothing, a socket with its mode and owner, or something else.
    public enum Node: Sendable, Equatable {
        /// Nothing is there.
        case missing
        /// A Unix socket, with its permission bits and owner's uid.
        case socket(mode: UInt32, owner: UInt32)
        /// A file of another kind.
        case other
    }

    /// What is at `path` (without following a final symbolic link).
    public static func node(at path: String) -> Node {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        guard info.st_mode & S_IFMT == S_IFSOCK else { return .other }
        return .socket(mode: UInt32(info.st_mode & 0o7777), owner: UInt32(info.st_uid))
    }

    /// A running pcscd: its pid and command line.
    public struct Daemon: Sendable, Equatable {
        /// The process id.
        public let pid: Int32

        /// The command line, program first.
        public let arguments: [String]

        /// Creates a daemon record.
        public init(pid: Int32, arguments: [String]) {
            self.pid = pid
            self.arguments = arguments
        }
    }

    /// Every pcscd process visible in /proc (zombies left out).
    public static func pcscdProcesses() -> [Daemon] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var daemons: [Daemon] = []
        for entry in entries {
            guard let pid = Int32(entry), let comm = procFile("/proc/\(pid)/comm") else { continue }
            let daemon = pcscd(
                pid: pid, comm: comm, stat: procFile("/proc/\(pid)/stat"), cmdline: procFile("/proc/\(pid)/cmdline"))
            if let daemon { daemons.append(daemon) }
        }
        return daemons.sorted { $0.pid < $1.pid }
    }

    /// The pcscd a process is, from its /proc files (`comm`, `stat`, `cmdline`): nil when it is
    /// another program or a zombie.
    public static func pcscd(pid: Int32, comm: String, stat: String?, cmdline: String?) -> Daemon? {
        guard comm.filter({ !$0.isWhitespace }) == "pcscd" else { return nil }
        if let stat, let close = stat.lastIndex(of: ")"),
            stat[stat.index(after: close)...].drop(while: \.isWhitespace).hasPrefix("Z")
        {
            return nil
        }
        let arguments = (cmdline ?? "").split(separator: "\0").map(String.init)
        return Daemon(pid: pid, arguments: arguments)
    }

    /// Connects to a Unix socket without blocking and closes it: 0 when something accepted the
    /// connection, else the errno (`ECONNREFUSED` for a stale socket, `EACCES` when refused).
    public static func connectError(to path: String) -> Int32 {
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
    public static func procFile(_ path: String) -> String? {
        guard let bytes = try? FileContents.read(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text of an errno value (`Connection refused`).
    public static func describe(errno value: Int32) -> String {
        String(cString: strerror(value))
    }
}
