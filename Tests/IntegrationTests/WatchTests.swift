import Foundation
import TestSupport
import Testing

extension VirtualReaderTests {
    @Suite("scard watch against pcscd")
    struct WatchTests {
        @Test("sees a card removed and inserted", VirtualReader.destructive)
        func removedAndInserted() throws {
            let run = try ScardProcess.start(["watch", "--json", "--count", "2", "--timeout", "30", "--reader", "1"])
            Thread.sleep(forTimeInterval: 0.7)
            try VirtualReader.control("card-remove", "1")
            Thread.sleep(forTimeInterval: 0.5)
            try VirtualReader.control("card-insert", "1")
            let result = try run.wait()
            #expect(result.status == 0)
            let events = try result.lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
            #expect(events.map { $0["event"] as? String } == ["present", "removed", "inserted"])
            #expect(events.allSatisfy { ($0["reader"] as? [String: Any])?["name"] as? String == "Virtual PCD 00 01" })
            #expect(events.allSatisfy { ($0["reader"] as? [String: Any])?["index"] as? Int == 1 })
            #expect(events[2]["atr"] as? String == "3B951381018073FF01000B")
            #expect(events[0]["initial"] as? Bool == true)
        }

        @Test("--until removed exits 0 at the removal", VirtualReader.destructive)
        func untilRemoved() throws {
            let run = try ScardProcess.start(["watch", "--until", "removed", "--timeout", "30"])
            Thread.sleep(forTimeInterval: 0.7)
            try VirtualReader.control("card-remove", "0")
            defer { _ = try? VirtualReader.control("card-insert", "0") }
            let result = try run.wait()
            #expect(result.status == 0)
            #expect(result.lines.count == 1)
            #expect(result.lines[0].contains("removed") && result.lines[0].contains("Virtual PCD 00 00"))
        }

        @Test("--until inserted times out with exit 7 when nothing happens")
        func untilTimesOut() throws {
            let result = try ScardProcess.run(["watch", "--until", "inserted", "--timeout", "0.5"])
            #expect(result.status == 7)
            #expect(result.stderr == "scard: timed out after 0.5 s: no card inserted\n")
        }

        @Test("Ctrl-C cancels the blocking wait, releases the context, exits 130")
        func interrupt() throws {
            let process = Process()
            process.executableURL = ScardProcess.binary
            process.arguments = ["watch", "--trace"]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = Pipe()
            try process.run()
            Thread.sleep(forTimeInterval: 0.7)
            kill(process.processIdentifier, SIGINT)
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            #expect(!process.isRunning)
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 130)
            #expect(stderr.contains("trace: SCardCancel("))
            #expect(stderr.contains("SCardGetStatusChange(") && stderr.contains("SCARD_E_CANCELLED"))
            #expect(stderr.contains("trace: SCardReleaseContext("))
            #expect(stderr.contains("  live: 0"))
        }
    }
}
