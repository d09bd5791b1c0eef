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
