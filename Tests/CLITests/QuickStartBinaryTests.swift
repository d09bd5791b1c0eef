import Testing
import TestSupport

/// `scard list-readers` and `scard atr HEX` start through `QuickStart`. These run the binary with a
/// vector it takes and with one meaning the same that it leaves to the full parser (a flag or an
/// option given twice, `--` before the ATR): the two runs must answer alike, byte for byte.
@Suite("QuickStart in the binary: the same answers on both paths")
struct QuickStartBinaryTests {
    /// No pcscd listens here, so `list-readers` fails the same known way on both paths.
    static let noPcscd = ["PCSCLITE_CSOCK_NAME": "/nonexistent/pcscd.comm"]
    static let atr = ["3B", "95", "13", "81", "01", "80", "73", "FF", "01", "00", "0B"]

    @Test("a vector QuickStart reads, and one meaning the same it leaves to the full parser", arguments: [
        (["list-readers"], ["list-readers", "--atr-list", "/nonexistent/list.txt", "--atr-list", "/nonexistent/list.txt"]),
        (["list-readers", "--json"], ["list-readers", "--json", "--json"]),
        (["atr"] + atr, ["atr", "--"] + atr),
        (["atr", "--json"] + atr, ["atr", "--json", "--json"] + atr),
        (["atr", "3B", "95", "13"], ["atr", "--", "3B", "95", "13"]),
        (["atr", "--json", "3B", "95", "13"], ["atr", "--json", "--", "3B", "95", "13"]),
        (["atr", "--atr-list", "/nonexistent/list.txt"] + atr, ["atr", "--atr-list", "/nonexistent/list.txt", "--"] + atr),
    ])
    func sameAnswers(quick: [String], full: [String]) throws {
        let one = try ScardProcess.run(quick, environment: Self.noPcscd, timeout: 30)
        let other = try ScardProcess.run(full, environment: Self.noPcscd, timeout: 30)
        #expect(one.status == other.status, "\(quick): \(one.stderr)\n\(full): \(other.stderr)")
        #expect(one.stdout == other.stdout)
        #expect(one.stderr == other.stderr)
        #expect(!one.stdout.isEmpty || !one.stderr.isEmpty)
    }

    @Test("what only the full parser answers: help, an invalid $SCARD_TIMEOUT or --timeout, --reader with an ATR")
    func fullParserAnswers() throws {
        let help = try ScardProcess.run(["list-readers", "--help"], environment: Self.noPcscd, timeout: 30)
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("OVERVIEW: List the readers and whether each holds a card."))
        let environment = try ScardProcess.run(
            ["list-readers"], environment: Self.noPcscd.merging(["SCARD_TIMEOUT": "abc"]) { $1 }, timeout: 30)
        #expect(environment.status == 2)
        #expect(environment.stderr == "scard: SCARD_TIMEOUT='abc' is not a positive number of seconds (see 'scard --help')\n")
        let timeout = try ScardProcess.run(["list-readers", "--json", "--timeout", "0"], environment: Self.noPcscd, timeout: 30)
        #expect(timeout.status == 2)
        #expect(timeout.stderr == "scard: --timeout must be a positive number of seconds (see 'scard --help')\n")
        #expect(timeout.stdout == #"{"exitCode":2,"message":"--timeout must be a positive number of seconds (see 'scard --help')","type":"error"}"# + "\n")
        let both = try ScardProcess.run(["atr", "3B", "--reader", "0"], environment: Self.noPcscd, timeout: 30)
        #expect(both.status == 2)
        #expect(both.stderr == "scard: give an ATR in hex or --reader, not both (see 'scard --help')\n")
    }
}
