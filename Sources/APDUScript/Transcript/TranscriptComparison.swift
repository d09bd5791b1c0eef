import PCSC

/// A difference between a golden transcript and a run.
public enum TranscriptDifference: Sendable, Equatable {
    /// The card's ATR differs.
    case atr(expected: String, actual: String)
    /// An exchange found in both, with the fields that differ.
    case changed(expected: TranscriptExchange, actual: TranscriptExchange, fields: [TranscriptFieldDifference])
    /// An exchange of the golden transcript that this run did not make.
    case missing(TranscriptExchange)
    /// An exchange this run made that the golden transcript does not have.
    case extra(TranscriptExchange)
}

/// One field of an exchange that differs: `command`, `response`, `wire`, `wire 2 response` ...
public struct TranscriptFieldDifference: Sendable, Equatable {
    /// The field's name.
    public let field: String
    /// The golden value.
    public let expected: String
    /// This run's value.
    public let actual: String

    /// Creates a field difference.
    public init(field: String, expected: String, actual: String) {
        self.field = field
        self.expected = expected
        self.actual = actual
    }
}

/// Compares runs with a golden transcript, ignoring durations, the reader's name and line numbers
/// (a script may move), honouring `..` and `*` in the golden `atr` and `response` fields and the
/// commands whose data is ignored. Fields missing from the golden file (`wire`) are not compared.
public struct TranscriptComparison: Sendable {
    /// The golden transcript.
    public let golden: Transcript
    /// Commands whose response data counts only by its length.
    public let ignoring: IgnoredData
    private let atrPattern: ResponsePattern?
    private let patterns: [ExchangePatterns]

    /// The parsed patterns of one golden exchange.
    private struct ExchangePatterns: Sendable {
        let command: [UInt8]
        let response: ResponsePattern
        let wire: [(command: [UInt8], response: ResponsePattern)]?
    }

    /// Prepares a comparison; a golden field that is not hex with `..` and `*` is an error naming
    /// the exchange and the field.
    public init(golden: Transcript, ignoring: IgnoredData = IgnoredData()) throws(TranscriptError) {
        self.golden = golden
        self.ignoring = ignoring
        atrPattern = golden.atr.isEmpty ? nil : try Self.pattern(golden.atr, where: "the ATR")
        var patterns: [ExchangePatterns] = []
        for (index, exchange) in golden.exchanges.enumerated() {
            let place = "exchange \(index + 1) (line \(exchange.line))"
            let command = try Self.bytes(exchange.command, where: "\(place): command")
            let masked = ignoring.applies(to: command)
            var response = try Self.pattern(exchange.response, where: "\(place): response")
            if masked { response = Self.masked(response) }
            var wire: [(command: [UInt8], response: ResponsePattern)]?
            if let goldenWire = exchange.wire {
                var parsed: [(command: [UInt8], response: ResponsePattern)] = []
                for (wireIndex, item) in goldenWire.enumerated() {
                    let wireCommand = try Self.bytes(item.command, where: "\(place): wire \(wireIndex + 1) command")
                    var wireResponse = try Self.pattern(item.response, where: "\(place): wire \(wireIndex + 1) response")
                    if masked { wireResponse = Self.masked(wireResponse) }
                    parsed.append((wireCommand, wireResponse))
                }
                wire = parsed
            }
            patterns.append(ExchangePatterns(command: command, response: response, wire: wire))
        }
        self.patterns = patterns
    }

    /// Every difference between the golden transcript and `actual`, in the order of the run.
    public func differences(from actual: Transcript) -> [TranscriptDifference] {
        var differences: [TranscriptDifference] = []
        if let atrPattern, !Self.matches(atrPattern, actual.atr) {
            differences.append(.atr(expected: golden.atr, actual: actual.atr))
        }
        let goldenKeys = patterns.map { Hex.string($0.command) }
        let actualKeys = actual.exchanges.map { Self.normalized($0.command) }
        for pair in TranscriptAlignment.align(goldenKeys, actualKeys) {
            switch (pair.golden, pair.actual) {
            case (let g?, let a?):
                let fields = fieldDifferences(patterns[g], golden.exchanges[g], actual.exchanges[a])
                if !fields.isEmpty {
                    differences.append(.changed(expected: golden.exchanges[g], actual: actual.exchanges[a], fields: fields))
                }
            case (let g?, nil):
                differences.append(.missing(golden.exchanges[g]))
            case (nil, let a?):
                differences.append(.extra(actual.exchanges[a]))
            case (nil, nil):
                break
            }
        }
        return differences
    }

