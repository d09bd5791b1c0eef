@testable import CardNames
import Testing

/// The compiled matcher, one piece of syntax at a time, through ``ATRPattern`` as the database uses it.
@Suite struct PatternProgramTests {
    let vicc = "3B 95 13 81 01 80 73 FF 01 00 0B"

    /// Whether `pattern` (which must be readable) matches the whole of `text`.
    func matches(_ pattern: String, _ text: String) throws -> Bool {
        try #require(ATRPattern(pattern), "refused: \(pattern)").matches(atrText: text)
    }

    @Test func groups() throws {
        #expect(try matches("3B 95 (13) 81 01 80 73 FF 01 00 0B", vicc))
        #expect(try matches("3B (95 13 )81 01 80 73 FF 01 00 0B", vicc))
        #expect(try matches("(?:3B 95) 13 81 01 80 73 FF 01 00 0B", vicc))
        #expect(try matches("((3B) (95)) 13 81 01 80 73 FF 01 00 0B", vicc))
        #expect(try matches("3B 95 13 81 01 80 73 FF 01 00 0B()", vicc))
        #expect(try !matches("3B 95 (14) 81 01 80 73 FF 01 00 0B", vicc))
    }

    @Test func alternation() throws {
        #expect(try matches("3B 95 (13|14) 81 01 80 73 FF 01 00 0B", vicc))
        #expect(try matches("3B 95 (14|12|13) 81 01 80 73 FF 01 00 0B", vicc))
        #expect(try !matches("3B 95 (14|12) 81 01 80 73 FF 01 00 0B", vicc))
        #expect(try matches("3F 00|3B 95 13 81 01 80 73 FF 01 00 0B", vicc))
        #expect(try !matches("3B 95 13|3B 95", vicc))
        #expect(try matches("3B 95 13 81 01 80 73 FF 01 00 0B( 00|)", vicc))
        #expect(try matches("3B 95 13 81 01 80 73 FF 01 00 0B(| 00)", vicc))
        #expect(try matches("3B 95 (?:1(3|4)|2.) 81 01 80 73 FF 01 00 0B", vicc))
    }

    @Test func countedRepeats() throws {
        #expect(try matches("3B 95 13 81 01 80 73 FF( ..){3}", vicc))
        #expect(try !matches("3B 95 13 81 01 80 73 FF( ..){2}", vicc))
        #expect(try !matches("3B 95 13 81 01 80 73 FF( ..){4}", vicc))
        #expect(try matches("3B 95 13 81 01 80 73 FF( ..){2,}", vicc))
        #expect(try !matches("3B 95 13 81 01 80 73 FF( ..){4,}", vicc))
        #expect(try matches("3B 95 13 81 01 80 73 FF( ..){1,3}", vicc))
        #expect(try !matches("3B 95 13 81 01 80 73 FF( ..){1,2}", vicc))
        #expect(try matches("3B 95 13 81 01 80 73 F{2} 01 0{2} 0B", vicc))
        #expect(try matches("3B( [0-9A-F]{2}){10}", vicc))
        #expect(try matches("3B( [0-9A-F]{2}){0,10}", vicc))
        #expect(try matches("3B 95 13 81 01 80 73 FF 01 00 0BX{0}", vicc))
        #expect(try matches("3B 95 13 81 01 80 73 FF 01 00 0B( ..){0,0}", vicc))
    }

    @Test func lazyQuantifiersMatchTheSameWholeATRs() throws {
        #expect(try matches("3B .*? 0B", vicc))
        #expect(try matches("3B( ..)+? 0B", vicc))
        #expect(try matches("3B( ..){2,}? 00 0B", vicc))
        #expect(try !matches("3B( ..){2,5}? 0B", vicc))
        #expect(try matches("3B 95 13 81 01 80 73 FF 01 00 0B( 00)??", vicc))
    }

    @Test func escapes() throws {
        #expect(try matches("3B\\.95", "3B.95"))
        #expect(try !matches("3B\\.95", "3B 95"))
        #expect(try matches("3B.95", "3B 95"))
        #expect(try matches("\\[3B\\]", "[3B]"))
        #expect(try matches("\\(3B\\)", "(3B)"))
        #expect(try matches("3B\\|95", "3B|95"))
        #expect(try !matches("3B\\|95", "3B"))
        #expect(try matches("3B\\\\95", "3B\\95"))
        #expect(try matches("3B\\*\\+\\?\\{\\}\\^\\$", "3B*+?{}^$"))
        #expect(try matches("3B \\d\\d", "3B 95"))
        #expect(try !matches("3B \\d\\d", "3B FF"))
        #expect(try matches("3B\\s95", "3B 95"))
        #expect(try matches("\\w\\w\\W\\w\\w", "3B 95"))
        #expect(try matches("\\D\\D", "FF"))
        #expect(try !matches("\\S", " "))
        #expect(try matches("3B [\\d]5", "3B 95"))
        #expect(try matches("3B [\\]9]5", "3B 95"))
        #expect(try matches("3B [\\]9]5", "3B ]5"))
        #expect(try matches("3B [^\\s]5", "3B 95"))
        #expect(try !matches("3B [^\\d]5", "3B 95"))
    }

