import RPCSim
import ScenarioKit
import Testing

/// The scenarios shipped under Tests/RPCSimTests/Scenarios, each run as a test.
@Suite("RPC scenario files")
struct ScenarioFileTests {
    @Test("the shipped scenarios are all there")
    func present() {
        #expect(ShippedScenarios.names.count >= 9)
    }

    @Test("every expectation is met and both ledgers end at 0 live", arguments: ShippedScenarios.names)
    func runs(_ name: String) throws {
        let report = try runScenario(try ShippedScenarios.text(name))
        for step in report.steps where step.met == false {
            Issue.record("\(name):\(step.line): \(step.call) -> \(step.returned), expected \(step.expected ?? "?") \(step.notes)")
        }
        #expect(report.steps.allSatisfy { $0.met != false })
        #expect(report.live["client"] == [])
        #expect(report.live["server"] == [])
        #expect(report.stopped == nil)
    }

    @Test("destroy-after-drop: one rundown, at the @drop line, none at the destroy")
    func destroyAfterDrop() throws {
        let report = try runScenario(try ShippedScenarios.text("destroy-after-drop.scen"))
        #expect(report.rundownSteps.map(\.call) == ["@drop"])
        #expect(report.rundownSteps.map(\.count) == [1])
        let destroy = try #require(report.steps.first { $0.call == "RpcSmDestroyClientContext" })
        #expect(destroy.ledgerDelta.allSatisfy { $0.hasPrefix("client: ") })
        #expect(destroy.bound == ["h": "NULL"])
    }

    @Test("destroy-while-connected: the destroyed handle's server context runs down at the drop, with the other one")
    func destroyWhileConnected() throws {
        let report = try runScenario(try ShippedScenarios.text("destroy-while-connected.scen"))
        #expect(report.rundownSteps.map(\.call) == ["@drop"])
        #expect(report.rundownSteps.map(\.count) == [2])
        let destroy = try #require(report.steps.first { $0.call == "RpcSmDestroyClientContext" })
        #expect(destroy.notes.contains { $0.contains("stays live until its association goes") })
    }

    @Test("close-no-rundown: no rundown anywhere")
    func closeNoRundown() throws {
        let report = try runScenario(try ShippedScenarios.text("close-no-rundown.scen"))
        #expect(report.rundownSteps.isEmpty)
    }

    @Test("double-destroy: with no context handle left, freeing the binding runs down the contexts not closed")
    func bindingFreeLast() throws {
        let report = try runScenario(try ShippedScenarios.text("double-destroy.scen"))
        #expect(report.rundownSteps.map(\.call) == ["RpcBindingFree"])
        #expect(report.rundownSteps.map(\.count) == [2])
    }

    /// Win32 "Client development using context handles"; Wine ndr_contexthandle.c (each context
    /// handle keeps its own binding): RpcBindingFree runs nothing down while a handle is open.
    @Test("binding-free: nothing runs down at RpcBindingFree; the last handle's destroy ends the association")
    func bindingFree() throws {
        let report = try runScenario(try ShippedScenarios.text("binding-free.scen"))
        #expect(report.rundownSteps.map(\.call) == ["RpcSmDestroyClientContext"])
        #expect(report.rundownSteps.map(\.count) == [1])
    }

    @Test("two-clients and reconnect: a drop runs down only its own association's contexts")
    func ownAssociation() throws {
        for name in ["two-clients.scen", "reconnect.scen"] {
            let report = try runScenario(try ShippedScenarios.text(name))
            #expect(report.rundownSteps.map(\.call) == ["@drop"])
            #expect(report.rundownSteps.map(\.count) == [1])
        }
    }

    @Test("the built-in example meets every expectation, runs one rundown at the drop and ends clean")
    func example() throws {
        let report = RPCScenarioRunner().run(try RPCExample.scenario(), options: ScenarioOptions())
        #expect(report.failures == 0)
        #expect(report.rundownSteps.map(\.call) == ["@drop"])
        #expect(report.liveTotal == 0)
    }
}
