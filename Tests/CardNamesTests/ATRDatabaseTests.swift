@testable import CardNames
import FileSafety
import Glibc
import Testing

/// Reading smartcard_list.txt and naming cards from it, and where the file is looked for.
@Suite struct ATRDatabaseTests {
    let vicc: [UInt8] = [0x3B, 0x95, 0x13, 0x81, 0x01, 0x80, 0x73, 0xFF, 0x01, 0x00, 0x0B]

    let sample = """
        #
        # syntax:
        # ATR in regular expression form
        # \\t descriptive text

        3B 95 13 81 01 80 73 FF 01 00 0B
        \tvsmartcard - iso7816

        3B 95 .. 81 01 80 73 FF 01 00 ..
        \tsome card of the same family
        \t  second line of it  \r

        3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A
        \tMifare Classic 1K
        3B (95 (
        \tbroken
        3B 95 13 81 01 80 73 FF 01 00 0B
        """

    @Test func everyMatchingEntryInFileOrder() {
        let database = ATRDatabase(parsing: Array(sample.utf8))
        #expect(database.names(for: vicc) == ["vsmartcard - iso7816", "some card of the same family", "second line of it"])
        #expect(database.matches(for: vicc).map(\.line) == [6, 9, 17])
        #expect(database.matches(for: vicc).last?.names == [])
    }

    @Test func noMatchIsEmpty() {
        let database = ATRDatabase(parsing: Array(sample.utf8))
        #expect(database.names(for: [0x3B, 0x00]).isEmpty)
        #expect(database.names(for: []).isEmpty)
    }

    @Test func unreadablePatternsAreListed() {
        let database = ATRDatabase(parsing: Array(sample.utf8))
        #expect(database.unreadableLines == [15])
        #expect(database.entryCount == 4)
    }

    @Test func compiledLinesAreMatchedAndHostileOnesFinish() {
        let text = """
            3B .*.*.*.*.*.*.*.*X
            \thostile
            3B 95 (13|14) 81 01 80 73 FF 01 00 0B
            \tgrouped
            (.*)*(.*)*(.*)*X
            \thostile too
            ^3B( ..){10}$
            \tcounted
            3B (95
            \tbroken
            """
        let database = ATRDatabase(parsing: Array(text.utf8))
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(database.names(for: vicc) == ["grouped", "counted"])
            #expect(database.names(for: [UInt8](repeating: 0x3B, count: 33)).isEmpty)
        }
        #expect(elapsed < .seconds(1))
        #expect(database.unreadableLines == [9])
        #expect(database.entryCount == 4)
    }

    @Test func pcscToolsOrder() {
        let paths = ATRDatabaseLocation.pcscToolsPaths(environment: ["HOME": "/home/u"])
        #expect(paths == [
            "/home/u/.cache/smartcard_list.txt", "/home/u/.smartcard_list.txt", "/usr/local/pcsc/smartcard_list.txt",
            "/usr/share/pcsc/smartcard_list.txt", "/usr/local/share/pcsc/smartcard_list.txt",
        ])
        let cached = ATRDatabaseLocation.pcscToolsPaths(environment: ["HOME": "/home/u", "XDG_CACHE_HOME": "/c"])
        #expect(cached.first == "/c/smartcard_list.txt")
    }

    @Test func namedFileMustExist() {
        #expect(throws: FileSafetyError.self) {
            try ATRDatabaseLocation.load(explicitPath: "/nonexistent/smartcard_list.txt", environment: [:])
        }
        #expect(throws: FileSafetyError.self) {
            try ATRDatabaseLocation.load(environment: ["SCARD_ATR_LIST": "/nonexistent/list.txt"])
        }
    }

    @Test func namedFileIsRead() throws {
        let path = "/tmp/scard-atr-list-\(UInt32.random(in: 0...UInt32.max)).txt"
        try AtomicFile.write(Array(sample.utf8), to: path, creatingWith: .ownerWriteAllRead)
        defer { unlink(path) }
        let database = try #require(try ATRDatabaseLocation.load(environment: ["SCARD_ATR_LIST": path]))
        #expect(database.path == path)
        #expect(database.names(for: vicc).first == "vsmartcard - iso7816")
    }
}

/// The shortcut on a pattern's leading plain characters decides only what the full matcher decides.
@Suite struct PlainPrefixTests {
    func decide(_ pattern: String, _ atr: String) -> Bool? {
        let pattern = Array(pattern.utf8)
        let subject = Array(atr.utf8)
        return pattern.withUnsafeBufferPointer { p in subject.withUnsafeBufferPointer { s in ATRDatabase.plainPrefix(p, s) } }
    }

    @Test func decidesPlainPatterns() {
        #expect(decide("3B 95 13", "3B 95 13") == true)
        #expect(decide("3b 95 1.", "3B 95 13") == true)
        #expect(decide("3B 96", "3B 95") == false)
        #expect(decide("3B 95", "3B 95 13") == false)
        #expect(decide("3B 95 13", "3B 95") == false)
    }

    @Test func leavesTheRestToTheMatcher() {
        #expect(decide("3B 9[1-5] 13", "3B 95 13") == nil)
        #expect(decide("3B 95 13*", "3B 95 1") == nil)
        #expect(decide("3B 95 13?", "3B 95 1") == nil)
        #expect(decide("3B 9. (13|14)", "3B 95 13") == nil)
        #expect(decide("3B 96 [1-5]", "3B 95 13") == false)
    }

    @Test func agreesWithTheMatcherOnTheInstalledList() throws {
        guard let bytes = try FileContents.read("/usr/share/pcsc/smartcard_list.txt") else { return }
        let database = ATRDatabase(parsing: bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        let atrs: [[UInt8]] = [
            [0x3B, 0x95, 0x13, 0x81, 0x01, 0x80, 0x73, 0xFF, 0x01, 0x00, 0x0B],
            [0x3B, 0x8F, 0x80, 0x01, 0x80, 0x4F, 0x0C, 0xA0, 0x00, 0x00, 0x03, 0x06, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x6A],
            [0x3F, 0x65, 0x25, 0x00, 0x2B, 0x09, 0x62, 0x00, 0x90, 0x00],
        ]
        for atr in atrs {
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line -> Int? in
                guard let first = line.first, first != "#", first != "\t", let pattern = ATRPattern(line) else { return nil }
                return pattern.matches(atr: atr) ? index + 1 : nil
            }
            #expect(database.matches(for: atr).map(\.line) == expected)
        }
    }
}
