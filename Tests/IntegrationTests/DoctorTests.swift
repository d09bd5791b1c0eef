import Foundation
import TestSupport
import Testing

/// Runs `scard doctor` with arguments.
private func doctor(_ arguments: String...) throws -> ScardProcess.Result {
    try ScardProcess.run(["doctor"] + arguments)
}

/// The checks of a `doctor --json` run: id -> status, and the exit code it reports.
private func checks(_ result: ScardProcess.Result) throws -> (statuses: [String: String], order: [String], exitCode: Int?) {
    let object = try #require(try jsonObjects(result.lines).first)
    let list = try #require(object["checks"] as? [[String: Any]])
    var statuses: [String: String] = [:]
    for check in list {
        if let id = check["id"] as? String { statuses[id] = check["status"] as? String }
    }
    return (statuses, list.compactMap { $0["id"] as? String }, object["exitCode"] as? Int)
}

/// The pcscd socket the virtual reader's pcscd creates.
private let socketPath = "/run/pcscd/pcscd.comm"

extension VirtualReaderTests {
    @Suite("scard doctor, each failure produced for real")
    struct DoctorTests {
        @Test("a healthy setup: every check ok, exit 0; --json lists the checks in order")
        func healthy() throws {
            let text = try doctor("--probe", "--virtual")
            #expect(text.status == 0, "\(text.stdout)")
            // A loaded machine may make the latency check warn; it never fails without --strict.
            #expect(text.lines.last?.hasPrefix("doctor: all checks passed") == true)
            #expect(text.lines.filter { $0.hasPrefix("ok  ") || $0.hasPrefix("WARN  virtual reader latency") }.count == 10)
            #expect(text.stdout.contains("libpcsclite.so.1"))
            #expect(text.stdout.contains("GET CHALLENGE answered 90 00 (normal processing)"))
            #expect(text.stdout.contains("20 exchanges with Virtual PCD 00 00: median "))

            let json = try doctor("--virtual", "--json")
            #expect(json.status == 0)
            let result = try checks(json)
            #expect(result.order == ["library", "socket", "permission", "pcscd", "vpcd", "readers", "vicc", "card", "answer", "latency"])
            #expect(result.statuses.filter { $0.key != "latency" }.values.allSatisfy { $0 == "ok" })
            #expect(result.exitCode == 0)
        }

        @Test("--help documents every exit code")
        func help() throws {
            let help = try doctor("--help")
            #expect(help.status == 0)
            for line in ["11  pcscd is not running", "12  pcscd runs but its socket is missing", "13  the socket is there but pcscd does not answer",
                         "14  permission refused", "15  no readers", "16  no card", "17  a card is present but does not answer",
                         "18  --virtual: vpcd", "19  --virtual: no vicc", "20  --virtual --strict"] {
                #expect(help.stdout.contains(line), "\(line)")
            }
        }

        @Test("pcscd stopped: exit 11, the rest skipped", VirtualReader.destructive)
        func pcscdStopped() throws {
            try VirtualReader.withPcscdStopped {
                let text = try doctor()
                #expect(text.status == 11)
                #expect(text.stdout.contains("FAIL  pcscd socket present"))
                #expect(text.stdout.contains("pcscd is not running"))
                #expect(text.stdout.contains("      fix: start pcscd"))
                #expect(text.lines.filter { $0.hasPrefix("skip") }.count == 5)
                let json = try checks(try doctor("--json"))
                #expect(json.exitCode == 11)
                #expect(json.statuses["socket"] == "fail" && json.statuses["pcscd"] == "skip")
            }
        }

        @Test("socket removed while pcscd runs: exit 12")
        func socketRemoved() throws {
            let moved = socketPath + ".scard-doctor-test"
            try #require(rename(socketPath, moved) == 0, "cannot move the socket away")
            defer { _ = rename(moved, socketPath) }
            let text = try doctor()
            #expect(text.status == 12)
            #expect(text.stdout.contains("FAIL  pcscd socket present"))
            #expect(text.stdout.contains("pcscd runs (pid "))
        }

