import Foundation
import TestSupport

/// The JSON Schemas in schemas/ and the real validator (Debian's python3-jsonschema) that checks
/// scard's --json output against them.
enum JSONSchemas {
    /// The folder holding the schemas and validate.py.
    static var folder: URL { ScardProcess.projectRoot.appendingPathComponent("schemas") }

    /// The schema a command's output is checked against: `schemas/PATH.schema.json` for the whole
    /// command path joined with `-` (`crypt-run`), else the top-level command's (`crypt`).
    static func schemaName(for path: [String]) -> String? {
        for name in [path.joined(separator: "-"), path.first ?? ""] where !name.isEmpty {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(name).schema.json").path) {
                return name
            }
        }
        return nil
    }

    /// Runs validate.py on `output` with `schema`; returns its report (empty when every line is valid).
    static func problems(in output: String, schema: String) throws -> String {
        let script = folder.appendingPathComponent("validate.py").path
        let result = try ScardProcess.runExecutable(URL(fileURLWithPath: "/usr/bin/python3"), [script, schema], stdin: output)
        if result.status == 0 { return "" }
        return result.stdout + result.stderr
    }

    /// Runs `scard` with `arguments` and validates what it prints against the schema for `path`;
    /// returns the problems (empty when valid) and the run.
    static func check(_ path: [String], _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws
        -> (problems: String, result: ScardProcess.Result)
    {
        let result = try ScardProcess.run(arguments, stdin: stdin, environment: environment)
        guard let schema = schemaName(for: path) else { return ("no schema for \(path.joined(separator: " "))", result) }
        return (try problems(in: result.stdout, schema: schema), result)
    }

    /// Every leaf command, as its path of subcommand names, read from `scard --help` and each
    /// subcommand's help, with whether its help offers `--json`.
    static func commands() throws -> [(path: [String], json: Bool)] {
        var found: [(path: [String], json: Bool)] = []
        var pending: [[String]] = [[]]
        while let path = pending.popLast() {
            let help = try ScardProcess.run(path + ["--help"]).stdout
            let children = subcommands(in: help).filter { $0 != "help" }
            if children.isEmpty {
                found.append((path, help.contains("--json")))
            } else {
                pending += children.map { path + [$0] }
            }
        }
        return found.sorted { $0.path.joined(separator: " ") < $1.path.joined(separator: " ") }
    }

    /// The names in the SUBCOMMANDS section of a help text.
    static func subcommands(in help: String) -> [String] {
        guard let start = help.range(of: "\nSUBCOMMANDS:\n") else { return [] }
        var names: [String] = []
        for line in help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { break }
            guard line.hasPrefix("  "), !line.hasPrefix("    ") else { continue }
            if let name = line.split(separator: " ").first { names.append(String(name)) }
        }
        return names
    }
}
