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
