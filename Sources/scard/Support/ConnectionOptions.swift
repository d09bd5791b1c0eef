import ArgumentParser
import PCSC

/// How a command connects to the card: `--protocol`, `--share` and `--reset`, on every command
/// that connects.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("protocol"), help: "The protocol to ask for: t0, t1, raw or any (default: any, T=0 or T=1 as the card offers; none with --share direct).")
    var protocolChoice: ProtocolChoice?

    @Option(help: "How to share the card: shared, exclusive (no other application may connect meanwhile) or direct (the reader itself, card or not; the default of reader and control).")
    var share: ShareChoice?

    @Option(help: "Reset the card on connecting: cold (power off and on) or warm.")
    var reset: ResetChoice?

    /// What to ask of `SCardConnect` (and `SCardReconnect` for a reset).
    var request: ConnectionRequest { request(defaultShare: .shared) }

    /// The request, sharing as `defaultShare` says when `--share` is not given.
    func request(defaultShare: ShareMode) -> ConnectionRequest {
        let mode = share?.mode ?? defaultShare
        let protocols = protocolChoice?.protocols ?? (mode == .direct ? [] : .any)
        return ConnectionRequest(share: mode, protocols: protocols, initialization: reset?.disposition)
    }

    /// Whether any of the three options was given, so the command says how it connected.
    var isGiven: Bool { protocolChoice != nil || share != nil || reset != nil }
}

/// The values of `--protocol`.
enum ProtocolChoice: String, ExpressibleByArgument, CaseIterable {
    case t0, t1, raw, any

    /// The protocol bits to ask for.
    var protocols: Protocols {
        switch self {
        case .t0: .t0
        case .t1: .t1
        case .raw: .raw
        case .any: .any
        }
    }
}

/// The values of `--share`.
enum ShareChoice: String, ExpressibleByArgument, CaseIterable {
    case shared, exclusive, direct

    /// The share mode.
    var mode: ShareMode {
        switch self {
        case .shared: .shared
        case .exclusive: .exclusive
        case .direct: .direct
        }
    }
}

/// The values of `--reset`.
enum ResetChoice: String, ExpressibleByArgument, CaseIterable {
    case cold, warm

    /// The initialization `SCardReconnect` is given.
    var disposition: Disposition {
        switch self {
        case .cold: .unpower
        case .warm: .reset
        }
    }
}
