/// One command and its response as they went over the wire.
public struct WireExchange: Sendable, Hashable {
    /// The bytes sent.
    public let command: [UInt8]
    /// The bytes received.
    public let response: [UInt8]
    /// How long the exchange took, in seconds.
    public let seconds: Double
}

/// A logical exchange: the command asked for, the final response, and every wire exchange it took
/// (more than one when T=0 `61xx` or `6Cxx` answers were handled).
public struct Exchange: Sendable, Hashable {
    /// The command as given.
    public let command: CommandAPDU
    /// The response the caller sees (data gathered over GET RESPONSEs, then the last status word).
    public let response: ResponseAPDU
    /// The wire exchanges, in order.
    public let wire: [WireExchange]
    /// How long the whole exchange took, in seconds.
    public let seconds: Double
}

/// How the transmit path treats T=0 procedure answers, and whether an exchange holds the card.
public struct TransmitOptions: Sendable, Hashable {
    /// On `61xx`, send GET RESPONSE until all data is fetched.
    public var getResponse: Bool
    /// On `6Cxx`, resend the command with Le = xx.
    public var fixLe: Bool
    /// Run the exchange inside a PC/SC transaction of its own when it may take more than one wire
    /// exchange (`getResponse` or `fixLe` on), so that no other application's command lands between
    /// the command and its GET RESPONSEs or resend. Turn it off when the caller already holds a
    /// transaction on the card (pcsc-lite would count a nested one, at the price of two more calls).
    public var ownTransaction: Bool

    /// Creates options; all default to on.
    public init(getResponse: Bool = true, fixLe: Bool = true, ownTransaction: Bool = true) {
        self.getResponse = getResponse
        self.fixLe = fixLe
        self.ownTransaction = ownTransaction
    }

    /// Whether an exchange with these options begins and ends a transaction of its own.
    public var beginsTransaction: Bool { ownTransaction && (getResponse || fixLe) }
}
