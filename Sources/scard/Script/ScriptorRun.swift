import PCSC

/// `scard script --scriptor FILE`: runs a script the way pcsc-tools' `scriptor` does and prints
/// exactly what it prints on standard output: the protocol line, each line of the file as read, each
/// APDU as written, each answer with Chipcard::PCSC's meaning of its status word, and after a reset
/// `< OK: ` with the new ATR. APDUs go to the card as written (one wire exchange, no GET RESPONSE
/// or resend), as scriptor sends them. scriptor's own errors become scard's one-line errors.
struct ScriptorRun {
    /// The parsed script.
    let script: ScriptorScript
    /// The script's name as given, for messages.
    let name: String

    /// Runs the script on the card in `reader`.
    func perform(session: Session, context: Context, reader: String) throws {
        let card = try session.connect(context, reader: reader)
        defer { _ = try? card.disconnect(.leave) }
        let active: Protocols
        do {
            active = try card.activeProtocol()
        } catch {
            throw CLIError.pcsc(error, while: "cannot read the protocol of '\(reader)'")
        }
        StandardOutput.write(ScriptorPrinter.protocolLine(active) + "\n")
        for step in script.steps {
            if RunGuard.shared.stopRequested {
                throw CLIError(message: "interrupted", status: .interrupted)
            }
            switch step {
            case .echo(let text):
                StandardOutput.write(text)
            case .reset:
                StandardOutput.write("> RESET\n")
                do {
                    try card.reconnect(initialization: .reset)
                    StandardOutput.write(ScriptorPrinter.resetLine(try card.status().atr) + "\n")
                } catch {
                    StandardOutput.write("< KO: \(error.description)\n")
                }
            case .apdu(let line, let text, let bytes):
                StandardOutput.write("> \(text)\n")
                let response: [UInt8]
                do {
                    response = try card.transmit(bytes)
                } catch {
                    let diagnosis = FailureDiagnosis.of(error, context: context, reader: reader)
                    throw CLIError(message: "\(name):\(line): \(diagnosis.explanation)", status: diagnosis.status)
                }
                StandardOutput.write(ScriptorPrinter.responseLine(response) + "\n")
            }
        }
    }
}
