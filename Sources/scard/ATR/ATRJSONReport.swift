import FoundationEssentials
import PCSC

/// The JSON object `scard atr --json` prints: every field with its hex value and meaning, and the
/// card's names from pcsc-tools' database.
struct ATRJSONReport: Encodable {
    /// One interface byte.
    struct InterfaceByte: Encodable {
        let name: String
        let value: String
        let offset: Int
        let meaning: String
    }

    /// One compact-TLV object of the historical bytes.
    struct Object: Encodable {
        let tag: String
        let name: String
        let value: String
        let details: [String]
    }

    /// The clock rate in force (TA1 or the default).
    struct ClockRate: Encodable {
        let fi: Int?
        let di: Int?
        let fMaxKHz: Int?
        let cyclesPerETU: Double?
        let maxBitRate: Int?
    }

    /// The historical bytes.
    struct Historical: Encodable {
        let hex: String
        let ascii: String
        let category: String?
        let categoryMeaning: String?
        let objects: [Object]
        let statusIndicator: String?
        let dirDataReference: String?
        let storageCard: String?
        let warnings: [String]
    }

    /// The check byte.
    struct CheckByte: Encodable {
        let required: Bool
        let present: Bool
        let value: String?
        let expected: String?
        let correct: Bool?
    }

    let type = "atr"
    let atr: String
    let valid: Bool
    let malformed: Bool
    let ts: String?
    let convention: String?
    let t0: String?
    let y1: String?
    let historicalCount: Int?
    let interfaceBytes: [InterfaceByte]
    let protocols: [String]
    let clockRate: ClockRate
    let historicalBytes: Historical
    let tck: CheckByte
    let extraBytes: String?
    let problems: [String]
    let cardNames: [String]

    /// The report of a decoded ATR.
    init(_ decoded: ATR, cardNames: [String] = []) {
        self.cardNames = cardNames
        atr = JSONValue.hex(decoded.bytes)
        valid = decoded.isValid
        malformed = decoded.problems.contains(where: \.isMalformed)
        ts = decoded.initialCharacter.map(ATRHex.byte)
        convention = decoded.convention?.rawValue
        t0 = decoded.formatByte.map { ATRHex.byte($0.value) }
        y1 = decoded.formatByte?.presence.bits
        historicalCount = decoded.formatByte?.historicalCount
        interfaceBytes = decoded.interfaceBytes.map {
            InterfaceByte(name: $0.name, value: ATRHex.byte($0.value), offset: $0.offset, meaning: $0.meaning.description)
        }
        protocols = decoded.hasAllInterfaceBytes ? decoded.protocols.map(JSONValue.protocolName) : []
        let rate = decoded.clockRate
        clockRate = ClockRate(
            fi: rate.fi, di: rate.di, fMaxKHz: rate.maximumFrequencyKilohertz,
            cyclesPerETU: rate.cyclesPerETU, maxBitRate: rate.maximumBitRate)
        let history = decoded.historicalBytes
        historicalBytes = Historical(
            hex: JSONValue.hex(history.bytes), ascii: history.text,
            category: history.bytes.first.map(ATRHex.byte), categoryMeaning: history.category?.description,
            objects: history.objects.map {
                Object(tag: String($0.tag, radix: 16, uppercase: true), name: $0.name,
                       value: JSONValue.hex($0.value), details: $0.details)
            },
            statusIndicator: history.statusIndicator?.description,
            dirDataReference: history.dirDataReference.map(ATRHex.byte),
            storageCard: history.storageCard.map { "\($0.cardNameDescription) (\($0.standardDescription))" },
            warnings: history.warnings)
        tck = CheckByte(
            required: decoded.requiresCheckByte, present: decoded.checkByte != nil,
            value: decoded.checkByte.map { ATRHex.byte($0.value) },
            expected: decoded.checkByte.map { ATRHex.byte($0.expected) },
            correct: decoded.checkByte?.isCorrect)
        extraBytes = decoded.extraBytes.isEmpty ? nil : JSONValue.hex(decoded.extraBytes)
        problems = decoded.problems.map(\.description)
    }

    /// The report as one line of JSON with sorted keys.
    var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
