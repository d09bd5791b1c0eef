import Foundation
import Testing
import TestSupport

/// The examples of Docs/scenarios.md (Docs/examples/scenarios/), run through the real CLI: each
/// meets every expectation and ends clean.
@Suite("Docs/scenarios.md examples")
struct ScenarioExampleFileTests {
    static let folder = ScardProcess.projectRoot.appendingPathComponent("Docs/examples/scenarios")

    @Test("each example runs clean through its simulator's run command", arguments: [
        ("flt", "flt-expect-and-reboot"), ("rpc", "rpc-expect"), ("crypt", "crypt-expect-and-reboot"),
    ])
    func example(family: String, name: String) throws {
        let path = Self.folder.appendingPathComponent(name + ".scen").path
        let result = try ScardProcess.run([family, "run", path, "--expect-clean"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("all expectations met"))
        #expect(result.stdout.contains("@expect"))
    }

    @Test("every example file is one of those above, and Docs/scenarios.md links each")
    func listed() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".scen") }.sorted()
        #expect(names == ["crypt-expect-and-reboot.scen", "flt-expect-and-reboot.scen", "rpc-expect.scen"])
        let page = try String(contentsOf: ScardProcess.projectRoot.appendingPathComponent("Docs/scenarios.md"), encoding: .utf8)
        for name in names { #expect(page.contains("examples/scenarios/\(name)")) }
    }
}
