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
    /// The error the failed call returned.
    let error: PCSCError
    /// Whether `what` was learnt by asking pcscd afterwards rather than from the code itself, so the
    /// code's own advice (`there is no transaction to end`) does not apply.
    let learntByProbing: Bool

    /// The failed call's code: with its advice when the code itself says what happened, else only
    /// its name and value, as what pcsc-lite returned.
    var detail: String {
        learntByProbing ? "pcsc-lite returned \(error.name) (\(error.hex))" : error.description
    }

    /// What happened and the code behind it, as an error line says it: `the card was removed: ...`.
    var explanation: String {
        "\(what): \(detail)"
    }

    private init(_ what: String, _ status: ExitStatus, _ error: PCSCError, learntByProbing: Bool = false) {
        self.what = what
        self.status = status
        self.error = error
        self.learntByProbing = learntByProbing
    }

    /// Diagnoses `error`, raised while using the card in `reader` under `context`.
    static func of(_ error: PCSCError, context: Context, reader: String) -> FailureDiagnosis {
        of(error, manager: context.manager, reader: reader)
    }

    /// Diagnoses `error`, raised while using the card in `reader` through `manager`.
    static func of(_ error: PCSCError, manager: ResourceManager, reader: String) -> FailureDiagnosis {
        switch error {
        case .noService, .serviceStopped:
            return FailureDiagnosis("lost pcscd", .noService, error)
        case .removedCard, .noSmartcard:
            return FailureDiagnosis("the card was removed", .cardRemoved, error)
        case .resetCard:
            return FailureDiagnosis("the card was reset by another application", .cardRemoved, error)
        default:
            break
        }
        if let probe = try? manager.establishContext() {
            defer { _ = try? probe.release() }
            // pcscd notices a vanished card a moment after the failed call: wait a bounded time for it.
            var states = [ReaderStatus(reader: reader)]
            if (try? probe.getStatusChange(&states, timeout: 0)) != nil, states[0].eventState.contains(.present) {
                states[0].acknowledge()
                _ = try? probe.getStatusChange(&states, timeout: 1500)
            }
            if !states[0].eventState.contains(.present) {
                return FailureDiagnosis("the card was removed", .cardRemoved, error, learntByProbing: true)
            }
            return FailureDiagnosis("PC/SC error", ExitStatus.of(error), error)
        }
        return FailureDiagnosis("lost pcscd", .noService, error, learntByProbing: true)
    }
}
