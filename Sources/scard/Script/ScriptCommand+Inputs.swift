import APDUScript
import Foundation

extension ScriptCommand {
    /// Reads and parses a script; any problem is a usage error naming the file, line and column.
    func loadScript(_ file: String) throws -> APDUScript {
        let text: String
        if file == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CLIError.usage("cannot read script '\(file)'")
            }
            text = String(decoding: data, as: UTF8.self)
        }
        do {
            return try APDUScript(parsing: text)
        } catch {
            let name = file == "-" ? "<stdin>" : file
            let first = error.diagnostics.first
            let more = error.diagnostics.count > 1 ? " (and \(error.diagnostics.count - 1) more)" : ""
            throw CLIError.usage("\(name):\(first?.line ?? 0):\(first?.column ?? 0): \(first?.message ?? "syntax error")\(more)")
        }
    }

    /// Reads a golden transcript and prepares the comparison; a missing or malformed file is a usage error.
    func loadGolden(_ path: String, ignoring: IgnoredData) throws -> TranscriptComparison {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.usage("cannot read golden transcript '\(path)'")
        }
        do {
            return try TranscriptComparison(golden: try Transcript(jsonData: data), ignoring: ignoring)
        } catch {
            throw CLIError.usage("\(path): \(error.message)")
        }
    }
}
