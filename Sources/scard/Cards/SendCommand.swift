import ArgumentParser
import FoundationEssentials
import PCSC

/// `scard send`: sends APDUs to the card in a reader and prints each response.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Send one or more APDUs and print each response with its status word's meaning.",
        discussion: """
            APDUs are hex, blanks optional, any case; quote them when they contain blanks.
            Every APDU is checked (ISO 7816-4 cases 1-4, short and extended): those given as arguments
            before any is sent, those read from standard input (-) one line at a time as they are sent,
            so the input may be a stream of any length (a line may hold at most 1 MiB).

            Example:
              $ scard send 00A4000C023F00 "00 84 00 00 08"
              > 00 A4 00 0C 02 3F 00
              < 90 00 : normal processing
              > 00 84 00 00 08
              < 5C 1F 6A 0B 9D 33 41 07 90 00 : normal processing

            With --check-sw, a status word other than 90 00 exits 1 (after printing it).

            Each APDU is sent with the GET RESPONSEs and resends its 61xx and 6Cxx
            answers call for inside a PC/SC transaction of its own, so that other
            applications sharing the card cannot slip a command in between (none with
            --get-response off --fix-le off). --transaction holds the card for all the
            APDUs instead (with -, until standard input ends).
            """
    )

    @OptionGroup var card: CardOptions
    @OptionGroup var connectionOptions: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var transmit: TransmitFlags
    @OptionGroup var deadline: DeadlineOptions

    @Flag(name: .customLong("check-sw"), help: "Exit 1 when a status word is not 90 00; stop at the first.")
    var checkStatusWord = false

    @Flag(help: "Send all the APDUs as one PC/SC transaction: no other application's command lands between them.")
    var transaction = false

    @Flag(help: "Decode each response's data as BER-TLV, as a tree of named tags, when it is BER-TLV.")
    var tlv = false

    @Argument(help: "The APDUs in hex; - reads them from standard input, one per line.")
    var apdus: [String] = []

    func validate() throws {
        if apdus.isEmpty { throw ValidationError("give at least one APDU in hex") }
    }

    func run() throws {
        var source = try APDUSource(arguments: apdus)
        guard let first = try source.nextAPDU() else { throw CLIError.usage("no APDUs given") }
        let session = Session(trace: card.trace, timeout: deadline.timeout)
        defer { session.finish() }
        let context = try session.establish()
        defer { _ = try? context.release() }
        let reader = try session.chooseReader(card.reader, in: context)
        let connection = try session.connect(context, reader: reader, request: connectionOptions.request)
        if connectionOptions.isGiven && !output.json { print(Session.connectedLine(connection, request: connectionOptions.request)) }
        let options = TransmitOptions(
            getResponse: transmit.getResponse == .auto, fixLe: transmit.fixLe == .auto, ownTransaction: !transaction)
        var holding = false
        defer { if holding { try? connection.endTransaction() } }
        if transaction {
            do {
                try connection.beginTransaction()
            } catch {
                let diagnosis = FailureDiagnosis.of(error, context: context, reader: reader)
                throw CLIError(message: "beginning the transaction: \(diagnosis.explanation)", status: diagnosis.status)
            }
            holding = true
        }
        let progress = SharedProgress<(done: Int, sending: CommandAPDU?)>((0, first))
        let tracking = RunGuard.shared.onAbandon { _ in
            let (done, sending) = progress.current
            return RunProgress(place: sending.map { "APDU \(done + 1) (\($0))" }, done: "\(done) exchange(s)")
        }
        defer { tracking.end() }
        var index = 0
        var upcoming: CommandAPDU? = first
        while let command = upcoming {
            if RunGuard.shared.stopRequested {
                throw CLIError(message: "interrupted before APDU \(index + 1), after \(index) exchange(s)", status: .interrupted)
            }
            let exchange: Exchange
            do {
                exchange = try connection.transmit(command, options: options)
            } catch {
                let diagnosis = FailureDiagnosis.of(error, context: context, reader: reader)
                throw CLIError(message: "APDU \(index + 1) (\(command)): \(diagnosis.explanation)", status: diagnosis.status)
            }
            if output.json {
                var record = ExchangePrinter.record(exchange)
                if tlv { record.tlv = BERTLV.decodeIfTLV(exchange.response.data).map(TLVTree.nodes) }
                JSONLine.print(record)
            } else {
                ExchangePrinter.lines(exchange, showWire: transmit.wire || card.trace).forEach { print($0) }
                if tlv, let decoded = BERTLV.decodeIfTLV(exchange.response.data) {
                    TLVTree.lines(decoded, indent: "    ").forEach { print($0) }
                }
            }
            progress.update { $0 = (index + 1, nil) }
            if checkStatusWord && exchange.response.statusWord != .success {
                throw CLIError(
                    message: "APDU \(index + 1): status word \(exchange.response.statusWord) (\(exchange.response.statusWord.meaning)), expected 90 00",
                    status: .checkFailed)
            }
            index += 1
            upcoming = try source.nextAPDU()
            progress.update { $0.sending = upcoming }
        }
        if holding {
            holding = false
            do {
                try connection.endTransaction()
            } catch {
                let diagnosis = FailureDiagnosis.of(error, context: context, reader: reader)
                throw CLIError(
                    message: "ending the transaction after \(index) exchange(s): \(diagnosis.explanation)",
                    status: diagnosis.status)
            }
        }
    }
}
