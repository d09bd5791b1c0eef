import Foundation
import Testing
import TestSupport

extension VirtualReaderTests {
    /// Every command README.md and Docs/*.md show with its output (Docs/json.md's `console`
    /// convention, DocExamples) runs against the virtual reader and prints what the page shows.
    @Suite("Docs that run")
    struct DocExampleTests {
        @Test("every example with output is in a console block")
        func everyExampleMarked() {
            #expect(DocExamples.unmarked().isEmpty, "blocks showing commands outside ```console: \(DocExamples.unmarked())")
        }

        @Test("the masks match what they stand for, and nothing else")
        func masks() {
            #expect(DocExamples.matches("< <hex> 90 00 : normal processing", "< 1A 2B 3C 4D 5E 6F 70 81 90 00 : normal processing"))
            #expect(DocExamples.matches(#"{"seconds":<number>,"sw":"9000"}"#, #"{"seconds":0.000412,"sw":"9000"}"#))
            #expect(!DocExamples.matches("< 90 00 : normal processing", "< 6D 00 : normal processing"))
            #expect(DocExamples.matches("trace: <any> ms", "trace: SCardConnect(...) -> SCARD_S_SUCCESS 0.07 ms"))
        }

        @Test("each page's examples print what the page shows", arguments: DocExamples.pages())
        func page(_ page: String) throws {
            let examples = DocExamples.examples(of: page)
            guard !examples.isEmpty else { return }
            let folder = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let root = ScardProcess.projectRoot
            for link in ["README.md", "Docs", "Tests", "schemas", "scripts"] {
                try? FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(link), withDestinationURL: root.appendingPathComponent(link))
            }
            for file in DocExamples.files(of: page) {
                try file.text.write(to: folder.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
            }
            let bin = ScardProcess.binary.deletingLastPathComponent().path
            let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            for example in examples {
                if example.t0Card && !VirtualReader.isPrivate { continue }
                let run = {
                    try ScardProcess.runExecutable(
                        URL(fileURLWithPath: "/bin/bash"), ["-c", "cd '\(folder.path)' && \(example.command)"],
                        environment: ["PATH": path, "SCARD_CRYPT_STORE": folder.appendingPathComponent("store").path, "COLUMNS": "80"],
                        timeout: 60)
                }
                let result = example.t0Card ? try VirtualReader.withT0Card(body: run) : try run()
                let actual = (result.stdout + result.stderr).components(separatedBy: "\n")
                let differences = DocExamples.differences(expected: example.expected, actual: actual)
                #expect(differences.isEmpty, "\(example) drifted from the tool:\n\(differences)")
            }
        }
    }
}
