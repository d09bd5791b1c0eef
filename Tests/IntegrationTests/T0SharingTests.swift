import Foundation
import PCSC
import TestSupport
import Testing

/// Scripts for several `scard` processes sharing the scripted T=0 card (scripts/t0card.py), and
/// the way to run them all at once.
enum T0Sharing {
    /// How many processes share the card.
    static let processes = 4

    /// The AID process `n` selects: its own, so that its FCI tells its answers from the others'.
    static func aid(_ n: Int) -> String { "A0 00 00 00 54 \(Hex.string([UInt8(0x30 + n)]))" }

    /// The card's 300-byte object of GET DATA `00 CA 01 00 00`.
    static let largeObject = Hex.string((0..<300).map { UInt8($0 % 256) })

    /// Chained reads for process `n`, each line checking its whole answer: SELECT (61 0F, then
    /// GET RESPONSE), GET DATA (61 00, then two GET RESPONSEs), READ BINARY with Le = 00 (6C 10,
    /// then the resend). With `raw`, the answers expected are the card's procedure answers themselves.
    static func chainedScript(_ n: Int, rounds: Int, raw: Bool = false) -> String {
        let select = raw ? "61 0F" : "6F 0D 84 06 \(aid(n)) A5 03 88 01 01 90 00"
        let large = raw ? "61 00" : "\(largeObject) 90 00"
        let read = raw ? "6C 10" : "00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 90 00"
        let round = """
            00 A4 04 00 06 \(aid(n)) => \(select)
            00 CA 01 00 00 => \(large)
            00 B0 00 00 00 => \(read)

            """
        return String(repeating: round, count: rounds)
    }

    /// Writes to the card's one-byte register and reads it back, `rounds` times, with a pause in
    /// between: another client's write landing in the pause shows as a wrong byte read. `block`
    /// puts each write and read in a `transaction begin` ... `transaction end` block.
    static func registerScript(_ n: Int, rounds: Int, block: Bool) -> String {
        let value = Hex.string([UInt8(0x10 + n)])
        let pair = """
            00 DA 00 00 01 \(value) => 90 00
            delay 2ms
            00 CA 02 00 01 => \(value) 90 00

            """
        let round = block ? "transaction begin\n\(pair)transaction end\n" : pair
        return String(repeating: round, count: rounds)
    }

    /// Runs each script in its own `scard script --reader 1 ARGUMENTS FILE` process, all started
    /// together, and returns their results in order.
    static func runTogether(_ runs: [(arguments: [String], script: String)]) throws -> [ScardProcess.Result] {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try runs.enumerated().map { index, run in
            let path = folder.appendingPathComponent("process-\(index).apdu").path
            try run.script.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let started = try zip(runs, files).map { run, file in
            try ScardProcess.start(["script", "--reader", "1"] + run.arguments + [file])
        }
        return try started.map { try $0.wait(timeout: 120) }
    }

    /// Runs one script alone, as `runTogether` would: what it prints with no one else on the card.
    static func runAlone(_ arguments: [String], script: String) throws -> ScardProcess.Result {
        try runTogether([(arguments, script)])[0]
    }

    /// The lines of a run showing a failed expectation.
    static func failures(_ result: ScardProcess.Result) -> [String] {
        result.lines.filter { $0.hasPrefix("! line") }
    }

    /// How many expectations failed, and the start of the first failure, for a short message.
    static func failureSummary(_ result: ScardProcess.Result) -> String {
        let found = failures(result)
        return "\(found.count) failed, first: \(found.first?.prefix(160) ?? "none")"
    }

    /// The first line where `lines` differ from `expected`, shortened, or nil when they are equal.
    static func firstDifference(_ lines: [String], _ expected: [String]) -> String? {
        for index in 0..<max(lines.count, expected.count) {
            let got = index < lines.count ? lines[index] : "(nothing)"
            let want = index < expected.count ? expected[index] : "(nothing)"
            if got != want { return "line \(index + 1): got \(got.prefix(120)), expected \(want.prefix(120))" }
        }
        return nil
    }
}

extension VirtualReaderTests {
    @Suite("T=0 exchanges stay whole when several processes share the card")
    struct T0SharingTests {
        @Test("four processes chaining 61xx and 6Cxx on one T=0 card: every answer and wire exchange is its own")
        func chainedReads() throws {
            try VirtualReader.withT0Card {
                let arguments = ["--wire", "--keep-going"]
                let scripts = (0..<T0Sharing.processes).map { T0Sharing.chainedScript($0, rounds: 30) }
                let alone = try T0Sharing.runAlone(arguments, script: scripts[0])
                #expect(alone.status == 0, "\(alone.stderr)")
                #expect(alone.lines.filter { $0.hasPrefix("    wire > ") }.count == 30 * 7)
                let results = try T0Sharing.runTogether(scripts.map { (arguments, $0) })
                for (n, result) in results.enumerated() {
                    #expect(T0Sharing.failures(result).isEmpty, "process \(n): \(T0Sharing.failureSummary(result))")
                    #expect(result.status == 0, "process \(n): \(result.stderr.prefix(300))")
                }
                // Byte for byte: each process prints what process 0 printed alone, with its own AID.
                for (n, result) in results.enumerated() {
                    let expected = alone.stdout.replacingOccurrences(of: T0Sharing.aid(0), with: T0Sharing.aid(n))
                    let difference = T0Sharing.firstDifference(result.lines, expected.split(separator: "\n").map(String.init))
                    #expect(difference == nil, "process \(n): \(difference ?? "")")
                }
            }
        }

