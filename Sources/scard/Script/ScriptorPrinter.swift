import PCSC

/// The lines pcsc-tools' `scriptor` prints for what a card answers (Chipcard::PCSC's formatting).
enum ScriptorPrinter {
    /// `Using T=1 protocol`.
    static func protocolLine(_ active: Protocols) -> String {
        if active == .t0 { return "Using T=0 protocol" }
        if active == .t1 { return "Using T=1 protocol" }
        return "Using an unknown protocol (not T=0 or T=1)"
    }

    /// `< 6F 1A … : Normal processing.`: the bytes, a line break after every 16 when more follow,
    /// then the status word's meaning as `Chipcard::PCSC::Card::ISO7816Error` words it.
    static func responseLine(_ response: [UInt8]) -> String {
        var text = "< "
        for (index, byte) in response.enumerated() {
            text += Hex.string([byte])
            if index == response.count - 1 { break }
            text += " "
            if (index + 1) % 16 == 0 { text += "\n" }
        }
        return text + " : " + meaning(response)
    }

    /// `< OK: 3B 95 … 0B ` after a reset: every byte followed by a blank.
    static func resetLine(_ atr: [UInt8]) -> String {
        "< OK: " + atr.map { Hex.string([$0]) + " " }.joined()
    }

    /// What `ISO7816Error` says about the last two bytes.
    static func meaning(_ response: [UInt8]) -> String {
        guard response.count >= 2 else { return "wrong SW size for: \(Hex.string(response))" }
        let sw1 = response[response.count - 2]
        let sw2 = response[response.count - 1]
        let two = Hex.string([sw2])
        func detail(_ lead: String, _ table: [UInt8: String]) -> String { lead + (table[sw2] ?? "") }
        switch sw1 {
        case 0x90 where sw2 == 0x00: return "Normal processing."
        case 0x61: return "0x\(two) bytes of response still available."
        case 0x62:
            return detail("State of non-volatile memory unchanged. ", [
                0x00: "No information given.", 0x81: "Part of returned data my be corrupted.",
                0x82: "End of file/record reached before reading Le bytes.", 0x83: "Selected file invalidated.",
                0x84: "FCI not formated according to 5.1.5.",
            ])
        case 0x63:
            var text = detail("State of non-volatile memory changed. ", [0x00: "No information given.", 0x81: "File filled up by the last write."])
            if sw2 >> 4 == 0xC { text += "Counter: 0x" + String(two.last!) }
            return text
        case 0x64 where sw2 == 0x00: return "State of non-volatile memory unchanged."
        case 0x65: return detail("State of non-volatile memory changed. ", [0x81: "Memory failure."])
        case 0x66: return "Reserved for security-related issues."
        case 0x67 where sw2 == 0x00: return "Wrong length."
        case 0x68:
            return detail("Functions in CLA not supported. ", [0x81: "Logical channel not supported.", 0x82: "Secure messaging not supported."])
        case 0x69:
            return detail("Command not allowed. ", [
                0x81: "Command incompatible with file structure.", 0x82: "Security status not satisfied.",
                0x83: "Authentication method blocked.", 0x84: "Referenced data invalidated.",
                0x85: "Conditions of use not satisfied.", 0x86: "Command not allowed (no current EF).",
                0x87: "Expected SM data objects missing.", 0x88: "SM data objects incorrect.",
            ])
        case 0x6A:
            return detail("Wrong parameter(s) P1-P2. ", [
                0x80: "Incorrect parameters in the data field.", 0x81: "Function not supported.", 0x82: "File not found.",
                0x83: "Record not found.", 0x84: "Not enough memory space in the file.",
                0x85: "Lc inconsistent with TLV structure.", 0x86: "Incorrect parameters P1-P2.",
                0x87: "Lc inconsistent with P1-P2.", 0x88: "Referenced data not found.",
            ])
        case 0x6B where sw2 == 0x00: return "Wrong parameter(s) P1-P2."
        case 0x6C: return "Wrong length Le: should be 0x\(two)"
        case 0x6D where sw2 == 0x00: return "Instruction code not supported or invalid."
        case 0x6E where sw2 == 0x00: return "Class not supported."
        case 0x6F where sw2 == 0x00: return "No precise diagnosis."
        default: return "Error not defined by ISO 7816"
        }
    }
}
