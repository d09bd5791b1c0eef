import PCSC

/// BER-TLV objects as `scard tlv`, `send --tlv` and `script --tlv` print them: an indented tree in
/// text, nested objects in JSON.
enum TLVTree {
    /// One object in JSON: a primitive object has `value` (and `text` when it is printable), a
    /// constructed one has `objects`.
    struct Node: Encodable {
        let tag: String
        let name: String?
        let tagClass: String
        let constructed: Bool
        let offset: Int
        let bytes: Int
        let value: String?
        let text: String?
        let objects: [Node]?
        let paddingBytes: Int?

        /// The JSON form of `object`, whose tag is read inside `parent`.
        init(_ object: BERTLVObject, inside parent: BERTag?) {
            tag = object.tag.hex
            name = object.name(inside: parent)
            tagClass = object.tag.tagClass.rawValue
            constructed = object.tag.isConstructed
            offset = object.offset
            bytes = object.value.count
            value = constructed ? nil : Hex.string(object.value, separator: "")
            text = constructed ? nil : object.printableText
            objects = constructed ? object.children.map { Node($0, inside: object.tag) } : nil
            paddingBytes = object.paddingCount > 0 ? object.paddingCount : nil
        }
    }

    /// The JSON nodes of decoded data.
    static func nodes(_ decoded: BERTLV.Decoded) -> [Node] {
        decoded.objects.map { Node($0, inside: nil) }
    }

    /// The text lines of decoded data, each after `indent`.
    static func lines(_ decoded: BERTLV.Decoded, indent: String = "") -> [String] {
        var lines: [String] = []
        for object in decoded.objects { append(object, inside: nil, indent: indent, to: &lines) }
        if decoded.paddingCount > 0 { lines.append(indent + padding(decoded.paddingCount)) }
        return lines
    }

    /// `84  DF name (14 bytes): 31 50 …  "1PAY.SYS.DDF01"` for a primitive object, the head line
    /// and its children two blanks further in for a constructed one.
    static func append(_ object: BERTLVObject, inside parent: BERTag?, indent: String, to lines: inout [String]) {
        let name = object.name(inside: parent) ?? "\(object.tag.tagClass.rawValue) tag"
        let size = object.value.count == 1 ? "1 byte" : "\(object.value.count) bytes"
        var line = "\(indent)\(object.tag.hex)  \(name) (\(size))"
        if object.tag.isConstructed {
            lines.append(line)
            for child in object.children { append(child, inside: object.tag, indent: indent + "  ", to: &lines) }
            if object.paddingCount > 0 { lines.append(indent + "  " + padding(object.paddingCount)) }
            return
        }
        if !object.value.isEmpty { line += ": \(Hex.string(object.value))" }
        if let text = object.printableText { line += "  \"\(text)\"" }
        lines.append(line)
    }

    /// `(2 padding bytes)`.
    static func padding(_ count: Int) -> String {
        count == 1 ? "(1 padding byte)" : "(\(count) padding bytes)"
    }
}
