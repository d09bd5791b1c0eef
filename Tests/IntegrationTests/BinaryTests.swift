import Foundation
import TestSupport
import Testing

extension VirtualReaderTests {
    @Suite("scard binary against pcscd")
    struct BinaryTests {
        @Test("list-readers shows both readers with their cards")
        func listReaders() throws {
            let result = try ScardProcess.run(["list-readers"])
            #expect(result.status == 0)
            // Each reader's line; the card names from the ATR database, indented, under it.
            let readers = result.lines.filter { !$0.hasPrefix(" ") }
            #expect(readers.count == 2)
            #expect(readers.first?.hasPrefix("0: Virtual PCD 00 00") == true)
            #expect(readers.last?.hasPrefix("1: Virtual PCD 00 01") == true)
            #expect(readers.allSatisfy { $0.contains("card") && $0.hasSuffix("3B 95 13 81 01 80 73 FF 01 00 0B") })
        }

        @Test("list-readers --json gives one parseable object per reader")
        func listReadersJSON() throws {
            let result = try ScardProcess.run(["list-readers", "--json"])
            #expect(result.status == 0)
            let objects = try result.lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            #expect(objects.count == 2)
            #expect((objects[0]?["reader"] as? [String: Any])?["name"] as? String == "Virtual PCD 00 00")
            #expect(objects[1]?["card"] as? Bool == true)
            #expect(objects[1]?["atr"] as? String == "3B951381018073FF01000B")
        }

