import FoundationEssentials
import PCSC

/// The doctor's checks that go through pcscd: readers, card, answer, virtual reader latency.
struct CardChecks {
    /// The context established by the pcscd check.
    let context: Context
    /// The reader named with --reader.
    let readerSpec: String?
    /// Whether to send GET CHALLENGE.
    let probe: Bool
    /// The title of a check by its id.
    let titles: (String) -> String

    /// The harmless command sent by --probe and the latency check: GET CHALLENGE for 8 bytes.
    static let getChallenge: [UInt8] = [0x00, 0x84, 0x00, 0x00, 0x08]
    /// How many exchanges the latency check times.
    static let latencyExchanges = 20
    /// Above this median time per exchange, the virtual reader is slow.
    static let latencyLimit = 0.005

    /// The readers pcscd lists (only the chosen one with --reader).
    func readers() -> (DoctorCheck, [String]) {
        let title = titles("readers")
        let fix = "connect a reader; the virtual reader: scripts/virtual-reader.sh start (vpcd must be in pcscd's reader.conf.d)"
        let names: [String]
        do {
            names = try context.readerNames()
        } catch {
            return (.fail("readers", title, .noReaders, "SCardListReaders: \(error)", fix: fix), [])
        }
        guard !names.isEmpty else {
            return (.fail("readers", title, .noReaders, "pcscd lists no reader", fix: fix), [])
        }
        guard let readerSpec else {
            return (.ok("readers", title, "\(names.count) reader(s): \(names.joined(separator: ", "))"), names)
        }
        do {
            let chosen = try ReaderSelection.choose(readerSpec, from: names)
            return (.ok("readers", title, "'\(readerSpec)' is \(chosen) (of \(names.count) reader(s))"), [chosen])
        } catch {
            return (.fail("readers", title, .noReaders, error.description, fix: "name a reader by index, name or a unique part of it (scard list-readers)"), [])
        }
    }

    /// Whether a vicc is connected to vpcd: vpcd's readers are listed and hold a card.
    func viccCheck(_ readers: [String], vpcd: VpcdConfiguration.Entry) -> DoctorCheck {
        let title = titles("vicc")
        let virtualReaders = readers.filter { $0.hasPrefix(vpcd.friendlyName) }
        guard !virtualReaders.isEmpty else {
            let which = readerSpec == nil ? "pcscd lists no '\(vpcd.friendlyName)' reader: vpcd did not load" : "the chosen reader is not a vpcd reader"
            return .fail("vicc", title, .vpcdMissing, which,
                         fix: "check pcscd's log for vpcd (pcscd --foreground --debug); choose a '\(vpcd.friendlyName)' reader with --reader")
        }
        let present = withCards(virtualReaders)
        guard !present.isEmpty else {
            let ports = virtualReaders.map { String(vpcd.port + VpcdConfiguration.slot(of: $0)) }.joined(separator: ", ")
            return .fail("vicc", title, .viccMissing, "no vicc card is connected to vpcd (ports \(ports))",
                         fix: "start one: vicc -t iso7816 -P \(vpcd.port), or scripts/virtual-reader.sh start")
        }
        let described = present.map { "\($0) (port \(vpcd.port + VpcdConfiguration.slot(of: $0)))" }
        return .ok("vicc", title, "vicc connected in \(described.joined(separator: ", "))")
    }

    /// The first of `readers` holding a card.
    func cardPresent(_ readers: [String]) -> (DoctorCheck, String?) {
        let title = titles("card")
        var states = readers.map { ReaderStatus(reader: $0) }
        do {
            try context.getStatusChange(&states, timeout: 0)
        } catch {
            return (.fail("card", title, .noCard, "SCardGetStatusChange: \(error)", fix: "retry; restart pcscd if it persists"), nil)
        }
        guard let state = states.first(where: { $0.eventState.contains(.present) }) else {
            let which = readers.count == 1 ? "no card in \(readers[0])" : "no card in any of \(readers.count) readers"
            return (.fail("card", title, .noCard, which, fix: "insert a card; the virtual reader: scripts/virtual-reader.sh card-insert 0"), nil)
        }
        return (.ok("card", title, "card in \(state.reader), ATR \(Hex.string(state.atr))", atr: state.atr), state.reader)
    }

