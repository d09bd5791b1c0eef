import CardNames
import PCSC

/// The readable decoding of an ATR that `scard atr` prints: one line per byte, details indented.
enum ATRTextReport {
    /// All lines of the decoding, problems last.
    static func lines(of atr: ATR) -> [String] {
        var lines = ["ATR: \(ATRHex.string(atr.bytes))"]
        if let ts = atr.initialCharacter {
            lines.append(row("TS", ts, atr.convention?.description ?? "invalid: neither 3B (direct) nor 3F (inverse)"))
        }
        if let t0 = atr.formatByte {
            let follows = t0.presence.kinds.map { "\($0.rawValue)1" }.joined(separator: " ")
            let verb = t0.presence.kinds.count == 1 ? "follows" : "follow"
            let meaning = "Y1 = \(t0.presence.bits)" + (follows.isEmpty ? "" : " (\(follows) \(verb))")
                + ", K = \(t0.historicalCount) historical byte(s)"
            lines.append(row("T0", t0.value, meaning))
        }
        for byte in atr.interfaceBytes {
            lines.append(row(byte.name, byte.value, byte.meaning.description))
        }
        if atr.hasAllInterfaceBytes {
            lines.append("Protocols: " + atr.protocols.map { "T=\($0)" }.joined(separator: ", "))
        }
        if let t0 = atr.formatByte {
            lines += historicalLines(atr.historicalBytes, announced: t0.historicalCount)
        }
        lines += checkByteLines(atr)
        if !atr.extraBytes.isEmpty {
            lines.append("Extra bytes: \(ATRHex.string(atr.extraBytes))")
        }
        if atr.problems.isEmpty {
            lines.append("Valid ATR.")
        } else {
            lines.append("Problems:")
            lines += atr.problems.map { "  \($0)" }
        }
        return lines
    }

    /// What the database says about the card, as `pcsc_scan` ends its analysis: `Possibly identified
    /// card (FILE):` and the names, `Not in the ATR database (FILE)`, or nothing without a database.
    static func cardNameLines(_ names: [String], database: ATRDatabase?) -> [String] {
        guard let database else { return [] }
        let source = database.path ?? "the ATR database"
        guard !names.isEmpty else { return ["Not in the ATR database (\(source))"] }
        return ["Possibly identified card (\(source)):"] + names.map { "  \($0)" }
    }

    /// `TA1  13  meaning`.
    static func row(_ name: String, _ value: UInt8, _ meaning: String) -> String {
        name + String(repeating: " ", count: max(0, 4 - name.count)) + " \(ATRHex.byte(value))  \(meaning)"
    }

    /// The historical bytes, their category and objects.
    static func historicalLines(_ historical: ATRHistoricalBytes, announced: Int) -> [String] {
        guard let category = historical.category, let indicator = historical.bytes.first else {
            return [announced == 0 ? "Historical bytes: none" : "Historical bytes: missing (T0 announces \(announced))"]
        }
        var lines = ["Historical bytes: \(ATRHex.string(historical.bytes))  \"\(historical.text)\""]
        lines.append("  category \(ATRHex.byte(indicator)): \(category)")
        if let card = historical.storageCard {
            lines.append("  PC/SC storage card (RID \(ATRHex.string(PCSCStorageCard.registeredIdentifier)))")
            lines.append("    standard \(ATRHex.byte(card.standard)): \(card.standardDescription)")
            lines.append("    card name: \(card.cardNameDescription)")
        }
        for object in historical.objects {
            let head = ATRHex.byte(historical.bytes[object.offset])
            lines.append("  \(head)  tag \(String(object.tag, radix: 16, uppercase: true)), \(object.name): "
                + "\(ATRHex.string(object.value))  \"\(ATRHex.ascii(object.value))\"")
            lines += object.details.map { "        \($0)" }
        }
        if category == .compactTLVWithStatus, let status = historical.statusIndicator {
            lines.append("  status indicator (last 3 bytes): \(status)")
        }
        if let reference = historical.dirDataReference {
            lines.append("  DIR data reference: \(ATRHex.byte(reference))")
        }
        lines += historical.warnings.map { "  warning: \($0)" }
        return lines
    }

    /// The TCK line: present and right, present and wrong, absent as allowed, or missing.
    static func checkByteLines(_ atr: ATR) -> [String] {
        if let check = atr.checkByte {
            let verdict = check.isCorrect ? "correct" : "WRONG, expected \(ATRHex.byte(check.expected))"
            return [row("TCK", check.value, verdict)]
        }
        guard atr.formatByte != nil, !atr.problems.contains(where: \.isMalformed) else { return [] }
        return [atr.requiresCheckByte ? "TCK  missing (required: a protocol other than T=0 is offered)"
                                       : "TCK  absent (only T=0 offered)"]
    }
}
