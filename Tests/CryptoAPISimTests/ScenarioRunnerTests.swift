import CryptoAPISim
import ScenarioKit
import Testing

@Suite("The CryptoAPI scenario runner")
struct ScenarioRunnerTests {
    static func run(
        _ text: String, options: ScenarioOptions = ScenarioOptions(), profile: CryptProfile? = nil
    ) throws -> ScenarioReport {
        CryptScenarioRunner(profile: profile).run(try Scenario(parsing: text), options: options)
    }

    @Test("each step shows the return, the last error by name and value, bound names and the ledger delta")
    func stepContents() throws {
        let report = try Self.run("""
            prov = CryptAcquireContext NULL NULL PROV_RSA_FULL CRYPT_VERIFYCONTEXT
            CryptReleaseContext prov 1 => FALSE NTE_BAD_FLAGS
            """)
        #expect(report.steps.count == 2)
        let acquire = report.steps[0]
        #expect(acquire.returned == "TRUE")
        #expect(acquire.met == nil)
        #expect(acquire.bound["prov"]?.hasPrefix("context#1 (0x") == true)
        #expect(acquire.ledgerDelta == ["allocate context#1 PROV_RSA_FULL verify"])
        let release = report.steps[1]
        #expect(release.returned == "FALSE")
        #expect(release.lastError == "NTE_BAD_FLAGS (0x80090009)")
        #expect(release.met == true)
        #expect(release.ledgerDelta == ["free context#1 PROV_RSA_FULL verify"])
        #expect(report.live == ["crypt": []])
    }

    @Test("an unmet expectation is reported with what was expected, and the run goes on")
    func unmet() throws {
        let report = try Self.run("""
            CryptReleaseContext NULL 0 => FALSE NTE_BAD_UID
            CryptReleaseContext NULL 0 => TRUE
            CryptReleaseContext NULL 0 => FALSE ERROR_INVALID_PARAMETER
            """)
        #expect(report.steps.map(\.met) == [false, false, true])
        #expect(report.steps[0].expected == "FALSE NTE_BAD_UID")
        #expect(report.failures == 2)
    }

    @Test("fail-fast stops at the first unmet expectation")
    func failFast() throws {
        let report = try Self.run("""
            CryptReleaseContext NULL 0 => TRUE
            CryptReleaseContext NULL 0 => FALSE ERROR_INVALID_PARAMETER
            """, options: ScenarioOptions(failFast: true))
        #expect(report.steps.count == 1)
        #expect(report.stopped == "line 1: expectation not met (fail-fast)")
    }

    @Test("the profile option and @profile choose the codes")
    func profiles() throws {
        let documented = try Self.run("CryptReleaseContext NULL 0 => FALSE NTE_BAD_UID",
                                      profile: .documented)
        #expect(documented.failures == 0)
        let switched = try Self.run("""
            @profile documented
            CryptReleaseContext NULL 0 => FALSE NTE_BAD_UID
            @profile windows
            CryptReleaseContext NULL 0 => FALSE ERROR_INVALID_PARAMETER
            """)
        #expect(switched.failures == 0)
    }

    @Test("lines that parse but cannot run are 'not run' and fail; nothing crashes")
    func runtimeErrors() throws {
        let report = try Self.run("""
            CryptReleaseContext nosuchname 0
            CryptHashData 1 nosuchbuffer 0
            CryptAcquireContext 5 NULL PROV_RSA_FULL 0
            CryptReleaseContext 0x1FFFFFFFF 0 => MAYBE
            @resume T9
            @profile linux
            @buffer b 999999999999
            """)
        #expect(report.steps.allSatisfy { $0.returned == "not run" && $0.met == false })
        #expect(report.steps[0].notes.first?.contains("unknown name or constant 'nosuchname'") == true)
        #expect(report.steps[1].notes.first?.contains("unknown buffer 'nosuchbuffer'") == true)
    }

