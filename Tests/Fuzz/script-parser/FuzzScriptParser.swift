import APDUScriptSyntax

/// One fuzz input: the input as an APDU script, with and without the APDU structure check.
/// A script either parses or reports diagnostics that each name a line and column inside the text;
/// parsing never traps.
func fuzzScriptParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let text = String(decoding: input, as: UTF8.self)
    let lineCount = 1 + text.unicodeScalars.filter { Character($0).isNewline }.count
    for checking in [true, false] {
        do {
            let script = try APDUScript(parsing: text, checkingAPDUStructure: checking)
            _ = script.testSections
            for line in script.lines {
                precondition(line.number >= 1 && line.number <= lineCount, "line number \(line.number) outside the script")
            }
        } catch {
            precondition(!error.diagnostics.isEmpty, "a syntax error without a diagnostic")
            for diagnostic in error.diagnostics {
                precondition(diagnostic.line >= 1 && diagnostic.line <= lineCount, "diagnostic line \(diagnostic.line) outside the script")
                precondition(diagnostic.column >= 1, "diagnostic column \(diagnostic.column) before the line")
            }
            _ = error.description
        }
    }
    return 0
}
