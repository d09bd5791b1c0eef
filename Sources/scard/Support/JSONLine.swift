import FoundationEssentials

/// Writes values as single-line JSON objects with sorted keys.
enum JSONLine {
    /// The JSON text of `value` on one line.
    static func string(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Prints `value` as one JSON line on standard output.
    static func print(_ value: some Encodable) {
        StandardOutput.write(string(value) + "\n")
    }
}
