import PCSC

/// The APDUs `scard send` transmits, in order: those given as arguments, all checked up front, and
/// where `-` stands, the lines of standard input, each read and checked just before it is sent, so
/// the input may be a stream of any length and memory stays bounded.
struct APDUSource: ~Copyable {
    private enum Item {
        case apdu(CommandAPDU)
        case standardInput
    }

    private var items: [Item]
    private var next = 0
    private var input: InputFile?
    private var inputLine = 0

    /// Checks every APDU argument and opens standard input when one of them is `-`.
    init(arguments: [String]) throws {
        var items: [Item] = []
        for (index, text) in arguments.enumerated() {
            items.append(text == "-" ? .standardInput : .apdu(try Session.commandAPDU(text, position: index + 1)))
        }
        let input = arguments.contains("-") ? try InputFile("-") : nil
        self.items = items
        self.input = input
    }

    /// The next APDU, or nil when there are no more; a malformed line of standard input is a usage
    /// error naming its number (`APDU 3 on standard input: ...`).
    mutating func nextAPDU() throws -> CommandAPDU? {
        while next < items.count {
            switch items[next] {
            case .apdu(let command):
                next += 1
                return command
            case .standardInput:
                if let command = try nextFromStandardInput() { return command }
                next += 1
            }
        }
        return nil
    }

    /// The next APDU on standard input, skipping blank lines; nil at its end. What was printed is
    /// flushed before waiting for input, so a program feeding the APDUs sees each answer in time.
    private mutating func nextFromStandardInput() throws -> CommandAPDU? {
        while let line = try input?.nextLine(beforeReading: StandardOutput.flush) {
            if line.isEmpty { continue }
            inputLine += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            do {
                return try CommandAPDU(hex: line)
            } catch {
                throw CLIError.usage("APDU \(inputLine) on standard input: \(error)")
            }
        }
        return nil
    }
}
