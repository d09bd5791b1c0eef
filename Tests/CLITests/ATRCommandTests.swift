import Foundation
import Testing
import TestSupport

@Suite("scard atr")
struct ATRCommandTests {
    static let virtualCard = "3B 95 13 81 01 80 73 FF 01 00 0B"

    /// The report: the first JSON line printed on standard output (an error line may follow it).
    func object(_ result: ScardProcess.Result) throws -> [String: Any] {
        let data = Data((result.lines.first ?? "").utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("a valid ATR prints every byte with its meaning and exits 0")
    func valid() throws {
        let result = try ScardProcess.run(["atr", Self.virtualCard])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.lines.first == "ATR: 3B 95 13 81 01 80 73 FF 01 00 0B")
        #expect(result.lines.contains("TS   3B  direct convention"))
        #expect(result.lines.contains("T0   95  Y1 = 1001 (TA1 TD1 follow), K = 5 historical byte(s)"))
        #expect(result.lines.contains {
            $0.hasPrefix("TA1  13  Fi = 372, Di = 4, 93 cycles/ETU, f(max) = 5 MHz")
        })
        #expect(result.lines.contains("TD1  81  Y2 = 1000 (TD2 follows), protocol T=1 (half-duplex block)"))
        #expect(result.lines.contains("Protocols: T=1"))
        #expect(result.lines.contains("  category 80: compact-TLV data objects"))
        #expect(result.lines.contains("TCK  0B  correct"))
        #expect(result.lines.contains("Valid ATR."))
    }

    @Test("one argument per byte, colons and lower case give the same decoding")
    func spellings() throws {
        let spaced = try ScardProcess.run(["atr", Self.virtualCard])
        let perByte = try ScardProcess.run(["atr"] + Self.virtualCard.split(separator: " ").map(String.init))
        let colons = try ScardProcess.run(["atr", "3b:95:13:81:01:80:73:ff:01:00:0b"])
        let packed = try ScardProcess.run(["atr", "3B951381018073FF01000B"])
        #expect(perByte.stdout == spaced.stdout)
        #expect(colons.stdout == spaced.stdout)
        #expect(packed.stdout == spaced.stdout)
    }

    @Test("--json prints one object with the fields, protocols and TCK check")
    func json() throws {
        let result = try ScardProcess.run(["atr", "--json", "3B F8 13 00 00 81 31 FE 15 59 75 62 69 6B 65 79 34 D4"])
        #expect(result.status == 0)
        #expect(result.lines.count == 1)
        let report = try object(result)
        #expect(report["valid"] as? Bool == true)
        #expect(report["convention"] as? String == "direct")
        #expect(report["protocols"] as? [String] == ["T=1"])
        let bytes = try #require(report["interfaceBytes"] as? [[String: Any]])
        #expect(bytes.compactMap { $0["name"] as? String } == ["TA1", "TB1", "TC1", "TD1", "TD2", "TA3", "TB3"])
        #expect(bytes.last?["meaning"] as? String == "BWI = 1, CWI = 5: CWT = 43 etu, BWT = 11 etu + 2 × 960 × 372 / f")
        let tck = try #require(report["tck"] as? [String: Any])
        #expect(tck["correct"] as? Bool == true)
        #expect(tck["value"] as? String == "D4")
        let historical = try #require(report["historicalBytes"] as? [String: Any])
        #expect(historical["ascii"] as? String == "Yubikey4")
        #expect(report["problems"] as? [String] == [])
    }

    @Test("a wrong TCK is decoded, explained on stderr, and exits 1")
    func wrongCheckByte() throws {
        let result = try ScardProcess.run(["atr", "3B 95 13 81 01 80 73 FF 01 00 0C"])
        #expect(result.status == 1)
        #expect(result.lines.contains("TCK  0C  WRONG, expected 0B"))
        #expect(result.stderr == "scard: atr: wrong TCK: found 0C, expected 0B (XOR of T0 up to the last historical byte)\n")
        let json = try ScardProcess.run(["atr", "--json", "3B 95 13 81 01 80 73 FF 01 00 0C"])
        #expect(json.status == 1)
        let report = try object(json)
        #expect(report["valid"] as? Bool == false)
        #expect(report["malformed"] as? Bool == false)
        #expect(json.lines.count == 2)
        #expect(json.lines.last?.contains(#""type":"error""#) == true)
    }

    @Test("a missing TCK and extra bytes exit 1")
    func otherChecks() throws {
        let missing = try ScardProcess.run(["atr", "3B 95 13 81 01 80 73 FF 01 00"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("scard: atr: missing TCK"))
        let extra = try ScardProcess.run(["atr", "3B 02 14 50 11"])
        #expect(extra.status == 1)
        #expect(extra.lines.contains("Extra bytes: 11"))
    }

    @Test("truncated interface bytes: what is there is decoded, the problem explained, exit 2")
    func truncatedInterfaceBytes() throws {
        let result = try ScardProcess.run(["atr", "3B F8 13"])
        #expect(result.status == 2)
        #expect(result.lines.contains { $0.hasPrefix("TA1  13  Fi = 372") })
        #expect(!result.lines.contains { $0.hasPrefix("Protocols") })
        #expect(result.lines.contains("Historical bytes: missing (T0 announces 8)"))
        #expect(result.stderr == "scard: atr: truncated interface bytes: TB1 is announced but the ATR ends at byte 3\n")
        let json = try object(try ScardProcess.run(["atr", "--json", "3B F8 13"]))
        #expect(json["malformed"] as? Bool == true)
        #expect(json["protocols"] as? [String] == [])
    }

    @Test("truncated historical bytes and a too short ATR exit 2")
    func malformed() throws {
        let historical = try ScardProcess.run(["atr", "3B 95 13 81 01 80 73 FF 01"])
        #expect(historical.status == 2)
        #expect(historical.stderr.contains("truncated historical bytes: T0 announces 5, only 4 present"))
        let short = try ScardProcess.run(["atr", "3B"])
        #expect(short.status == 2)
        #expect(short.stderr.contains("too short"))
        let badTS = try ScardProcess.run(["atr", "3C 00"])
        #expect(badTS.status == 2)
        #expect(badTS.stderr.contains("invalid TS 3C"))
    }

    @Test("malformed hex and no argument are usage errors: one line on stderr, nothing on stdout, exit 2")
    func usage() throws {
        for arguments in [["atr", "3B 9G"], ["atr", "3B 951"], ["atr"], ["atr", ":"]] {
            let result = try ScardProcess.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments)")
            #expect(result.stderr.hasPrefix("scard: atr: "), "\(arguments)")
        }
    }

    @Test("--help documents the exit codes and gives an example")
    func help() throws {
        let result = try ScardProcess.run(["atr", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("$ scard atr 3B 95 13 81 01 80 73 FF 01 00 0B"))
        #expect(result.stdout.contains("1  every field decodes but a check fails"))
        #expect(result.stdout.contains("2  not an ATR"))
    }
}
