import PCSC

/// Tells what a PC/SC failure in the middle of a run means: pcscd gone, card gone, or something else.
///
/// pcsc-lite answers a transmit with `SCARD_F_COMM_ERROR` both when the card vanishes and when
/// pcscd does; asking pcscd afterwards tells the two apart.
struct FailureDiagnosis {
    /// What happened, in words (`the card was removed`).
    let what: String
    /// The exit status for it.
    let status: ExitStatus

    /// Diagnoses `error`, raised while using the card in `reader` under `context`.
    static func of(_ error: PCSCError, context: Context, reader: String) -> FailureDiagnosis {
        switch error {
        case .noService, .serviceStopped:
            return FailureDiagnosis(what: "lost pcscd", status: .noService)
        case .removedCard, .noSmartcard:
            return FailureDiagnosis(what: "the card was removed", status: .cardRemoved)
        case .resetCard:
            return FailureDiagnosis(what: "the card was reset by another application", status: .cardRemoved)
        default:
            break
        }
        if let probe = try? context.manager.establishContext() {
            defer { _ = try? probe.release() }
            // pcscd notices a vanished card a moment after the failed call: wait a bounded time for it.
            var states = [ReaderStatus(reader: reader)]
            if (try? probe.getStatusChange(&states, timeout: 0)) != nil, states[0].eventState.contains(.present) {
                states[0].acknowledge()
                _ = try? probe.getStatusChange(&states, timeout: 1500)
            }
            if !states[0].eventState.contains(.present) {
                return FailureDiagnosis(what: "the card was removed", status: .cardRemoved)
            }
            return FailureDiagnosis(what: "PC/SC error", status: ExitStatus.of(error))
        }
        return FailureDiagnosis(what: "lost pcscd", status: .noService)
    }
}
