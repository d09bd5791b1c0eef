import Foundation
import PCSCDoctor
import Testing

@Suite("What the doctor reads from /proc and the socket")
struct SystemProbeTests {
    @Test("a pcscd process from its /proc files; other programs and zombies are not")
    func processes() {
        let daemon = SystemProbe.pcscd(
            pid: 42, comm: "pcscd\n", stat: "42 (pcscd) S 1 42 42 0", cmdline: "pcscd\0--foreground\0-c\0/tmp/rc\0")
        #expect(daemon == SystemProbe.Daemon(pid: 42, arguments: ["pcscd", "--foreground", "-c", "/tmp/rc"]))
        #expect(SystemProbe.pcscd(pid: 43, comm: "bash\n", stat: "43 (bash) S", cmdline: "bash\0") == nil)
        #expect(SystemProbe.pcscd(pid: 44, comm: "pcscd\n", stat: "44 (pcscd) Z 1 44", cmdline: "") == nil)
        #expect(SystemProbe.pcscd(pid: 45, comm: "pcscd", stat: "45 (a) b) S 1", cmdline: nil)?.arguments == [])
    }

    @Test("a loaded library's file from a maps text")
    func maps() {
        let maps = """
            7f0000000000-7f0000001000 r--p 00000000 08:01 123 /usr/lib/x86_64-linux-gnu/libc.so.6
            7f0000002000-7f0000003000 r-xp 00001000 08:01 456 /usr/lib/x86_64-linux-gnu/libpcsclite.so.1.0.0
            7ffd00000000-7ffd00001000 rw-p 00000000 00:00 0 [stack]
            """
        #expect(SystemProbe.loadedPath(in: maps, containing: "libpcsclite") == "/usr/lib/x86_64-linux-gnu/libpcsclite.so.1.0.0")
        #expect(SystemProbe.loadedPath(in: maps, containing: "stack") == nil)
        #expect(SystemProbe.loadedPath(in: "", containing: "libc") == nil)
    }

    @Test("what is at a path: nothing, a file, a socket nobody listens on")
    func nodesAndSockets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(SystemProbe.node(at: folder + "/none") == .missing)
        #expect(SystemProbe.connectError(to: folder + "/none") == ENOENT)
        _ = FileManager.default.createFile(atPath: folder + "/file", contents: Data())
        #expect(SystemProbe.node(at: folder + "/file") == .other)
        let path = folder + "/sock"
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        guard case .socket = SystemProbe.node(at: path) else {
            Issue.record("a bound socket is a socket")
            return
        }
        #expect(SystemProbe.connectError(to: path) == ECONNREFUSED)
        #expect(SystemProbe.connectError(to: folder + "/" + String(repeating: "x", count: 200)) == ENAMETOOLONG)
    }

    @Test("the library check finds libpcsclite and every function scard calls")
    func library() throws {
        let path = try SystemProbe.library().get()
        #expect(path.contains("libpcsclite"))
        guard case .failure(let problem) = SystemProbe.library(named: "libnothing-here.so.9") else {
            Issue.record("a missing library must be a problem")
            return
        }
        #expect(problem.message.hasPrefix("dlopen(libnothing-here.so.9) failed"))
    }
}
