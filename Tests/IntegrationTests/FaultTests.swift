import Foundation
import TestSupport
import Testing

/// A script of `count` GET CHALLENGE commands, each followed by `delay` (none when nil), in a
/// temporary file that `body` receives and that is removed afterwards.
func withChallengeScript<T>(_ count: Int, delay: String?, _ body: (String) throws -> T) throws -> T {
    let line = "00 84 00 00 08\n" + (delay.map { "delay \($0)\n" } ?? "")
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("scard-fault-\(getpid())-\(UUID().uuidString).apdu").path
    try String(repeating: line, count: count).write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try body(path)
}

/// The pid of the vicc card behind reader `n`, as the virtual reader recorded it.
func viccPid(_ n: Int) throws -> pid_t {
    try VirtualReader.pid("vicc-\(n).pid")
}

/// Brings the virtual reader back after a process of it was killed outright: whatever is left of
/// pcscd and the cards is stopped, then pcscd and both cards are started and waited for.
func restoreVirtualReader() {
    _ = try? VirtualReader.control("pcscd-stop")
    _ = try? VirtualReader.control("pcscd-start")
    _ = try? VirtualReader.control("card-insert", "0")
    _ = try? VirtualReader.control("card-insert", "1")
}

/// The count of exchanges a `scard script` run printed (`< ` response lines).
func exchangesDone(_ result: ScardProcess.Result) -> Int {
    result.lines.filter { $0.hasPrefix("< ") }.count
}

/// `scripts/exclusive_holder.py` running in the background: another process holding a card with
/// SCARD_SHARE_EXCLUSIVE until it is stopped.
final class ExclusiveHolder: @unchecked Sendable {
    private let process = Process()
    private let lock = NSLock()
    private var output = ""

    /// Starts the holder on `reader` and waits (at most 10 s) until it says it holds the card.
    init(reader: String) throws {
        let script = ScardProcess.projectRoot.appendingPathComponent("scripts/exclusive_holder.py")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script.path, reader, "60"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            guard let self else { return }
            self.lock.lock()
            self.output += text
            self.lock.unlock()
        }
        try process.run()
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline && process.isRunning && !said("holding ") {
            Thread.sleep(forTimeInterval: 0.02)
        }
        guard said("holding ") else {
            stop()
            throw HolderError(output: text)
        }
    }

    /// Everything the holder printed so far.
    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return output
    }

    private func said(_ prefix: String) -> Bool { text.contains(prefix) }

    /// Ends the holder (SIGTERM: it disconnects and releases its context) and waits at most 10 s.
    func stop() {
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// The holder could not take the card.
    struct HolderError: Error, CustomStringConvertible {
        /// What it printed.
        let output: String
        /// `exclusive holder failed: ...`.
        var description: String { "exclusive holder failed: \(output)" }
    }
}

extension VirtualReaderTests {
    @Suite("Faults against the real stack")
    struct FaultTests {
        @Test("pcscd killed (SIGKILL) in the middle of a 1,000-APDU script: exit 6, one line naming it, exchanges reported", VirtualReader.destructive)
        func pcscdKilled() throws {
            try withChallengeScript(1000, delay: "2ms") { path in
                let run = try ScardProcess.start(["script", "-r", "0", path])
                Thread.sleep(forTimeInterval: 0.8)
                defer { restoreVirtualReader() }
                #expect(kill(try VirtualReader.pid("pcscd.pid"), SIGKILL) == 0)
                let result = try run.wait(timeout: 30)
                let done = exchangesDone(result)
                #expect(result.status == 6)
                #expect(done > 0 && done < 1000)
                #expect(result.stderr.hasPrefix("scard: line \(2 * done + 1): lost pcscd after \(done) exchange(s)"))
                #expect(result.stderr.split(separator: "\n").count == 1)
            }
        }

        @Test("the card's vicc killed in the middle of a 1,000-APDU script: exit 5, one line naming it, exchanges reported", VirtualReader.destructive)
        func cardProcessKilled() throws {
            try withChallengeScript(1000, delay: "2ms") { path in
                let run = try ScardProcess.start(["script", "-r", "1", path])
                Thread.sleep(forTimeInterval: 0.8)
                defer { _ = try? VirtualReader.control("card-insert", "1") }
                #expect(kill(try viccPid(1), SIGKILL) == 0)
                let result = try run.wait(timeout: 30)
                let done = exchangesDone(result)
                #expect(result.status == 5)
                #expect(done > 0 && done < 1000)
                #expect(result.stderr.hasPrefix("scard: line \(2 * done + 1): the card was removed after \(done) exchange(s)"))
                // The code pcsc-lite returned is named, but not with the advice of another situation.
                #expect(!result.stderr.contains("no transaction to end"), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1)
            }
        }

        @Test("pcscd restarted: the same 1,000-APDU script runs in full before and after", VirtualReader.destructive)
        func pcscdRestarted() throws {
            try withChallengeScript(1000, delay: nil) { path in
                let before = try ScardProcess.run(["script", "-r", "0", path], timeout: 120)
                #expect(before.status == 0)
                #expect(exchangesDone(before) == 1000)
                try VirtualReader.control("pcscd-stop")
                let stopped = try ScardProcess.run(["script", "-r", "0", path], timeout: 30)
                #expect(stopped.status == 6)
                #expect(exchangesDone(stopped) == 0)
                try VirtualReader.control("pcscd-start")
                let after = try ScardProcess.run(["script", "-r", "0", path], timeout: 120)
                #expect(after.status == 0, "after the restart: \(after.stderr)")
                #expect(exchangesDone(after) == 1000)
            }
        }

        @Test("a card held exclusively by another process: exit 3 naming the sharing violation; free again once it lets go")
        func exclusiveInAnotherProcess() throws {
            let reader = VirtualReader.readers[0]
            let holder = try ExclusiveHolder(reader: reader)
            defer { holder.stop() }
            let send = try ScardProcess.run(["send", "-r", "0", "00 84 00 00 08"], timeout: 30)
            #expect(send.status == 3)
            #expect(send.stderr.hasPrefix("scard: "))
            #expect(send.stderr.contains("SCARD_E_SHARING_VIOLATION"), "stderr: \(send.stderr)")
            #expect(send.stderr.contains("another application holds the card exclusively"))
            #expect(send.stderr.split(separator: "\n").count == 1)
            let script = try withChallengeScript(3, delay: nil) { path in
                try ScardProcess.run(["script", "-r", "0", path], timeout: 30)
            }
            #expect(script.status == 3)
            #expect(exchangesDone(script) == 0)
            #expect(script.stderr.contains("SCARD_E_SHARING_VIOLATION"), "stderr: \(script.stderr)")
            holder.stop()
            let again = try ScardProcess.run(["send", "-r", "0", "00 84 00 00 08"], timeout: 30)
            #expect(again.status == 0, "after the holder let go: \(again.stderr)")
        }
    }
}
