import ContextCore
import FoundationEssentials
import Synchronization

/// One simulated process using the CryptoAPI: the providers, a key container store, the handle
/// table of contexts, keys and hashes, and the last error of each simulated thread.
///
/// Contexts are resources of kind `context`; keys (`key`) and hashes (`hash`) are their children
/// in the table, so releasing a context's last reference destroys them too, newest first. Calls
/// are made through a ``CryptThread``, which carries the caller's thread identity.
public final class CryptSimulator: Sendable {
    /// The kind of context resources in the table.
    public static let contextKind: ResourceKind = "context"
    /// The kind of key resources in the table.
    public static let keyKind: ResourceKind = "key"
    /// The kind of hash resources in the table.
    public static let hashKind: ResourceKind = "hash"

    /// The table of contexts, keys and hashes, with its ledger.
    public let table: HandleTable
    /// Where key containers are kept.
    public let store: ContainerStore
    /// The name of the default container (a NULL or empty container name): the user's name.
    public let userName: String
    /// The number of bytes `CryptHashData` processes per step; a pause point lies between steps.
    public let chunkSize: Int
    private let state: Mutex<SimulatorState>

    private struct SimulatorState {
        var profile: CryptProfile
        var lastErrors: [String: CryptError] = [:]
        var inFlight: [Handle: [String: Int]] = [:]
        var pauses: [String: CallPause] = [:]
        var diagnostics: [String: [String]] = [:]
    }

    /// Creates a simulated process.
    ///
    /// - Parameters:
    ///   - store: where containers are kept (memory for tests).
    ///   - profile: the error profile to start in.
    ///   - userName: the default container's name; the login name when nil.
    ///   - chunkSize: bytes per step of `CryptHashData` (at least 1).
    ///   - ledgerCapacity: how many ledger events the table keeps (nil: all).
    public init(
        store: ContainerStore, profile: CryptProfile = .windows, userName: String? = nil,
        chunkSize: Int = 64 * 1024, ledgerCapacity: Int? = nil
    ) {
        self.table = HandleTable(name: "crypt", ledgerCapacity: ledgerCapacity)
        self.store = store
        self.userName = userName ?? Self.loginName()
        self.chunkSize = max(1, chunkSize)
        self.state = Mutex(SimulatorState(profile: profile))
    }

    /// Creates a simulated process with an in-memory container store.
    public convenience init(profile: CryptProfile = .windows, userName: String? = nil, ledgerCapacity: Int? = nil) {
        self.init(store: ContainerStore(), profile: profile, userName: userName, ledgerCapacity: ledgerCapacity)
    }

    /// The error profile in force.
    public var profile: CryptProfile {
        get { state.withLock { $0.profile } }
        set { state.withLock { $0.profile = newValue } }
    }

    /// A simulated thread of this process, by name (`T1`, `T2` ...).
    public func thread(_ name: String) -> CryptThread {
        CryptThread(name: name, simulator: self)
    }

    /// The first simulated thread, `T1`.
    public var main: CryptThread { thread("T1") }

    /// The last error of a simulated thread (`GetLastError`); `ERROR_SUCCESS` before any failure.
    public func lastError(of thread: String) -> CryptError {
        state.withLock { $0.lastErrors[thread] ?? .success }
    }

    /// Sets the last error of a simulated thread (`SetLastError`).
    public func setLastError(_ error: CryptError, of thread: String) {
        state.withLock { $0.lastErrors[thread] = error }
    }

    /// Arms a pause: the thread's next `CryptHashData` stops inside after `chunks` chunks.
    package func armPause(on thread: String, afterChunks chunks: Int) -> CallPause {
        let pause = CallPause(afterChunks: chunks)
        state.withLock { $0.pauses[thread] = pause }
        return pause
    }

    /// Removes a pause that no call took.
    public func disarmPause(on thread: String) {
        _ = state.withLock { $0.pauses.removeValue(forKey: thread) }
    }

    /// Takes the pause armed for a thread, if any (a call takes it once).
    func takePause(for thread: String) -> CallPause? {
        state.withLock { $0.pauses.removeValue(forKey: thread) }
    }

    /// Whether a thread other than `thread` is inside a call on the context.
    public func isBusy(_ context: Handle, except thread: String) -> Bool {
        state.withLock { state in
            (state.inFlight[context] ?? [:]).contains { $0.key != thread && $0.value > 0 }
        }
    }

    /// Marks a thread as inside a call on a context for the duration of `body`.
    func inside<T>(_ context: Handle?, thread: String, _ body: () -> T) -> T {
        guard let context else { return body() }
        state.withLock { $0.inFlight[context, default: [:]][thread, default: 0] += 1 }
        defer {
            state.withLock { state in
                state.inFlight[context]?[thread, default: 1] -= 1
                if state.inFlight[context]?[thread] == 0 { state.inFlight[context]?[thread] = nil }
                if state.inFlight[context]?.isEmpty == true { state.inFlight[context] = nil }
            }
        }
        return body()
    }

    /// Records a diagnostic for a thread's current call (a store failure behind `NTE_FAIL`).
    func note(_ text: String, thread: String) {
        state.withLock { $0.diagnostics[thread, default: []].append(text) }
    }

    /// Takes the diagnostics recorded for a thread since the last time.
    public func takeDiagnostics(of thread: String) -> [String] {
        state.withLock { $0.diagnostics.removeValue(forKey: thread) ?? [] }
    }

    private static func loginName() -> String {
        let environment = ProcessInfo.processInfo.environment
        for key in ["USER", "LOGNAME"] {
            if let name = environment[key], !name.isEmpty { return name }
        }
        let name = ProcessInfo.processInfo.userName
        return name.isEmpty ? "default" : name
    }
}
