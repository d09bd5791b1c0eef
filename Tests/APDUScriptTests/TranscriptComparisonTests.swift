import APDUScript
import Foundation
import Testing

/// A transcript of `exchanges` (command, response, wire) on a fixed card.
private func transcript(_ exchanges: [(Int, String, String, [(String, String)]?)], atr: String = "3B 95 13 81 01 80 73 FF 01 00 0B") -> Transcript {
    Transcript(
        script: "t.apdu", reader: "Virtual PCD 00 00", atr: atr, protocol: "T=1",
        exchanges: exchanges.map { line, command, response, wire in
            TranscriptExchange(
                line: line, command: command, response: response, sw: String(response.suffix(5)),
                wire: wire?.map { TranscriptWire(command: $0.0, response: $0.1, seconds: 0.001) }, seconds: 0.002)
        })
}

@Suite("Transcript comparison")
struct TranscriptComparisonTests {
    @Test("equal transcripts have no differences, whatever the durations and the reader")
    func equal() throws {
        let golden = transcript([(2, "00 A4 00 0C 02 3F 00", "90 00", [("00 A4 00 0C 02 3F 00", "90 00")])])
        var run = golden
        run.reader = "another reader"
        run.exchanges[0].seconds = 9
        run.exchanges[0].wire?[0].seconds = 9
        #expect(try TranscriptComparison(golden: golden).differences(from: run).isEmpty)
    }

