import RPCSim
import ScenarioKit
import Testing

/// Client threads in scenarios: `@thread`, `@pause`, `@resume`, serialized and
/// `[context_handle_noserialize]` calls on one context, and ReadResourceOn's wire checks.
@Suite("RPC client threads and context handles on the wire")
struct ClientThreadTests {
    private static func threads(server: String) -> String {
        """
        \(server)
        @client c1
        h = OpenResource c1 "log"    => RPC_S_OK
        @pause
        ReadResource h               => RPC_S_OK
        @thread T2
        WriteResource h "b"          => RPC_S_OK
        @resume T1
        CloseResource h              => RPC_S_OK
        RpcBindingFree c1            => RPC_S_OK
        """
    }

    @Test("serialized: the second call waits while the first is inside, and goes in when it returns")
    func serialized() throws {
        let report = try runScenario(Self.threads(server: "@server"))
        let write = try #require(report.steps.first { $0.line == 7 })
        #expect(write.returned == "pending")
        #expect(write.met == nil)
        #expect(write.notes.contains { $0.contains("T2 waits: T1 is in ReadResource (line 5)") })
        let resume = try #require(report.steps.first { $0.line == 8 })
        #expect(resume.returned == "RPC_S_OK (0)")
        #expect(resume.output == nil)
        #expect(resume.notes.contains { $0.contains("T2's WriteResource of line 7 went in and returned RPC_S_OK (0)") })
        // T2 still has its write to collect, so its next call is refused; the end of the run reports it.
        let close = try #require(report.steps.first { $0.line == 9 })
        #expect(close.returned == "not run")
        let last = try #require(report.steps.last)
        #expect(last.call == "@resume")
        #expect(last.arguments == ["T2"])
        #expect(last.line == 7)
        #expect(last.met == true)
    }

    @Test("[context_handle_noserialize]: the second call runs while the first is inside and the first sees its write")
    func noserialize() throws {
        let report = try runScenario(Self.threads(server: "@server noserialize"))
        let write = try #require(report.steps.first { $0.line == 7 })
        #expect(write.returned == "RPC_S_OK (0)")
        let resume = try #require(report.steps.first { $0.line == 8 })
        #expect(resume.output == "62")
        #expect(resume.expected == "RPC_S_OK")
        #expect(report.live["server"] == [])
    }

    @Test("a call inside the server whose connection drops fails at its @resume; nothing is left inside at the end")
    func dropWhileInside() throws {
        let report = try runScenario(
            """
            @server
            @client c1
            h = OpenResource c1 "log"    => RPC_S_OK
            @pause
            ReadResource h               => RPC_S_OK
            @drop c1                     => RPC_S_OK
            @resume T1                   => RPC_S_CALL_FAILED
            @expect h rundowns           => 1 line 6
            RpcSmDestroyClientContext h  => RPC_S_OK
            RpcBindingFree c1            => RPC_S_OK
            """)
        #expect(report.steps.allSatisfy { $0.met != false })
        #expect(report.live["client"] == [])
    }

    @Test("@resume of a thread with nothing inside, and a token that is not 20 bytes, are lines that cannot run")
    func refusals() throws {
        let report = try runScenario(
            """
            @server
            @client c1
            @resume T1
            ReadResourceOn c1 x"00"
            RpcBindingFree c1            => RPC_S_OK
            """)
        #expect(report.steps[2].notes.contains { $0.contains("T1 has no call inside the server") })
        #expect(report.steps[3].notes.contains { $0.contains("wire data is 20 bytes") })
    }

    @Test("the token the server sent reads the context; other attributes or UUIDs are ERROR_INVALID_HANDLE")
    func wireTokens() throws {
        let report = try runScenario(try ShippedScenarios.text("wire-token.scen"))
        #expect(report.steps.allSatisfy { $0.met != false })
        #expect(RPCServer.wireData(serial: 2).count == RPCServer.wireSize)
        #expect(ScenarioHex.string(RPCServer.wireData(serial: 2)) == "0000000007d0a25c000000408000000000000002")
    }
}
