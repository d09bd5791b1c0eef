import ArgumentParser
import PCSC

/// `scard tlv`: decodes BER-TLV data given in hex, offline, as a tree of tags with their names.
struct TLVCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tlv",
        abstract: "Decode BER-TLV data (an FCI after SELECT, an EMV record) into a tree of named tags.",
        discussion: """
            The data is hex, with blanks, colons or nothing between the bytes, in any
            case; give it as one argument, one argument per byte, or - to read it from
            standard input (line breaks allowed). Tags of ISO/IEC 7816-4 and EMV are
            named; context-specific tags 80 to 8F are read as file control parameters
            inside 62, 64 and 6F, and as EMV data elsewhere. Bytes 00 and FF between
            objects are padding, as ISO/IEC 7816-4 and EMV allow.

            Example:
              $ scard tlv 6F 0C 84 0A 31 50 41 59 2E 53 59 53 2E 44
              6F  file control information (FCI) template (12 bytes)
                84  DF name (10 bytes): 31 50 41 59 2E 53 59 53 2E 44  "1PAY.SYS.D"

            Exits 2 when the input is not hex or not BER-TLV (indefinite length,
            a length running past the end, a truncated tag), naming the byte.
            """
    )

    @Flag(name: .long, help: "Print the objects as one JSON line.")
    var json = false

    @Argument(help: "The data in hex (one argument, or one per byte); - reads it from standard input.")
    var hex: [String] = []

    /// The JSON line.
    struct Report: Encodable {
        let type = "tlv"
        let objects: [TLVTree.Node]
        let paddingBytes: Int
    }

    func validate() throws {
        if hex.isEmpty { throw ValidationError("give the data in hex, or - to read it from standard input") }
        if hex.contains("-") && hex.count > 1 { throw ValidationError("give the data in hex or -, not both") }
    }

    func run() throws {
        let text: String
        if hex == ["-"] {
            text = try InputFile("-").readText(limit: InputFile.lineLimit)
        } else {
            text = hex.joined(separator: " ")
        }
        let bytes: [UInt8]
        do {
            bytes = try Hex.bytes(text.split(whereSeparator: \.isNewline).joined(separator: " "))
        } catch {
            throw CLIError.usage("tlv: \(error)")
        }
        if bytes.isEmpty { throw CLIError.usage("tlv: no data given") }
        let decoded: BERTLV.Decoded
        do {
            decoded = try BERTLV.decodeWithPadding(bytes)
        } catch {
            throw CLIError.usage("tlv: not BER-TLV: \(error)")
        }
        if json {
            JSONLine.print(Report(objects: TLVTree.nodes(decoded), paddingBytes: decoded.paddingCount))
        } else {
            TLVTree.lines(decoded).forEach { print($0) }
        }
    }
}

extension TLVCommand: JSONOutputCommand {
    var printsJSON: Bool { json }
}