    @Test("a different response is a changed exchange naming the field")
    func changedResponse() throws {
        let golden = transcript([(2, "00 A4 00 0C 02 3F 00", "90 00", nil)])
        let run = transcript([(2, "00A4000C023F00", "6A 82", nil)])
        let differences = try TranscriptComparison(golden: golden).differences(from: run)
        #expect(differences == [.changed(
            expected: golden.exchanges[0], actual: run.exchanges[0],
            fields: [TranscriptFieldDifference(field: "response", expected: "90 00", actual: "6A 82")])])
    }

    @Test(".. and * in the golden response and ATR match anything")
    func wildcards() throws {
        let golden = transcript([(1, "00 84 00 00 08", ".. .. .. .. .. .. .. .. 90 00", nil), (2, "00 CA 01 00 00", "00 01 * 90 00", nil)], atr: "3B .. 13 * .. 0B")
        let run = transcript([(1, "00 84 00 00 08", "01 02 03 04 05 06 07 08 90 00", nil), (2, "00 CA 01 00 00", "00 01 02 03 90 00", nil)])
        #expect(try TranscriptComparison(golden: golden).differences(from: run).isEmpty)
        let short = transcript([(1, "00 84 00 00 08", "01 02 90 00", nil), (2, "00 CA 01 00 00", "00 02 90 00", nil)], atr: "3F 00")
        let differences = try TranscriptComparison(golden: golden).differences(from: short)
        #expect(differences.count == 3)
        #expect(differences.first == .atr(expected: "3B .. 13 * .. 0B", actual: "3F 00"))
    }

    @Test("ignored data: only the length and the status word of the data count")
    func ignoredData() throws {
        let golden = transcript([(1, "00 84 00 00 08", "11 22 33 44 55 66 77 88 90 00", [("00 84 00 00 00", "6C 08"), ("00 84 00 00 08", "11 22 33 44 55 66 77 88 90 00")])])
        let run = transcript([(1, "00 84 00 00 08", "A1 A2 A3 A4 A5 A6 A7 A8 90 00", [("00 84 00 00 00", "6C 08"), ("00 84 00 00 08", "A1 A2 A3 A4 A5 A6 A7 A8 90 00")])])
        let ignoring = try IgnoredData(parsing: ["00 84"])
        #expect(try TranscriptComparison(golden: golden).differences(from: run).count == 1)
        #expect(try TranscriptComparison(golden: golden, ignoring: ignoring).differences(from: run).isEmpty)
        let shorter = transcript([(1, "00 84 00 00 08", "A1 A2 90 00", [("00 84 00 00 00", "6C 08"), ("00 84 00 00 08", "A1 A2 90 00")])])
        #expect(try TranscriptComparison(golden: golden, ignoring: ignoring).differences(from: shorter).count == 1)
        #expect(ignoring.applies(to: [0x00, 0x84, 0x00, 0x00, 0x08]))
        #expect(!ignoring.applies(to: [0x00, 0xA4]))
        #expect(IgnoredData.masked([0x01, 0x02, 0x90, 0x00]) == ".. .. 90 00")
        #expect(throws: TranscriptError.self) { try IgnoredData(parsing: ["0G"]) }
        #expect(throws: TranscriptError.self) { try IgnoredData(parsing: [""]) }
    }

    @Test("wire exchanges: their number and each response are compared when there are several")
    func wire() throws {
        let golden = transcript([(1, "00 B0 00 00 00", "01 90 00", [("00 B0 00 00 00", "6C 01"), ("00 B0 00 00 01", "01 90 00")])])
        let single = transcript([(1, "00 B0 00 00 00", "01 90 00", [("00 B0 00 00 00", "01 90 00")])])
        let differences = try TranscriptComparison(golden: golden).differences(from: single)
        guard case .changed(_, _, let fields) = differences.first else {
            Issue.record("expected a changed exchange, got \(differences)")
            return
        }
        #expect(fields.map(\.field) == ["wire"])
        #expect(fields.first?.expected == "2 exchange(s): 00 B0 00 00 00 -> 6C 01; 00 B0 00 00 01 -> 01 90 00")
        var otherLe = golden
        otherLe.exchanges[0].wire?[0].response = "6C 02"
        let le = try TranscriptComparison(golden: golden).differences(from: otherLe)
        guard case .changed(_, _, let leFields) = le.first else {
            Issue.record("expected a changed exchange, got \(le)")
            return
        }
        #expect(leFields.map(\.field) == ["wire 1 response"])
        var noWire = golden
        noWire.exchanges[0].wire = nil
        #expect(try TranscriptComparison(golden: noWire).differences(from: single).isEmpty)
    }

    @Test("exchanges are aligned by command: a missing one, an extra one, a moved line")
    func alignment() throws {
        let golden = transcript([(1, "00 A4 00 0C 02 3F 00", "90 00", nil), (2, "00 84 00 00 08", "90 00", nil), (3, "00 FF 00 00", "6D 00", nil)])
        let run = transcript([(2, "00 A4 00 0C 02 3F 00", "90 00", nil), (3, "00 FF 00 00", "6D 00", nil), (4, "00 CA 00 00 00", "6A 88", nil)])
        let differences = try TranscriptComparison(golden: golden).differences(from: run)
        #expect(differences.count == 2)
        if case .missing(let exchange) = differences.first { #expect(exchange.command == "00 84 00 00 08") } else { Issue.record("\(differences)") }
        if case .extra(let exchange) = differences.last { #expect(exchange.command == "00 CA 00 00 00") } else { Issue.record("\(differences)") }
        let shorter = transcript([(1, "00 A4 00 0C 02 3F 00", "90 00", nil)])
        #expect(try TranscriptComparison(golden: golden).differences(from: shorter).count == 2)
        // Between two matches, unmatched exchanges pair up in order as changed ones.
        let replaced = transcript([(1, "00 A4 00 0C 02 3F 00", "90 00", nil), (2, "00 86 00 00 08", "90 00", nil), (3, "00 FF 00 00", "6D 00", nil)])
        let changed = try TranscriptComparison(golden: golden).differences(from: replaced)
        #expect(changed == [.changed(
            expected: golden.exchanges[1], actual: replaced.exchanges[1],
            fields: [TranscriptFieldDifference(field: "command", expected: "00 84 00 00 08", actual: "00 86 00 00 08")])])
    }

    @Test("a malformed golden field names the exchange and the field")
    func malformedGolden() throws {
        let golden = transcript([(7, "00 A4", "9X 00", nil)])
        #expect(throws: TranscriptError.self) { try TranscriptComparison(golden: golden) }
        do {
            _ = try TranscriptComparison(golden: golden)
        } catch {
            #expect(error.message.hasPrefix("exchange 1 (line 7): response: '9X 00': "))
        }
    }

    @Test("JSON round trip; a file of another format is refused with one sentence")
    func json() throws {
        let original = transcript([(2, "00 A4 00 0C 02 3F 00", "90 00", [("00 A4 00 0C 02 3F 00", "90 00")])])
        let data = try original.jsonData()
        #expect(try Transcript(jsonData: data) == original)
        #expect(String(decoding: data, as: UTF8.self).contains("\"format\" : \"scard-transcript/1\""))
        #expect(throws: TranscriptError(message: "unknown transcript format 'x', expected 'scard-transcript/1'")) {
            try Transcript(jsonData: Data(#"{"format":"x","reader":"r","atr":"","exchanges":[]}"#.utf8))
        }
        #expect(throws: TranscriptError(message: "not a transcript: missing field 'exchanges'")) {
            try Transcript(jsonData: Data(#"{"format":"scard-transcript/1","reader":"r","atr":""}"#.utf8))
        }
        #expect(throws: TranscriptError(message: "not a transcript: malformed JSON")) {
            try Transcript(jsonData: Data("[".utf8))
        }
    }
}
