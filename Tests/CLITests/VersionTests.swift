import Foundation
import Testing
import TestSupport

@Suite("scard command line")
struct VersionTests {
    @Test("--version prints the version and exits 0")
    func version() throws {
        let result = try ScardProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.2.0")
    }
}
