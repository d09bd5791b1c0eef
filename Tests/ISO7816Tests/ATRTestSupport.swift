import ISO7816
import Testing

/// Real ATRs from the field, with the card they come from (pcsc-tools' smartcard_list.txt).
enum KnownATR {
    static let virtualCard = "3B 95 13 81 01 80 73 FF 01 00 0B"
    static let mifareClassic1K = "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A"
    static let barclaycard = "3B 6E 00 00 80 31 80 66 B0 84 12 01 6E 01 83 00 90 00"
    static let jcop241 = "3B F8 13 00 00 81 31 FE 45 4A 43 4F 50 76 32 34 31 B7"
    static let multiflex3k = "3B 02 14 50"
    static let postgirot = "3F 65 25 00 24 09 6B 90 00"
    static let yubikey4 = "3B F8 13 00 00 81 31 FE 15 59 75 62 69 6B 65 79 34 D4"
    static let germanID = "3B 8A 80 01 80 31 F8 73 F7 41 E0 82 90 00 75"
    static let germanTestPassport = "3B 84 80 01 00 00 90 00 95"
    static let sysmoUSIM = "3B 9F 96 80 1F C7 80 31 A0 73 BE 21 13 67 43 20 07 18 00 00 01 A5"
    static let docomoSIM = "3B 9D 95 80 3F C7 A0 80 31 A0 73 BE 21 13 51 05 83 05 90 00 7C"
    static let acosID = "3B DF 18 FF 91 01 31 FE 46 80 31 90 52 41 02 64 05 02 00 AC 73 D6 22 C0 99"
    static let tcos12 = "3B A8 00 81 71 46 5D 00 54 43 4F 53 31 2E 32 00 65"
    static let cryptoflex8k = "3B 85 40 20 68 01 01 00 00"
    static let jcop30 = "3B 66 00 FF 4A 43 4F 50 30 33"

    static let all = [
        virtualCard, mifareClassic1K, barclaycard, jcop241, multiflex3k, postgirot, yubikey4, germanID,
        germanTestPassport, sysmoUSIM, docomoSIM, acosID, tcos12, cryptoflex8k, jcop30,
    ]
}

/// Decodes hex that the test knows to be well-formed hex.
func decode(_ hex: String) throws -> ATR {
    try ATR(decodingHex: hex)
}

/// The names of the interface bytes of an ATR, in order (`TA1 TD1 TD2`).
func names(_ atr: ATR) -> String {
    atr.interfaceBytes.map(\.name).joined(separator: " ")
}

/// The meaning of the named interface byte, recorded as a test issue when absent.
func meaning(_ atr: ATR, _ kind: ATRInterfaceByte.Kind, _ group: Int) -> ATRInterfaceMeaning? {
    let byte = atr.interfaceByte(kind, group)
    #expect(byte != nil, "\(kind.rawValue)\(group) is missing")
    return byte?.meaning
}