    @Test("check() names line and column of unknown functions, directives, argument and binding counts")
    func check() throws {
        let cases: [(String, Int, Int, String)] = [
            ("CryptFrobnicate 1", 1, 1, "unknown function 'CryptFrobnicate'"),
            ("\n  CryptReleaseContext 1", 2, 3, "CryptReleaseContext takes 2 argument(s) (hProv, dwFlags), found 1"),
            ("CryptReleaseContext 1 0 7", 1, 25, "CryptReleaseContext takes 2 argument(s) (hProv, dwFlags), found 3"),
            ("a, b = CryptGenKey 1 2 3", 1, 1, "CryptGenKey has phKey to bind, found 2 name(s)"),
            ("@frob", 1, 1, "unknown directive '@frob'"),
            ("@thread", 1, 1, "@thread takes 1 word(s), found 0"),
            ("CryptReleaseContext 1 0 => MAYBE", 1, 25, "CryptReleaseContext returns TRUE or FALSE, not 'MAYBE'"),
        ]
        for (text, line, column, message) in cases {
            #expect(throws: ScenarioSyntaxError(line: line, column: column, message: message)) {
                try CryptScenarioRunner.calls.check(try Scenario(parsing: text))
            }
        }
    }

    @Test("a call on a thread stopped inside the API is refused until @resume")
    func pausedThreadRefusesCalls() throws {
        let report = try Self.run("""
            @buffer big 200000 z
            prov = CryptAcquireContext NULL NULL PROV_RSA_AES CRYPT_VERIFYCONTEXT => TRUE
            hash = CryptCreateHash prov CALG_MD5 0 0 => TRUE
            @pause 2
            CryptHashData hash big 0 => TRUE
            CryptReleaseContext prov 0
            @resume T1
            CryptReleaseContext prov 0 => TRUE
            """)
        let paused = report.steps[4]
        #expect(paused.returned == "pending")
        #expect(paused.met == nil)
        #expect(paused.notes.first == "T1 stopped inside CryptHashData after 131072 of 200000 bytes; '@resume T1' lets it finish")
        #expect(report.steps[5].returned == "not run")
        #expect(report.steps[6].returned == "TRUE")
        #expect(report.steps[6].met == true)
        #expect(report.steps[6].expected == "TRUE")
        #expect(report.steps[7].met == true)
    }

    @Test("a call still stopped at the end is resumed and reported, so no thread is left waiting")
    func autoResume() throws {
        let report = try Self.run("""
            @buffer big 100000
            prov = CryptAcquireContext NULL NULL PROV_RSA_AES CRYPT_VERIFYCONTEXT
            hash = CryptCreateHash prov CALG_MD5 0 0
            @pause 1
            CryptHashData hash big 0 => TRUE
            @thread T2
            CryptReleaseContext prov 0 => FALSE ERROR_BUSY
            """)
        let last = try #require(report.steps.last)
        #expect(last.call == "@resume")
        #expect(last.line == 5)
        #expect(last.met == true)
        #expect(last.notes.last == "end of scenario: T1 resumed")
        #expect(report.liveTotal == 2)
    }

    @Test("a pause the next call never reaches lets the call finish normally")
    func pauseNotReached() throws {
        let report = try Self.run("""
            prov = CryptAcquireContext NULL NULL PROV_RSA_AES CRYPT_VERIFYCONTEXT
            @pause 1
            CryptReleaseContext prov 0 => TRUE
            """)
        #expect(report.steps[2].met == true)
        #expect(report.steps[2].notes == ["the call ended without reaching its pause point"])
        #expect(report.liveTotal == 0)
    }

    @Test("a failed acquire keeps the variable's previous value, as a C variable does")
    func failedAcquireKeepsValue() throws {
        let report = try Self.run("""
            prov = CryptAcquireContext NULL NULL PROV_RSA_FULL CRYPT_VERIFYCONTEXT => TRUE
            prov = CryptAcquireContext "missing" NULL PROV_RSA_FULL 0 => FALSE NTE_BAD_KEYSET
            CryptReleaseContext prov 0 => TRUE
            """)
        #expect(report.failures == 0)
    }
}
