import FoundationEssentials
import PCSC

/// The full record of a script run: the reader, the card's ATR and every logical exchange with the
/// wire exchanges under it. Saved with `scard script --record` and compared with `--compare`.
///
/// Bytes are hex pairs separated by blanks (`90 00`). In a golden transcript the `atr`, `response`
/// and wire `response` fields may hold `..` (any one byte) and one `*` (any bytes, not among the
/// last two), as expected responses in scripts do.
public struct Transcript: Codable, Sendable, Equatable {
    /// The format tag every transcript carries.
    public static let formatTag = "scard-transcript/1"

    /// Always `formatTag`; a file with another tag is not read.
    public var format: String
    /// The script's name as given on the command line (`-` for standard input).
    public var script: String?
    /// The reader the script ran on.
    public var reader: String
    /// The card's answer to reset when the script started.
    public var atr: String
    /// The protocol in use (`T=0`, `T=1`).
    public var `protocol`: String?
    /// The logical exchanges, in order.
    public var exchanges: [TranscriptExchange]

    /// Creates a transcript.
    public init(script: String?, reader: String, atr: String, protocol: String?, exchanges: [TranscriptExchange] = []) {
        self.format = Self.formatTag
        self.script = script
        self.reader = reader
        self.atr = atr
        self.protocol = `protocol`
        self.exchanges = exchanges
    }

    /// The transcript as pretty-printed JSON with sorted keys, ending with a newline.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Reads a transcript from JSON, checking its format tag.
    public init(jsonData data: Data) throws(TranscriptError) {
        let decoded: Transcript
        do {
            decoded = try JSONDecoder().decode(Transcript.self, from: data)
        } catch let error as DecodingError {
            throw TranscriptError(message: "not a transcript: \(Self.describe(error))")
        } catch {
            throw TranscriptError(message: "not a transcript: \(error)")
        }
        guard decoded.format == Self.formatTag else {
            throw TranscriptError(message: "unknown transcript format '\(decoded.format)', expected '\(Self.formatTag)'")
        }
        self = decoded
    }

    /// A decoding error in one sentence naming the field.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "the top level" : String(keys.drop { $0 == "." })
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context)
            return "missing field '\(key.stringValue)'" + (context.codingPath.isEmpty ? "" : " in \(at)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "malformed JSON" : "bad value at \(path(context))"
        @unknown default:
            return "\(error)"
        }
    }
}

/// One logical exchange of a transcript.
public struct TranscriptExchange: Codable, Sendable, Equatable {
    /// The script line the APDU is on.
    public var line: Int
    /// The `# test:` section the line belongs to, if any.
    public var test: String?
    /// The command as the script gave it.
    public var command: String
    /// The response the script saw: data gathered over GET RESPONSEs, then the status word.
    public var response: String
    /// The status word (`90 00`).
    public var sw: String?
    /// The status word's meaning.
    public var meaning: String?
    /// The wire exchanges under the logical one (`61xx` and GET RESPONSE, `6Cxx` and the resend).
    public var wire: [TranscriptWire]?
    /// How long the logical exchange took, in seconds (never compared).
    public var seconds: Double?

    /// Creates an exchange record.
    public init(
        line: Int, test: String? = nil, command: String, response: String, sw: String? = nil,
        meaning: String? = nil, wire: [TranscriptWire]? = nil, seconds: Double? = nil
    ) {
        self.line = line
        self.test = test
        self.command = command
        self.response = response
        self.sw = sw
        self.meaning = meaning
        self.wire = wire
        self.seconds = seconds
    }
}

/// One wire exchange under a logical exchange.
public struct TranscriptWire: Codable, Sendable, Equatable {
    /// The bytes sent.
    public var command: String
    /// The bytes received.
    public var response: String
    /// How long it took, in seconds (never compared).
    public var seconds: Double?

    /// Creates a wire exchange record.
    public init(command: String, response: String, seconds: Double? = nil) {
        self.command = command
        self.response = response
        self.seconds = seconds
    }
}

/// Why a transcript could not be read or used.
public struct TranscriptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in one sentence.
    public let message: String

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
