import PCSC

/// Why the run guard ended a run that could not stop by itself, and the call it was blocked in.
struct Abandonment: Sendable {
    /// What made the guard end the run.
    enum Reason: Sendable {
        /// SIGINT or SIGTERM, and the command did not stop within the grace time.
        case interrupted
        /// A call ran past its deadline, in seconds.
        case deadline(Double)
    }

    /// What made the guard end the run.
    let reason: Reason
    /// The call in flight the longest (the one past its deadline), if any.
    let call: PendingCall?

    /// The exit status: 130 for an interrupt, 7 for a deadline.
    var status: ExitStatus {
        switch reason {
        case .interrupted: .interrupted
        case .deadline: .timeout
        }
    }

    /// The error line (without `scard: `) for a command that was at `progress`:
    /// `line 3: SCardTransmit did not return within 2 s after 2 exchange(s)`.
    func message(_ progress: RunProgress) -> String {
        let place = progress.place.map { "\($0): " } ?? ""
        let after = progress.done.map { " after \($0)" } ?? ""
        switch reason {
        case .deadline(let limit):
            let function = call.map(\.function.description) ?? "a PC/SC call"
            return "\(place)\(function) did not return within \(Deadlines.text(limit)) s\(after)"
        case .interrupted:
            guard let call else { return "\(place)interrupted\(after)" }
            return "\(place)interrupted in \(call.function)\(after)"
        }
    }
}

/// Where a command is, for the error line of an abandoned run.
struct RunProgress: Sendable {
    /// The step in progress: `line 3`, `APDU 2 (00 84 00 00 08)`, `cycle 5`.
    var place: String?
    /// What was done before it: `2 exchange(s)`, `4 of 10 cycles (0 unclean)`.
    var done: String?
}
