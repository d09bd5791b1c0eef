import APDUScript
import Foundation
import PCSC
import Testing

extension VirtualReaderTests {
    @Suite("Script sessions through the library")
    struct ScriptSessionTests {
        let script = """
            # test: select
            00 A4 00 0C 02 3F 00 => 90 00
            # test: challenge
            00 84 00 00 08 => * 90 00
            00 CA 00 6E 00 => 90 00
            """

        @Test("a session with its own context runs the script, records it and collects its test cases")
        func ownContext() throws {
            let manager = ResourceManager()
            let parsed = try APDUScript(parsing: script)
            let options = ScriptSessionOptions(run: ScriptRunOptions(keepGoing: true), recordsTranscript: true)
            var lines: [Int] = []
            var started = false
            let result = ScriptSession(manager: manager, reader: VirtualReader.readers[0], options: options)
                .run(parsed, name: "checks.apdu", onStart: { started = true }) { event in lines.append(event.line) }
            #expect(started)
            #expect(result.setupFailure == nil)
            #expect(lines == [1, 2, 3, 4, 5])
            let outcome = try #require(result.outcome)
            #expect(outcome.exchanges == 3)
            #expect(outcome.failedLines == [5])
            #expect(!result.succeeded)
            #expect(result.cardStatus?.atr == VirtualReader.atr)
            let transcript = try #require(result.transcript)
            #expect(transcript.exchanges.count == 3)
            #expect(transcript.atr == Hex.string(VirtualReader.atr))
            let suite = result.suite
            #expect(suite.cases.map(\.name) == ["select", "challenge"])
            #expect(suite.cases[1].failures.map(\.line) == [5])
            #expect(manager.table.liveCount() == 0)
        }

        @Test("a session in the caller's context disconnects its card and leaves the context open")
        func sharedContext() throws {
            let context = try ResourceManager().establishContext()
            defer { _ = try? context.release() }
            let parsed = try APDUScript(parsing: "00 84 00 00 08 => * 90 00\n")
            let result = ScriptSession(context: context, reader: VirtualReader.readers[1]).run(parsed, name: "one")
            #expect(result.succeeded)
            #expect(result.transcript == nil)
            #expect(result.cardStatus == nil)
            #expect(context.manager.table.liveCount(of: .card) == 0)
            try context.validate()
        }

        @Test("an unknown reader is a connection failure before the first line")
        func unknownReader() throws {
            let parsed = try APDUScript(parsing: "\n00 84 00 00 08\n")
            let result = ScriptSession(manager: ResourceManager(), reader: "no such reader").run(parsed, name: "one")
            #expect(result.outcome == nil)
            #expect(result.setupFailure == .connect(.unknownReader))
            #expect(result.suite.cases.first?.error?.line == 2)
        }
    }
}
