import Foundation
import TestSupport
import Testing

extension VirtualReaderTests {
    @Suite("Streams: send - one line at a time, and outputs that cannot be written")
    struct StreamTests {
        /// Runs a bash script with `$SCARD` set to the binary, memory capped at 2 GB of address space.
        static func shell(_ script: String, timeout: TimeInterval = 60) throws -> ScardProcess.Result {
            try ScardProcess.runExecutable(
                URL(fileURLWithPath: "/bin/bash"), ["-c", "set -u; ulimit -v 2000000; " + script],
                environment: ["SCARD": ScardProcess.binary.path], timeout: timeout)
        }

        @Test("send - answers each APDU before the next line is written (a program can talk to the card)")
        func answersAsLinesArrive() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scard-stream-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let script = """
                cd \(folder.path)
                mkfifo in
                "$SCARD" send - < in > out &
                pid=$!
                exec 3> in
                echo 00A4000C023F00 >&3
                for _ in $(seq 200); do grep -q '^< 90 00' out && break; sleep 0.05; done
                grep -q '^< 90 00' out || { echo "no answer to the first APDU before the second line" >&2; kill $pid; exit 9; }
                echo 0084000008 >&3
                exec 3>&-
                wait $pid
                status=$?
                cat out
                exit $status
                """
            let result = try Self.shell(script)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.lines.first == "> 00 A4 00 0C 02 3F 00")
            #expect(result.lines.filter { $0.hasPrefix("> ") }.count == 2)
        }

        @Test("send - takes a stream longer than any limit on whole inputs, line by line")
        func longStream() throws {
            let result = try Self.shell("yes 0084000008 | head -n 3000 | \"$SCARD\" send - | grep -c '^< '", timeout: 120)
            #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "3000")
        }

        @Test("a bad line in the stream stops there: the earlier APDUs were sent, exit 2 names the line")
        func badLineInStream() throws {
            let result = try ScardProcess.run(["send", "-"], stdin: "0084000008\n\n0084000008\nzz\n0084000008\n")
            #expect(result.status == 2)
            #expect(result.lines.filter { $0.hasPrefix("> ") }.count == 2)
            #expect(result.stderr == "scard: APDU 3 on standard input: 'z' at column 1 is not a hex digit\n")
        }

        @Test("send to /dev/full: exit 8 and one line")
        func sendToFullDevice() throws {
            let result = try Self.shell("\"$SCARD\" send 00A4000C023F00 0084000008 > /dev/full")
            #expect(result.status == 8)
            #expect(result.stderr == "scard: cannot write standard output: No space left on device\n")
        }

        @Test("an endless send - to /dev/full stops at the first failed write: exit 8, one line")
        func endlessSendToFullDevice() throws {
            let result = try Self.shell("yes 0084000008 | \"$SCARD\" send - > /dev/full", timeout: 60)
            #expect(result.status == 8)
            #expect(result.stderr == "scard: cannot write standard output: No space left on device\n")
        }

        @Test("a script of 100,000 lines to /dev/full stops at the first failed write: exit 8, one line")
        func longScriptToFullDevice() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scard-stream-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("long.apdu").path
            try String(repeating: "00 84 00 00 08\n", count: 100_000).write(toFile: path, atomically: false, encoding: .utf8)
            let result = try Self.shell("\"$SCARD\" script \(path) > /dev/full", timeout: 15)
            #expect(result.status == 8)
            #expect(result.stderr == "scard: cannot write standard output: No space left on device\n")
        }

        @Test("list-readers, status and script --json to /dev/full: exit 8", arguments: [
            "list-readers", "status", "script --json \(scriptPath("expectations.apdu"))",
        ])
        func cardCommandsToFullDevice(_ command: String) throws {
            let result = try Self.shell("\"$SCARD\" \(command) > /dev/full")
            #expect(result.status == 8)
            #expect(result.stderr == "scard: cannot write standard output: No space left on device\n")
        }
    }
}
