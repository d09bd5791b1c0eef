import Foundation
import Testing
import TestSupport

/// The command tree as `scard --experimental-dump-help` describes it: what `--help` shows and what
/// the GenerateManual plugin turns into Docs/scard.1.
struct CommandInfo: Decodable {
    /// An argument, option or flag of a command.
    struct Argument: Decodable {
        let abstract: String?
        let shouldDisplay: Bool
    }

    let commandName: String
    /// False for a command hidden from help (and so from the man page).
    let shouldDisplay: Bool
    let abstract: String?
    let discussion: String?
    let arguments: [Argument]?
    let subcommands: [CommandInfo]?

    /// The root command, read from the built binary.
    static func load() throws -> CommandInfo {
        struct Dump: Decodable { let command: CommandInfo }
        let result = try ScardProcess.run(["--experimental-dump-help"])
        try #require(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode(Dump.self, from: Data(result.stdout.utf8)).command
    }

    /// Every command below this one that help shows, depth first, with the names that lead to it.
    func descendants(under path: [String] = []) -> [(path: [String], command: CommandInfo)] {
        (subcommands ?? []).filter(\.shouldDisplay).flatMap { sub in
            [(path + [sub.commandName], sub)] + sub.descendants(under: path + [sub.commandName])
        }
    }
}

/// Text as the man page generator writes a text line (its `escapedTextLine`): backslashes become
/// `\e`, characters outside ASCII are dropped, a leading `.`, `'` or blank gets `\&` before it.
func manText(_ text: String) -> String {
    var escaped = ""
    var atBeginning = true
    for character in text where character.isASCII {
        switch (character, atBeginning) {
        case ("\\", _):
            escaped += "\\e"
            atBeginning = false
        case (".", true), ("'", true):
            escaped += "\\&" + String(character)
            atBeginning = false
        case (" ", true):
            escaped += "\\& "
        default:
            escaped.append(character)
            atBeginning = false
        }
    }
    return escaped
}

