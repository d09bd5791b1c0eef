import PCSC

/// Commands whose response data is random (GET CHALLENGE, a counter): for them a transcript keeps
/// `..` in place of each data byte, and a comparison checks only the data's length and the status
/// word. A command is named by its first bytes, `00 84` for GET CHALLENGE.
public struct IgnoredData: Sendable, Equatable {
    /// The command prefixes, each at least one byte.
    public let prefixes: [[UInt8]]

    /// Ignores the data of responses to commands starting with any of `prefixes`.
    public init(prefixes: [[UInt8]] = []) {
        self.prefixes = prefixes.filter { !$0.isEmpty }
    }

    /// Parses prefixes written in hex (`00 84`, `0084`, any case).
    public init(parsing texts: [String]) throws(TranscriptError) {
        var prefixes: [[UInt8]] = []
        for text in texts {
            let bytes: [UInt8]
            do {
                bytes = try Hex.bytes(text)
            } catch {
                throw TranscriptError(message: "'\(text)' is not a command prefix in hex (e.g. '00 84'): \(error)")
            }
            guard !bytes.isEmpty else {
                throw TranscriptError(message: "an empty command prefix ignores nothing: give the first bytes, e.g. '00 84'")
            }
            prefixes.append(bytes)
        }
        self.init(prefixes: prefixes)
    }

    /// Whether the data of the response to `command` is ignored.
    public func applies(to command: [UInt8]) -> Bool {
        prefixes.contains { prefix in command.count >= prefix.count && command.starts(with: prefix) }
    }

    /// A response with `..` for each data byte and its status word kept: `.. .. 90 00`.
    public static func masked(_ response: [UInt8]) -> String {
        guard response.count > 2 else { return Hex.string(response) }
        let dots = Array(repeating: "..", count: response.count - 2)
        return (dots + [Hex.string(response.suffix(2))]).joined(separator: " ")
    }
}
