import ArgumentParser
import PCSC

/// `scard list-readers`: one line per reader with its index, name, and whether it holds a card.
struct ListReadersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list-readers",
        abstract: "List the readers and whether each holds a card.",
        discussion: """
            Example:
              $ scard list-readers
              0: Virtual PCD 00 00  card   3B 95 13 81 01 80 73 FF 01 00 0B
              1: Virtual PCD 00 01  empty

            With --json, one line per reader (Docs/json.md):
              {"atr":"3B95...","card":true,"reader":{"index":0,"name":"..."},"type":"reader"}
            Exits 4 when no reader is connected, 6 when pcscd is not running, 7 when
            pcscd does not answer within the deadline (--timeout), 130 on Ctrl-C.
            """
    )

    @Flag(help: "Show every PC/SC call and the ledger on standard error.")
    var trace = false

    @OptionGroup var output: OutputOptions
    @OptionGroup var deadline: DeadlineOptions
    @OptionGroup var naming: CardNameOptions

    /// What was asked for, as one value.
    var options: ListReadersOptions {
        ListReadersOptions(trace: trace, json: output.json, timeout: deadline.timeout, atrList: naming.atrList)
    }

    func run() throws {
        try ListReaders.run(options)
    }
}