        @Test("a stale socket that nothing answers: exit 13", VirtualReader.destructive)
        func staleSocket() throws {
            try VirtualReader.withPcscdStopped {
                let bound = try ScardProcess.runExecutable(
                    URL(fileURLWithPath: "/usr/bin/python3"),
                    ["-c", "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])", socketPath])
                try #require(bound.status == 0, "\(bound.stderr)")
                defer { unlink(socketPath) }
                let text = try doctor()
                #expect(text.status == 13)
                #expect(text.stdout.contains("FAIL  pcscd answering"))
                #expect(text.stdout.contains("Connection refused"))
                #expect(text.stdout.contains("fix: remove the stale socket and start pcscd"))
            }
        }

        @Test("the socket's mode refuses the user: exit 14", .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
        func permissionRefused() throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
            let binary = folder.appendingPathComponent("scard")
            try FileManager.default.copyItem(at: ScardProcess.binary, to: binary)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary.path)
            let asNobody = ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path, "doctor"]
            let before = try ScardProcess.runExecutable(URL(fileURLWithPath: "/usr/bin/setpriv"), asNobody)
            #expect(before.status == 0, "\(before.stdout)")

            var info = stat()
            try #require(stat(socketPath, &info) == 0)
            try #require(chmod(socketPath, 0o600) == 0)
            defer { chmod(socketPath, info.st_mode & 0o7777) }
            let refused = try ScardProcess.runExecutable(URL(fileURLWithPath: "/usr/bin/setpriv"), asNobody)
            #expect(refused.status == 14)
            #expect(refused.stdout.contains("FAIL  permission to use pcscd"))
            #expect(refused.stdout.contains("as uid 65534: Permission denied"))
        }

        @Test("pcscd without readers: exit 15; with --virtual, vpcd is not configured: exit 18", VirtualReader.destructive)
        func noReaders() throws {
            try VirtualReader.withPcscdStopped {
                let started = try VirtualReader.control("pcscd-start", "--no-readers")
                try #require(started.status == 0, "\(started.stderr)")
                defer { _ = try? VirtualReader.control("pcscd-stop") }
                let text = try doctor()
                #expect(text.status == 15)
                #expect(text.stdout.contains("FAIL  readers present"))
                let virtual = try doctor("--virtual")
                #expect(virtual.status == 18)
                #expect(virtual.stdout.contains("FAIL  vpcd configured"))
                #expect(virtual.stdout.contains("no-readers.d has no vpcd reader"))
            }
        }

        @Test("no card: exit 16; with --virtual, no vicc connected: exit 19", VirtualReader.destructive)
        func noCard() throws {
            try VirtualReader.withCardRemoved(1) {
                let one = try doctor("--reader", "1")
                #expect(one.status == 16)
                #expect(one.stdout.contains("no card in Virtual PCD 00 01"))
                try VirtualReader.withCardRemoved(0) {
                    let none = try doctor()
                    #expect(none.status == 16)
                    #expect(none.stdout.contains("no card in any of 2 readers"))
                    let virtual = try doctor("--virtual")
                    #expect(virtual.status == 19)
                    #expect(virtual.stdout.contains("no vicc card is connected to vpcd (ports 35963, 35964)"))
                }
            }
        }

        @Test("a card that answers reset but no command: ok without --probe, exit 17 with it")
        func cardNotAnswering() throws {
            try VirtualReader.withT0Card("--mute") {
                #expect(try doctor("--reader", "1").status == 0)
                let probe = try doctor("--reader", "1", "--probe")
                #expect(probe.status == 17)
                #expect(probe.stdout.contains("FAIL  card answering (probe)"))
            }
        }

        @Test("a virtual card without TCP quick ACKs: a latency warning, exit 20 with --strict")
        func slowVirtualReader() throws {
            try VirtualReader.withT0Card("--delayed-ack") {
                let warned = try doctor("--virtual", "--reader", "1")
                #expect(warned.status == 0)
                #expect(warned.stdout.contains("WARN  virtual reader latency"))
                #expect(warned.lines.last == "doctor: all checks passed, 1 warning(s)")
                let strict = try doctor("--virtual", "--reader", "1", "--strict", "--json")
                #expect(strict.status == 20)
                #expect(try checks(strict).statuses["latency"] == "warn")
            }
        }
    }
}
