import Foundation
import TestSupport
import Testing

extension VirtualReaderTests {
    @Suite("Standard output that nobody reads")
    struct BlockedOutputTests {
        @Test("a reader of standard output that stopped reading: Ctrl-C still ends the run within about a second, exit 130")
        func interruptedWhileOutputBlocked() throws {
            try withChallengeScript(20_000, delay: nil) { path in
                let process = Process()
                process.executableURL = ScardProcess.binary
                process.arguments = ["script", "-r", "0", path]
                let output = Pipe()
                let errors = Pipe()
                process.standardOutput = output
                process.standardError = errors
                try process.run()
                defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
                // The pipe holds 64 KiB, about a thousand exchanges: long before this, scard is blocked writing.
                Thread.sleep(forTimeInterval: 2)
                #expect(process.isRunning)
                let start = Date()
                kill(process.processIdentifier, SIGINT)
                while process.isRunning && Date().timeIntervalSince(start) < 10 { Thread.sleep(forTimeInterval: 0.01) }
                let took = Date().timeIntervalSince(start)
                try #require(!process.isRunning, "still running \(took) s after Ctrl-C")
                #expect(took < 1.5, "ended \(took) s after Ctrl-C")
                #expect(process.terminationStatus == 130)
                let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                #expect(message.hasPrefix("scard: "), "\(message)")
                #expect(message.split(separator: "\n").count == 1)
            }
        }
    }
}
