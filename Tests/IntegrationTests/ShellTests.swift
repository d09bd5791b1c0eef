import Foundation
import TestSupport
import Testing

extension VirtualReaderTests {
    @Suite("scard shell in a pseudo-terminal")
    struct ShellTests {
        typealias D = ShellDriver

        @Test("APDUs, expectations, reset, atr, switching readers and errors; Ctrl-C drops a line; Ctrl-D leaves")
        func session() throws {
            let state = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: state) }
            let run = try D.run(["shell", "--reader", "0"], steps: [
                D.keys("", timeout: 10),
                D.line("00 A4 00 0C 02 3F 00"),
                D.line("00 B0 00 00 00 => 90 00"),
                D.line("reset"),
                D.line("atr"),
                D.line("reader"),
                D.line("reader 1"),
                D.line("00 84 00 00 08 => * 90 00"),
                D.line("00 A4 0"),
                D.line("reader 7"),
                D.keys("half a line\u{3}"),
                D.line("echo done"),
                D.keys("\u{4}", until: nil, timeout: 1),
            ], state: state)
            let out = run.steps.map(\.output)
            let allMatched = run.steps.allSatisfy { $0.matched }
            #expect(allMatched, "\(run.transcript)")
            #expect(out[0].contains("connected to Virtual PCD 00 00, T=1"))
            #expect(out[0].hasSuffix("scard Virtual PCD 00 00> "))
            #expect(out[1].contains("> 00 A4 00 0C 02 3F 00\r\n< 90 00 : normal processing\r\n"))
            #expect(out[2].contains("< 69 86 : "))
            #expect(out[2].contains("! expected 90 00, got 69 86"))
            #expect(out[3].contains("> reset\r\n"))
            #expect(out[3].contains("< card reset, T=1, ATR 3B 95 13 81 01 80 73 FF 01 00 0B\r\n"))
            #expect(out[4].contains("atr:      3B 95 13 81 01 80 73 FF 01 00 0B"))
            #expect(out[5].contains("* 0: Virtual PCD 00 00\r\n  1: Virtual PCD 00 01"))
            #expect(out[6].contains("connected to Virtual PCD 00 01, T=1"))
            #expect(out[6].hasSuffix("scard Virtual PCD 00 01> "))
            #expect(out[7].contains("< ") && out[7].contains(" 90 00 : normal processing"))
            #expect(out[8].contains("scard: column"), "\(out[8])")
            #expect(out[9].contains("scard: "), "\(out[9])")
            #expect(out[9].hasSuffix("scard Virtual PCD 00 01> "))
            #expect(out[10].contains("^C"))
            #expect(!run.transcript.contains("> half a line"))
            #expect(out[11].contains("done\r\n"))
            #expect(run.exit == 1, "one expectation was not met: \(run.transcript)")
        }

        @Test("history persists in $XDG_STATE_HOME/scard/history; up-arrow recalls it in the next session")
        func history() throws {
            let state = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: state) }
            let first = try D.run(["shell", "-r", "1"], steps: [
                D.keys(""), D.line("00 A4 00 0C 02 3F 00"), D.line("echo remembered"), D.line("quit", until: nil, timeout: 1),
            ], state: state)
            #expect(first.exit == 0, "\(first.transcript)")
            let file = state.appendingPathComponent("scard/history")
            let saved = try String(contentsOf: file, encoding: .utf8)
            #expect(saved == "00 A4 00 0C 02 3F 00\necho remembered\nquit\n")
            let second = try D.run(["shell", "-r", "1"], steps: [
                D.keys(""), D.keys("\u{1b}[A\u{1b}[A\r"), D.line("quit", until: nil, timeout: 1),
            ], state: state)
            #expect(second.steps[1].output.contains("remembered\r\n"), "\(second.transcript)")
        }

        @Test("two shells at once keep each other's lines in the history")
        func historyOfTwoShells() async throws {
            let state = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: state) }
            let slow = Task.detached {
                try D.run(["shell", "-r", "1"], steps: [
                    D.keys(""), D.line("echo first a"), D.Step(sleep: 3), D.line("echo second a"),
                    D.line("quit", until: nil, timeout: 1),
                ], state: state)
            }
            try await Task.sleep(for: .seconds(1))
            let quick = try D.run(["shell", "-r", "0"], steps: [
                D.keys(""), D.line("echo only b"), D.line("quit", until: nil, timeout: 1),
            ], state: state)
            #expect(quick.exit == 0, "\(quick.transcript)")
            let first = try await slow.value
            #expect(first.exit == 0, "\(first.transcript)")
            let saved = try String(contentsOf: state.appendingPathComponent("scard/history"), encoding: .utf8)
            for line in ["echo first a", "echo only b", "echo second a"] {
                #expect(saved.contains(line + "\n"), "\(saved)")
            }
        }

        @Test("line editing: backspace, Ctrl-A and typing at the start of the line")
        func editing() throws {
            let state = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: state) }
            let run = try D.run(["shell", "-r", "1"], steps: [
                D.keys(""),
                D.keys("84 00 00 09\u{7f}8\u{1}00 \r"),
                D.line("quit", until: nil, timeout: 1),
            ], state: state)
            #expect(run.steps[1].output.contains("> 00 84 00 00 08\r\n"), "\(run.transcript)")
        }

        @Test("--record writes a script that scard script replays with the responses as expectations")
        func record() throws {
            let state = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: state) }
            let path = state.appendingPathComponent("session.apdu").path
            let run = try D.run(["shell", "-r", "1", "--record", path], steps: [
                D.keys(""), D.line("00 A4 00 0C 02 3F 00"), D.line("reset"), D.line("00 B0 00 00 00"), D.line("echo end"),
                D.line("quit", until: nil, timeout: 1),
            ], state: state)
            #expect(run.exit == 0, "\(run.transcript)")
            let script = try String(contentsOfFile: path, encoding: .utf8)
            #expect(script.contains("00 A4 00 0C 02 3F 00 => 90 00\nreset\n00 B0 00 00 00 => 69 86\necho end\n"), "\(script)")
            let replay = try ScardProcess.run(["script", "-r", "1", path])
            #expect(replay.status == 0, "\(replay.stderr)")
            #expect(replay.lines.contains("end"))
        }

        @Test("Ctrl-C while the card does not answer gives the prompt back within a second; the next line connects again",
              VirtualReader.destructive)
        func interruptBlockedCall() throws {
            let state = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: state) }
            let pidfile = "\(VirtualReader.stateFolder)/vicc-1.pid"
            let run = try D.run(["shell", "-r", "1"], steps: [
                D.keys(""),
                D.Step(signal: "SIGSTOP", pidfile: pidfile),
                D.keys("00 A4 00 0C 02 3F 00\r", until: "no such line", timeout: 1.5),
                D.keys("\u{3}", timeout: 5),
                D.Step(signal: "SIGCONT", pidfile: pidfile),
                D.Step(sleep: 1),
                D.line("00 A4 00 0C 02 3F 00", timeout: 20),
                D.line("quit", until: nil, timeout: 1),
            ], state: state)
            #expect(run.steps[2].matched, "\(run.transcript)")
            #expect(run.steps[2].seconds < 1.5, "the prompt came back after \(run.steps[2].seconds) s")
            #expect(run.steps[2].output.contains("scard: interrupted while"), "\(run.transcript)")
            #expect(run.steps[3].output.contains("< 90 00 : normal processing"), "\(run.transcript)")
            #expect(run.steps[3].output.components(separatedBy: "< 90 00").count == 2, "the abandoned call prints nothing: \(run.transcript)")
        }

        @Test("scard script - on a terminal sends each line as it is typed")
        func scriptFromTerminal() throws {
            let state = try temporaryFolder()
            defer { try? FileManager.default.removeItem(at: state) }
            let run = try D.run(["script", "-r", "1", "-"], steps: [
                D.keys("00 A4 00 0C 02 3F 00 => 90 00\r", until: "< 90 00 : normal processing", timeout: 10),
                D.keys("00 B0 00 00 00\r", until: "< 69 86", timeout: 10),
                D.Step(sleep: 0.5),
                D.keys("\u{4}", until: nil, timeout: 1),
            ], state: state)
            let allMatched = run.steps.allSatisfy { $0.matched }
            #expect(allMatched, "\(run.transcript)")
            #expect(run.exit == 0, "\(run.transcript)")
        }
    }
}
