import ISO7816

/// What a response must look like, as written after `=>` on an APDU line.
///
/// - `=> 90 00`: the whole response is exactly `90 00` (no data).
/// - `=> 6F .. 84 * 90 00`: byte by byte; `..` matches any one byte, `*` any number of bytes
///   (at most one `*`); the last two elements are the status word and may not be `*`.
/// - `=> SW 61 ..`: only the status word is checked, whatever data comes before it.
public struct ResponsePattern: Sendable, Equatable, CustomStringConvertible {
    /// One element of a pattern.
    public enum Element: Sendable, Equatable, CustomStringConvertible {
        /// Exactly this byte.
        case byte(UInt8)
        /// Any one byte (`..`).
        case anyByte
        /// Any number of bytes, zero included (`*`).
        case anyBytes

        /// `9F`, `..` or `*`.
        public var description: String {
            switch self {
            case .byte(let value): return Hex.string([value])
            case .anyByte: return ".."
            case .anyBytes: return "*"
            }
        }
    }

    /// What part of the response a pattern describes.
    public enum Scope: Sendable, Equatable {
        /// The whole response: data and status word.
        case response
        /// The status word alone (`SW`): the data is not checked.
        case statusWord
    }

    /// The part of the response described.
    public let scope: Scope
    /// The elements, in order.
    public let elements: [Element]

    /// Creates a pattern, checking the rules: a status-word pattern has exactly two elements and no
    /// `*`; a response pattern has at most one `*` and ends with two elements that are not `*`.
    public init(scope: Scope, elements: [Element]) throws(ResponsePatternError) {
        if let problem = Self.problem(scope: scope, elements: elements) {
            throw ResponsePatternError(message: problem.message)
        }
        self.scope = scope
        self.elements = elements
    }

    /// Creates a pattern already checked by `problem(scope:elements:)`.
    init(checkedScope scope: Scope, elements: [Element]) {
        self.scope = scope
        self.elements = elements
    }

    /// The first rule the elements break: the 0-based index of the element at fault (the count when
    /// something is missing) and the message; nil when the pattern is well formed.
    static func problem(scope: Scope, elements: [Element]) -> (index: Int, message: String)? {
        let stars = elements.indices.filter { elements[$0] == .anyBytes }
        switch scope {
        case .statusWord:
            if let star = stars.first { return (star, "'*' cannot be used in a status word") }
            guard elements.count == 2 else {
                return (min(elements.count, 2), "a status word is 2 bytes (SW1 SW2), found \(elements.count)")
            }
        case .response:
            if stars.count > 1 { return (stars[1], "only one '*' is allowed in a response pattern") }
            let message = "a response pattern ends with the 2 status word bytes (.. for any byte), e.g. => 90 00"
            if let star = stars.first, star >= elements.count - 2 { return (star, message) }
            if elements.count < 2 { return (elements.count, message) }
        }
        return nil
    }

    /// Parses the text after `=>`: `90 00`, `6F..*9000`, `SW 61 ..` (spaces optional, any case).
    public init(parsing text: String) throws(ResponsePatternError) {
        let characters = Array(text)
        let tokens = ScriptTokens.split(characters[...], firstColumn: 1)
        switch ResponsePattern.parse(tokens, endColumn: characters.count + 1) {
        case .success(let pattern): self = pattern
        case .failure(let failure): throw ResponsePatternError(message: "column \(failure.column): \(failure.message)")
        }
    }

    /// True when the response (data followed by SW1 SW2) fits the pattern.
    public func matches(_ response: [UInt8]) -> Bool {
        mismatch(in: response) == nil
    }

    /// Why the response does not fit, in one sentence, or nil when it fits.
    public func mismatch(in response: [UInt8]) -> String? {
        switch scope {
        case .statusWord:
            guard response.count >= 2 else { return "the response has \(response.count) byte(s), no status word" }
            return Self.compare(elements, Array(response.suffix(2)), firstPosition: response.count - 2, what: "status word")
        case .response:
            guard let star = elements.firstIndex(of: .anyBytes) else {
                guard response.count == elements.count else {
                    return "the response has \(response.count) byte(s), the pattern \(elements.count)"
                }
                return Self.compare(elements, response, firstPosition: 0, what: "response")
            }
            let head = Array(elements[..<star])
            let tail = Array(elements[(star + 1)...])
            guard response.count >= head.count + tail.count else {
                return "the response has \(response.count) byte(s), the pattern needs at least \(head.count + tail.count)"
            }
            if let problem = Self.compare(head, Array(response.prefix(head.count)), firstPosition: 0, what: "response") {
                return problem
            }
            let start = response.count - tail.count
            return Self.compare(tail, Array(response.suffix(tail.count)), firstPosition: start, what: "response")
        }
    }

    /// `90 00`, `6F .. * 90 00` or `SW 61 ..`.
    public var description: String {
        let body = elements.map(\.description).joined(separator: " ")
        return scope == .statusWord ? "SW \(body)" : body
    }

    /// The first element that differs, as a sentence; positions count from 1.
    private static func compare(_ pattern: [Element], _ bytes: [UInt8], firstPosition: Int, what: String) -> String? {
        for (index, element) in pattern.enumerated() where index < bytes.count {
            if case .byte(let expected) = element, bytes[index] != expected {
                return "byte \(firstPosition + index + 1) of the \(what) is \(Hex.string([bytes[index]])), "
                    + "expected \(Hex.string([expected]))"
            }
        }
        return nil
    }
}

/// Why a response pattern is malformed.
public struct ResponsePatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
