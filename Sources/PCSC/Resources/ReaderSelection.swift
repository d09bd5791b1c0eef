/// Why a reader could not be chosen from the user's words.
public enum ReaderSelectionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No readers are connected.
    case noReaders
    /// The name given is empty (or only blanks): it names no reader.
    case emptyName
    /// Nothing matches; carries the readers there are.
    case unknown(String, readers: [String])
    /// Several readers match; carries them.
    case ambiguous(String, matches: [String])

    /// A one-line explanation listing the readers to choose from.
    public var description: String {
        switch self {
        case .noReaders:
            return "no readers are connected"
        case .emptyName:
            return "the reader name is empty: give an index, an exact name, or a unique part of a name"
        case .unknown(let spec, let readers):
            return "no reader matches '\(spec)'; readers: " + Self.list(readers)
        case .ambiguous(let spec, let matches):
            return "'\(spec)' matches several readers: " + Self.list(matches)
        }
    }

    static func list(_ names: [String]) -> String {
        names.enumerated().map { "\($0.offset): \($0.element)" }.joined(separator: "; ")
    }
}

/// Chooses a reader by index, exact name, or a unique case-insensitive part of its name.
public enum ReaderSelection {
    /// Checks that `spec`, when given, can name a reader at all: an empty or blank name is an error,
    /// not a choice of the default reader.
    public static func validate(_ spec: String?) throws(ReaderSelectionError) {
        if let spec, spec.allSatisfy(\.isWhitespace) { throw .emptyName }
    }

    /// The reader `spec` names among `readers`; nil `spec` means the first reader.
    public static func choose(_ spec: String?, from readers: [String]) throws(ReaderSelectionError) -> String {
        try choose(spec, from: readers, holdingCard: [])
    }

    /// The reader `spec` names among `readers`; nil `spec` means the default reader: the first of
    /// `readers` that is in `holdingCard` (the readers holding a card), else the first reader.
    public static func choose(
        _ spec: String?, from readers: [String], holdingCard: [String]
    ) throws(ReaderSelectionError) -> String {
        try validate(spec)
        guard let first = readers.first else { throw .noReaders }
        guard let spec else { return defaultReader(among: readers, holdingCard: holdingCard) ?? first }
        if let index = Int(spec), spec.allSatisfy(\.isNumber) {
            guard index < readers.count else { throw .unknown(spec, readers: readers) }
            return readers[index]
        }
        if readers.contains(spec) { return spec }
        let matches = readers.filter { $0.lowercased().contains(spec.lowercased()) }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw .unknown(spec, readers: readers)
        default: throw .ambiguous(spec, matches: matches)
        }
    }
}

extension ReaderSelection {
    /// The reader used when none is named: the first of `readers` holding a card (one of
    /// `holdingCard`), else the first reader; nil when there are no readers.
    public static func defaultReader(among readers: [String], holdingCard: [String]) -> String? {
        readers.first { holdingCard.contains($0) } ?? readers.first
    }
}

extension Context {
    /// The readers among `readers` that hold a card, in their order, as pcscd reports them now.
    /// The corresponding C function is `SCardGetStatusChange` (with a zero timeout).
    public func readersHoldingCard(_ readers: [String]) throws(PCSCError) -> [String] {
        guard !readers.isEmpty else { return [] }
        var states = readers.map { ReaderStatus(reader: $0) }
        try getStatusChange(&states, timeout: 0)
        return states.filter { $0.eventState.contains(.present) }.map(\.reader)
    }
}
