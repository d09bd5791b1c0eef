import Testing
import TestSupport
@testable import scard

/// `QuickStart` reads `scard list-readers` without swift-argument-parser: every vector it reads must
/// mean to it exactly what it means to the full parser, and what it cannot read with certainty it
/// must leave to the full parser.
@Suite struct QuickStartTests {
    /// What the full parser makes of `arguments`: the list-readers options, or nil when it reads
    /// another command or refuses them.
    static func fullParse(_ arguments: [String]) -> ListReadersOptions? {
        guard let command = try? SCard.parseAsRoot(arguments) else { return nil }
        return (command as? ListReadersCommand)?.options
    }

    /// What `QuickStart` makes of `arguments`.
    static func quickParse(_ arguments: [String]) -> ListReadersOptions? {
        guard case .listReaders(let options) = QuickStart.request(arguments) else { return nil }
        return options
    }

    static let read: [([String], ListReadersOptions)] = [
        (["list-readers"], ListReadersOptions()),
        (["list-readers", "--json"], ListReadersOptions(json: true)),
        (["list-readers", "--trace"], ListReadersOptions(trace: true)),
        (["list-readers", "--json", "--trace"], ListReadersOptions(trace: true, json: true)),
        (["list-readers", "--timeout", "2.5"], ListReadersOptions(timeout: 2.5)),
        (["list-readers", "--timeout=3"], ListReadersOptions(timeout: 3)),
        (["list-readers", "--timeout", "1e1"], ListReadersOptions(timeout: 10)),
        (["list-readers", "--atr-list", "/tmp/list.txt"], ListReadersOptions(atrList: "/tmp/list.txt")),
        (["list-readers", "--atr-list=a=b"], ListReadersOptions(atrList: "a=b")),
        (["list-readers", "--atr-list", "list with blanks.txt", "--json", "--timeout", "0.5", "--trace"],
         ListReadersOptions(trace: true, json: true, timeout: 0.5, atrList: "list with blanks.txt")),
    ]

    @Test("the vectors it reads mean the same to the full parser", arguments: read)
    func readsAsTheFullParser(arguments: [String], expected: ListReadersOptions) {
        #expect(Self.quickParse(arguments) == expected)
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
    ])
    func leavesTheRestToTheFullParser(arguments: [String]) {
        #expect(QuickStart.request(arguments) == nil)
    }

    @Test("random vectors: whatever it reads, the full parser reads alike")
    func randomVectors() {
        let tokens = [
            "--json", "--trace", "--timeout", "--atr-list", "--timeout=2", "--timeout=0", "--atr-list=x",
            "2", "0.25", "-3", "x.txt", "", "=", "--", "-h", "--help", "--reader", "list-readers", "json",
            "--JSON", "--json=", "--timeout=", "1e400", "0x10", " 4", "--verbose",
        ]
        var generator = SplitMix64(seed: 0x5CA2D)
        var readCount = 0
        for _ in 0..<2_000 {
            var arguments = ["list-readers"]
            for _ in 0..<Int(generator.next() % 5) {
                arguments.append(tokens[Int(generator.next() % UInt64(tokens.count))])
            }
            guard let quick = Self.quickParse(arguments) else { continue }
            readCount += 1
            #expect(Self.fullParse(arguments) == quick, "\(arguments)")
        }
        #expect(readCount > 200)
    }
}
