import FilterManagerSim
import ScenarioKit
import Testing

@Suite("Filter Manager scenario runner")
struct ScenarioRunnerTests {
    static let prelude = """
        @filter filter
        @register FLT_STREAM_CONTEXT 64 NonPagedPool 'sctx' StreamCleanup
        @volume C
        @instance inst C
        @stream s1 C

        """

    func run(_ body: String, failFast: Bool = false) throws -> ScenarioReport {
        let scenario = try Scenario(parsing: Self.prelude + body)
        return FltScenarioRunner().run(scenario, options: ScenarioOptions(failFast: failFast))
    }

    @Test("statuses print as name and value; a wrong one fails the expectation and the run goes on")
    func statuses() throws {
        let report = try run("""
            ctx = FltAllocateContext filter FLT_STREAM_CONTEXT 64 NonPagedPool => STATUS_SUCCESS
            FltGetStreamContext inst s1 => STATUS_SUCCESS
            FltGetStreamContext inst s1 => 0xC0000225
            FltReleaseContext ctx => -
            """)
        let steps = report.steps.suffix(4)
        #expect(steps.map(\.met) == [true, false, true, true])
        #expect(steps.dropFirst().first?.returned == "STATUS_NOT_FOUND (0xC0000225)")
        #expect(report.failures == 1)
        #expect(report.stopped == nil)
    }

    @Test("a verifier report must be expected with VERIFIER")
    func verifierWord() throws {
        let report = try run("""
            ctx = FltAllocateContext filter FLT_STREAM_CONTEXT 64 NonPagedPool => STATUS_SUCCESS
            FltReleaseContext ctx => -
            FltReleaseContext ctx => -
            FltReleaseContext ctx => - VERIFIER
            FltReleaseContext NULL
            """)
        #expect(report.steps.suffix(4).map(\.met) == [true, false, true, nil])
        #expect(report.steps.last?.notes.first?.hasPrefix("VERIFIER:") == true)
    }

    @Test("fail-fast stops at the first unmet expectation")
    func failFast() throws {
        let report = try run("""
            FltGetStreamContext inst s1 => STATUS_SUCCESS
            FltGetStreamContext inst s1 => STATUS_NOT_FOUND
            """, failFast: true)
        #expect(report.steps.last?.line == 6)
        #expect(report.stopped?.hasPrefix("line 6: expectation not met") == true)
    }

    @Test("bindings: OldContext is bound only when named; contexts print by ledger name")
    func bindings() throws {
        let report = try run("""
            a = FltAllocateContext filter FLT_STREAM_CONTEXT 64 NonPagedPool
            b = FltAllocateContext filter FLT_STREAM_CONTEXT 64 NonPagedPool
            FltSetStreamContext inst s1 FLT_SET_CONTEXT_KEEP_IF_EXISTS a => STATUS_SUCCESS
            old = FltSetStreamContext inst s1 FLT_SET_CONTEXT_KEEP_IF_EXISTS b => STATUS_FLT_CONTEXT_ALREADY_DEFINED
            FltSetStreamContext inst s1 FLT_SET_CONTEXT_KEEP_IF_EXISTS b => STATUS_FLT_CONTEXT_ALREADY_DEFINED
            """)
        let steps = Array(report.steps.suffix(5))
        #expect(steps[0].bound == ["a": "context#1"])
        #expect(steps[3].bound == ["old": "context#1"])
        #expect(steps[3].ledgerDelta == ["retain context#1 FLT_STREAM_CONTEXT NonPagedPool (64 bytes) count=3"])
        #expect(steps[4].ledgerDelta.isEmpty)
        #expect(report.live["flt"] == ["context#1", "context#2"])
    }

    @Test("a line that cannot run is an unmet line naming the problem, and the run goes on")
    func runtimeErrors() throws {
        let report = try run("""
            FltReleaseContext nosuchname
            @stream s1 C
            @close nothing
            @irql TOO_HIGH
            FltGetStreamContext inst s1 => STATUS_NOT_FOUND
            """)
        let steps = Array(report.steps.suffix(5))
        #expect(steps.prefix(4).allSatisfy { $0.met == false && $0.returned == "not run" })
        #expect(steps[0].notes.first?.contains("unknown name 'nosuchname'") == true)
        #expect(steps[1].notes.first?.contains("already in use") == true)
        #expect(steps[4].met == true)
    }