    private func fieldDifferences(_ pattern: ExchangePatterns, _ expected: TranscriptExchange, _ actual: TranscriptExchange) -> [TranscriptFieldDifference] {
        var fields: [TranscriptFieldDifference] = []
        if Hex.string(pattern.command) != Self.normalized(actual.command) {
            fields.append(TranscriptFieldDifference(field: "command", expected: expected.command, actual: actual.command))
        }
        if !Self.matches(pattern.response, actual.response) {
            fields.append(TranscriptFieldDifference(field: "response", expected: expected.response, actual: actual.response))
        }
        guard let wirePatterns = pattern.wire, let expectedWire = expected.wire else { return fields }
        let actualWire = actual.wire ?? []
        // A single wire exchange is the logical exchange itself, already compared.
        if wirePatterns.count == 1 && actualWire.count == 1 { return fields }
        guard wirePatterns.count == actualWire.count else {
            fields.append(TranscriptFieldDifference(
                field: "wire", expected: "\(wirePatterns.count) exchange(s): " + Self.summary(expectedWire),
                actual: "\(actualWire.count) exchange(s): " + Self.summary(actualWire)))
            return fields
        }
        for (index, (wirePattern, actualItem)) in zip(wirePatterns, actualWire).enumerated() {
            if Hex.string(wirePattern.command) != Self.normalized(actualItem.command) {
                fields.append(TranscriptFieldDifference(
                    field: "wire \(index + 1) command", expected: expectedWire[index].command, actual: actualItem.command))
            }
            if !Self.matches(wirePattern.response, actualItem.response) {
                fields.append(TranscriptFieldDifference(
                    field: "wire \(index + 1) response", expected: expectedWire[index].response, actual: actualItem.response))
            }
        }
        return fields
    }

    /// `00 A4 .. -> 61 0F; 00 C0 00 00 0F -> ...`
    private static func summary(_ wire: [TranscriptWire]) -> String {
        wire.map { "\($0.command) -> \($0.response)" }.joined(separator: "; ")
    }

    /// Whether a value of a run fits a golden pattern; a value that is not plain hex fits only the
    /// same text.
    private static func matches(_ pattern: ResponsePattern, _ value: String) -> Bool {
        guard let bytes = try? Hex.bytes(value) else { return pattern.description == value.uppercased() }
        return pattern.matches(bytes)
    }

    /// Hex text in the canonical form `00 A4`, or the text upper-cased when it is not hex.
    private static func normalized(_ text: String) -> String {
        guard let bytes = try? Hex.bytes(text) else { return text.uppercased() }
        return Hex.string(bytes)
    }

    private static func bytes(_ text: String, where place: String) throws(TranscriptError) -> [UInt8] {
        do {
            return try Hex.bytes(text)
        } catch {
            throw TranscriptError(message: "\(place): '\(text)' is not hex: \(error)")
        }
    }

    private static func pattern(_ text: String, where place: String) throws(TranscriptError) -> ResponsePattern {
        do {
            return try ResponsePattern(parsing: text)
        } catch {
            throw TranscriptError(message: "\(place): '\(text)': \(error.message)")
        }
    }

    /// The pattern with every data element made `..` (a `*` stays): only length and status word count.
    private static func masked(_ pattern: ResponsePattern) -> ResponsePattern {
        guard pattern.scope == .response, pattern.elements.count > 2 else { return pattern }
        let data = pattern.elements.dropLast(2).map { $0 == .anyBytes ? $0 : .anyByte }
        return (try? ResponsePattern(scope: .response, elements: data + pattern.elements.suffix(2))) ?? pattern
    }
}