/// A discussion as scripts/gen-manual.sh leaves it in the page: each text line escaped as the
/// generator does, split after every sentence, a line then starting with `'` escaped, and blank
/// lines turned into `.Pp`.
func manDiscussion(_ text: String) -> String {
    let sentenceEnd = /([A-Za-z0-9)][.!?]) ([A-Z(`$])/
    return manText(text).split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        if line.isEmpty { return ".Pp" }
        if line.hasPrefix(".") { return String(line) }
        return String(line).replacing(sentenceEnd) { "\($0.output.1)\n\($0.output.2)" }
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("'") ? "\\&" + $0 : String($0) }.joined(separator: "\n")
    }.joined(separator: "\n")
}

@Suite("scard --help and the man page")
struct HelpAndManualTests {
    static let manualPath = ScardProcess.projectRoot.appendingPathComponent("Docs/scard.1").path
    static let stale = "Docs/scard.1 is out of date: run scripts/gen-manual.sh and commit the page"

    @Test("scard --help lists every subcommand with its one-line abstract")
    func rootHelpListsSubcommands() throws {
        let root = try CommandInfo.load()
        let help = try ScardProcess.run(["--help"])
        #expect(help.status == 0)
        let lines = help.stdout.split(separator: "\n").map(String.init)
        for sub in root.subcommands ?? [] where sub.commandName != "help" && sub.shouldDisplay {
            let abstract = try #require(sub.abstract, "\(sub.commandName) has no abstract")
            #expect(!abstract.isEmpty && !abstract.contains("\n"), "\(sub.commandName)")
            let firstWord = abstract.split(separator: " ").first.map(String.init) ?? ""
            #expect(
                lines.contains { $0.hasPrefix("  \(sub.commandName) ") && $0.contains(firstWord) },
                "scard --help does not list \(sub.commandName) with its abstract")
        }
    }

    @Test("the help of every subcommand and sub-subcommand has an example")
    func everySubcommandHasAnExample() throws {
        let root = try CommandInfo.load()
        let commands = root.descendants().filter { $0.path != ["help"] }
        #expect(commands.count >= 17)
        for (path, _) in commands {
            let help = try ScardProcess.run(path + ["--help"])
            let name = "scard " + path.joined(separator: " ")
            #expect(help.status == 0, "\(name) --help")
            let examples = help.stdout.components(separatedBy: "Example").dropFirst().joined()
                .components(separatedBy: "USAGE:").first ?? ""
            #expect(examples.contains(name), "\(name) --help has no example of \(name)")
        }
    }

    @Test("Docs/scard.1 carries every command's abstract, discussion and option help as --help does")
    func manualMatchesHelp() throws {
        let page = try String(contentsOfFile: Self.manualPath, encoding: .utf8)
        let root = try CommandInfo.load()
        let generated = page.hasPrefix(".\\\" \"Generated by swift-argument-parser\"")
        #expect(generated, "Docs/scard.1 is not the generator's page")
        var missing: [String] = []
        func expect(_ text: String, _ what: String) {
            if !page.contains(text) { missing.append(what) }
        }
        expect(".Nd \"\(root.abstract ?? "")\"", "scard's abstract")
        for (path, command) in [(["scard"], root)] + root.descendants() {
            let name = path.joined(separator: " ")
            if path != ["scard"] {
                expect(".It Em \(command.commandName)\n\(manText(command.abstract ?? ""))\n", "\(name)'s abstract")
            }
            if let discussion = command.discussion, !discussion.isEmpty {
                expect(manDiscussion(discussion), "\(name)'s discussion")
            }
            for argument in command.arguments ?? [] where argument.shouldDisplay {
                if let abstract = argument.abstract, !abstract.isEmpty {
                    expect("\n\(manText(abstract))\n", "\(name): '\(abstract)'")
                }
            }
        }
        #expect(missing.isEmpty, "\(Self.stale); not in the page: \(missing.joined(separator: "; "))")
    }

    @Test("no text line of Docs/scard.1 would be read as a roff request and lost")
    func manualHasNoStrayRequests() throws {
        let page = try String(contentsOfFile: Self.manualPath, encoding: .utf8)
        for line in page.split(separator: "\n") {
            #expect(!line.hasPrefix("'"), "line read as a request: \(line)")
            if line.hasPrefix(".") {
                #expect(line.hasPrefix(".\\\"") || line.dropFirst().first?.isUppercase == true, "\(line)")
            }
        }
    }
}

@Suite("scripts/install.sh and scripts/uninstall.sh", .serialized)
struct InstallTests {
    static let root = ScardProcess.projectRoot
    static let bash = URL(fileURLWithPath: "/bin/bash")
    /// The files install.sh puts under its prefix.
    static let installed = [
        "bin/scard", "share/man/man1/scard.1", "share/bash-completion/completions/scard",
        "share/zsh/site-functions/_scard", "share/fish/vendor_completions.d/scard.fish",
    ]

    /// Runs a script of the project with the test's `scard` binary (no release build).
    static func script(_ name: String, _ arguments: [String], binary: String? = nil) throws -> ScardProcess.Result {
        let path = root.appendingPathComponent("scripts/\(name)").path
        let environment = ["SCARD_BINARY": binary ?? ScardProcess.binary.path, "DESTDIR": ""]
        return try ScardProcess.runExecutable(bash, [path] + arguments, environment: environment, timeout: 120)
    }

    /// A fresh temporary folder, removed by `body`'s caller when done.
    static func withTemporaryPrefix(_ body: (String) throws -> Void) throws {
        let prefix = FileManager.default.temporaryDirectory
            .appendingPathComponent("scard-install-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: prefix, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: prefix) }
        try body(prefix)
    }

    /// The regular files under a folder, relative to it.
    static func files(under prefix: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: prefix)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix + "/" + path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                found.append(path)
            }
        }
        return found.sorted()
    }

    @Test("install puts binary, man page and completions under PREFIX; they work; uninstall removes exactly them")
    func installIntoTemporaryPrefix() throws {
        let man = "/usr/bin/man"
        try #require(FileManager.default.isExecutableFile(atPath: man), "man is missing: run scripts/setup.sh")
        try Self.withTemporaryPrefix { prefix in
            let install = try Self.script("install.sh", [prefix])
            #expect(install.status == 0, "\(install.stderr)")
            #expect(Self.files(under: prefix) == Self.installed.sorted())

            let version = try ScardProcess.runExecutable(URL(fileURLWithPath: prefix + "/bin/scard"), ["--version"])
            #expect(version.status == 0)
            #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.2.0")

            let page = try ScardProcess.runExecutable(
                URL(fileURLWithPath: man), ["-l", prefix + "/share/man/man1/scard.1"],
                environment: ["MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "80"])
            #expect(page.status == 0, "\(page.stderr)")
            #expect(!page.stderr.lowercased().contains("warning"), "\(page.stderr)")
            #expect(page.stdout.contains("NAME"))
            #expect(page.stdout.contains("scard"))
            for sub in try CommandInfo.load().subcommands ?? [] where sub.shouldDisplay {
                #expect(page.stdout.contains(sub.commandName), "man page lacks \(sub.commandName)")
            }

            let completion = try ScardProcess.runExecutable(
                Self.bash,
                [
                    "--norc", "--noprofile", "-c",
                    """
                    source "$1"
                    COMP_WORDS=(scard li); COMP_CWORD=1; COMP_LINE="scard li"; COMP_POINT=${#COMP_LINE}
                    _scard scard li scard
                    printf '%s\\n' "${COMPREPLY[@]}"
                    """,
                    "completion-test", prefix + "/share/bash-completion/completions/scard",
                ])
            #expect(completion.status == 0, "\(completion.stderr)")
            let offered = completion.lines
            #expect(offered.contains("list-readers"), "offered: \(offered)")
            #expect(offered.contains("lifecycle"), "offered: \(offered)")
            #expect(!offered.contains("status"), "offered: \(offered)")

            for script in ["share/zsh/site-functions/_scard", "share/fish/vendor_completions.d/scard.fish"] {
                let text = try String(contentsOfFile: prefix + "/" + script, encoding: .utf8)
                #expect(text.contains("list-readers") && text.contains("crypt"), "\(script)")
            }

            let uninstall = try Self.script("uninstall.sh", [prefix])
            #expect(uninstall.status == 0, "\(uninstall.stderr)")
            #expect(Self.files(under: prefix).isEmpty, "left behind: \(Self.files(under: prefix))")
            let again = try Self.script("uninstall.sh", [prefix])
            #expect(again.status == 0, "uninstalling twice is not an error")
        }
    }

    @Test("install refuses a relative prefix or a missing binary with one line and writes nothing")
    func installRefusesBadInput() throws {
        try Self.withTemporaryPrefix { prefix in
            let relative = try Self.script("install.sh", ["relative/prefix"])
            #expect(relative.status == 2)
            #expect(relative.stderr.contains("PREFIX must be an absolute path"))

            let missing = try Self.script("install.sh", [prefix], binary: prefix + "/no-such-scard")
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("no scard binary"))
            #expect(Self.files(under: prefix).isEmpty)

            let tooMany = try Self.script("uninstall.sh", [prefix, "extra"])
            #expect(tooMany.status == 2)
        }
    }
}