    @Test func anchors() throws {
        #expect(try matches("^3B 95 13 81 01 80 73 FF 01 00 0B$", vicc))
        #expect(try matches("(^3F|^3B) 95 13 81 01 80 73 FF 01 00 .*$", vicc))
        #expect(try matches("3F 00$|^3B 95 13 81 01 80 73 FF 01 00 0B", vicc))
        #expect(try !matches("3B$ 95 13 81 01 80 73 FF 01 00 0B", vicc))
        #expect(try !matches("3B 95 13 81 01 80 73 FF 01 00 ^0B", vicc))
        #expect(try matches("^^3B 95 13 81 01 80 73 FF 01 00 0B$$", vicc))
    }

    @Test func nestedQuantifiers() throws {
        #expect(try matches("3B( ..(..)?)+", vicc))
        #expect(try matches("(3B( [0-9A-F][0-9A-F])*)+", vicc))
        #expect(try matches("((..)? ?)*", vicc))
        #expect(try matches("(.*)*", vicc))
        #expect(try matches("3B( (..){1,2}){10}", vicc))
        #expect(try !matches("3B( (..){2}){10}", vicc))
        #expect(try matches("3B ((9|1)(5|3) )+81( ..)*", vicc))
        #expect(try matches("3B .*.*.* 0B", vicc))
        #expect(try !matches("3B .*.*.* 0C", vicc))
    }

    @Test func caseIsIgnoredEverywhere() throws {
        #expect(try matches("3b 95 (13|1a) 81 01 80 73 ff 01 00 0b", vicc))
        #expect(try matches("3B 95 13 81 01 80 73 (?:[a-f]f){1} 01 00 0B", vicc))
        #expect(try matches("3B 95 13 81 01 80 73 (FF) 01 00 0B", "3b 95 13 81 01 80 73 ff 01 00 0b"))
        #expect(try !matches("3B 95 13 81 01 80 73 ([^a-f]F) 01 00 0B", vicc))
        #expect(try matches("3B 95 (\\w)3 81 01 80 73 FF 01 00 0B", vicc))
    }

    @Test func refusedSyntax() {
        let refused = [
            "3B 95 (13", "3B 95 13)", "(3B))", "*3B", "3B|*", "(*)", "3B **", "3B ?+", "3B *+", "3B{2}{3}",
            "3B{3,2}", "3B{,2}", "3B{x}", "3B{2", "3B{ 2}", "3B}", "3B{", "{2}", "3B (?=95)", "3B (?!95)",
            "3B (?i)95", "(?<n>3B)", "(?#note)3B", "\\x3B", "\\13B", "3B\\b", "3B\\t", "3B\\", "[[:digit:]]B",
            "[3B", "3B]]B[", "(3B [9-1])", "([\\d-9])", "(3[B-\\d])", "^*3B", "3B$+", "3B{1001}", "(é|3B)?\\é",
        ]
        for pattern in refused {
            #expect(ATRPattern(pattern) == nil, "accepted: \(pattern)")
        }
    }

    @Test func nestingAndSizeAreBounded() {
        let deep = String(repeating: "(", count: 65) + "3B" + String(repeating: ")", count: 65)
        #expect(ATRPattern(deep) == nil)
        let fine = String(repeating: "(", count: 64) + "3B" + String(repeating: ")", count: 64)
        #expect(ATRPattern(fine)?.matches(atrText: "3B") == true)
        #expect(ATRPattern("((..){100}){100}") == nil)
        #expect(ATRPattern("(((()){1000}){1000}){1000}")?.matches(atrText: "") == true)
        #expect(ATRPattern("3B( ..){1000}") != nil)
    }

    @Test func hostilePatternsFinishQuickly() throws {
        let atr = (0..<33).map { _ in "3B" }.joined(separator: " ")
        let hostile: [(String, Bool)] = [
            ("(.*)*(.*)*(.*)*X", false), ("((.*)*)*X", false), ("(.|.)*(.|.)*X", false), ("(3B|3|B| )*X", false),
            (".*.*.*.*.*.*.*.*.*.*X", false), ("((3B ?)+)+X", false), ("(.*){1,20}X", false),
            ("(.?){98}.{98}", true), ("(.?){98}.{98}X", false), ("(3B|3|B| )*", true),
        ]
        let clock = ContinuousClock()
        for (pattern, expected) in hostile {
            let compiled = try #require(ATRPattern(pattern), "refused: \(pattern)")
            let elapsed = clock.measure { #expect(compiled.matches(atrText: atr) == expected, "\(pattern)") }
            #expect(elapsed < .seconds(1), "\(pattern) took \(elapsed)")
        }
    }
}
