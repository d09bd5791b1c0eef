import Foundation
import Testing
import TestSupport

/// The three simulators answer the same bad input the same way: the same exit code, the same
/// message on standard error (one `scard: ` line), the same wording on standard output.
@Suite("Bad input to crypt, flt and rpc run")
struct ScenarioBadInputTests {
    /// Each simulator's command, with what keeps the CryptoAPI store out of the user's home.
    static let families: [[String]] = [["crypt", "run", "--ephemeral"], ["flt", "run"], ["rpc", "run"]]

    /// Runs `text` as standard input through each simulator's `run`.
    static func runEach(_ text: String, _ extra: [String] = []) throws -> [ScardProcess.Result] {
        try families.map { try ScardProcess.run($0 + extra + ["-"], stdin: text) }
    }

    /// Runs a file argument through each simulator's `run`.
    static func runEach(file: String) throws -> [ScardProcess.Result] {
        try families.map { try ScardProcess.run($0 + [file]) }
    }

    @Test("syntax and table errors: exit 2, one identical 'scard: -:LINE:COLUMN: ...' line, nothing runs", arguments: [
        ("Frobnicate 1", "scard: -:1:1: unknown function 'Frobnicate'\n"),
        ("@frob", "scard: -:1:1: unknown directive '@frob'\n"),
        ("@expect x frobs => 1", "scard: -:1:1: unknown property 'frobs' (one of references, live, value, cleanups, rundowns)\n"),
        ("@expect x references => MAYBE", "scard: -:1:22: expected a count after '=>', found 'MAYBE'\n"),
        ("@expect x live => MAYBE", "scard: -:1:16: expected TRUE or FALSE after '=>', found 'MAYBE'\n"),
        ("@reboot => MAYBE", "scard: -:1:9: @reboot takes no expectation\n"),
        ("@reboot 1", "scard: -:1:1: @reboot takes 0 word(s), found 1\n"),
        ("\"open", "scard: -:1:1: expected a function name, found '\"'\n"),
    ])
    func syntax(text: String, message: String) throws {
        for result in try Self.runEach(text) {
            #expect(result.status == 2)
            #expect(result.stderr == message)
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("a bad expectation word on a call: exit 2 and one 'scard: -:LINE:COLUMN:' line naming the word")
    func expectationWord() throws {
        let lines = [
            ["crypt", "run", "--ephemeral"]: "CryptReleaseContext 1 0 => MAYBE",
            ["flt", "run"]: "FltReleaseContext NULL => MAYBE",
            ["rpc", "run"]: "ReadResource NULL => MAYBE",
        ]
        for (command, line) in lines {
            let result = try ScardProcess.run(command + ["-"], stdin: line + "\n")
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr.hasPrefix("scard: -:1:"), "\(command): \(result.stderr)")
            #expect(result.stderr.contains("'MAYBE'"), "\(command): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("a directory, a missing file: exit 2 with the errno text, identical in all three")
    func unreadable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scard-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for result in try Self.runEach(file: folder.path) {
            #expect(result.status == 2)
            #expect(result.stderr == "scard: \(folder.path): cannot read the file (Is a directory)\n")
        }
        let missing = folder.appendingPathComponent("none.scen").path
        for result in try Self.runEach(file: missing) {
            #expect(result.status == 2)
            #expect(result.stderr == "scard: \(missing): cannot read the file (No such file or directory)\n")
        }
    }

    @Test("an unmet line: exit 1, the same summary wording and stderr line; --fail-fast names the line the same way")
    func unmet() throws {
        let text = "@expect nobody live => TRUE\n@expect nobody references => 0\n"
        for result in try Self.runEach(text) {
            #expect(result.status == 1)
            #expect(result.stderr == "scard: 2 expectation(s) not met\n")
            #expect(result.stdout.contains("1: @expect nobody live -> not run  FAILED: expected TRUE\n    ! line 1, column 1: unknown name 'nobody'\n"))
            #expect(result.lines.last == "2 expectation(s) not met")
        }
        for result in try Self.runEach(text, ["--fail-fast"]) {
            #expect(result.status == 1)
            #expect(result.stderr == "scard: 1 expectation(s) not met\n")
            #expect(result.stdout.contains("stopped: line 1: expectation not met (fail-fast)\n"))
            #expect(!result.stdout.contains("2: @expect"))
        }
    }

    @Test("--json: the error line ends the output with the same message and exit code in all three")
    func jsonError() throws {
        for result in try Self.runEach("Frobnicate 1\n", ["--json"]) {
            #expect(result.status == 2)
            #expect(result.stdout == #"{"exitCode":2,"message":"-:1:1: unknown function 'Frobnicate'","type":"error"}"# + "\n")
        }
        for result in try Self.runEach("@expect nobody live => TRUE\n", ["--json"]) {
            #expect(result.status == 1)
            #expect(result.lines.last == #"{"exitCode":1,"message":"1 expectation(s) not met","type":"error"}"#)
        }
    }

    @Test("a clean run: exit 0 and 'all expectations met'; example takes the same options and refuses the same way")
    func clean() throws {
        for result in try Self.runEach("# nothing\n") {
            #expect(result.status == 0)
            #expect(result.lines.last == "all expectations met")
            #expect(result.stderr.isEmpty)
        }
        for family in ["crypt", "flt", "rpc"] {
            let extra = try ScardProcess.run([family, "example", "extra"])
            #expect(extra.status == 2)
            #expect(extra.stderr == "scard: unexpected argument 'extra' (see 'scard --help')\n")
            let example = try ScardProcess.run([family, "example", "--fail-fast", "--expect-clean"] + (family == "crypt" ? ["--ephemeral"] : []))
            #expect(example.status == 0, "\(family): \(example.stderr)")
            #expect(example.stdout.contains("all expectations met\n"))
        }
    }
}
