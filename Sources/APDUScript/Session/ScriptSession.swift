import FoundationEssentials
import PCSC

/// Runs a parsed script on the card in one reader, without the command line: connects, runs the
/// script with its options, hands each event out as it happens, keeps a transcript and the test
/// cases when asked, and closes what it opened.
///
/// ```swift
/// let script = try APDUScript(parsing: "00 A4 00 0C 02 3F 00 => 90 00")
/// let session = ScriptSession(manager: ResourceManager(), reader: "Virtual PCD 00 00")
/// let result = session.run(script, name: "select.apdu") { event in print(event.line) }
/// ```
///
/// The session makes no process-wide decisions: a stop is asked for through
/// ``ScriptRunOptions/stopRequested``, and a call that hangs is the caller's to bound (a deadline
/// through the manager's ``PendingCalls``).
public struct ScriptSession: Sendable {
    /// Where the run's context comes from.
    enum ContextSource: Sendable {
        case shared(Context)
        case own(ResourceManager)
    }

    let source: ContextSource
    /// The reader holding the card.
    public let reader: String
    /// What the run does and keeps.
    public let options: ScriptSessionOptions

    /// A session in `context`, which the caller keeps open: the run's card is disconnected when it ends.
    public init(context: Context, reader: String, options: ScriptSessionOptions = ScriptSessionOptions()) {
        source = .shared(context)
        self.reader = reader
        self.options = options
    }

    /// A session with a context of its own in `manager`, released (with the card) when the run ends.
    public init(manager: ResourceManager, reader: String, options: ScriptSessionOptions = ScriptSessionOptions()) {
        source = .own(manager)
        self.reader = reader
        self.options = options
    }

    /// Connects to the card, runs `script` (named `name` in the transcript and test cases), calling
    /// `onEvent` after each line, and returns how it ended.
    public func run(_ script: APDUScript, name: String, onStart: () -> Void = {}, onEvent: (ScriptEvent) -> Void = { _ in })
        -> ScriptSessionResult
    {
        var tests = ScriptTestCollector(script: script, name: name, timestamp: Date())
        let firstLine = script.lines.first?.number ?? 1
        func notStarted(_ failure: ScriptSessionSetupFailure) -> ScriptSessionResult {
            ScriptSessionResult(reader: reader, setupFailure: failure, outcome: nil, cardStatus: nil, transcript: nil,
                                tests: tests, firstLine: firstLine)
        }
        let context: Context
        switch source {
        case .shared(let shared):
            context = shared
        case .own(let manager):
            do {
                context = try manager.establishContext()
            } catch {
                return notStarted(.establishContext(error))
            }
        }
        defer { if case .own = source { _ = try? context.release() } }
        let card: Card
        do {
            card = try context.connect(reader: reader, request: options.run.connection)
        } catch {
            return notStarted(.connect(error))
        }
        defer { if case .shared = source { _ = try? card.disconnect() } }
        let status = options.recordsTranscript || options.readsCardStatus ? try? card.status() : nil
        tests.connected(reader: reader, atr: status?.atr ?? [])
        var recorder = options.recordsTranscript
            ? TranscriptRecorder(script: name, reader: reader, atr: status?.atr ?? [], protocol: status?.activeProtocol,
                                 ignoring: options.ignoredData)
            : nil
        onStart()
        let outcome = ScriptRunner(card: card, options: options.run).run(script) { event in
            onEvent(event)
            recorder?.record(event)
            tests.record(event)
        }
        return ScriptSessionResult(reader: reader, setupFailure: nil, outcome: outcome, cardStatus: status,
                                   transcript: recorder?.transcript, tests: tests, firstLine: firstLine)
    }
}
