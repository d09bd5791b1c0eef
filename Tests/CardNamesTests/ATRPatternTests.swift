import CardNames
import Testing

/// Both matchers against the pattern forms smartcard_list.txt uses.
@Suite struct ATRPatternTests {
    let vicc: [UInt8] = [0x3B, 0x95, 0x13, 0x81, 0x01, 0x80, 0x73, 0xFF, 0x01, 0x00, 0x0B]

    @Test func literalMatchesWholeATROnly() throws {
        let pattern = try #require(ATRPattern("3B 95 13 81 01 80 73 FF 01 00 0B"))
        #expect(pattern.matches(atr: vicc))
        #expect(!pattern.matches(atr: Array(vicc.dropLast())))
        #expect(!pattern.matches(atr: vicc + [0x00]))
    }

    @Test func caseIsIgnored() throws {
        #expect(try #require(ATRPattern("3b 95 13 81 01 80 73 ff 01 00 0b")).matches(atr: vicc))
    }

    @Test func dotMatchesAnyDigit() throws {
        #expect(try #require(ATRPattern("3B 95 .. 81 01 80 73 FF 01 00 ..")).matches(atr: vicc))
        #expect(!(try #require(ATRPattern("3B 96 .. 81 01 80 73 FF 01 00 ..")).matches(atr: vicc)))
    }

    @Test func classesWithRangesAndCommas() throws {
        #expect(try #require(ATRPattern("3B 9[1-5] 13 81 01 80 73 FF 01 00 0B")).matches(atr: vicc))
        #expect(!(try #require(ATRPattern("3B 9[6-9] 13 81 01 80 73 FF 01 00 0B")).matches(atr: vicc)))
        #expect(try #require(ATRPattern("3B 9[1,5] 13 81 01 80 73 FF 01 00 0B")).matches(atr: vicc))
        #expect(try #require(ATRPattern("3B 95 13 81 01 80 73 [EF]F 01 00 0B")).matches(atr: vicc))
        #expect(try #require(ATRPattern("3B 95 13 81 01 80 73 [^0]F 01 00 0B")).matches(atr: vicc))
        #expect(try #require(ATRPattern("3B 95 13 81 01 80 73 [a-f]F 01 00 0B")).matches(atr: vicc))
    }

    @Test func starBacktracks() throws {
        #expect(try #require(ATRPattern("3B 95 .* 0B")).matches(atr: vicc))
        #expect(try #require(ATRPattern("3B 95 13 81 01 80 73 FF 01 00 0B.*")).matches(atr: vicc))
        #expect(!(try #require(ATRPattern("3B 95 .* 0C")).matches(atr: vicc)))
        #expect(try #require(ATRPattern("3B 9.+ 0B")).matches(atr: vicc))
        #expect(try #require(ATRPattern("3B 95 13 81 01 80 73 FF 01 00 0BX?")).matches(atr: vicc))
    }

    @Test func otherSyntaxGoesThroughTheCompiledProgram() throws {
        let pattern = try #require(ATRPattern("3B 95 (13|14) 81 01 80 73 FF 01 00 0B"))
        #expect(pattern.matches(atr: vicc))
        #expect(try #require(ATRPattern("3B 95 13 81 01 80 73 FF( ..){3}")).matches(atr: vicc))
        #expect(!(try #require(ATRPattern("3B 95 13 81 01 80 73 FF( ..){2}")).matches(atr: vicc)))
    }

    @Test func unreadableSyntaxIsRefused() {
        #expect(ATRPattern("3B 95 (13") == nil)
    }

    @Test func atrTextIsSpacedUpperCase() {
        #expect(ATRPattern.text(of: vicc) == "3B 95 13 81 01 80 73 FF 01 00 0B")
        #expect(ATRPattern.text(of: []) == "")
    }
}
