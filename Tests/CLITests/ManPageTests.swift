import Foundation
import Testing
import TestSupport

/// Docs/scard.1: complete, lint-clean, and carrying the sections scard generates from its own tables.
@Suite("The man page")
struct ManPageTests {
    static var page: URL { ScardProcess.projectRoot.appendingPathComponent("Docs/scard.1") }

    @Test("mandoc -T lint finds no warning or error")
    func lintClean() throws {
        let result = try ScardProcess.runExecutable(URL(fileURLWithPath: "/usr/bin/mandoc"), ["-T", "lint", "-W", "warning", Self.page.path])
        #expect(result.stdout.isEmpty && result.stderr.isEmpty, "\(result.stdout)\(result.stderr)")
    }

    @Test("man --warnings renders it without a warning")
    func manWarnings() throws {
        let result = try ScardProcess.runExecutable(
            URL(fileURLWithPath: "/usr/bin/man"), ["--warnings", "-l", Self.page.path], environment: ["MANPAGER": "cat", "PAGER": "cat"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    @Test("it has every section a man page should")
    func sections() throws {
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "ENVIRONMENT", "FILES", "\"EXIT STATUS\"", "EXAMPLES", "\"SEE ALSO\""] {
            #expect(text.contains(".Sh \(section)\n") || text.contains(".Sh \(section.replacingOccurrences(of: "\"", with: ""))\n"), "no \(section)")
        }
        #expect(!text.contains(".Ex -std"), "the plugin's generic EXIT STATUS is replaced by scard's own")
    }

    @Test("its generated sections are those the code prints now (scripts/gen-manual.sh was run)")
    func generatedSectionsCurrent() throws {
        let text = try String(contentsOf: Self.page, encoding: .utf8)
        let sections = try ScardProcess.run(["manual-sections"])
        #expect(sections.status == 0)
        #expect(text.hasSuffix(sections.stdout), "Docs/scard.1 is out of date: run scripts/gen-manual.sh")
    }

    @Test("README's exit code table lists the codes scard --help lists")
    func readmeExitCodes() throws {
        let help = try ScardProcess.run(["--help"]).stdout
        let helpCodes = help.split(separator: "\n").compactMap { line -> Int? in
            let words = line.split(separator: " ")
            return line.hasPrefix("  ") && words.count > 1 ? Int(words[0]) : nil
        }
        let readme = try String(contentsOf: ScardProcess.projectRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = readme.components(separatedBy: "## Exit codes").dropFirst().first ?? ""
        let tableCodes = section.split(separator: "\n").prefix { !$0.hasPrefix("## ") }.compactMap { line -> Int? in
            guard line.hasPrefix("| ") else { return nil }
            return Int(line.dropFirst(2).prefix { $0 != " " })
        }
        #expect(!helpCodes.isEmpty)
        #expect(tableCodes == helpCodes)
    }
}
