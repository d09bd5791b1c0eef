import ContextCore

/// A simulated thread of a ``CryptSimulator``'s process: every API call is made on one, and each
/// thread has its own last error, as `GetLastError` is per thread on Windows.
///
/// The calls keep the C functions' parameters in order; out-pointers are ``OutParameter`` boxes,
/// and `nil` stands for a NULL pointer. Each returns the BOOL result and, when it is false, sets
/// the thread's last error; a success leaves the last error as it was.
public struct CryptThread: Sendable {
    /// The thread's name (`T1`).
    public let name: String
    /// The process the thread belongs to.
    public let simulator: CryptSimulator

    /// The thread's last error. The corresponding Windows function is `GetLastError`.
    public var lastError: CryptError {
        simulator.lastError(of: name)
    }

    /// Sets the thread's last error. The corresponding Windows function is `SetLastError`.
    public func setLastError(_ error: CryptError) {
        simulator.setLastError(error, of: name)
    }

    /// Sets the last error and returns FALSE, as a failing call does.
    func fail(_ error: CryptError) -> Bool {
        setLastError(error)
        return false
    }

    /// The live context behind a raw handle, or nil (NULL, unknown, released, or another kind).
    func context(_ raw: HCRYPTPROV?) -> (handle: Handle, context: ProviderContext)? {
        guard let handle = raw?.handle,
            let info = try? simulator.table.validate(handle, expecting: CryptSimulator.contextKind),
            let context = info.payload as? ProviderContext
        else { return nil }
        return (handle, context)
    }

    /// The live key behind a raw handle (a session key or a key pair), with its context, or nil.
    func key(_ raw: HCRYPTKEY?) -> (handle: Handle, owner: Handle?, payload: (any Sendable)?)? {
        guard let handle = raw?.handle,
            let info = try? simulator.table.validate(handle, expecting: CryptSimulator.keyKind)
        else { return nil }
        return (handle, info.owner, info.payload)
    }

    /// The live hash object behind a raw handle, with its context, or nil.
    func hashObject(_ raw: HCRYPTHASH?) -> (handle: Handle, owner: Handle?, hash: HashObject)? {
        guard let handle = raw?.handle,
            let info = try? simulator.table.validate(handle, expecting: CryptSimulator.hashKind),
            let hash = info.payload as? HashObject
        else { return nil }
        return (handle, info.owner, hash)
    }

    /// Runs `body` marked as inside a call on `context`.
    func inside(_ context: Handle?, _ body: () -> Bool) -> Bool {
        simulator.inside(context, thread: name, body)
    }
}
