/// Why a text is not an ATR written in hex.
public enum ATRHexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text holds no hex digits at all.
    case empty
    /// A character that is neither a hex digit nor a separator (white space or colon), at a 1-based position.
    case invalidCharacter(Character, position: Int)
    /// A group of digits between separators has an odd length, so it does not spell whole bytes.
    case oddDigitCount(group: String, position: Int)

    /// The explanation in one line.
    public var description: String {
        switch self {
        case .empty:
            return "no hex digits: give the ATR as hex bytes, e.g. 3B 95 13 81 01 80 73 FF 01 00 0B"
        case .invalidCharacter(let character, let position):
            return "'\(character)' at position \(position) is not a hex digit"
        case .oddDigitCount(let group, let position):
            return "odd number of hex digits in '\(group)' at position \(position): each byte needs two digits"
        }
    }
}

extension ATR {
    /// Reads hex bytes written with spaces, colons or nothing between them, in any case
    /// (`3B 95 13`, `3b:95:13`, `3B9513`).
    public static func parseHex(_ text: String) throws(ATRHexError) -> [UInt8] {
        var bytes: [UInt8] = []
        var group: [Character] = []
        var groupStart = 0
        var position = 0
        func flush() throws(ATRHexError) {
            guard !group.isEmpty else { return }
            guard group.count % 2 == 0 else {
                throw .oddDigitCount(group: String(group), position: groupStart)
            }
            var index = 0
            while index + 1 < group.count {
                if let high = Hex.value(of: group[index]), let low = Hex.value(of: group[index + 1]) {
                    bytes.append(high << 4 | low)
                }
                index += 2
            }
            group.removeAll()
        }
        for character in text {
            position += 1
            if character.isWhitespace || character == ":" {
                try flush()
            } else if Hex.value(of: character) != nil {
                if group.isEmpty { groupStart = position }
                group.append(character)
            } else {
                throw .invalidCharacter(character, position: position)
            }
        }
        try flush()
        guard !bytes.isEmpty else { throw .empty }
        return bytes
    }

    /// Reads hex text (see `parseHex(_:)`) and decodes the bytes leniently: what is wrong is in `problems`.
    public init(decodingHex text: String) throws(ATRHexError) {
        self.init(decoding: try Self.parseHex(text))
    }
}
