import Foundation
import Testing
import TestSupport

@Suite("scard flt")
struct FltCommandTests {
    static let scenarios = ScardProcess.projectRoot.appendingPathComponent("Tests/FilterManagerSimTests/Scenarios")

    static func path(_ name: String) -> String {
        scenarios.appendingPathComponent(name + ".scen").path
    }

    @Test("flt example: every call's status, the ledger, 0 live contexts, exit 0")
    func example() throws {
        let result = try ScardProcess.run(["flt", "example"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("FltSetStreamContext inst report FLT_SET_CONTEXT_KEEP_IF_EXISTS ctx -> STATUS_SUCCESS (0x00000000)"))
        #expect(result.stdout.contains("cleanup StreamContextCleanup(context#1, FLT_STREAM_CONTEXT) at PASSIVE_LEVEL"))
        #expect(result.stdout.contains("live flt: 0"))
        #expect(result.stdout.contains("all expectations met"))
        #expect(result.stdout.contains("ledger flt: 6 event(s)"))
        #expect(result.stdout.contains("  live: 0"))
    }

    @Test("flt example --json prints one JSON object per line, ending with the summary")
    func exampleJSON() throws {
        let result = try ScardProcess.run(["flt", "example", "--json"])
        #expect(result.status == 0)
        let objects = try result.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(objects.first?["call"] as? String == "@filter")
        let summary = try #require(objects.last)
        #expect(summary["type"] as? String == "summary")
        #expect(summary["failureCount"] as? Int == 0)
        #expect((summary["liveObjects"] as? [String: [String]])?["flt"] == [])
    }

    @Test("flt run: each shipped scenario exits as documented", arguments: [
        ("allocate-errors", Int32(0)), ("dispatch-work-item", 0), ("double-release", 0), ("keep-race", 0),
        ("leak", 0), ("paged-at-dispatch", 0), ("related-contexts", 0), ("replace", 0), ("teardown", 0),
        ("registration-rules", 0), ("irql-rules", 0), ("state-expectations", 0),
    ])
    func shipped(name: String, status: Int32) throws {
        let result = try ScardProcess.run(["flt", "run", Self.path(name)])
        #expect(result.status == status, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("all expectations met"))
    }

    /// A paged-at-dispatch release with no `=> BUGCHECK`: the bug check nobody expected.
    static let unexpectedBugCheck = """
        @filter filter
        @register FLT_STREAM_CONTEXT 64 PagedPool 'sctx'
        ctx = FltAllocateContext filter FLT_STREAM_CONTEXT 64 PagedPool
        @irql DISPATCH_LEVEL
        FltReleaseContext ctx
        FltUnregisterFilter filter
        """

    @Test("flt run: an unexpected bug check stops the run naming the rule and the line, exit 1")
    func bugCheck() throws {
        let result = try ScardProcess.run(["flt", "run", "-"], stdin: Self.unexpectedBugCheck)
        #expect(result.status == 1)
        #expect(result.stdout.contains("stopped: BUGCHECK 0xD1 DRIVER_IRQL_NOT_LESS_OR_EQUAL (0x"))
        #expect(result.stdout.contains("at line 5:"))
        #expect(!result.stdout.contains("FltUnregisterFilter"))
    }

    @Test("flt run: an expected bug check is a met expectation, exit 0")
    func expectedBugCheck() throws {
        let result = try ScardProcess.run(["flt", "run", Self.path("paged-at-dispatch")])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("13: FltReleaseContext ctx -> BUGCHECK 0xD1  ok"))
        #expect(!result.stdout.contains("stopped:"))
    }

