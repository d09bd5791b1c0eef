import CryptoAPISim

/// A small model of what the CryptoAPI calls must do to reference counts and lifetimes, written
/// independently of the simulator: the model-based test compares the two after every call.
struct ReferenceModel {
    /// What a call should return: TRUE, or FALSE with a last error.
    enum Expected: Equatable, CustomStringConvertible {
        case success
        case failure(CryptError)

        var description: String {
            switch self {
            case .success: "TRUE"
            case .failure(let error): "FALSE \(error)"
            }
        }
    }

    struct Context {
        var count: Int
        var children: [UInt64] = []
    }

    var contexts: [UInt64: Context] = [:]
    var keys: [UInt64: UInt64] = [:]
    var hashes: [UInt64: (owner: UInt64, finished: Bool)] = [:]
    var containers: Set<String> = []

    /// The number of live objects (contexts, keys, hashes).
    var live: Int { contexts.count + keys.count + hashes.count }

    /// A context was made (acquire succeeded) with this handle.
    mutating func acquired(_ handle: UInt64) {
        contexts[handle] = Context(count: 1)
    }

    /// `CryptAcquireContext` on container `name` with `flags` (0, NEWKEYSET or DELETEKEYSET).
    mutating func acquire(container name: String, flags: DWORD) -> Expected {
        let exists = containers.contains(name)
        if flags == CRYPT_NEWKEYSET {
            guard !exists else { return .failure(.exists) }
            containers.insert(name)
            return .success
        }
        guard exists else { return .failure(.badKeyset) }
        if flags == CRYPT_DELETEKEYSET { containers.remove(name) }
        return .success
    }

    func addRef(_ handle: UInt64) -> Expected {
        contexts[handle] == nil ? .failure(.invalidParameter) : .success
    }

    mutating func appliedAddRef(_ handle: UInt64) {
        contexts[handle]?.count += 1
    }

    /// `CryptReleaseContext`: the count drops (and the context goes at zero) also with flags.
    mutating func release(_ handle: UInt64, flags: DWORD) -> Expected {
        guard var context = contexts[handle] else { return .failure(.invalidParameter) }
        context.count -= 1
        if context.count == 0 {
            for child in context.children {
                keys[child] = nil
                hashes[child] = nil
            }
            contexts[handle] = nil
        } else {
            contexts[handle] = context
        }
        return flags == 0 ? .success : .failure(.badFlags)
    }

    func makeChild(of handle: UInt64) -> Expected {
        contexts[handle] == nil ? .failure(.invalidParameter) : .success
    }

    mutating func madeKey(_ key: UInt64, of handle: UInt64) {
        keys[key] = handle
        contexts[handle]?.children.append(key)
    }

    mutating func madeHash(_ hash: UInt64, of handle: UInt64) {
        hashes[hash] = (handle, false)
        contexts[handle]?.children.append(hash)
    }

    func hashData(_ hash: UInt64) -> Expected {
        guard let state = hashes[hash] else { return .failure(.invalidParameter) }
        return state.finished ? .failure(.badHashState) : .success
    }

    func hashSessionKey(_ hash: UInt64, _ key: UInt64) -> Expected {
        guard let state = hashes[hash], keys[key] != nil else { return .failure(.invalidParameter) }
        return state.finished ? .failure(.badHashState) : .success
    }

    mutating func readValue(_ hash: UInt64) -> Expected {
        guard hashes[hash] != nil else { return .failure(.invalidParameter) }
        hashes[hash]?.finished = true
        return .success
    }

    mutating func destroyKey(_ key: UInt64) -> Expected {
        guard let owner = keys.removeValue(forKey: key) else { return .failure(.invalidParameter) }
        contexts[owner]?.children.removeAll { $0 == key }
        return .success
    }

    mutating func destroyHash(_ hash: UInt64) -> Expected {
        guard let state = hashes.removeValue(forKey: hash) else { return .failure(.invalidParameter) }
        contexts[state.owner]?.children.removeAll { $0 == hash }
        return .success
    }
}
