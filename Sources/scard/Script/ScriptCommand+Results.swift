import APDUScript
import FileSafety
import FoundationEssentials

extension ScriptCommand {
    /// Writes a transcript as pretty JSON, replacing the file atomically; a file that cannot be
    /// written is exit 8, naming the file and why.
    func write(_ transcript: Transcript, to path: String) throws {
        do {
            try AtomicFile.write([UInt8](try transcript.jsonData()), to: path, creatingWith: .ownerWriteAllRead)
        } catch let error as FileSafetyError {
            throw CLIError(message: "\(InputFile.displayName(path)): cannot write the transcript (\(error.reasonText))", status: .writeFailed)
        } catch {
            throw CLIError(message: "\(InputFile.displayName(path)): cannot write the transcript (\(error))", status: .writeFailed)
        }
    }

    /// Prints the differences from the golden transcript after the run's output and returns how many there are.
    func printDifferences(_ comparison: TranscriptComparison, _ transcript: Transcript) -> Int {
        let differences = comparison.differences(from: transcript)
        let lines = TranscriptDiffPrinter.lines(differences, golden: compare ?? "golden")
        if output.json {
            JSONLine.print(TranscriptDiffPrinter.record(differences, golden: compare ?? "golden"))
        } else if report == nil || reportFile != nil {
            lines.forEach { print($0) }
        } else {
            lines.forEach { StandardError.write($0) }
        }
        return differences.count
    }

    /// Renders the runs' test cases as a report and prints it or writes it to `--report-file`.
    func write(_ format: ReportFormat, runs: [(file: String, results: [ReaderScriptRun.Result])]) throws {
        var suites: [ScriptTestSuite] = []
        for run in runs {
            for result in run.results {
                var suite = result.suite
                if allReaders { suite.name = "\(run.file) (\(result.reader))" }
                suites.append(suite)
            }
        }
        let text: String
        switch format {
        case .junit: text = JUnitReport.render(suites, hostname: ProcessInfo.processInfo.hostName)
        case .tap: text = TAPReport.render(suites)
        }
        guard let reportFile else {
            print(text, terminator: "")
            return
        }
        do {
            try AtomicFile.write(Array(text.utf8), to: reportFile, creatingWith: .ownerWriteAllRead)
        } catch {
            throw CLIError(message: "\(InputFile.displayName(reportFile)): cannot write the report (\(error.reasonText))", status: .writeFailed)
        }
    }
}
