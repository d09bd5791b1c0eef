import FoundationEssentials
import Synchronization

/// The JSON document of a directory store, and the checks a document read from disk must pass
/// before anything in it is used.
struct ContainerFile: Codable {
    static let formatName = "scard-crypt-containers"
    static let currentVersion = 1

    var format = ContainerFile.formatName
    var version = ContainerFile.currentVersion
    var containers: [ContainerRecord]

    /// The pairs (size and private key) this process has already found sound, so a store read
    /// again and again decodes each RSA key once.
    private static let soundPairs = Mutex<Set<String>>([])

    /// The advice that ends every message about a damaged store.
    static let advice = "move it away to start with an empty store"

    /// The document's bytes, as the store writes them.
    static func encode(_ records: [ContainerRecord]) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return [UInt8](try encoder.encode(ContainerFile(containers: records)))
    }

    /// The containers of a document read from `path`, checked whole; anything wrong is a
    /// ``ContainerStoreError`` saying what and where.
    static func decode(_ bytes: [UInt8], path: String) throws(ContainerStoreError) -> [ContainerRecord] {
        let file: ContainerFile
        do {
            file = try JSONDecoder().decode(ContainerFile.self, from: Data(bytes))
        } catch {
            throw ContainerStoreError(path: path, problem: damage(error))
        }
        guard file.format == formatName else {
            throw ContainerStoreError(path: path, problem: "is not a scard container store")
        }
        guard file.version == currentVersion else {
            throw ContainerStoreError(path: path, problem: "has unsupported version \(file.version)")
        }
        if let problem = problem(in: file.containers) {
            throw ContainerStoreError(path: path, problem: "is damaged: \(problem); \(advice)")
        }
        return file.containers
    }

    /// What is wrong with a list of containers, or nil: an unknown provider, a container twice,
    /// two pairs of one kind, or a key pair that is not what it says it is.
    static func problem(in records: [ContainerRecord]) -> String? {
        var seen = Set<ContainerID>()
        for record in records {
            guard CryptProvider.named(record.id.provider) != nil else {
                return "container \(record.id) names an unknown provider"
            }
            guard seen.insert(record.id).inserted else { return "it holds container \(record.id) twice" }
            var kinds = Set<KeySpec>()
            for pair in record.keyPairs {
                guard kinds.insert(pair.spec).inserted else {
                    return "container \(record.id) holds two \(pair.spec.cName) pairs"
                }
                if let problem = check(pair) { return "the \(pair.spec.cName) pair of container \(record.id) \(problem)" }
            }
        }
        return nil
    }

    /// What is wrong with a pair, or nil; a pair found sound once is not decoded again.
    private static func check(_ pair: StoredKeyPair) -> String? {
        let key = "\(pair.bits):\(pair.privateKey)"
        if soundPairs.withLock({ $0.contains(key) }) { return nil }
        if let problem = pair.problem() { return problem }
        soundPairs.withLock { _ = $0.insert(key) }
        return nil
    }

    /// The problem phrase for a document that did not decode: where, and what was expected.
    private static func damage(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "is damaged and cannot be parsed; \(advice)" }
        let context: DecodingError.Context
        let what: String
        switch error {
        case .typeMismatch(let type, let found):
            context = found
            what = "expected \(name(of: type))"
        case .valueNotFound(let type, let found):
            context = found
            what = "expected \(name(of: type)), found null"
        case .keyNotFound(let key, let found):
            context = found
            what = "missing \"\(key.stringValue)\""
        case .dataCorrupted(let found):
            context = found
            what = found.debugDescription
        @unknown default:
            return "is damaged and cannot be parsed; \(advice)"
        }
        guard !context.codingPath.isEmpty || !(what.contains("JSON") || what.contains("json")) else {
            return "is damaged and cannot be parsed; \(advice)"
        }
        let place = context.codingPath.map { key in
            key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
        }.joined()
        let at = place.hasPrefix(".") ? String(place.dropFirst()) : place
        return "is damaged\(at.isEmpty ? "" : " at \(at)"): \(what); \(advice)"
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int32.Type, is UInt32.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: "\(type)".contains("Array") ? "a list" : "an object"
        }
    }
}
