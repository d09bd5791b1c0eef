import APDUScript
import PCSC

/// Prints what a line typed in the shell did: exchanges as `send` prints them, with the status
/// word's meaning, a failed expectation below its exchange, and the other lines as `script` shows them.
enum ShellPrinter {
    /// Prints one event.
    static func print(_ event: ScriptEvent, showWire: Bool) {
        switch event {
        case .exchange(_, let exchange, let expectation, let met, let mismatch):
            var lines = ExchangePrinter.lines(exchange, showWire: showWire)
            if met == false, let expectation {
                lines.append("! expected \(expectation), got \(exchange.response)" + (mismatch.map { " (\($0))" } ?? ""))
            }
            StandardOutput.write(lines.map { $0 + "\n" }.joined())
        case .reset(_, let active, let atr):
            StandardOutput.write("> reset\n< card reset, \(active)" + (atr.isEmpty ? "" : ", ATR \(Hex.string(atr))") + "\n")
        case .echo(_, let text):
            StandardOutput.write(text + "\n")
        case .testSection(_, let name):
            StandardOutput.write("# test: \(name)\n")
        case .beginTransaction:
            StandardOutput.write("> transaction begin\n")
        case .endTransaction:
            StandardOutput.write("> transaction end\n")
        case .delay, .exit:
            break
        }
        StandardOutput.flush()
    }
}
