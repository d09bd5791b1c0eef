import Foundation
import PCSC
import TestSupport
import Testing

/// The virtual reader the integration tests run against, started by `scripts/test.sh`.
enum VirtualReader {
    /// The two readers vpcd exposes.
    static let readers = ["Virtual PCD 00 00", "Virtual PCD 00 01"]
    /// The iso7816 vicc card's answer to reset.
    static let atr: [UInt8] = [0x3B, 0x95, 0x13, 0x81, 0x01, 0x80, 0x73, 0xFF, 0x01, 0x00, 0x0B]

    /// Whether the suite runs against it (`SCARD_VIRTUAL_READER=1`, set by scripts/test.sh).
    static var available: Bool {
        ProcessInfo.processInfo.environment["SCARD_VIRTUAL_READER"] == "1"
    }

    /// Whether the reader is private to this run (started inside `scripts/sandbox.sh`), so that a test
    /// may stop, freeze or kill its pcscd and cards without touching anything it did not start.
    static var isPrivate: Bool {
        ProcessInfo.processInfo.environment["SCARD_PRIVATE_READER"] == "1"
    }

    /// The trait of a test that stops, replaces, freezes or kills pcscd or a card: it runs only
    /// against a private reader, and is skipped with this reason elsewhere.
    static var destructive: ConditionTrait {
        .enabled(if: isPrivate, "stops or kills pcscd or a card: runs only with the private reader of scripts/sandbox.sh")
    }

    /// The folder where `scripts/virtual-reader.sh` keeps the pids of what it started.
    static var stateFolder: String {
        ProcessInfo.processInfo.environment["SCARD_VR_STATE"] ?? "/tmp/scard-virtual-reader"
    }

    /// The pid that `scripts/virtual-reader.sh` recorded in `name` (`pcscd.pid`, `vicc-0.pid`).
    static func pid(_ name: String) throws -> pid_t {
        let text = try String(contentsOfFile: "\(stateFolder)/\(name)", encoding: .utf8)
        return try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// Runs `scripts/virtual-reader.sh` with arguments and returns its result.
    @discardableResult
    static func control(_ arguments: String...) throws -> ScardProcess.Result {
        let script = ScardProcess.projectRoot.appendingPathComponent("scripts/virtual-reader.sh")
        return try ScardProcess.runExecutable(URL(fileURLWithPath: "/bin/bash"), [script.path] + arguments, timeout: 60)
    }

    /// Removes the card from reader `n`, runs `body`, and puts the card back whatever happens.
    static func withCardRemoved<T>(_ n: Int, _ body: () throws -> T) throws -> T {
        try control("card-remove", "\(n)")
        defer { _ = try? control("card-insert", "\(n)") }
        return try body()
    }

    /// Stops pcscd, runs `body`, and starts it again with its cards whatever happens.
    static func withPcscdStopped<T>(_ body: () throws -> T) throws -> T {
        try control("pcscd-stop")
        defer { _ = try? control("pcscd-start") }
        return try body()
    }
}

/// Every test that uses the virtual reader, run one at a time: some of them remove cards or stop pcscd.
@Suite("Virtual reader", .serialized, .enabled(if: VirtualReader.available))
struct VirtualReaderTests {}

/// The PC/SC error `body` throws, or nil when it succeeds (any other error is nil too).
func pcscError(_ body: () throws -> Void) -> PCSCError? {
    do {
        try body()
        return nil
    } catch {
        return error as? PCSCError
    }
}
