import Foundation
import TestSupport
import Testing

extension VirtualReaderTests {
    /// pcscd or a card frozen (SIGSTOP) while scard talks to it: deadlines end the run with exit 7,
    /// Ctrl-C and SIGTERM with exit 130, each naming the call that did not return.
    @Suite("Stalled pcscd or card", VirtualReader.destructive)
    struct StallTests {
        /// A script alternating GET CHALLENGE and a short delay, long enough to be frozen midway.
        static func slowScript() throws -> String {
            let text = String(repeating: "00 84 00 00 08\ndelay 5ms\n", count: 2000)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("scard-stall-\(getpid()).apdu").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }

        /// Freezes the card in reader 0 while `body` runs, then thaws it and puts a fresh card in the
        /// reader; checks that the reader answers again.
        static func withCardFrozen<T>(after delay: TimeInterval, _ start: () throws -> ScardProcess.Running,
                                      _ body: (ScardProcess.Running, Date) throws -> T) throws -> T {
            let card = try VirtualReader.pid("vicc-0.pid")
            let run = try start()
            Thread.sleep(forTimeInterval: delay)
            kill(card, SIGSTOP)
            let frozen = Date()
            defer {
                kill(card, SIGCONT)
                _ = try? VirtualReader.control("card-remove", "0")
                _ = try? VirtualReader.control("card-insert", "0")
                let again = try? ScardProcess.run(["send", "-r", "0", "0084000008"], timeout: 20)
                #expect(again?.status == 0, "the reader answers again after the card is thawed and reinserted")
            }
            return try body(run, frozen)
        }

        /// Freezes pcscd while `body` runs, then thaws it and checks that it answers again.
        static func withPcscdFrozen<T>(_ body: () throws -> T) throws -> T {
            let pcscd = try VirtualReader.pid("pcscd.pid")
            kill(pcscd, SIGSTOP)
            defer {
                kill(pcscd, SIGCONT)
                let again = try? ScardProcess.run(["list-readers"], timeout: 20)
                #expect(again?.status == 0, "pcscd answers again after SIGCONT")
            }
            return try body()
        }

        @Test("card frozen mid-script, --timeout 2: exit 7 within 3 s, the lines done printed, the line and SCardTransmit named")
        func scriptDeadline() throws {
            let path = try Self.slowScript()
            defer { try? FileManager.default.removeItem(atPath: path) }
            try Self.withCardFrozen(after: 0.8, { try ScardProcess.start(["script", "--timeout", "2", "-r", "0", path]) }) { run, frozen in
                let result = try run.wait(timeout: 20)
                #expect(Date().timeIntervalSince(frozen) < 3.0)
                #expect(result.status == 7)
                let done = result.lines.filter { $0.hasPrefix("< ") }.count
                #expect(done > 0)
                #expect(result.stderr == "scard: line \(2 * done + 1): SCardTransmit did not return within 2 s after \(done) exchange(s)\n")
            }
        }

        @Test("card frozen mid-script with --json: the summary line names the line and SCARD_E_TIMEOUT")
        func scriptDeadlineJSON() throws {
            let path = try Self.slowScript()
            defer { try? FileManager.default.removeItem(atPath: path) }
            try Self.withCardFrozen(after: 0.8, { try ScardProcess.start(["script", "--json", "-r", "0", path], environment: ["SCARD_TIMEOUT": "2"]) }) { run, frozen in
                let result = try run.wait(timeout: 20)
                #expect(Date().timeIntervalSince(frozen) < 3.0)
                #expect(result.status == 7)
                let last = try #require(result.lines.last { $0.contains("\"type\":\"summary\"") })
                let summary = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
                #expect(summary["type"] as? String == "summary")
                let done = result.lines.filter { $0.contains("\"sw\"") }.count
                #expect(done > 0)
                #expect(summary["exchangeCount"] as? Int == done)
                #expect(summary["stoppedAtLine"] as? Int == 2 * done + 1)
                #expect(summary["stopReason"] as? String == "timeout")
                #expect(summary["error"] as? String == "SCARD_E_TIMEOUT")
                #expect(result.stderr.hasPrefix("scard: line \(2 * done + 1): SCardTransmit did not return within 2 s"))
            }
        }

