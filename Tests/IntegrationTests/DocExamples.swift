import Foundation
import TestSupport

/// The examples of README.md and Docs/*.md that show a command with its output, so the suite can
/// run each and compare.
///
/// The convention: a fenced block marked `console` holds examples, each a line `$ COMMAND`
/// followed by the lines it prints (standard output, then standard error). In the expected output,
/// `<hex>` stands for hex bytes (`3B 95 13` or `3B9513`: random bytes, handles), `<number>` for a
/// number (a duration, a memory figure), and `<any>` for any text up to the end of what follows it
/// on the line. A fenced block whose info string has `file=NAME` is written to NAME in the folder
/// the page's examples run in, so an example can run a script the page shows. A `console t0-card`
/// block runs with the T=0 test card (scripts/t0card.py) in reader 1, as T0Tests do.
struct DocExample: Sendable, CustomStringConvertible {
    /// The page, relative to the project's root.
    let page: String
    /// The line of the `$` in the page.
    let line: Int
    /// The command, as the shell runs it.
    let command: String
    /// The lines shown after it.
    let expected: [String]
    /// Whether it runs with the T=0 test card in reader 1.
    var t0Card = false

    var description: String { "\(page):\(line): \(command)" }
}

/// A file a page defines for its examples.
struct DocFile: Sendable {
    let name: String
    let text: String
}

/// A fenced block that shows `$ ` commands without being marked `console`: it would escape the check.
struct UnmarkedExample: Sendable, CustomStringConvertible {
    let page: String
    let line: Int
    var description: String { "\(page):\(line)" }
}

enum DocExamples {
    /// The pages: README.md and every Markdown file under Docs/.
    static func pages() -> [String] {
        let docs = ScardProcess.projectRoot.appendingPathComponent("Docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return ["README.md"] + names.filter { $0.hasSuffix(".md") }.sorted().map { "Docs/\($0)" }
    }

    /// The fenced blocks of a page: info string, first line number, and lines.
    static func blocks(of page: String) -> [(info: String, line: Int, lines: [String])] {
        let url = ScardProcess.projectRoot.appendingPathComponent(page)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var blocks: [(info: String, line: Int, lines: [String])] = []
        var open: (info: String, line: Int, lines: [String], fence: String)?
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if var current = open {
                if trimmed == current.fence {
                    blocks.append((current.info, current.line, current.lines))
                    open = nil
                } else {
                    current.lines.append(raw)
                    open = current
                }
            } else if trimmed.hasPrefix("```") {
                let fence = String(trimmed.prefix { $0 == "`" })
                let info = String(trimmed.dropFirst(fence.count)).trimmingCharacters(in: .whitespaces)
                open = (info, index + 2, [], fence)
            }
        }
        return blocks
    }

    /// Every example of every page.
    static func all() -> [DocExample] {
        pages().flatMap(examples(of:))
    }

    /// The examples of one page.
    static func examples(of page: String) -> [DocExample] {
        var found: [DocExample] = []
        for block in blocks(of: page) where block.info.split(separator: " ").first == "console" {
            var current: (line: Int, command: String, expected: [String])?
            for (offset, line) in block.lines.enumerated() {
                if line.hasPrefix("$ ") {
                    if let current { found.append(DocExample(
                        page: page, line: current.line, command: current.command, expected: current.expected,
                        t0Card: block.info.contains("t0-card"))) }
                    current = (block.line + offset, String(line.dropFirst(2)), [])
                } else if current != nil {
                    current?.expected.append(line)
                }
            }
            if let current { found.append(DocExample(
                        page: page, line: current.line, command: current.command, expected: current.expected,
                        t0Card: block.info.contains("t0-card"))) }
        }
        return found
    }

    /// The files a page defines with `file=NAME`.
    static func files(of page: String) -> [DocFile] {
        blocks(of: page).compactMap { block in
            guard let word = block.info.split(separator: " ").first(where: { $0.hasPrefix("file=") }) else { return nil }
            return DocFile(name: String(word.dropFirst("file=".count)), text: block.lines.joined(separator: "\n") + "\n")
        }
    }

    /// Blocks not marked `console` whose first line is a `$ scard` command.
    static func unmarked() -> [UnmarkedExample] {
        pages().flatMap { page in
            blocks(of: page).compactMap { block in
                let first = block.lines.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
                guard first.hasPrefix("$ "), block.info.split(separator: " ").first != "console" else { return nil }
                return UnmarkedExample(page: page, line: block.line)
            }
        }
    }

    /// Whether an output line matches an expected line with its masks.
    static func matches(_ expected: String, _ actual: String) -> Bool {
        var pattern = "^"
        var rest = Substring(expected)
        let masks = [("<hex>", "[0-9A-Fa-f]{2}(?: ?[0-9A-Fa-f]{2})*"), ("<number>", "-?[0-9]+(?:\\.[0-9]+)?(?:e-?[0-9]+)?"), ("<any>", ".*")]
        while !rest.isEmpty {
            if let (mask, regex) = masks.first(where: { rest.hasPrefix($0.0) }) {
                pattern += regex
                rest = rest.dropFirst(mask.count)
            } else {
                pattern += NSRegularExpression.escapedPattern(for: String(rest.first!))
                rest = rest.dropFirst()
            }
        }
        pattern += "$"
        return actual.range(of: pattern, options: .regularExpression) != nil
    }

    /// The differences between what an example shows and what ran, as text; empty when they agree.
    static func differences(expected: [String], actual: [String]) -> String {
        let trim = { (lines: [String]) in
            Array(lines.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
                .reversed().drop { $0.isEmpty }.reversed())
        }
        let want = trim(expected)
        let got = trim(actual)
        var report: [String] = []
        for index in 0..<max(want.count, got.count) {
            let w = index < want.count ? want[index] : nil
            let g = index < got.count ? got[index] : nil
            if let w, let g, matches(w, g) { continue }
            report.append("line \(index + 1):\n  - \(w ?? "(nothing)")\n  + \(g ?? "(nothing)")")
        }
        return report.joined(separator: "\n")
    }
}
