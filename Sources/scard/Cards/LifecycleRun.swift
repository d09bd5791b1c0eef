import ContextCore
import PCSC

/// One walk through establish -> list -> connect -> status -> transmit -> release, collecting what
/// happened for text or JSON output.
struct LifecycleRun {
    let session: Session
    let reader: String?
    let commands: [CommandAPDU]

    /// The outcome of a walk.
    struct Result {
        var lines: [String] = []
        var record = Record()
        var clean = true
        var freedCount = 0
    }

    /// The JSON form of a walk.
    struct Record: Encodable {
        let type = "lifecycle"
        var context = ""
        var readers: [ReaderReference] = []
        var card = ""
        var reader = ReaderReference("", among: [])
        var `protocol` = ""
        var atr = ""
        var exchanges: [ExchangePrinter.Record] = []
        var freed: [Freed] = []
        var liveCount = 0
        var staleChecks: [Check] = []
    }

    /// One freed resource in JSON.
    struct Freed: Encodable {
        let name: String
        let kind: String
        let label: String
        let bytes: Int
        let failure: String?
    }

    /// One check of an old handle in JSON.
    struct Check: Encodable {
        let by: String
        let resource: String
        let call: String
        let result: String
    }

    func perform() throws -> Result {
        var result = Result()
        let table = session.manager.table
        let context = try session.establish()
        let name = { (handle: Handle) in table.info(handle)?.name ?? "\(handle)" }
        result.record.context = name(context.handle)
        result.lines.append("establish  \(name(context.handle)) (SCardEstablishContext, system scope)")

        let list: ReaderList
        do {
            guard let readers = try context.listReaders() else {
                _ = try? context.release()
                throw CLIError(message: "no readers are connected", status: .noCard)
            }
            list = readers
        } catch let error as PCSCError {
            _ = try? context.release()
            throw CLIError.pcsc(error, while: "cannot list readers")
        }
        result.record.readers = list.names.map { ReaderReference($0, among: list.names) }
        result.lines.append("list       \(name(list.buffer.handle)) reader list (\(list.buffer.length) bytes, SCARD_AUTOALLOCATE): \(list.names.joined(separator: ", "))")

        let chosen: String
        let card: Card
        do {
            chosen = try session.chooseReader(reader, among: list.names, context: context)
            card = try session.connect(context, reader: chosen)
        } catch {
            _ = try? context.release()
            throw error
        }
        result.record.reader = ReaderReference(chosen, among: list.names)
        result.record.card = name(card.handle)
        do {
            let (status, buffer) = try card.statusKeepingBuffer()
            result.record.atr = JSONValue.hex(status.atr)
            result.record.protocol = status.activeProtocol.description
            result.lines.append("connect    \(name(card.handle)) \(chosen) (\(status.activeProtocol))")
            result.lines.append("status     \(name(buffer.handle)) reader name (\(buffer.length) bytes, SCARD_AUTOALLOCATE), ATR \(Hex.string(status.atr))")
            for command in commands {
                let exchange = try card.transmit(command)
                result.record.exchanges.append(ExchangePrinter.record(exchange))
                result.lines += ExchangePrinter.lines(exchange, showWire: session.tracing)
            }
        } catch {
            let diagnosis = FailureDiagnosis.of(error, context: context, reader: chosen)
            _ = try? context.release()
            throw CLIError(message: "card in '\(chosen)': \(diagnosis.explanation)", status: diagnosis.status)
        }

        let cards = (try? table.children(of: context.handle))?.filter { table.info($0)?.kind == .card }.count ?? 0
        let buffers = (try? table.children(of: context.handle))?.filter { table.info($0)?.kind == .buffer }.count ?? 0
        result.lines.append("release    \(name(context.handle)) with \(cards) card(s) connected and \(buffers) buffer(s) unfreed")
        let report: ReleaseReport
        do {
            report = try context.release()
        } catch {
            throw CLIError.pcsc(error, while: "release")
        }
        for item in report.freed {
            result.lines.append("  freed \(item.info)  via \(item.cFunction ?? "?")" + (item.failure.map { " FAILED: \($0)" } ?? ""))
            result.record.freed.append(
                Freed(name: item.info.name, kind: item.info.kind.rawValue, label: item.info.label, bytes: item.info.bytes,
                      failure: item.failure.map { "\($0)" }))
            if item.failure != nil { result.clean = false }
        }
        result.freedCount = report.freed.count
        let live = table.liveCount()
        result.record.liveCount = live
        result.lines.append("live after release: \(live)")
        if live != 0 { result.clean = false }

        result.lines.append("old handles:")
        var checks: [Check] = []
        let byScard: [(String, String, PCSCError?)] = [
            (result.record.context, "SCardIsValidContext", Self.error { try context.validate() }),
            (result.record.card, "SCardTransmit", Self.error { _ = try card.transmit([0x00, 0x84, 0x00, 0x00, 0x08]) }),
        ]
        for (resource, call, error) in byScard {
            checks.append(Check(by: "scard", resource: resource, call: call, result: error?.name ?? "SCARD_S_SUCCESS"))
        }
        for verdict in report.verifyWithLibrary(session.manager) {
            checks.append(Check(by: "pcsc-lite", resource: verdict.resource, call: verdict.call, result: verdict.result?.name ?? "SCARD_S_SUCCESS"))
        }
        for check in checks {
            let who = check.by == "scard" ? "scard (stale handle, no C call)" : "pcsc-lite (raw value)"
            result.lines.append("  \(check.resource) \(check.call) -> \(check.result)  [\(who)]")
            if check.result != "SCARD_E_INVALID_HANDLE" { result.clean = false }
        }
        result.record.staleChecks = checks
        return result
    }

    static func error(_ body: () throws -> Void) -> PCSCError? {
        do {
            try body()
            return nil
        } catch {
            return error as? PCSCError ?? .internalError
        }
    }
}
