import RPCSim
import ScenarioKit
import Testing

/// How the RPC runner reports lines: codes, bound names, expectations, errors, ledgers.
@Suite("RPC scenario runner")
struct ScenarioRunnerTests {
    @Test("codes print as name and value; bound names show handles and NULL")
    func printing() throws {
        let report = try runScenario(
            """
            @server
            @client c1
            h = OpenResource c1 "n"
            RpcSmDestroyClientContext h
            RpcSmDestroyClientContext h
            RpcSsDestroyClientContext h
            """)
        #expect(report.steps.map(\.returned) == [
            "RPC_S_OK (0)", "RPC_S_OK (0)", "RPC_S_OK (0)", "RPC_S_OK (0)", "RPC_X_SS_CONTEXT_MISMATCH (6)",
            "EXCEPTION RPC_X_SS_CONTEXT_MISMATCH (6)",
        ])
        #expect(report.steps[1].bound["c1"]?.hasPrefix("0x") == true)
        #expect(report.steps[2].bound["h"]?.hasPrefix("0x") == true)
        #expect(report.steps[3].bound == ["h": "NULL"])
        #expect(report.steps[4].bound == ["h": "NULL"])
        #expect(report.steps.allSatisfy { $0.met == nil })
    }

    @Test("the ledger delta of a line names both ledgers")
    func ledgerDelta() throws {
        let report = try runScenario(
            """
            @server
            @client c1
            h = OpenResource c1 "n"
            """)
        let delta = report.steps[2].ledgerDelta
        #expect(delta.contains { $0.hasPrefix("client: allocate client-context#") })
        #expect(delta.contains { $0.hasPrefix("client: allocate binding-copy#") })
        #expect(delta.contains { $0.hasPrefix("server: allocate association#") })
        #expect(delta.contains { $0.hasPrefix("server: allocate server-context#") })
        #expect(report.live["client"]?.count == 3)
        #expect(report.live["server"]?.count == 2)
    }

    @Test("expectations: names, values, aliases, -, EXCEPTION, and output bytes")
    func expectations() throws {
        let report = try runScenario(
            """
            @server                                  => RPC_S_OK
            @client c1                               => 0
            h = OpenResource c1 "n"                  => 0x0
            WriteResource h x"0a0b"                  => RPC_S_OK
            ReadResource h                           => RPC_S_OK 0a 0b
            ReadResource h                           => RPC_S_OK 0a0c
            ReadResource NULL                        => 1775
            RpcSsDestroyClientContext h              => -
            RpcSsDestroyClientContext h              => EXCEPTION RPC_X_SS_CONTEXT_MISMATCH
            RpcSsDestroyClientContext h              => RPC_X_SS_CONTEXT_MISMATCH
            RpcSmDestroyClientContext h              => ERROR_INVALID_HANDLE
            RpcSmDestroyClientContext h              => -
            """)
        #expect(report.steps.map(\.met) == [true, true, true, true, true, false, true, true, true, false, true, false])
        #expect(report.steps[4].output == "0a0b")
        #expect(report.failures == 3)
    }

    @Test("a failed expectation does not stop the run, unless fail-fast")
    func failFast() throws {
        let text = """
            @server
            @client c1
            ReadResource NULL        => RPC_S_OK
            RpcBindingFree c1        => RPC_S_OK
            """
        let full = try runScenario(text)
        #expect(full.steps.count == 4)
        #expect(full.stopped == nil)
        #expect(full.liveTotal == 0)
        let stopped = try runScenario(text, failFast: true)
        #expect(stopped.steps.count == 3)
        #expect(stopped.stopped?.contains("line 3") == true)
        #expect(stopped.live["client"]?.count == 1)
    }

    @Test("lines that parse but cannot run are reported as failures with line and column, and the run goes on",
        arguments: [
            ("Frobnicate c1", "unknown function 'Frobnicate'"),
            ("ReadResource nobody", "unknown name or constant 'nobody'"),
            ("ReadResource", "ReadResource takes 1 argument(s)"),
            ("ReadResource NULL NULL", "column 19"),
            ("OpenResource c1 42", "must be a quoted string"),
            ("x = ReadResource NULL", "no out-parameter to bind"),
            ("a, b = OpenResource c1 \"n\"", "has Context to bind, found 2 name(s)"),
            ("@drop nobody", "not a client"),
            ("@client c1", "already in use"),
            ("@client 9lives", "is not a name"),
            ("@server now", "@server takes 'noserialize' or 'serialize', found 'now'"),
            ("@server noserialize now", "@server takes 0 or 1 word(s), found 2"),
            ("@irql DISPATCH_LEVEL", "unknown directive '@irql'"),
            ("ReadResource NULL => RPC_S_MAYBE", "is not an RPC status"),
            ("ReadResource NULL => RPC_S_OK zz", "expected output bytes in hex"),
        ])
    func runtimeErrors(line: String, message: String) throws {
        let report = try runScenario("@server\n@client c1\n\(line)\nRpcBindingFree c1 => RPC_S_OK")
        #expect(report.steps.count == 4)
        let step = report.steps[2]
        #expect(step.met == false)
        #expect(step.returned == "not run")
        #expect(step.notes.first?.hasPrefix("line 3, column ") == true)
        #expect(step.notes.first?.contains(message) == true, "\(step.notes)")
        #expect(report.steps[3].met == true)
    }

    @Test("a stale copy of a handle, written as its value, is a context mismatch")
    func staleCopyByValue() throws {
        let first = try runScenario("@server\n@client c1\nh = OpenResource c1 \"n\"")
        let value = try #require(first.steps[2].bound["h"])
        let report = try runScenario(
            """
            @server
            @client c1
            h = OpenResource c1 "n"
            CloseResource h                  => RPC_S_OK
            ReadResource \(value)            => RPC_X_SS_CONTEXT_MISMATCH
            RpcBindingFree c1                => RPC_S_OK
            """)
        #expect(report.failures == 0)
        #expect(report.steps[4].ledgerDelta.contains { $0.hasPrefix("client: stale-use") })
    }

    @Test("an open that fails binds NULL")
    func failedOpenBindsNull() throws {
        let report = try runScenario("@client c1\nh = OpenResource c1 \"n\" => RPC_S_SERVER_UNAVAILABLE\nReadResource h => RPC_X_SS_IN_NULL_CONTEXT")
        #expect(report.steps[1].bound == ["h": "NULL"])
        #expect(report.failures == 0)
    }
}
