/// What a ``ScriptSession`` does besides running the script: the run's own options, and what it
/// keeps of the run.
public struct ScriptSessionOptions: Sendable {
    /// Keep-going, T=0 handling (``TransmitOptions``), the transaction mode and the stop request.
    public var run: ScriptRunOptions
    /// Whether to keep a ``Transcript`` of the run (which reads the card's ATR and protocol).
    public var recordsTranscript: Bool
    /// Commands whose response data the transcript writes as `..`.
    public var ignoredData: IgnoredData
    /// Whether to read the card's ATR and protocol for the test cases even without a transcript.
    public var readsCardStatus: Bool

    /// Creates options; by default the run keeps no transcript and reads no card status.
    public init(
        run: ScriptRunOptions = ScriptRunOptions(), recordsTranscript: Bool = false, ignoredData: IgnoredData = IgnoredData(),
        readsCardStatus: Bool = false
    ) {
        self.run = run
        self.recordsTranscript = recordsTranscript
        self.ignoredData = ignoredData
        self.readsCardStatus = readsCardStatus
    }
}
