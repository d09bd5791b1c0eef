import Testing
import TestSupport
@testable import scard

/// `QuickStart` reads `scard list-readers` and `scard atr HEX` without swift-argument-parser: every
/// vector it reads must mean to it exactly what it means to the full parser, and what it cannot read
/// with certainty it must leave to the full parser.
@Suite struct QuickStartTests {
    /// What the full parser makes of `arguments`, as a request; nil when it reads another command or
    /// refuses them.
    static func fullParse(_ arguments: [String]) -> QuickStart.Request? {
        guard let command = try? SCard.parseAsRoot(arguments) else { return nil }
        if let command = command as? ListReadersCommand { return .listReaders(command.options) }
        if let command = command as? ATRCommand { return .atr(command.options) }
        return nil
    }

    static let read: [([String], QuickStart.Request)] = [
        (["list-readers"], .listReaders(ListReadersOptions())),
        (["list-readers", "--json"], .listReaders(ListReadersOptions(json: true))),
        (["list-readers", "--trace"], .listReaders(ListReadersOptions(trace: true))),
        (["list-readers", "--json", "--trace"], .listReaders(ListReadersOptions(trace: true, json: true))),
        (["list-readers", "--timeout", "2.5"], .listReaders(ListReadersOptions(timeout: 2.5))),
        (["list-readers", "--timeout=3"], .listReaders(ListReadersOptions(timeout: 3))),
        (["list-readers", "--timeout", "1e1"], .listReaders(ListReadersOptions(timeout: 10))),
        (["list-readers", "--atr-list", "/tmp/list.txt"], .listReaders(ListReadersOptions(atrList: "/tmp/list.txt"))),
        (["list-readers", "--atr-list=a=b"], .listReaders(ListReadersOptions(atrList: "a=b"))),
        (["list-readers", "--atr-list", "list with blanks.txt", "--json", "--timeout", "0.5", "--trace"],
         .listReaders(ListReadersOptions(trace: true, json: true, timeout: 0.5, atrList: "list with blanks.txt"))),
        (["atr", "3B", "95", "13"], .atr(ATROptions(hex: ["3B", "95", "13"]))),
        (["atr", "3B 95 13 81 01 80 73 FF 01 00 0B"], .atr(ATROptions(hex: ["3B 95 13 81 01 80 73 FF 01 00 0B"]))),
        (["atr", "3b:f8:13", "--json"], .atr(ATROptions(json: true, hex: ["3b:f8:13"]))),
        (["atr", "--json", "3B", "--atr-list", "x.txt", "95"], .atr(ATROptions(json: true, atrList: "x.txt", hex: ["3B", "95"]))),
        (["atr", "3B", "--atr-list=x.txt"], .atr(ATROptions(atrList: "x.txt", hex: ["3B"]))),
    ]

    @Test("the vectors it reads mean the same to the full parser", arguments: read)
    func readsAsTheFullParser(arguments: [String], expected: QuickStart.Request) {
        #expect(QuickStart.request(arguments) == expected)
        #expect(Self.fullParse(arguments) == expected)
    }

    @Test("help, unknown, repeated and refused options go to the full parser", arguments: [
        [], ["--help"], ["--version"], ["status"], ["list-readers", "--help"], ["list-readers", "-h"],
        ["list-readers", "help"], ["list-readers", "extra"], ["list-readers", "--bogus"], ["list-readers", "--"],
        ["list-readers", "--json", "--json"], ["list-readers", "--json=true"], ["list-readers", "--trace="],
        ["list-readers", "--timeout"], ["list-readers", "--timeout", "0"], ["list-readers", "--timeout", "-1"],
        ["list-readers", "--timeout=abc"], ["list-readers", "--timeout", "nan"], ["list-readers", "--timeout", "inf"],
        ["list-readers", "--timeout", "1", "--timeout", "2"], ["list-readers", "--atr-list"],
        ["list-readers", "--atr-list="], ["list-readers", "--atr-list", "--json"], ["list-readers", "--atr-list", "-"],
        ["list-readers", "--reader", "0"], ["list-readers", "--generate-completion-script", "bash"],
        ["list-readers", "--experimental-dump-help"], ["list-readers", "--json", "-"],
        ["atr"], ["atr", "--json"], ["atr", "--reader", "0"], ["atr", "-r", "1"], ["atr", "3B", "--trace"],
        ["atr", "3B", "-h"], ["atr", "3B", "--help"], ["atr", "help"], ["atr", "3G"], ["atr", "3B", "--"],
        ["atr", "--", "3B"], ["atr", "3B", "--json", "--json"], ["atr", "3B", "--atr-list"], ["atr", ":"],
        ["atr", "3B", "-"], ["atr", "3B,95"],
    ])
    func leavesTheRestToTheFullParser(arguments: [String]) {
        #expect(QuickStart.request(arguments) == nil)
    }

    @Test("random vectors: whatever it reads, the full parser reads alike", arguments: [
        ("list-readers", [
            "--json", "--trace", "--timeout", "--atr-list", "--timeout=2", "--timeout=0", "--atr-list=x",
            "2", "0.25", "-3", "x.txt", "", "=", "--", "-h", "--help", "--reader", "list-readers", "json",
            "--JSON", "--json=", "--timeout=", "1e400", "0x10", " 4", "--verbose",
        ]),
        ("atr", [
            "3B", "95", "3b:95", "3B 95 13", "", " ", ":", "0", "FF", "--json", "--atr-list", "--atr-list=y",
            "y.txt", "--reader", "-r", "1", "--trace", "--", "-h", "help", "3G", "--json=", "-", "atr",
        ]),
    ])
    func randomVectors(command: String, tokens: [String]) {
        var generator = SplitMix64(seed: 0x5CA2D)
        var readCount = 0
        for _ in 0..<1_500 {
            var arguments = [command]
            for _ in 0..<Int(generator.next() % 5) {
                arguments.append(tokens[Int(generator.next() % UInt64(tokens.count))])
            }
            guard let quick = QuickStart.request(arguments) else { continue }
            readCount += 1
            #expect(Self.fullParse(arguments) == quick, "\(arguments)")
        }
        #expect(readCount > 100)
    }
}
