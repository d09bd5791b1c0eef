import ISO7816

/// One fuzz input: the input as raw ATR bytes and as ATR hex text. Decoding never traps, every
/// decoded field can be described, and a valid ATR's own bytes decode to the same ATR.
func fuzzATRDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    describe(ATR(decoding: input))
    if let bytes = try? ATR.parseHex(String(decoding: input, as: UTF8.self)) {
        let atr = ATR(decoding: bytes)
        describe(atr)
        if atr.isValid {
            precondition((try? ATR(bytes: atr.bytes)) == atr, "a valid ATR did not decode again")
        }
    }
    return 0
}

/// Touches every derived value of a decoded ATR, as `scard atr` prints them.
func describe(_ atr: ATR) {
    _ = String(describing: atr)
    _ = atr.protocols
    _ = atr.hasAllInterfaceBytes
    _ = atr.requiresCheckByte
    _ = atr.clockRate.description
    _ = atr.clockRate.maximumBitRate
    _ = atr.clockRate.cyclesPerETU
    for problem in atr.problems { _ = problem.description }
    for kind in ATRInterfaceByte.Kind.allCases {
        for group in 1...4 { _ = atr.interfaceByte(kind, group) }
    }
    _ = String(describing: atr.historicalBytes)
    for object in atr.historicalBytes.objects { _ = String(describing: object) }
}
