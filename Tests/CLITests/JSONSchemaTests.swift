import Foundation
import Testing
import TestSupport

/// The commands whose --json output a test validates against its schema: those below, which need
/// no reader, and the card commands, validated against the virtual reader by IntegrationTests'
/// JSONSchemaCardTests. A command with --json in neither list fails `everyCommandCovered`.
enum JSONSchemaCases {
    /// Card commands, validated in IntegrationTests/JSONSchemaCardTests.swift.
    static let cardCommands: Set<String> = [
        "list-readers", "status", "send", "lifecycle", "script", "watch", "doctor", "reader", "control",
    ]

    /// Commands validated here, each with the runs that exercise its lines (errors included).
    static let offline: [String: [[String]]] = [
        "atr": [
            ["atr", "--json", "3B 95 13 81 01 80 73 FF 01 00 0B"],
            ["atr", "--json", "3B F8 13 00 00 81 31 FE 15 59 75 62 69 6B 65 79 34 D4"],
            ["atr", "--json", "3B 95 13 81 01 80 73 FF 01 00 0C"],
            ["atr", "--json", "3B 95 13"],
            ["atr", "--json", "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A"],
        ],
        "crypt example": [["crypt", "example", "--json", "--ephemeral"]],
        "crypt run": [
            ["crypt", "run", "--json", "--ephemeral", scenario("CryptoAPISimTests", "addref-release.scen")],
            ["crypt", "run", "--json", "--ephemeral", "no-such-file.scen"],
        ],
        "flt example": [["flt", "example", "--json"]],
        "flt run": [
            ["flt", "run", "--json", scenario("FilterManagerSimTests", "leak.scen")],
            ["flt", "run", "--json", "--expect-clean", scenario("FilterManagerSimTests", "leak.scen")],
            ["flt", "run", "--json", scenario("FilterManagerSimTests", "paged-at-dispatch.scen")],
        ],
        "rpc example": [["rpc", "example", "--json"]],
        "rpc run": [["rpc", "run", "--json", scenario("RPCSimTests", "two-clients.scen")]],
        "tlv": [
            ["tlv", "--json", "6F 0D 84 06 A0 00 00 00 54 30 A5 03 88 01 01"],
            ["tlv", "--json", "6F0D840"],
            ["tlv", "--json", "6F1E840E315041592E5359532E4444463031A50C8801015F2D02656E9F110101"],
            ["tlv", "--json", "00 5A 02 12 34 FF 70 04 00 5F 24 00"],
            ["tlv", "--json", "6F 80 84 00 00 00"],
        ],
    ]

    /// A scenario file of a simulator's tests.
    static func scenario(_ target: String, _ name: String) -> String {
        ScardProcess.projectRoot.appendingPathComponent("Tests/\(target)/Scenarios/\(name)").path
    }
}

@Suite("JSON Schemas of every command's --json output")
struct JSONSchemaTests {
    @Test("every schema is draft 2020-12, valid against its metaschema, and closes every object")
    func schemasValid() throws {
        let script = JSONSchemas.folder.appendingPathComponent("validate.py").path
        let result = try ScardProcess.runExecutable(URL(fileURLWithPath: "/usr/bin/python3"), [script, "--check"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    @Test("every command with --json has a schema and a test that validates its real output")
    func everyCommandCovered() throws {
        let commands = try JSONSchemas.commands()
        #expect(commands.count > 10)
        for (path, json) in commands where json {
            let name = path.joined(separator: " ")
            #expect(JSONSchemas.schemaName(for: path) != nil, "no schemas/\(path.joined(separator: "-")).schema.json for scard \(name)")
            let covered = JSONSchemaCases.cardCommands.contains(name) || JSONSchemaCases.offline[name] != nil
            #expect(covered, "scard \(name) has --json but no test validates its output (JSONSchemaCases)")
        }
    }

    @Test("a field the schema does not list fails validation")
    func unlistedFieldFails() throws {
        let line = #"{"type":"error","message":"m","exitCode":2,"extra":1}"# + "\n"
        #expect(try !JSONSchemas.problems(in: line, schema: "atr").isEmpty)
        let good = #"{"type":"error","message":"m","exitCode":2}"# + "\n"
        #expect(try JSONSchemas.problems(in: good, schema: "atr").isEmpty)
    }

    @Test("real output validates: atr, crypt, flt and rpc, error lines included", arguments: JSONSchemaCases.offline.keys.sorted())
    func offlineOutput(command: String) throws {
        let path = command.split(separator: " ").map(String.init)
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("scard-schema-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: store) }
        for arguments in JSONSchemaCases.offline[command] ?? [] {
            let (problems, result) = try JSONSchemas.check(path, arguments, environment: ["SCARD_CRYPT_STORE": store.path])
            #expect(problems.isEmpty, "scard \(arguments.joined(separator: " ")):\n\(problems)")
            #expect(!result.stdout.isEmpty, "scard \(arguments.joined(separator: " ")) printed nothing")
        }
    }

    @Test("card commands without pcscd end with a valid error line")
    func errorLineWithoutService() throws {
        let socket = FileManager.default.temporaryDirectory.appendingPathComponent("scard-none-\(UUID().uuidString)").path
        for command in JSONSchemaCases.cardCommands.sorted() where command != "doctor" {
            var arguments = [command, "--json"]
            if command == "send" { arguments.append("0084000008") }
            if command == "control" { arguments.append("SCARD_CTL_CODE(3400)") }
            if command == "script" { arguments.append("-") }
            let (problems, result) = try JSONSchemas.check(
                [command], arguments, stdin: "00 84 00 00 08\n", environment: ["PCSCLITE_CSOCK_NAME": socket])
            #expect(result.status == 6, "scard \(command): \(result.stderr)")
            #expect(problems.isEmpty, "scard \(command):\n\(problems)")
            #expect(result.lines.last?.contains(#""type":"error""#) == true)
        }
    }

    @Test("usage errors are one lower-case line naming where help is")
    func usageErrors() throws {
        let unknown = try ScardProcess.run(["send", "--frobnicate", "00"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "scard: unknown option '--frobnicate' (see 'scard --help')\n")
        let missing = try ScardProcess.run(["atr", "--reader"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "scard: missing value for '--reader <reader>' (see 'scard --help')\n", "\(missing.stderr)")
    }

    @Test("a script that cannot be read says why")
    func unreadableScript() throws {
        let result = try ScardProcess.run(["script", "no-such-file.apdu"])
        #expect(result.status == 2)
        #expect(result.stderr == "scard: no-such-file.apdu: cannot read the file (No such file or directory)\n")
    }
}
