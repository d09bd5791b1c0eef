/// What libpcsclite itself answers when handed the raw values of released handles.
public struct LibraryVerdict: Sendable {
    /// The resource's name in the ledger (`context#1`, `card#3`).
    public let resource: String
    /// The C call that was made (`SCardIsValidContext`, `SCardTransmit`).
    public let call: String
    /// The result: nil for success (which would mean the handle still worked).
    public let result: PCSCError?
}

extension ReleaseReport {
    /// Hands the raw `SCARDCONTEXT` and `SCARDHANDLE` values of the freed context and cards back to
    /// libpcsclite (`SCardIsValidContext`, and `SCardTransmit` of GET CHALLENGE), showing that pcscd
    /// no longer knows them. Only integers are passed: no freed memory is touched.
    public func verifyWithLibrary(_ manager: ResourceManager) -> [LibraryVerdict] {
        var verdicts: [LibraryVerdict] = []
        for item in freed {
            if let context = item.info.payload as? ContextPayload {
                let code = WinSCard.isValidContext(context.raw, tracer: manager.tracer)
                verdicts.append(LibraryVerdict(resource: item.info.name, call: "SCardIsValidContext", result: PCSCError(code: code)))
            } else if let card = item.info.payload as? CardPayload {
                var receive = [UInt8](repeating: 0, count: 258)
                let (code, _) = receive.withUnsafeMutableBufferPointer { buffer in
                    WinSCard.transmit(
                        card.raw, protocol: card.activeProtocol, command: [0x00, 0x84, 0x00, 0x00, 0x08],
                        receive: buffer, tracer: manager.tracer)
                }
                verdicts.append(LibraryVerdict(resource: item.info.name, call: "SCardTransmit", result: PCSCError(code: code)))
            }
        }
        return verdicts
    }
}
