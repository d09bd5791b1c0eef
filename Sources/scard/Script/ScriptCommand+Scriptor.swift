import ArgumentParser

extension ScriptCommand {
    /// The options `--scriptor` cannot go with: it prints scriptor's output and nothing else.
    static let scriptorExclusions = "--json, --record, --compare, --report, --all-readers, --keep-going, --timing, --transaction, --tlv"

    /// Refuses what `--scriptor` cannot do: one script, scriptor's output only (a usage error, exit 2).
    func validateScriptor() throws(ValidationError) {
        guard scriptor else { return }
        if files.count != 1 { throw ValidationError("--scriptor runs one script, as scriptor does") }
        if output.json || record != nil || compare != nil || report != nil || allReaders || keepGoing || timing
            || transaction || tlv {
            throw ValidationError("--scriptor prints scriptor's output only: it goes with none of \(Self.scriptorExclusions)")
        }
    }

    /// Runs the script as scriptor would, printing what scriptor prints.
    func runScriptor() throws {
        let file = files[0]
        let text = try InputFile(file).readText(strict: false)
        let script: ScriptorScript
        do {
            script = try ScriptorScript(parsing: text, echo: true)
        } catch {
            throw CLIError.usage("\(InputFile.displayName(file)):\(error.line): \(error.message)")
        }
        let session = Session(trace: card.trace, timeout: deadline.timeout)
        defer { session.finish() }
        let context = try session.establish()
        defer { _ = try? context.release() }
        let reader = try session.chooseReader(card.reader, in: context)
        try ScriptorRun(script: script, name: InputFile.displayName(file)).perform(session: session, context: context, reader: reader)
    }
}
