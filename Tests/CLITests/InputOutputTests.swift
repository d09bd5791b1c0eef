import Foundation
import Testing
import TestSupport

/// Runs `scard` from a bash command line, so a test can redirect its standard input and output to
/// anything a shell can: `$SCARD` is the binary; memory is capped at 2 GB of address space.
private func shell(_ script: String, timeout: TimeInterval = 60) throws -> ScardProcess.Result {
    try ScardProcess.runExecutable(
        URL(fileURLWithPath: "/bin/bash"), ["-c", "ulimit -v 2000000; " + script],
        environment: ["SCARD": ScardProcess.binary.path], timeout: timeout)
}

/// A folder of its own for one test, removed when the test ends.
private final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("scard-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

@Suite("scard input and output: streams, directories, size limits, failed writes")
struct InputOutputTests {
    /// Every command that reads a whole input named `-`.
    static let readers: [[String]] = [["send", "-"], ["script", "-"], ["crypt", "run", "-", "--ephemeral"], ["flt", "run", "-"], ["rpc", "run", "-"]]

    @Test("a directory on standard input is exit 2 and one line, never a trap", arguments: readers)
    func directoryOnStandardInput(_ command: [String]) throws {
        let result = try shell("\"$SCARD\" \(command.joined(separator: " ")) < /tmp")
        #expect(result.status == 2)
        #expect(result.stderr == "scard: cannot read standard input (Is a directory)\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("a directory given as a path says so", arguments: [["script"], ["crypt", "run"], ["flt", "run"], ["rpc", "run"], ["crypt", "hash"]])
    func directoryAsPath(_ command: [String]) throws {
        let result = try shell("\"$SCARD\" \(command.joined(separator: " ")) /tmp")
        #expect(result.status == 2)
        #expect(result.stderr == "scard: /tmp: cannot read the file (Is a directory)\n")
    }

    @Test("endless standard input (/dev/zero) stops at the limit: exit 2, one line, bounded memory", arguments: readers)
    func endlessInput(_ command: [String]) throws {
        let result = try shell("\"$SCARD\" \(command.joined(separator: " ")) < /dev/zero")
        #expect(result.status == 2)
        let expected = command[0] == "send"
            ? "scard: standard input: a line is longer than 1 MiB\n"
            : "scard: standard input: larger than the limit of 16 MiB\n"
        #expect(result.stderr == expected)
    }

    @Test("a scenario just over 16 MiB is refused; a path of /dev/zero too")
    func overLimitFile() throws {
        let scratch = try Scratch()
        let big = scratch.path("big.scen")
        let line = "# " + String(repeating: "x", count: 1021) + "\n"
        try String(repeating: line, count: 16 * 1024 + 1).write(toFile: big, atomically: false, encoding: .utf8)
        let result = try shell("\"$SCARD\" rpc run \(big)")
        #expect(result.status == 2)
        #expect(result.stderr == "scard: \(big): larger than the limit of 16 MiB\n")
        let zero = try shell("\"$SCARD\" flt run /dev/zero")
        #expect(zero.status == 2)
        #expect(zero.stderr == "scard: /dev/zero: larger than the limit of 16 MiB\n")
    }

    @Test("a FIFO, /dev/stdin and process substitution (/dev/fd/N) read as streams")
    func streams() throws {
        let scratch = try Scratch()
        let fifo = scratch.path("scenario.fifo")
        let scenario = "@server\\n@client c1\\nRpcBindingFree c1 => RPC_S_OK\\n"
        let viaFIFO = try shell("mkfifo \(fifo); printf '\(scenario)' > \(fifo) & \"$SCARD\" rpc run \(fifo)")
        #expect(viaFIFO.status == 0, "\(viaFIFO.stderr)")
        #expect(viaFIFO.stdout.contains("all expectations met"))
        let viaDevFd = try shell("\"$SCARD\" rpc run <(printf '\(scenario)')")
        #expect(viaDevFd.status == 0, "\(viaDevFd.stderr)")
        #expect(viaDevFd.stdout.contains("all expectations met"))
        let viaStdin = try shell("printf '\(scenario)' | \"$SCARD\" rpc run /dev/stdin")
        #expect(viaStdin.status == 0, "\(viaStdin.stderr)")
        let hashed = try shell("\"$SCARD\" crypt hash --alg sha256 <(printf abc)")
        #expect(hashed.status == 0, "\(hashed.stderr)")
        #expect(hashed.stdout.hasPrefix("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  /dev/fd/"))
    }

    @Test("a missing file gives the reason from the system")
    func missingFile() throws {
        let result = try shell("\"$SCARD\" flt run /nonexistent/x.scen")
        #expect(result.status == 2)
        #expect(result.stderr == "scard: /nonexistent/x.scen: cannot read the file (No such file or directory)\n")
    }

    /// Commands whose standard output is checked against /dev/full and a closed pipe.
    static let writers: [String] = [
        "atr 3B 95 13 81 01 80 73 FF 01 00 0B", "atr --json 3B 95 13 81 01 80 73 FF 01 00 0B", "crypt example",
        "flt example", "flt example --json", "rpc example", "--help", "--version", "rpc --help", "crypt hash /dev/null",
    ]

    @Test("standard output on /dev/full: exit 8 and one line", arguments: writers)
    func fullDevice(_ command: String) throws {
        let result = try shell("\"$SCARD\" \(command) > /dev/full")
        #expect(result.status == 8)
        #expect(result.stderr == "scard: cannot write standard output: No space left on device\n")
    }

    @Test("standard output a pipe nobody reads, SIGPIPE ignored: exit 8 and one line", arguments: writers)
    func closedPipe(_ command: String) throws {
        let python = """
            import os, signal, subprocess, sys
            signal.signal(signal.SIGPIPE, signal.SIG_IGN)
            r, w = os.pipe()
            os.close(r)
            run = subprocess.run(sys.argv[1:], stdout=w, stderr=subprocess.PIPE, restore_signals=False)
            sys.stderr.buffer.write(run.stderr)
            sys.exit(run.returncode)
            """
        let arguments = command.split(separator: " ").map(String.init)
        let result = try ScardProcess.runExecutable(
            URL(fileURLWithPath: "/usr/bin/python3"), ["-c", python, ScardProcess.binary.path] + arguments)
        #expect(result.status == 8)
        #expect(result.stderr == "scard: cannot write standard output: Broken pipe\n")
    }

    @Test("a long scenario run to /dev/full ends with exit 8 and one line")
    func longRunToFullDevice() throws {
        let scratch = try Scratch()
        let path = scratch.path("long.scen")
        var text = "@server\n@client c1\n"
        for index in 0..<20_000 {
            text += "h\(index) = OpenResource c1 \"r\" => RPC_S_OK\nCloseResource h\(index) => RPC_S_OK\n"
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let result = try shell("\"$SCARD\" rpc run \(path) --json > /dev/full")
        #expect(result.status == 8)
        #expect(result.stderr == "scard: cannot write standard output: No space left on device\n")
    }

    @Test("an error that echoes a token with a newline, NUL, ESC or DEL is one line, escaped")
    func controlCharactersEscaped() throws {
        let cases: [(String, String)] = [
            ("\"$SCARD\" send $'00A4\\n00'", "scard: APDU 1 '00A4\\n00': '\\n' at column 5 is not a hex digit\n"),
            ("printf '00A4000C\\x003F00\\n' | \"$SCARD\" script -", "scard: <stdin>:1:9: '\\x00' is not a hex digit in '00A4000C\\x003F00'\n"),
            ("printf '@server\\nOpen\\x00Resource c1\\n' | \"$SCARD\" rpc run -", "scard: -:2:5: unexpected '\\x00'\n"),
            ("printf '@filter f\\nFlt\\033Frob f\\n' | \"$SCARD\" flt run -", "scard: -:2:4: unexpected '\\x1b'\n"),
            ("printf 'CryptFoo\\177 1\\n' | \"$SCARD\" crypt run - --ephemeral", "scard: -:1:9: unexpected '\\x7f'\n"),
        ]
        for (script, expected) in cases {
            let result = try shell(script)
            #expect(result.status == 2, "\(script)")
            #expect(result.stderr == expected, "\(script)")
            #expect(result.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test("a scenario path with a newline is echoed on one line")
    func pathWithNewline() throws {
        let result = try shell("\"$SCARD\" rpc run $'/nonexistent/a\\nb\\r.scen'")
        #expect(result.status == 2)
        #expect(result.stderr == "scard: /nonexistent/a\\nb\\r.scen: cannot read the file (No such file or directory)\n")
    }

    @Test("a very long echoed line is cut short: one line of at most 4,096 characters")
    func longEchoBounded() throws {
        let result = try shell("\"$SCARD\" send 00A4000C023F00Z$(head -c 100000 /dev/zero | tr '\\0' 'A')")
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.count <= 4097)
    }

    @Test("output and the closing error line keep their order in one pipe (2>&1)")
    func errorAfterOutput() throws {
        let scenario = """
            prov = CryptAcquireContext NULL NULL PROV_RSA_FULL CRYPT_VERIFYCONTEXT => TRUE
            CryptReleaseContext prov 0 => FALSE
            """
        let result = try shell("printf '%s\\n' '\(scenario.replacingOccurrences(of: "\n", with: "' '"))' | \"$SCARD\" crypt run - --ephemeral 2>&1")
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count > 2)
        #expect(lines.last?.hasPrefix("scard: ") == true)
        #expect(lines.dropLast().allSatisfy { !$0.hasPrefix("scard: ") })
    }
}