        @Test("--get-response off --fix-le off: the raw 61xx and 6Cxx are each process's own, with no transaction taken")
        func rawAnswers() throws {
            try VirtualReader.withT0Card {
                let raw = ["--get-response", "off", "--fix-le", "off", "--keep-going", "--trace"]
                let auto = ["--wire", "--keep-going"]
                let runs: [(arguments: [String], script: String)] = (0..<T0Sharing.processes).map { n in
                    n % 2 == 0
                        ? (raw, T0Sharing.chainedScript(n, rounds: 30, raw: true))
                        : (auto, T0Sharing.chainedScript(n, rounds: 30))
                }
                let results = try T0Sharing.runTogether(runs)
                for (n, result) in results.enumerated() {
                    #expect(result.status == 0, "process \(n): \(result.stderr.suffix(300))")
                    #expect(T0Sharing.failures(result).isEmpty, "process \(n): \(T0Sharing.failureSummary(result))")
                    #expect(result.lines.filter { $0.hasPrefix("< ") }.count == 90, "process \(n)")
                    if n % 2 == 0 {
                        #expect(result.stderr.contains("SCardTransmit"))
                        #expect(!result.stderr.contains("SCardBeginTransaction"), "process \(n) took a transaction")
                        #expect(result.lines.filter { $0.hasPrefix("< 61 0F") }.count == 30)
                        #expect(result.lines.filter { $0.hasPrefix("< 61 00") }.count == 30)
                        #expect(result.lines.filter { $0.hasPrefix("< 6C 10") }.count == 30)
                    }
                }
            }
        }

        @Test("transaction begin ... end: no other process's command lands inside a block")
        func directiveBlocks() throws {
            try VirtualReader.withT0Card {
                let scripts = (0..<T0Sharing.processes).map { T0Sharing.registerScript($0, rounds: 20, block: true) }
                let results = try T0Sharing.runTogether(scripts.map { (["--keep-going"], $0) })
                for (n, result) in results.enumerated() {
                    #expect(result.status == 0, "process \(n): \(result.stderr.prefix(300))")
                    #expect(result.lines.filter { $0 == "> transaction begin" }.count == 20)
                    #expect(result.lines.filter { $0 == "< \(Hex.string([UInt8(0x10 + n)])) 90 00 : normal processing" }.count == 20)
                }
                // The same lines without the blocks: the other processes' writes do land in between.
                let unguarded = (0..<T0Sharing.processes).map { T0Sharing.registerScript($0, rounds: 20, block: false) }
                let loose = try T0Sharing.runTogether(unguarded.map { (["--keep-going"], $0) })
                #expect(loose.contains { $0.status == 1 }, "no interleaving seen: the check would not notice a missing transaction")
            }
        }