    @Test("unknown routines, directives, and wrong argument or binding counts are syntax errors before anything runs")
    func check() throws {
        let bad = [
            ("FltFrobContext ctx", 1, 1), ("@thread T2", 1, 1), ("FltReleaseContext", 1, 1),
            ("FltReleaseContext a b", 1, 21), ("x = FltReleaseContext a", 1, 1), ("@volume", 1, 1),
            ("a, b = FltGetStreamContext i s", 1, 1),
        ]
        for (text, line, column) in bad {
            let scenario = try Scenario(parsing: text)
            let error = #expect(throws: ScenarioSyntaxError.self) { try FltScenarioRunner.calls.check(scenario) }
            #expect(error?.line == line)
            #expect(error?.column == column, "\(text)")
        }
        #expect(throws: Never.self) { try FltScenarioRunner.calls.check(try Scenario(parsing: Self.prelude)) }
    }

    @Test("@step and @drain return the number of work items run; @irql names the level")
    func workQueue() throws {
        let report = try run("""
            a = FltAllocateContext filter FLT_STREAM_CONTEXT 64 NonPagedPool
            b = FltAllocateContext filter FLT_STREAM_CONTEXT 64 NonPagedPool
            @irql DISPATCH_LEVEL => DISPATCH_LEVEL
            FltReleaseContext a => -
            FltReleaseContext b => -
            @irql 0
            @step => 1
            @drain => 1
            @drain => 0
            """)
        #expect(report.failures == 0)
        let steps = Array(report.steps.suffix(6))
        #expect(steps[0].ledgerDelta == ["queued context#1 FLT_STREAM_CONTEXT NonPagedPool (64 bytes)"])
        #expect(steps[2].returned == "PASSIVE_LEVEL")
        #expect(steps[3].notes.contains { $0.contains("in the work item") })
        #expect(report.liveTotal == 0)
    }

    @Test("a bug check stops the run; BUGCHECK is the expectation that matches it")
    func bugCheck() throws {
        let report = try run("""
            @irql DISPATCH_LEVEL
            FltAllocateContext filter FLT_STREAM_CONTEXT 64 NonPagedPool => BUGCHECK
            FltReleaseContext NULL
            """)
        #expect(report.steps.last?.met == true)
        #expect(report.steps.last?.line == 7)
        #expect(report.steps.last?.notes.first?.contains("FltAllocateContext called at DISPATCH_LEVEL") == true)
        #expect(report.steps.last?.bugCheck?.code == 0xD1)
        // A met BUGCHECK with no @reboot after it ends the run without failing it.
        #expect(report.stopped == nil)
    }

    @Test("objects: @file, @open, @transaction, @detach, @dismount, @commit, @rollback, nostreamcontexts")
    func objects() throws {
        let report = try run("""
            @file f C
            @stream s2 f
            @open h s2
            @transaction t
            @transaction u
            @volume A nostreamcontexts
            @instance ia A
            @stream sa A
            c = FltAllocateContext filter FLT_STREAM_CONTEXT 64 NonPagedPool
            FltSetStreamContext ia sa FLT_SET_CONTEXT_KEEP_IF_EXISTS c => STATUS_NOT_SUPPORTED
            FltSetStreamContext inst h FLT_SET_CONTEXT_KEEP_IF_EXISTS c => STATUS_SUCCESS
            @close f
            @commit t
            @rollback u
            @detach inst
            @dismount C
            @dismount A
            @detach s1
            FltReleaseContext c => -
            """)
        let steps = Array(report.steps.suffix(19))
        #expect(steps.prefix(17).allSatisfy { $0.met != false }, "\(steps.map(\.notes))")
        #expect(steps[11].notes.first?.contains("unlinked from the stream s2") == true)
        #expect(steps[17].met == false)
        #expect(steps[17].notes.first?.contains("@detach does not apply to the stream s1") == true)
        #expect(report.liveTotal == 0)
    }
}
