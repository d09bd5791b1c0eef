import Foundation
import TestSupport
import Testing

extension VirtualReaderTests {
    @Suite("--reader completes with the names pcscd lists, in bash, zsh and fish")
    struct ReaderCompletionTests {
        @Test("the completion call lists the readers, filtered by what was typed")
        func names() throws {
            let all = try ScardProcess.run(["---completion", "send", "--", "--reader", "3", "0", "scard", "send", "--reader", ""])
            #expect(all.lines == VirtualReader.readers, "\(all.stdout) \(all.stderr)")
            let typed = try ScardProcess.run(["---completion", "status", "--", "--reader", "3", "17", "scard", "status", "-r", "virtual pcd 00 01"])
            #expect(typed.lines == ["Virtual PCD 00 01"], "\(typed.stdout) \(typed.stderr)")
        }

        @Test("each shell's completion script asks scard for --reader's values")
        func scripts() throws {
            for shell in ["bash", "zsh", "fish"] {
                let script = try ScardProcess.run(["--generate-completion-script", shell])
                #expect(script.status == 0)
                #expect(script.stdout.contains("---completion send -- --reader"), "\(shell)")
                #expect(script.stdout.contains("---completion shell -- --reader"), "\(shell)")
            }
        }
    }
}