        @Test("card frozen mid-script, then Ctrl-C: exit 130 within 1 s, the lines done printed, the call named",
              arguments: [SIGINT, SIGTERM])
        func scriptInterrupted(signal: Int32) throws {
            let path = try Self.slowScript()
            defer { try? FileManager.default.removeItem(atPath: path) }
            try Self.withCardFrozen(after: 0.8, { try ScardProcess.start(["script", "-r", "0", path]) }) { run, _ in
                Thread.sleep(forTimeInterval: 0.5)
                #expect(run.isRunning)
                let sent = Date()
                run.signal(signal)
                let result = try run.wait(timeout: 20)
                #expect(Date().timeIntervalSince(sent) < 1.0)
                #expect(result.status == 130)
                let done = result.lines.filter { $0.hasPrefix("< ") }.count
                #expect(done > 0)
                #expect(result.stderr == "scard: line \(2 * done + 1): interrupted in SCardTransmit after \(done) exchange(s)\n")
            }
        }

        @Test("card frozen mid-send: --timeout 2 ends it with exit 7, Ctrl-C with exit 130, the exchanges done printed")
        func sendStalled() throws {
            let apdus = String(repeating: "0084000008\n", count: 200_000)
            try Self.withCardFrozen(after: 0.8, { try ScardProcess.start(["send", "--timeout", "2", "-r", "0", "-"], stdin: apdus) }) { run, frozen in
                let result = try run.wait(timeout: 20)
                #expect(Date().timeIntervalSince(frozen) < 3.0)
                #expect(result.status == 7)
                let done = result.lines.filter { $0.hasPrefix("< ") }.count
                #expect(done > 0)
                #expect(result.stderr == "scard: APDU \(done + 1) (00 84 00 00 08): SCardTransmit did not return within 2 s after \(done) exchange(s)\n")
            }
            try Self.withCardFrozen(after: 0.8, { try ScardProcess.start(["send", "-r", "0", "-"], stdin: apdus) }) { run, _ in
                Thread.sleep(forTimeInterval: 0.3)
                let sent = Date()
                run.signal(SIGINT)
                let result = try run.wait(timeout: 20)
                #expect(Date().timeIntervalSince(sent) < 1.0)
                #expect(result.status == 130)
                let done = result.lines.filter { $0.hasPrefix("< ") }.count
                #expect(result.stderr == "scard: APDU \(done + 1) (00 84 00 00 08): interrupted in SCardTransmit after \(done) exchange(s)\n")
            }
        }

        @Test("pcscd frozen: list-readers and watch --timeout 2 exit 7 within 3 s naming SCardEstablishContext")
        func pcscdDeadline() throws {
            try Self.withPcscdFrozen {
                for arguments in [["list-readers", "--timeout", "2"], ["watch", "--timeout", "2"]] {
                    let started = Date()
                    let result = try ScardProcess.run(arguments, timeout: 20)
                    #expect(Date().timeIntervalSince(started) < 3.0, "\(arguments)")
                    #expect(result.status == 7, "\(arguments)")
                    #expect(result.stderr == "scard: SCardEstablishContext did not return within 2 s\n", "\(arguments)")
                }
            }
        }

        @Test("pcscd frozen: Ctrl-C ends list-readers and watch within 1 s, exit 130")
        func pcscdInterrupted() throws {
            try Self.withPcscdFrozen {
                for arguments in [["list-readers"], ["watch"]] {
                    let run = try ScardProcess.start(arguments)
                    Thread.sleep(forTimeInterval: 0.5)
                    #expect(run.isRunning, "\(arguments)")
                    let sent = Date()
                    run.signal(SIGINT)
                    let result = try run.wait(timeout: 20)
                    #expect(Date().timeIntervalSince(sent) < 1.0, "\(arguments)")
                    #expect(result.status == 130, "\(arguments)")
                    #expect(result.stderr == "scard: interrupted in SCardEstablishContext\n", "\(arguments)")
                }
            }
        }
    }
}
