import FilterManagerSim
import ScenarioKit
import Testing

@Suite("Filter Manager scenarios at scale: long runs and files with many streams")
struct LargeScenarioTests {
    static let prelude = """
        @filter f
        @register FLT_STREAM_CONTEXT 16 PagedPool 'sctx' StreamCleanup
        @volume C
        @instance ic C
        @file report C

        """

    /// A scenario that gives each of `count` streams of one file a stream context, then closes the file.
    static func manyStreams(_ count: Int) -> String {
        var text = prelude
        for index in 0..<count {
            text += """
                @stream s\(index) report
                c\(index) = FltAllocateContext f FLT_STREAM_CONTEXT 16 PagedPool => STATUS_SUCCESS
                FltSetStreamContext ic s\(index) FLT_SET_CONTEXT_KEEP_IF_EXISTS c\(index) => STATUS_SUCCESS
                FltReleaseContext c\(index) => -

                """
        }
        return text + "@close report\nFltUnregisterFilter f => -\n"
    }

    @Test("closing a file with 20,000 streams frees every stream context, in order, each once")
    func closeManyStreams() throws {
        let count = 20_000
        let report = FltScenarioRunner().run(try Scenario(parsing: Self.manyStreams(count)), options: ScenarioOptions())
        #expect(report.failures == 0)
        #expect(report.stopped == nil)
        #expect(report.liveTotal == 0)
        let close = try #require(report.steps.first { $0.call == "@close" })
        let unlinked = close.notes.filter { $0.contains("unlinked from the stream") }
        let cleanups = close.notes.filter { $0.hasPrefix("cleanup StreamCleanup") }
        #expect(unlinked.count == count)
        #expect(cleanups.count == count)
        #expect(close.ledgerDelta.count == count)
        #expect(unlinked.first == "context#1 unlinked from the stream s0, the link's reference dropped")
        #expect(unlinked.last == "context#\(count) unlinked from the stream s\(count - 1), the link's reference dropped")
        #expect(close.ledgerDelta.last == "free context#\(count) FLT_STREAM_CONTEXT PagedPool (16 bytes)")
    }

    @Test("100,000 steps run with each step's own ledger changes")
    func longRun() throws {
        var text = Self.prelude + "@stream s report\n"
        for index in 0..<33_333 {
            text += """
                c\(index) = FltAllocateContext f FLT_STREAM_CONTEXT 16 PagedPool => STATUS_SUCCESS
                FltReleaseContext c\(index) => -
                FltGetStreamContext ic s => STATUS_NOT_FOUND

                """
        }
        let scenario = try Scenario(parsing: text)
        let report = FltScenarioRunner().run(scenario, options: ScenarioOptions())
        #expect(report.steps.count == scenario.lines.count)
        #expect(report.steps.count > 100_000)
        #expect(report.failures == 0)
        #expect(report.liveTotal == 0)
        let last = report.steps.suffix(3).map(\.ledgerDelta)
        #expect(last[0] == ["allocate context#33333 FLT_STREAM_CONTEXT PagedPool (16 bytes)"])
        #expect(last[1] == ["free context#33333 FLT_STREAM_CONTEXT PagedPool (16 bytes)"])
        #expect(last[2] == [])
    }

    @Test("a ledger that keeps only a few events gives each step the same changes as one that keeps all")
    func boundedLedgerDeltas() throws {
        let scenario = try Scenario(parsing: Self.manyStreams(50))
        let full = FltScenarioRunner(machine: FilterManager()).run(scenario, options: ScenarioOptions())
        let bounded = FltScenarioRunner(machine: FilterManager(ledgerCapacity: 7)).run(scenario, options: ScenarioOptions())
        let kept = full.steps.map { Array($0.ledgerDelta.suffix(7)) }
        #expect(bounded.steps.map(\.ledgerDelta) == kept)
        #expect(full.steps.contains { $0.ledgerDelta.count > 7 })
    }
}