        @Test("status shows the ATR of the chosen reader")
        func status() throws {
            let result = try ScardProcess.run(["status", "--reader", "00 01"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("reader:   Virtual PCD 00 01"))
            #expect(result.stdout.contains("atr:      3B 95 13 81 01 80 73 FF 01 00 0B"))
            #expect(result.stdout.contains("protocol: T=1"))
        }

        @Test("send: SELECT MF answers 90 00, GET CHALLENGE 8 bytes and 90 00")
        func send() throws {
            let result = try ScardProcess.run(["send", "-r", "0", "00A4000C023F00", "00 84 00 00 08"])
            #expect(result.status == 0)
            #expect(result.lines.count == 4)
            #expect(result.lines[1] == "< 90 00 : normal processing")
            let challenge = result.lines[3]
            #expect(challenge.hasPrefix("< ") && challenge.hasSuffix(" 90 00 : normal processing"))
            #expect(challenge.split(separator: ":")[0].split(separator: " ").count == 11)
        }

        @Test("send --check-sw exits 1 on a status word other than 90 00")
        func checkStatusWord() throws {
            let result = try ScardProcess.run(["send", "--check-sw", "00CA006E00"])
            #expect(result.status == 1)
            #expect(result.stdout.contains("< 6A 81 : function not supported"))
            #expect(result.stderr.contains("status word 6A 81"))
        }

        @Test("send --json gives the status word and its meaning")
        func sendJSON() throws {
            let result = try ScardProcess.run(["send", "--json", "0084000008"])
            #expect(result.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["sw"] as? String == "9000")
            #expect((object["data"] as? String)?.count == 16)
        }

        @Test("lifecycle frees the card and buffers, leaves 0 live, old handles invalid")
        func lifecycle() throws {
            let result = try ScardProcess.run(["lifecycle"])
            #expect(result.status == 0)
            let text = result.stdout
            #expect(text.contains("freed card#3 Virtual PCD 00 00  via SCardDisconnect"))
            #expect(text.contains("via SCardFreeMemory"))
            #expect(text.contains("freed context#1 scope=system  via SCardReleaseContext"))
            #expect(text.contains("live after release: 0"))
            let checks = result.lines.filter { $0.contains("-> SCARD_") && $0.hasPrefix("  ") }
            #expect(checks.count == 4)
            #expect(checks.allSatisfy { $0.contains("-> SCARD_E_INVALID_HANDLE") })
        }

        @Test("Ctrl-C ends lifecycle --repeat after the cycle in progress, with its counts, exit 130")
        func lifecycleInterrupted() throws {
            let run = try ScardProcess.start(["lifecycle", "-r", "0", "--repeat", "1000000"])
            Thread.sleep(forTimeInterval: 0.8)
            run.signal(SIGINT)
            let result = try run.wait(timeout: 10)
            #expect(result.status == 130)
            let last = try #require(result.lines.last)
            #expect(last.hasPrefix("cycle ") && last.contains(" live=0 ") && last.contains(" unclean=0 "))
            let cycles = last.dropFirst("cycle ".count).prefix { $0.isNumber }
            #expect(result.stderr == "scard: interrupted after \(cycles) of 1000000 cycles (0 unclean)\n")
        }

        @Test("lifecycle --json parses and reports 0 live after release")
        func lifecycleJSON() throws {
            let result = try ScardProcess.run(["lifecycle", "--json"])
            #expect(result.status == 0)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["liveCount"] as? Int == 0)
            #expect((object["freed"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["card", "buffer", "buffer", "context"])
            #expect(object["atr"] as? String == "3B951381018073FF01000B")
        }

        @Test("lifecycle --repeat runs many cycles in one process with nothing left live")
        func lifecycleRepeat() throws {
            let result = try ScardProcess.run(["lifecycle", "--repeat", "200"])
            #expect(result.status == 0)
            #expect(result.lines.last?.hasPrefix("cycle 200: live=0 freed=800 unclean=0") == true)
        }

        @Test("--trace shows each PC/SC call and the ledger ending with 0 live")
        func trace() throws {
            let result = try ScardProcess.run(["lifecycle", "--trace"])
            #expect(result.status == 0)
            #expect(result.stderr.contains("trace: SCardEstablishContext(scope=2) -> SCARD_S_SUCCESS"))
            #expect(result.stderr.contains("trace: SCardReleaseContext("))
            #expect(result.stderr.contains("ledger pcsc:"))
            #expect(result.stderr.contains("  live: 0"))
        }

        @Test("a removed card: no card error and its exit code", VirtualReader.destructive)
        func removedCard() throws {
            let result = try VirtualReader.withCardRemoved(1) {
                try ScardProcess.run(["send", "-r", "1", "0084000008"])
            }
            #expect(result.status == 4)
            #expect(result.stderr == "scard: no card in reader 'Virtual PCD 00 01' (SCARD_E_NO_SMARTCARD)\n")
        }

        @Test("pcscd stopped: the no-service error in one line, exit 6", VirtualReader.destructive)
        func pcscdStopped() throws {
            let (result, json) = try VirtualReader.withPcscdStopped {
                (try ScardProcess.run(["list-readers"]), try ScardProcess.run(["list-readers", "--json"]))
            }
            #expect(result.status == 6)
            #expect(result.stderr.hasPrefix("scard: cannot reach pcscd: SCARD_E_NO_SERVICE (0x8010001D): pcscd is not running"))
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(json.status == 6)
            #expect(json.stderr == result.stderr)
            #expect(json.stdout.hasPrefix("{\"exitCode\":6,\"message\":\"cannot reach pcscd: SCARD_E_NO_SERVICE"), "\(json.stdout)")
        }

        @Test("no readers: a one-line error, exit 4", VirtualReader.destructive)
        func noReaders() throws {
            try VirtualReader.control("pcscd-stop")
            defer {
                _ = try? VirtualReader.control("pcscd-stop")
                _ = try? VirtualReader.control("pcscd-start")
            }
            try VirtualReader.control("pcscd-start", "--no-readers")
            let result = try ScardProcess.run(["list-readers"])
            #expect(result.status == 4)
            #expect(result.stderr == "scard: no readers are connected\n")
            let send = try ScardProcess.run(["send", "0084000008"])
            #expect(send.status == 4)
        }
    }
}
