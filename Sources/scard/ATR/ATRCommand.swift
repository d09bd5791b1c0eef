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

    /// What was asked for, as one value.
    var options: ATROptions {
        ATROptions(json: json, reader: reader, trace: trace, atrList: naming.atrList, hex: hex)
    }

    func run() throws {
        try ATRDecoding.run(options)
    }
}
