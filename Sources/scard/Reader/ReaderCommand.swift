import ArgumentParser
import PCSC

/// `scard reader`: what a reader says about itself: vendor, model, serial number, driver version,
/// channel, protocol, clock, and its PC/SC part 10 features.
struct ReaderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reader",
        abstract: "Show a reader's vendor, model, serial, driver version, channel, protocol, clock and PC/SC part 10 features.",
        discussion: """
            Reads the reader's attributes (SCardGetAttrib: SCARD_ATTR_VENDOR_NAME,
            SCARD_ATTR_VENDOR_IFD_TYPE, SCARD_ATTR_VENDOR_IFD_SERIAL_NO,
            SCARD_ATTR_VENDOR_IFD_VERSION, SCARD_ATTR_CHANNEL_ID,
            SCARD_ATTR_CURRENT_PROTOCOL_TYPE, SCARD_ATTR_CURRENT_CLK, SCARD_ATTR_MAXINPUT)
            and asks for its PC/SC part 10 features (CM_IOCTL_GET_FEATURE_REQUEST), each
            with the control code that reaches it (for scard control); with
            FEATURE_GET_TLV_PROPERTIES, also its properties. What the reader does not
            answer is shown as "not supported" (in JSON: null, and named in notSupported).

            The connection is direct by default (--share direct): no card is needed.

            Example (the virtual reader, vpcd, answers none of them):
              $ scard reader --reader 0
              reader:       Virtual PCD 00 00
              vendor:       not supported
              ...
              protocol:     T=1
              features:     not supported
            """
    )

    @OptionGroup var card: CardOptions
    @OptionGroup var connectionOptions: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var deadline: DeadlineOptions

    func run() throws {
        let session = Session(trace: card.trace, timeout: deadline.timeout)
        defer { session.finish() }
        let context = try session.establish()
        defer { _ = try? context.release() }
        let reader = try session.chooseReader(card.reader, in: context)
        let connection = try session.connect(context, reader: reader, request: connectionOptions.request(defaultShare: .direct))
        let report: ReaderReport
        do {
            report = try ReaderReport.read(connection, reader: ReaderReference(reader, in: context))
        } catch {
            let diagnosis = FailureDiagnosis.of(error, context: context, reader: reader)
            throw CLIError(message: "reading the attributes of '\(reader)': \(diagnosis.explanation)", status: diagnosis.status)
        }
        if output.json {
            JSONLine.print(report)
        } else {
            report.lines.forEach { print($0) }
        }
    }
}

extension ReaderCommand: JSONOutputCommand {
    /// Whether `--json` was given.
    var printsJSON: Bool { output.json }
}
