import ArgumentParser
import PCSC

/// `scard control`: sends a raw control command (`SCardControl`) to a reader and prints its answer.
struct ControlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "control",
        abstract: "Send a raw control command (SCardControl) to a reader and print its answer.",
        discussion: """
            CODE is the control code: SCARD_CTL_CODE(n) (pcsc-lite's 0x42000000 + n),
            CM_IOCTL_GET_FEATURE_REQUEST, hex (0x42000D48) or decimal; scard reader lists
            the codes of the reader's PC/SC part 10 features. HEX is the data to send
            (blanks allowed; none by default). The connection is direct by default
            (--share direct): no card is needed.

            Example:
              $ scard control --reader 0 "SCARD_CTL_CODE(3400)"
              > SCARD_CTL_CODE(3400) = 0x42000D48
              < 06 04 42 33 00 06 12 04 42 33 00 12

            A code the reader does not know exits 3 with the PC/SC error
            (usually SCARD_E_UNSUPPORTED_FEATURE).
            """
    )

    @OptionGroup var card: CardOptions
    @OptionGroup var connectionOptions: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var deadline: DeadlineOptions

    @Argument(help: ArgumentHelp("The control code: SCARD_CTL_CODE(n), hex (0x...) or decimal.", valueName: "code"))
    var code: String

    @Argument(help: ArgumentHelp("The data to send, in hex (several arguments are joined).", valueName: "hex"))
    var data: [String] = []

    /// The answer in JSON.
    struct Record: Encodable {
        var type = "control"
        let reader: ReaderReference
        let code: String
        let command: String
        let response: String
    }

    func validate() throws {
        if ControlCode(parsing: code) == nil {
            throw ValidationError("'\(code.prefix(40))' is not a control code: give SCARD_CTL_CODE(n), 0x hex or decimal")
        }
    }

    func run() throws {
        guard let control = ControlCode(parsing: code) else { throw CLIError.usage("bad control code") }
        let bytes: [UInt8]
        do {
            bytes = data.isEmpty ? [] : try Hex.bytes(data.joined(separator: " "))
        } catch {
            throw CLIError.usage("the data: \(error)")
        }
        let session = Session(trace: card.trace, timeout: deadline.timeout)
        defer { session.finish() }
        let context = try session.establish()
        defer { _ = try? context.release() }
        let reader = try session.chooseReader(card.reader, in: context)
        let connection = try session.connect(context, reader: reader, request: connectionOptions.request(defaultShare: .direct))
        let answer: [UInt8]
        do {
            answer = try connection.control(control, data: bytes, maximumResponse: 65_548)
        } catch {
            if error == .unsupportedFeature {
                throw CLIError(
                    message: "control \(control) on '\(reader)': the reader does not support this control code (\(error.name))",
                    status: .pcscError)
            }
            throw CLIError.pcsc(error, while: "control \(control) on '\(reader)'")
        }
        if output.json {
            JSONLine.print(Record(
                reader: ReaderReference(reader, in: context), code: ReaderReport.hex(control.rawValue), command: Hex.string(bytes, separator: ""),
                response: Hex.string(answer, separator: "")))
        } else {
            print("> \(control)" + (bytes.isEmpty ? "" : " : \(Hex.string(bytes))"))
            print("< " + (answer.isEmpty ? "(no data)" : Hex.string(answer)))
        }
    }
}

extension ControlCommand: JSONOutputCommand {
    /// Whether `--json` was given.
    var printsJSON: Bool { output.json }
}
