extension LineCursor {
    /// Reads one argument: atoms joined by `|`.
    mutating func value() throws(ScenarioSyntaxError) -> ScenarioValue {
        var parts = [try atom()]
        while current == "|" {
            index += 1
            parts.append(try atom())
        }
        return parts.count == 1 ? parts[0] : .union(parts)
    }

    mutating func atom() throws(ScenarioSyntaxError) -> ScenarioValue {
        guard let c = current, !atEnd else { throw error("expected a value") }
        if c == "~" {
            index += 1
            guard current == "0" else { throw error("only ~0 is allowed after '~'") }
            index += 1
            return .allOnes
        }
        if c == "\"" {
            return .bytes(try quoted())
        }
        if c == "x", index + 1 < scalars.count, scalars[index + 1] == "\"" {
            index += 1
            return .bytes(try rawBytes())
        }
        if ("0"..."9").contains(c) {
            return .number(try number())
        }
        if let name = identifier() {
            return name == "NULL" ? .null : .symbol(name)
        }
        throw error("unexpected '\(c)'")
    }

    mutating func number() throws(ScenarioSyntaxError) -> UInt64 {
        let column = self.column
        var radix: UInt64 = 10
        if peek("0x") || peek("0X") {
            radix = 16
            index += 2
        }
        var value: UInt64 = 0
        var digits = 0
        while let c = current, let digit = Self.digit(c) {
            guard UInt64(digit) < radix else { throw error("'\(c)' is not a decimal digit") }
            let (times, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(digit))
            if overflow1 || overflow2 { throw error("number too large", at: column) }
            value = sum
            digits += 1
            index += 1
        }
        if digits == 0 { throw error("expected hex digits after 0x", at: column) }
        if let c = current, Self.isIdentifierPart(c) { throw error("'\(c)' is not a digit") }
        return value
    }

    static func digit(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "0"..."9": return Int(c.value - 48)
        case "a"..."f": return Int(c.value - 87)
        case "A"..."F": return Int(c.value - 55)
        default: return nil
        }
    }

    /// A double-quoted string with `\"`, `\\`, `\n`, `\t`, `\0` and `\xHH` escapes, as UTF-8 bytes.
    mutating func quoted() throws(ScenarioSyntaxError) -> [UInt8] {
        let column = self.column
        index += 1
        var bytes: [UInt8] = []
        while true {
            guard let c = current else { throw error("unterminated string", at: column) }
            index += 1
            if c == "\"" { return bytes }
            if c != "\\" {
                bytes.append(contentsOf: Array(String(Character(c)).utf8))
                continue
            }
            guard let e = current else { throw error("unterminated string", at: column) }
            index += 1
            switch e {
            case "n": bytes.append(0x0A)
            case "t": bytes.append(0x09)
            case "r": bytes.append(0x0D)
            case "0": bytes.append(0)
            case "\\", "\"": bytes.append(UInt8(e.value))
            case "x":
                guard index + 1 < scalars.count, let high = Self.digit(scalars[index]),
                    let low = Self.digit(scalars[index + 1])
                else { throw error("\\x needs two hex digits") }
                bytes.append(UInt8(high << 4 | low))
                index += 2
            default:
                throw error("unknown escape '\\\(e)'", at: column + 0)
            }
        }
    }

    /// `x"0a 0b"`: hex digit pairs, blanks allowed between bytes.
    mutating func rawBytes() throws(ScenarioSyntaxError) -> [UInt8] {
        let column = self.column - 1
        index += 1
        var bytes: [UInt8] = []
        var high: Int?
        while true {
            guard let c = current else { throw error("unterminated byte string", at: column) }
            index += 1
            if c == "\"" {
                if high != nil { throw error("odd number of hex digits in byte string", at: column) }
                return bytes
            }
            if c == " " { continue }
            guard let digit = Self.digit(c) else { throw error("'\(c)' is not a hex digit") }
            if let h = high {
                bytes.append(UInt8(h << 4 | digit))
                high = nil
            } else {
                high = digit
            }
        }
    }
}
