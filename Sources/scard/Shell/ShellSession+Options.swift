import PCSC

extension ShellSession {
    /// A session on the options `scard shell` and `scard script -` (on a terminal) share: the card
    /// and reader, protocol and share mode, GET RESPONSE and Le handling, and the deadline.
    convenience init(
        session: Session, card: CardOptions, connection: ConnectionOptions, transmit: TransmitFlags,
        recorder: ShellRecorder?
    ) {
        self.init(
            session: session, request: connection.request,
            transmit: TransmitOptions(getResponse: transmit.getResponse == .auto, fixLe: transmit.fixLe == .auto),
            showWire: transmit.wire || card.trace, recorder: recorder, cardNames: ShellCardNames.lookup)
    }
}