    @Test("flt run --expect-clean: the leak fails (exit 1) and names the line that took the reference")
    func expectClean() throws {
        let result = try ScardProcess.run(["flt", "run", Self.path("leak"), "--expect-clean"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("VERIFIER: leaked context#1"))
        #expect(result.stdout.contains("FltGetStreamContext at line 13"))
        #expect(result.stdout.contains("live flt: 1: context#1"))
    }

    @Test("flt run --trace prints the ledger, queued then free, to standard error")
    func trace() throws {
        let result = try ScardProcess.run(["flt", "run", Self.path("dispatch-work-item"), "--trace"])
        #expect(result.status == 0)
        let queued = try #require(result.stderr.range(of: "queued context#1"))
        let freed = try #require(result.stderr.range(of: "free context#1"))
        #expect(queued.lowerBound < freed.lowerBound)
        #expect(result.stderr.contains("ledger flt:"))
    }

    @Test("flt run --trace after @reboot prints each machine's ledger, the new one named by its @reboot line")
    func traceAfterReboot() throws {
        let file = ScardProcess.projectRoot.appendingPathComponent("Docs/examples/scenarios/flt-expect-and-reboot.scen").path
        let result = try ScardProcess.run(["flt", "run", file, "--trace"])
        #expect(result.status == 0, "\(result.stderr)")
        let first = try #require(result.stderr.range(of: "ledger flt: 1 event(s)"))
        let second = try #require(result.stderr.range(of: "ledger flt (after @reboot at line 8): 2 event(s)"))
        #expect(first.lowerBound < second.lowerBound)
        #expect(result.stderr[second.upperBound...].contains("free context#1 FLT_STREAM_CONTEXT NonPagedPool"))
    }

    @Test("flt run --fail-fast stops at the first unmet expectation, exit 1")
    func failFast() throws {
        let text = """
            @filter f
            @register FLT_STREAM_CONTEXT 8 NonPagedPool 'x'
            FltAllocateContext f FLT_STREAM_CONTEXT 9 NonPagedPool => STATUS_SUCCESS
            FltAllocateContext f FLT_STREAM_CONTEXT 8 NonPagedPool => STATUS_SUCCESS
            """
        let slow = try ScardProcess.run(["flt", "run", "-"], stdin: text)
        #expect(slow.status == 1)
        #expect(slow.stdout.contains("1 expectation(s) not met"))
        #expect(slow.stdout.contains("4: FltAllocateContext"))
        let fast = try ScardProcess.run(["flt", "run", "-", "--fail-fast"], stdin: text)
        #expect(fast.status == 1)
        #expect(fast.stdout.contains("stopped: line 3: expectation not met (fail-fast)"))
        #expect(!fast.stdout.contains("4: FltAllocateContext"))
    }

    @Test("flt run --json: one object per line, valid against schemas/flt; the summary says where and why the run stopped")
    func json() throws {
        let result = try ScardProcess.run(["flt", "run", "-", "--json"], stdin: Self.unexpectedBugCheck)
        #expect(result.status == 1)
        let objects = try result.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        let summary = try #require(objects.first { $0["type"] as? String == "summary" })
        #expect((summary["stopped"] as? String)?.hasPrefix("BUGCHECK 0xD1") == true)
        #expect(summary["stoppedAtLine"] as? Int == 5)
        #expect(summary["stopReason"] as? String == "bug-check")
        let step = try #require(objects.first { $0["bugCheck"] != nil })
        let check = try #require(step["bugCheck"] as? [String: Any])
        #expect(check["code"] as? String == "000000D1")
        #expect(check["name"] as? String == "DRIVER_IRQL_NOT_LESS_OR_EQUAL")
        #expect((check["parameters"] as? [String])?.count == 4)
        #expect(objects.last?["type"] as? String == "error")
        #expect(try JSONSchemas.problems(in: result.stdout, schema: "flt").isEmpty)
    }

    @Test("flt run: syntax errors and unknown routines name file, line and column, run nothing, exit 2", arguments: [
        ("FltReleaseContext \"abc", "scard: -:1:19: unterminated string"),
        ("@filter f\nFltFrobContext f", "scard: -:2:1: unknown function 'FltFrobContext'"),
        ("@thread T2", "scard: -:1:1: unknown directive '@thread'"),
    ])
    func syntaxError(text: String, message: String) throws {
        let result = try ScardProcess.run(["flt", "run", "-"], stdin: text)
        #expect(result.status == 2)
        #expect(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines) == message)
        #expect(result.stdout.isEmpty)
    }

    @Test("flt run: a file that cannot be read is a one-line error, exit 2")
    func missingFile() throws {
        let result = try ScardProcess.run(["flt", "run", "/nonexistent/flt.scen"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("scard: /nonexistent/flt.scen: cannot read the file"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test("flt --help shows example invocations and the exit codes")
    func help() throws {
        let result = try ScardProcess.run(["flt", "run", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("scard flt run"))
        #expect(result.stdout.contains("Exit codes"))
    }
}
