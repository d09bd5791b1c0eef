import PCSC

/// What `scard atr` was asked for, as one value: built from the parsed command, or read directly by
/// ``QuickStart``.
struct ATROptions: Equatable, Sendable {
    /// `--json`: the decoding as one JSON object.
    var json = false
    /// `--reader`: decode the ATR of the card in this reader.
    var reader: String?
    /// `--trace`: with `--reader`, every PC/SC call and the ledger on standard error.
    var trace = false
    /// `--atr-list`: the card-name database to use.
    var atrList: String?
    /// The ATR in hex, as given (one argument, or one per byte).
    var hex: [String] = []
}

/// `scard atr` itself: decodes an ATR given in hex, or read from a reader, field by field.
enum ATRDecoding {
    /// Decodes and prints the ATR `options` name; a problem in the ATR ends the run with its status.
    static func run(_ options: ATROptions) throws {
        let atr: ATR
        if let reader = options.reader {
            atr = ATR(decoding: try readerATR(reader, trace: options.trace))
        } else {
            guard !options.hex.isEmpty else {
                throw CLIError.usage("atr: give the ATR in hex, e.g. scard atr 3B 95 13 81 01 80 73 FF 01 00 0B")
            }
            do {
                atr = try ATR(decodingHex: options.hex.joined(separator: " "))
            } catch {
                throw CLIError.usage("atr: \(error)")
            }
        }
        let cards = CardNaming(explicitPath: options.atrList)
        let names = try cards.names(for: atr.bytes)
        if options.json {
            print(ATRJSONReport(atr, cardNames: names).jsonText)
        } else {
            ATRTextReport.lines(of: atr).forEach { print($0) }
            ATRTextReport.cardNameLines(names, database: try cards.load()).forEach { print($0) }
        }
        guard let last = atr.problems.last else { return }
        for problem in atr.problems.dropLast() {
            StandardError.write("scard: atr: \(problem)")
        }
        throw CLIError(message: "atr: \(last)", status: exitStatus(of: atr))
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
