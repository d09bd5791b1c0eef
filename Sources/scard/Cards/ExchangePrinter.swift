import FoundationEssentials
import PCSC

/// Prints exchanges as `send`, `lifecycle` and `script` show them.
enum ExchangePrinter {
    /// The JSON form of one exchange.
    struct Record: Encodable {
        let type = "exchange"
        let command: String
        let response: String
        let data: String
        let sw: String
        let meaning: String
        let seconds: Double
        let wire: [Wire]?
        var line: Int?
        /// The response data decoded as BER-TLV (`--tlv`, when it is BER-TLV).
        var tlv: [TLVTree.Node]?
    }

    /// One wire exchange in JSON.
    struct Wire: Encodable {
        let command: String
        let response: String
    }

    /// The JSON record of an exchange.
    static func record(_ exchange: Exchange, line: Int? = nil) -> Record {
        let wire = exchange.wire.map { Wire(command: Hex.string($0.command, separator: ""), response: Hex.string($0.response, separator: "")) }
        return Record(
            command: Hex.string(exchange.command.bytes, separator: ""),
            response: Hex.string(exchange.response.bytes, separator: ""),
            data: Hex.string(exchange.response.data, separator: ""),
            sw: Hex.string([exchange.response.statusWord.sw1, exchange.response.statusWord.sw2], separator: ""),
            meaning: exchange.response.statusWord.meaning, seconds: exchange.seconds,
            wire: wire, line: line)
    }

    /// Hands `body` the two lines `> command` and `< response : meaning` of an exchange as UTF-8,
    /// each ending with a line break, written into a temporary buffer: this runs once per exchange
    /// of a script, so it allocates nothing.
    static func withText<Result>(_ exchange: Exchange, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let command = exchange.command.bytes
        let response = exchange.response.bytes
        var meaning = exchange.response.statusWord.meaning
        return meaning.withUTF8 { meaning in
            let length = Hex.spacedLength(command.count) + Hex.spacedLength(response.count) + meaning.count + 9
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { text in
                var at = 0
                func put(_ bytes: UnsafeBufferPointer<UInt8>) {
                    UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(text)[at...]).copyMemory(from: UnsafeRawBufferPointer(bytes))
                    at += bytes.count
                }
                func put(_ ascii: StaticString) {
                    put(UnsafeBufferPointer(start: ascii.utf8Start, count: ascii.utf8CodeUnitCount))
                }
                put("> ")
                Hex.write(command, into: text, at: &at)
                put("\n< ")
                Hex.write(response, into: text, at: &at)
                put(" : ")
                put(meaning)
                put("\n")
                return body(UnsafeBufferPointer(rebasing: text[..<at]))
            }
        }
    }

    /// The text lines of an exchange: `> command`, `< response : meaning`, wire exchanges when asked.
    static func lines(_ exchange: Exchange, showWire: Bool, timing: Bool = false) -> [String] {
        var lines = ["> \(exchange.command)"]
        var answer = "< \(exchange.response) : \(exchange.response.statusWord.meaning)"
        if timing { answer += String(printf: " [%.3f ms]", exchange.seconds * 1000) }
        lines.append(answer)
        if showWire && exchange.wire.count > 1 {
            for wire in exchange.wire {
                lines.append("    wire > \(Hex.string(wire.command))")
                lines.append("    wire < \(Hex.string(wire.response))")
            }
        }
        return lines
    }
}