        @Test("script --transaction and send --transaction hold the card for the whole run")
        func wholeRun() throws {
            try VirtualReader.withT0Card {
                let scripts = (0..<T0Sharing.processes).map { T0Sharing.registerScript($0, rounds: 20, block: false) }
                let results = try T0Sharing.runTogether(scripts.map { (["--keep-going", "--transaction"], $0) })
                for (n, result) in results.enumerated() {
                    #expect(result.status == 0, "process \(n): \(result.stderr.prefix(300))")
                    #expect(T0Sharing.failures(result).isEmpty, "process \(n): \(T0Sharing.failureSummary(result))")
                }
                // Inside --transaction, blocks begin nothing more: the same script with them runs too.
                let blocks = T0Sharing.registerScript(0, rounds: 2, block: true)
                let nested = try T0Sharing.runAlone(["--transaction", "--trace"], script: blocks)
                #expect(nested.status == 0, "\(nested.stderr)")
                #expect(nested.stderr.components(separatedBy: "SCardBeginTransaction").count - 1 == 1)

                let sends = try (0..<T0Sharing.processes).map { n in
                    let value = Hex.string([UInt8(0x20 + n)], separator: "")
                    let apdus = Array(repeating: ["00DA000001\(value)", "00CA020001"], count: 10).flatMap { $0 }
                    return try ScardProcess.start(["send", "--reader", "1", "--transaction", "--check-sw"] + apdus)
                }
                for (n, send) in sends.enumerated() {
                    let result = try send.wait(timeout: 120)
                    #expect(result.status == 0, "send \(n): \(result.stderr)")
                    let reads = result.lines.filter { $0.hasPrefix("< ") && !$0.hasPrefix("< 90 00") }
                    #expect(reads == Array(repeating: "< \(Hex.string([UInt8(0x20 + n)])) 90 00 : normal processing", count: 10))
                }
            }
        }

        @Test("reset inside a block: the transaction goes on; a process connected before sees the reset card, exit 5")
        func resetInsideBlock() throws {
            try VirtualReader.withT0Card {
                let holder = """
                    transaction begin
                    00 DA 00 00 01 07 => 90 00
                    delay 500ms
                    reset
                    00 CA 02 00 01 => 00 90 00
                    delay 300ms
                    transaction end
                    00 CA 02 00 01 => 00 90 00

                    """
                // Long enough for the holder to start, reset and end its block, however busy the machine.
                let other = "delay 5s\n00 CA 02 00 01\n"
                let folder = try temporaryFolder()
                defer { try? FileManager.default.removeItem(at: folder) }
                let holderFile = folder.appendingPathComponent("holder.apdu").path
                let otherFile = folder.appendingPathComponent("other.apdu").path
                try holder.write(toFile: holderFile, atomically: true, encoding: .utf8)
                try other.write(toFile: otherFile, atomically: true, encoding: .utf8)
                // The other process connects first (its trace shows it), then waits; the holder
                // begins its block, resets the card and ends the block meanwhile.
                let waiting = try ScardProcess.start(["script", "--trace", "--reader", "1", otherFile])
                #expect(waiting.waitForError(containing: "SCardConnect("), "the other process connected")
                let held = try ScardProcess.run(["script", "--reader", "1", holderFile])
                #expect(waiting.isRunning, "the other process still waits when the holder is done")
                #expect(held.status == 0, "\(held.stderr)")
                #expect(held.lines.contains("< card reset, T=0, ATR 3B 06 54 30 43 41 52 44"))
                #expect(held.lines.contains("> transaction end"))
                #expect(held.lines.last == "< 00 90 00 : normal processing")
                let late = try waiting.wait(timeout: 60)
                #expect(late.status == 5)
                let error = late.stderr.split(separator: "\n").first { $0.hasPrefix("scard: ") }
                #expect(error?.hasPrefix("scard: line 2: the card was reset by another application") == true, "\(late.stderr)")
            }
        }

        @Test("the card removed inside a block: the line is named, exit 5", VirtualReader.destructive)
        func removedInsideBlock() throws {
            try VirtualReader.withT0Card {
                let script = """
                    transaction begin
                    00 DA 00 00 01 07 => 90 00
                    delay 1500ms
                    00 CA 02 00 01 => 07 90 00
                    transaction end

                    """
                let folder = try temporaryFolder()
                defer { try? FileManager.default.removeItem(at: folder) }
                let file = folder.appendingPathComponent("removed.apdu").path
                try script.write(toFile: file, atomically: true, encoding: .utf8)
                let running = try ScardProcess.start(["script", "--reader", "1", file])
                Thread.sleep(forTimeInterval: 0.5)
                try VirtualReader.control("card-remove", "1")
                let result = try running.wait(timeout: 60)
                #expect(result.status == 5)
                #expect(result.stderr.hasPrefix("scard: line 4: the card was removed after 1 exchange(s)"), "\(result.stderr)")
                #expect(result.lines.first == "> transaction begin")
            }
        }
    }
}
