import APDUScript
import Testing

@Suite("APDU script parsing")
struct ScriptParserTests {
    /// The example of scriptor's manual page (pcsc-tools), unchanged.
    static let scriptorManualExample = """
        # reset the card
        reset

        # Select MF 3F00
        A0 A4 00 00 02 3F 00

        # Get Response
        # 17 is the value of second SW from the previous command
        A0 C0 00 00 17

        # Select DF Telecom (7F10)
        A0 A4 00 00 02 7F 10

        # Get Response
        A0 C0 00 00 17

        # Select EF_ADN (6F3A) (Abbreviated Dialing Numbers)
        A0 A4 00 00 02 6F 3A

        # Get Response
        A0 C0 00 00 0F
        """

    @Test("scriptor's manual example parses unchanged: reset, then six APDUs with their line numbers")
    func scriptorExample() throws {
        let script = try APDUScript(parsing: Self.scriptorManualExample)
        #expect(script.lines.map(\.number) == [2, 5, 9, 12, 15, 18, 21])
        #expect(script.lines.first?.kind == .reset)
        #expect(script.lines[1] == ScriptLine(
            number: 5, text: "A0 A4 00 00 02 3F 00",
            kind: .apdu(bytes: [0xA0, 0xA4, 0x00, 0x00, 0x02, 0x3F, 0x00], expectation: nil)))
        #expect(script.lines.last?.kind == .apdu(bytes: [0xA0, 0xC0, 0x00, 0x00, 0x0F], expectation: nil))
    }

    @Test("hex with or without spaces, any case, a shebang line and CRLF line ends")
    func hexSpellings() throws {
        let script = try APDUScript(parsing: "#!/usr/bin/env scriptor\r\n00a4040007a0000002471001\r\n00 A4 04 00 07 A0000002471001\r\n")
        let bytes: [UInt8] = [0x00, 0xA4, 0x04, 0x00, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01]
        #expect(script.lines.map(\.kind) == [.apdu(bytes: bytes, expectation: nil), .apdu(bytes: bytes, expectation: nil)])
        #expect(script.lines.map(\.number) == [2, 3])
    }

    @Test("a trailing backslash continues an APDU on the next line, as in scriptor")
    func continuation() throws {
        let script = try APDUScript(parsing: """
            00 A4 04 00 \\
              07 A0 00 00 \\

            # a comment between parts
              02 47 10 01 => 90 00
            00 B0 00 00 00
            """)
        #expect(script.lines.count == 2)
        let first = try #require(script.lines.first)
        #expect(first.number == 1)
        #expect(first.text == "00 A4 04 00 07 A0 00 00 02 47 10 01 => 90 00")
        guard case .apdu(let bytes, let expectation) = first.kind else {
            Issue.record("not an APDU: \(first.kind)")
            return
        }
        #expect(bytes == [0x00, 0xA4, 0x04, 0x00, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01])
        #expect(expectation?.description == "90 00")
        #expect(script.lines[1].number == 6)
    }

    @Test("reset and exit in any case; nothing after exit is read, as in scriptor")
    func resetAndExit() throws {
        let script = try APDUScript(parsing: "RESET\n00 84 00 00 08\nExit\nthis is not a script line\n")
        #expect(script.lines.map(\.kind) == [.reset, .apdu(bytes: [0x00, 0x84, 0x00, 0x00, 0x08], expectation: nil), .exit])
    }

    @Test("comments after a command or an APDU are ignored")
    func trailingComments() throws {
        let script = try APDUScript(parsing: "reset # cold\n00 84 00 00 08 # challenge => not a pattern\n")
        #expect(script.lines.map(\.kind) == [.reset, .apdu(bytes: [0x00, 0x84, 0x00, 0x00, 0x08], expectation: nil)])
    }

    @Test("echo keeps its text as written, # included")
    func echo() throws {
        let script = try APDUScript(parsing: "echo   Select the  # applet  \necho\nECHO done")
        #expect(script.lines.map(\.kind) == [.echo("Select the  # applet"), .echo(""), .echo("done")])
    }

    @Test("delay in milliseconds or seconds, with or without a blank before the unit")
    func delay() throws {
        let script = try APDUScript(parsing: "delay 100ms\ndelay 2s\nDELAY 250 ms\ndelay 0ms\ndelay 3600s")
        #expect(script.lines.map(\.kind) == [
            .delay(milliseconds: 100), .delay(milliseconds: 2000), .delay(milliseconds: 250),
            .delay(milliseconds: 0), .delay(milliseconds: 3_600_000),
        ])
    }

    @Test("# test: NAME comments are kept as test sections")
    func testSections() throws {
        let script = try APDUScript(parsing: """
            # test: select the applet
            00 A4 04 00 02 3F 00 => 90 00
            #test:read
            00 B0 00 00 00
            # testing is just a comment
            """)
        #expect(script.testSections == ["select the applet", "read"])
        #expect(script.lines.first == ScriptLine(number: 1, text: "# test: select the applet", kind: .testSection("select the applet")))
        #expect(script.lines.count == 4)
    }

    @Test("expected responses: whole response, wildcards and status word only")
    func expectations() throws {
        let script = try APDUScript(parsing: """
            00 A4 04 00 02 3F 00 => 90 00
            00 B0 00 00 04 => 01 .. 03 .. 90 00
            00 B0 00 00 00 => * 90 00
            00 B0 00 00 00 =>SW 6C ..
            00 84 00 00 08 => sw 9000
            """)
        let patterns = script.lines.compactMap { line -> String? in
            if case .apdu(_, let expectation?) = line.kind { return expectation.description }
            return nil
        }
        #expect(patterns == ["90 00", "01 .. 03 .. 90 00", "* 90 00", "SW 6C ..", "SW 90 00"])
    }

    @Test("an empty script and a script of comments have no lines")
    func empty() throws {
        #expect(try APDUScript(parsing: "").lines.isEmpty)
        #expect(try APDUScript(parsing: "\n  \n# only a comment\n\t\n").lines.isEmpty)
    }

    @Test("extended APDUs up to the largest size parse")
    func extended() throws {
        let data = String(repeating: "AB", count: 65_535)
        let script = try APDUScript(parsing: "00 D6 00 00 00FFFF\(data)0000")
        guard case .apdu(let bytes, _)? = script.lines.first?.kind else {
            Issue.record("no APDU")
            return
        }
        #expect(bytes.count == 65_544)
    }

    @Test("the structure check can be turned off for scripts that send malformed APDUs on purpose")
    func uncheckedStructure() throws {
        let readerTest = """
            # Case 1
            00 10 00 00
            00 10 00 00 00
            00 10 00 00 00 00
            """
        #expect(throws: ScriptSyntaxError.self) { try APDUScript(parsing: readerTest) }
        let script = try APDUScript(parsing: readerTest, checkingAPDUStructure: false)
        #expect(script.lines.count == 3)
        let tooShort = try APDUScript(parsing: "00 10", checkingAPDUStructure: false)
        #expect(tooShort.lines.count == 1)
    }

    @Test("the complete example of Docs/scripts.md parses into its sections and commands")
    func documentedExample() throws {
        let script = try APDUScript(parsing: """
            #!/usr/bin/env scriptor
            # test: select MF
            reset
            00 A4 00 0C 02 3F 00 => 90 00

            # test: challenge
            echo asking for 8 random bytes
            00 84 00 00 08 => .. .. .. .. .. .. .. .. 90 00
            delay 50ms
            00 84 00 00 08 => SW 90 00

            # test: wrong instruction
            00 FF 00 00 => SW 6D 00
            exit
            anything after exit is not read
            """)
        #expect(script.testSections == ["select MF", "challenge", "wrong instruction"])
        #expect(script.lines.map(\.number) == [2, 3, 4, 6, 7, 8, 9, 10, 12, 13, 14])
        #expect(script.lines.last?.kind == .exit)
        guard case .apdu(_, let expectation?) = script.lines[5].kind else {
            Issue.record("line 8 is not an APDU with an expectation")
            return
        }
        #expect(expectation.matches([1, 2, 3, 4, 5, 6, 7, 8, 0x90, 0x00]))
        #expect(!expectation.matches([1, 2, 3, 0x90, 0x00]))
    }
}
