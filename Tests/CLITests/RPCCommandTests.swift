import Foundation
import Testing
import TestSupport

@Suite("scard rpc")
struct RPCCommandTests {
    static let scenarios = ScardProcess.projectRoot.appendingPathComponent("Tests/RPCSimTests/Scenarios")

    static var scenarioNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: scenarios.path)) ?? []
        return files.filter { $0.hasSuffix(".scen") }.sorted()
    }

    @Test("rpc example: one rundown at the drop, none at destroy, both ledgers at 0 live, exit 0")
    func example() throws {
        let result = try ScardProcess.run(["rpc", "example"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("rundown ran 1 time(s): line 8 (@drop): 1 rundown(s)"))
        #expect(result.stdout.contains("rundowns at RpcSmDestroyClientContext: 0"))
        #expect(result.stdout.contains("live client: 0"))
        #expect(result.stdout.contains("live server: 0"))
        #expect(result.stdout.contains("example holds"))
        #expect(result.stdout.contains("RpcSmDestroyClientContext h -> RPC_X_SS_CONTEXT_MISMATCH (6) [h=NULL]  ok"))
    }

    @Test("rpc example --trace prints both ledgers to standard error")
    func exampleTrace() throws {
        let result = try ScardProcess.run(["rpc", "example", "--trace"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("ledger client:"))
        #expect(result.stderr.contains("ledger server:"))
        #expect(result.stderr.contains("free server-context#2 notes"))
        #expect(!result.stdout.contains("ledger client:"))
    }

    @Test("rpc example --json prints one JSON object per line")
    func exampleJSON() throws {
        let result = try ScardProcess.run(["rpc", "example", "--json"])
        #expect(result.status == 0)
        let objects = try result.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(objects.count == 13)
        let last = try #require(objects.last)
        #expect(last["type"] as? String == "example")
        #expect(last["destroyRundownCount"] as? Int == 0)
        #expect(last["dropRundownCount"] as? Int == 1)
        #expect(last["holds"] as? Bool == true)
        #expect(try JSONSchemas.problems(in: result.stdout, schema: "rpc").isEmpty)
    }

    @Test("rpc run passes every shipped scenario with --expect-clean", arguments: scenarioNames)
    func shipped(_ name: String) throws {
        let path = Self.scenarios.appendingPathComponent(name).path
        let result = try ScardProcess.run(["rpc", "run", path, "--expect-clean"])
        #expect(result.status == 0, "\(name): \(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("all expectations met"))
    }

    @Test("rpc run: an unmet expectation is reported with line, expected and actual, the run goes on, exit 1")
    func unmet() throws {
        let text = """
            @server
            @client c1
            ReadResource NULL     => RPC_S_OK
            RpcBindingFree c1     => RPC_S_OK
            """
        let result = try ScardProcess.run(["rpc", "run", "-"], stdin: text)
        #expect(result.status == 1)
        #expect(result.stdout.contains("3: ReadResource NULL -> RPC_X_SS_IN_NULL_CONTEXT (1775)  FAILED: expected RPC_S_OK"))
        #expect(result.stdout.contains("4: RpcBindingFree c1 -> RPC_S_OK (0)"))
        #expect(result.stdout.contains("1 expectation(s) not met"))
    }

    @Test("rpc run --fail-fast stops at the first unmet expectation")
    func failFast() throws {
        let text = "@server\n@client c1\nReadResource NULL => RPC_S_OK\nRpcBindingFree c1 => RPC_S_OK\n"
        let result = try ScardProcess.run(["rpc", "run", "-", "--fail-fast"], stdin: text)
        #expect(result.status == 1)
        #expect(result.stdout.contains("stopped: line 3"))
        #expect(!result.stdout.contains("4: RpcBindingFree"))
    }

    @Test("rpc run --expect-clean fails on a leak and says so; without it the leak is only shown")
    func expectClean() throws {
        let text = "@server\n@client c1\nh = OpenResource c1 \"x\" => RPC_S_OK\n"
        let plain = try ScardProcess.run(["rpc", "run", "-"], stdin: text)
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("live server: 2: association#1 c1, server-context#2 x"))
        let strict = try ScardProcess.run(["rpc", "run", "-", "--expect-clean"], stdin: text)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("5 object(s) still live"))
    }

    @Test("rpc run --json: one object per step with codes as name and value, then a summary")
    func runJSON() throws {
        let text = "@server\n@client c1\nRpcSsDestroyClientContext NULL => EXCEPTION RPC_X_SS_CONTEXT_MISMATCH\nRpcBindingFree c1\n"
        let result = try ScardProcess.run(["rpc", "run", "-", "--json"], stdin: text)
        #expect(result.status == 0)
        let objects = try result.lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(objects.count == 5)
        #expect(objects[2]["returned"] as? String == "EXCEPTION RPC_X_SS_CONTEXT_MISMATCH (6)")
        #expect(objects[2]["met"] as? Bool == true)
        #expect(objects[2]["line"] as? Int == 3)
        #expect(objects[4]["type"] as? String == "summary")
        let live = try #require(objects[4]["liveObjects"] as? [String: [String]])
        #expect(live["client"] == [])
        #expect(live["server"] == [])
    }

    @Test("rpc run: a syntax error names file, line and column, runs nothing, exit 2")
    func syntaxError() throws {
        let result = try ScardProcess.run(["rpc", "run", "-"], stdin: "@server\nh = OpenResource c1 \"x\n")
        #expect(result.status == 2)
        #expect(result.stderr == "scard: -:2:21: unterminated string\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("rpc run: a missing file is one line on standard error, exit 2")
    func missingFile() throws {
        let result = try ScardProcess.run(["rpc", "run", "/nonexistent/none.scen"])
        #expect(result.status == 2)
        #expect(result.stderr == "scard: /nonexistent/none.scen: cannot read the file (No such file or directory)\n")
    }

    @Test("rpc run: a line that cannot run fails with its line and column, exit 1")
    func runtimeError() throws {
        let result = try ScardProcess.run(["rpc", "run", "-"], stdin: "@server\nReadResource nobody\n")
        #expect(result.status == 1)
        #expect(result.stdout.contains("line 2, column 14: unknown name or constant 'nobody'"))
    }

    @Test("rpc --help shows the subcommands and an example")
    func help() throws {
        let result = try ScardProcess.run(["rpc", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("example"))
        #expect(result.stdout.contains("scard rpc run"))
        let run = try ScardProcess.run(["rpc", "run", "--help"])
        #expect(run.stdout.contains("--expect-clean"))
        #expect(run.stdout.contains("--fail-fast"))
    }
}
