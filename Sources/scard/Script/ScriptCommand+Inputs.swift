import APDUScript
import FoundationEssentials

extension ScriptCommand {
    /// Reads and parses a script; any problem is a usage error naming the file, line and column.
    func loadScript(_ file: String) throws -> APDUScript {
        let text = try InputFile(file).readText(strict: false)
        do {
            return try APDUScript(parsing: text)
        } catch {
            let name = file == "-" ? "<stdin>" : EchoedText.bounded(file, limit: 256)
            let first = error.diagnostics.first
            let more = error.diagnostics.count > 1 ? " (and \(error.diagnostics.count - 1) more)" : ""
            throw CLIError.usage("\(name):\(first?.line ?? 0):\(first?.column ?? 0): \(first?.message ?? "syntax error")\(more)")
        }
    }

    /// Reads a golden transcript and prepares the comparison; a missing or malformed file is a usage error.
    func loadGolden(_ path: String, ignoring: IgnoredData) throws -> TranscriptComparison {
        let data = Data(try InputFile(path).readAll(limit: InputFile.transcriptLimit))
        do {
            return try TranscriptComparison(golden: try Transcript(jsonData: data), ignoring: ignoring)
        } catch {
            throw CLIError.usage("\(InputFile.displayName(path)): \(error.message)")
        }
    }
}
