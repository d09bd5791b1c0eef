import ArgumentParser
import PCSC

/// `scard atr`: decodes an ATR given in hex, offline, field by field.
struct ATRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "atr",
        abstract: "Decode an ATR (ISO/IEC 7816-3): TS, T0, interface bytes, historical bytes, TCK.",
        discussion: """
            The ATR is hex, with blanks, colons or nothing between the bytes, in
            any case; give it as one argument or as one argument per byte.

            Examples:
              $ scard atr 3B 95 13 81 01 80 73 FF 01 00 0B
              $ scard atr 3b:f8:13:00:00:81:31:fe:15:59:75:62:69:6b:65:79:34:d4 --json
              $ scard atr --reader 1            (the ATR of the card in a reader)

            Exit codes:
              0  the ATR is valid
              1  every field decodes but a check fails: wrong or missing
                 TCK, bytes after the end, T=15 in TD1, over 33 bytes
              2  not an ATR: missing or malformed hex, too short, invalid
                 TS, truncated interface or historical bytes
            Whatever bytes there are get decoded and printed; each problem
            is also written to standard error as one line.
            """
    )

    @Flag(name: .long, help: "Print the decoding as one JSON object.")
    var json = false

    @Option(name: .shortAndLong, help: "Decode the ATR of the card in this reader (index, name, or a unique part of it) instead of one given in hex.")
    var reader: String?

    @Flag(help: "With --reader: show every PC/SC call and the ledger on standard error.")
    var trace = false

    @OptionGroup var naming: CardNameOptions

    @Argument(help: "The ATR in hex (one argument, or one per byte).")
    var hex: [String] = []

    func validate() throws {
        if reader != nil && !hex.isEmpty { throw ValidationError("give an ATR in hex or --reader, not both") }
        try ReaderOption.validate(reader)
    }

    func run() throws {
        let atr: ATR
        if let reader {
            atr = ATR(decoding: try Self.readerATR(reader, trace: trace))
        } else {
            guard !hex.isEmpty else {
                throw CLIError.usage("atr: give the ATR in hex, e.g. scard atr 3B 95 13 81 01 80 73 FF 01 00 0B")
            }
            do {
                atr = try ATR(decodingHex: hex.joined(separator: " "))
            } catch {
                throw CLIError.usage("atr: \(error)")
            }
        }
        let cards = CardNaming(naming)
        let names = try cards.names(for: atr.bytes)
        if json {
            print(ATRJSONReport(atr, cardNames: names).jsonText)
        } else {
            ATRTextReport.lines(of: atr).forEach { print($0) }
            ATRTextReport.cardNameLines(names, database: try cards.load()).forEach { print($0) }
        }
        guard let last = atr.problems.last else { return }
        for problem in atr.problems.dropLast() {
            StandardError.write("scard: atr: \(problem)")
        }
        throw CLIError(message: "atr: \(last)", status: Self.exitStatus(of: atr))
    }

    /// The ATR of the card in `spec`'s reader, as pcscd reports it (no connection is made).
    static func readerATR(_ spec: String, trace: Bool) throws -> [UInt8] {
        let session = Session(trace: trace)
        defer { session.finish() }
        let context = try session.establish()
        defer { _ = try? context.release() }
        let name = try session.chooseReader(spec, in: context)
        var states = [ReaderStatus(reader: name)]
        do {
            try context.getStatusChange(&states, timeout: 0)
        } catch {
            throw CLIError.pcsc(error, while: "cannot read the state of '\(name)'")
        }
        guard states[0].eventState.contains(.present), !states[0].atr.isEmpty else {
            throw CLIError(message: "no card in reader '\(name)'", status: .noCard)
        }
        return states[0].atr
    }

    /// `success` for a valid ATR, `usage` (2) when it cannot be decoded in full, `checkFailed` (1) when a check fails.
    static func exitStatus(of atr: ATR) -> ExitStatus {
        if atr.problems.isEmpty { return .success }
        return atr.problems.contains(where: \.isMalformed) ? .usage : .checkFailed
    }
}
