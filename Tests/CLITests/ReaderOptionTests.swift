import Foundation
import Testing
import TestSupport

@Suite("--reader: an empty name is a usage error on every command that takes it")
struct ReaderOptionTests {
    @Test("--reader '' and a blank name: exit 2, one line, before pcscd is asked anything", arguments: [
        ["status"], ["send", "00A4000C023F00"], ["lifecycle"], ["script", "-"], ["watch", "--count", "1"],
        ["atr"], ["doctor"],
    ])
    func emptyReader(command: [String]) throws {
        for name in ["", "  "] {
            // A socket path nothing listens on: had the command asked pcscd, it would fail otherwise.
            let result = try ScardProcess.run(
                command + ["--reader", name], environment: ["PCSCLITE_CSOCK_NAME": "/nonexistent/pcscd.comm"], timeout: 30)
            #expect(result.status == 2, "\(command) --reader '\(name)': \(result.stderr)")
            #expect(result.stderr.hasPrefix("scard: --reader: the reader name is empty"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }
}

@Suite("scard doctor without a reader")
struct DoctorSocketTests {
    @Test("PCSCLITE_CSOCK_NAME naming a regular file: exit 12, never advice to remove the user's file")
    func socketVariableNamesAFile() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("scard-doctor-\(getpid())-\(UUID().uuidString).txt").path
        try "the user's notes\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try ScardProcess.run(["doctor"], environment: ["PCSCLITE_CSOCK_NAME": path], timeout: 30)
        #expect(result.status == 12, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("PCSCLITE_CSOCK_NAME names \(path), which is not a socket"), "\(result.stdout)")
        #expect(result.stdout.contains("point PCSCLITE_CSOCK_NAME at the socket pcscd listens on"))
        #expect(!result.stdout.contains("remove it"))
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
