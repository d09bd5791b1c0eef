import Foundation
import Testing
import TestSupport

/// Validates `output` against schemas/SCHEMA.schema.json with Debian's python3-jsonschema
/// (schemas/validate.py); returns the problems, empty when every line is valid.
func schemaProblems(_ output: String, schema: String) throws -> String {
    let script = ScardProcess.projectRoot.appendingPathComponent("schemas/validate.py").path
    let result = try ScardProcess.runExecutable(URL(fileURLWithPath: "/usr/bin/python3"), [script, schema], stdin: output)
    return result.status == 0 ? "" : result.stdout + result.stderr
}

extension VirtualReaderTests {
    /// The card commands' real --json output against the virtual reader, every line validated
    /// against the command's JSON Schema: exchanges, summaries, errors and every script line type.
    @Suite("JSON Schemas of the card commands")
    struct JSONSchemaCardTests {
        /// A script with every kind of line, a met and an unmet expectation.
        static let everyLine = """
            # test: select
            00 A4 00 0C 02 3F 00 => 90 00
            echo asking for 8 random bytes
            delay 10ms
            00 84 00 00 08 => SW 90 ..
            transaction begin
            reset
            transaction end
            00 84 00 00 08 => 90 00
            exit

            """

        /// Runs scard and checks its output against `schema`.
        func expectValid(_ schema: String, _ arguments: [String], stdin: String? = nil, status: Int32? = nil) throws {
            let result = try ScardProcess.run(arguments, stdin: stdin)
            let problems = try schemaProblems(result.stdout, schema: schema)
            #expect(problems.isEmpty, "scard \(arguments.joined(separator: " ")):\n\(problems)")
            if let status { #expect(result.status == status, "scard \(arguments.joined(separator: " ")): \(result.stderr)") }
        }

        @Test("list-readers, status and send, with their error lines")
        func readersStatusSend() throws {
            try expectValid("list-readers", ["list-readers", "--json"], status: 0)
            try expectValid("status", ["status", "--json", "--reader", "1"], status: 0)
            try expectValid("status", ["status", "--json", "--reader", "7"], status: 4)
            try expectValid("send", ["send", "--json", "00A4000C023F00", "0084000008"], status: 0)
            try expectValid("send", ["send", "--json", "--check-sw", "00FF0000"], status: 1)
            try expectValid("send", ["send", "--json", "--reader", "virtual", "0084000008"], status: 4)
        }

        @Test("script: every line type, summaries, several files, several readers, a comparison")
        func script() throws {
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("every.apdu").path
            try Self.everyLine.write(toFile: path, atomically: true, encoding: .utf8)
            let golden = folder.appendingPathComponent("golden.json").path
            try expectValid("script", ["script", "--json", "--keep-going", path], status: 1)
            try expectValid("script", ["script", "--json", path], status: 1)
            try expectValid("script", ["script", "--json", "--keep-going", path, path], status: 1)
            try expectValid("script", ["script", "--json", "--all-readers", "--keep-going", path], status: 1)
            try expectValid("script", ["script", "--json", "--record", golden, "-"], stdin: "00 84 00 00 08\n", status: 0)
            try expectValid("script", ["script", "--json", "--compare", golden, "-"], stdin: "00 84 00 00 08\n", status: 1)
            try expectValid("script", ["script", "--json", "--compare", golden, "--ignore-data", "0084", "-"], stdin: "00 84 00 00 08\n", status: 0)

            let multi = try ScardProcess.run(["script", "--json", "--keep-going", path, "-"], stdin: "00 A4 00 0C 02 3F 00\n")
            let objects = try jsonObjects(multi.lines).filter { $0["type"] as? String != "error" }
            #expect(objects.allSatisfy { $0["file"] is String }, "every line of a multi-file run names its file")
            #expect(objects.last?["file"] as? String == "-")
        }

        @Test("watch, lifecycle, lifecycle --repeat and doctor")
        func watchLifecycleDoctor() throws {
            try expectValid("watch", ["watch", "--json", "--timeout", "0.3"], status: 0)
            try expectValid("watch", ["watch", "--json", "--count", "1", "--timeout", "0.3"], status: 7)
            try expectValid("lifecycle", ["lifecycle", "--json"], status: 0)
            try expectValid("lifecycle", ["lifecycle", "--json", "--repeat", "12"], status: 0)
            try expectValid("doctor", ["doctor", "--json"], status: 0)
            let doctor = try ScardProcess.run(["doctor", "--json"])
            #expect(doctor.stdout.contains(#""atr":"3B951381018073FF01000B""#), "\(doctor.stdout)")
            try expectValid("doctor", ["doctor", "--json", "--virtual", "--probe"])
            try expectValid("atr", ["atr", "--json", "--reader", "0"], status: 0)
            try expectValid("reader", ["reader", "--json", "--reader", "0"])
            try expectValid("control", ["control", "--json", "--reader", "0", "SCARD_CTL_CODE(3400)"])
        }
    }
}