    /// Connects to the card (and with --probe exchanges GET CHALLENGE).
    func answering(_ reader: String) -> (DoctorCheck, Card?) {
        let title = titles("answer")
        let fix = "reseat the card, or try another; 'scard atr --reader \"\(reader)\"' explains its ATR"
        let card: Card
        let status: CardStatus
        do {
            card = try context.connect(reader: reader)
            status = try card.status()
        } catch {
            return (.fail("answer", title, .cardNotAnswering, "connecting to the card in \(reader): \(error)", fix: fix), nil)
        }
        var detail = "connected with \(status.activeProtocol), ATR \(Hex.string(status.atr))"
        guard probe else { return (.ok("answer", title, detail + "; --probe also sends GET CHALLENGE", atr: status.atr), card) }
        do {
            let command = try CommandAPDU(bytes: Self.getChallenge)
            let exchange = try card.transmit(command, options: TransmitOptions())
            let statusWord = exchange.response.statusWord
            detail += "; GET CHALLENGE answered \(statusWord) (\(statusWord.meaning)) in \(Self.milliseconds(exchange.seconds))"
            return (.ok("answer", title, detail, atr: status.atr), card)
        } catch let error as PCSCError {
            return (.fail("answer", title, .cardNotAnswering, "GET CHALLENGE to the card in \(reader): \(error)", fix: fix), nil)
        } catch {
            return (.fail("answer", title, .cardNotAnswering, "GET CHALLENGE: \(error)", fix: fix), nil)
        }
    }

    /// Times 20 exchanges with a virtual card; a median above 5 ms means delayed ACKs.
    func latency(_ card: Card, reader: String, vpcd: VpcdConfiguration.Entry, readers: [String]) -> DoctorCheck {
        let title = titles("latency")
        var target = card
        var targetReader = reader
        var other: Card?
        defer { _ = try? other?.disconnect() }
        if !reader.hasPrefix(vpcd.friendlyName) {
            guard let virtualReader = withCards(readers.filter { $0.hasPrefix(vpcd.friendlyName) }).first,
                let connected = try? context.connect(reader: virtualReader)
            else {
                return .ok("latency", title, "not measured: no virtual reader holds a card")
            }
            other = connected
            target = connected
            targetReader = virtualReader
        }
        var times: [Double] = []
        for _ in 0..<Self.latencyExchanges {
            do {
                let exchange = try target.transmit(try CommandAPDU(bytes: Self.getChallenge), options: TransmitOptions())
                times.append(exchange.seconds)
            } catch {
                return .fail("latency", title, .cardNotAnswering, "exchange \(times.count + 1) with \(targetReader) failed: \(error)",
                             fix: "restart the virtual card: scripts/virtual-reader.sh card-remove 0; scripts/virtual-reader.sh card-insert 0")
            }
        }
        times.sort()
        let median = times[times.count / 2]
        let detail = "\(times.count) exchanges with \(targetReader): median \(Self.milliseconds(median)), "
            + "slowest \(Self.milliseconds(times.last ?? 0))"
        if median > Self.latencyLimit {
            return .warn("latency", title, .slowVirtualReader, detail + " (above 5 ms: delayed TCP ACKs)",
                         fix: "give vicc TCP_QUICKACK: scripts/setup.sh installs a sitecustomize shim that "
                             + "scripts/virtual-reader.sh puts on vicc's PYTHONPATH")
        }
        return .ok("latency", title, detail)
    }

    /// `0.42 ms`.
    static func milliseconds(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100_000).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) ms"
    }

    /// The readers among `readers` that hold a card.
    private func withCards(_ readers: [String]) -> [String] {
        var states = readers.map { ReaderStatus(reader: $0) }
        guard !states.isEmpty, (try? context.getStatusChange(&states, timeout: 0)) != nil else { return [] }
        return states.filter { $0.eventState.contains(.present) }.map(\.reader)
    }
}
