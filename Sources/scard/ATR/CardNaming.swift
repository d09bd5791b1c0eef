import ArgumentParser
import CardNames
import FileSafety

/// `--atr-list FILE`: the database of card names to use instead of pcsc-tools' own.
struct CardNameOptions: ParsableArguments {
    @Option(
        name: .customLong("atr-list"),
        help: ArgumentHelp(
            "Name cards from this smartcard_list.txt (default: $SCARD_ATR_LIST, else pcsc-tools' list, as pcsc_scan finds it).",
            valueName: "file"))
    var atrList: String?
}

/// Names cards from their ATR with pcsc-tools' database: read on first use, once per run; when no
/// database is installed, says so once on standard error and names nothing.
final class CardNaming {
    /// The file named by `--atr-list`, if any.
    private let explicitPath: String?
    /// The database once read: nil inside when none is installed.
    private var database: ATRDatabase??
    /// Whether the note about the missing database was written.
    private var noted = false
    /// The names found for each ATR asked about, so that readers holding the same card are named
    /// once (a list: a run sees a few ATRs, and a first dictionary costs more than the lookups).
    private var named: [(atr: [UInt8], names: [String])] = []

    /// Names cards with the database `options` choose.
    convenience init(_ options: CardNameOptions) {
        self.init(explicitPath: options.atrList)
    }

    /// Names cards with the database at `explicitPath`, else the one `$SCARD_ATR_LIST` or pcsc-tools
    /// chooses.
    init(explicitPath: String?) {
        self.explicitPath = explicitPath
    }

    /// The note written once when no database is found.
    static let missingNote =
        "scard: note: cards are not named: no smartcard_list.txt found (apt install pcsc-tools, or give --atr-list FILE)"

    /// Reads the database now (when it was named and cannot be read, that is a usage error).
    @discardableResult
    func load() throws(CLIError) -> ATRDatabase? {
        if let database { return database }
        do {
            let loaded = try ATRDatabaseLocation.load(explicitPath: explicitPath)
            database = .some(loaded)
            return loaded
        } catch {
            let source = explicitPath != nil ? "--atr-list" : "$\(ATRDatabaseLocation.environmentVariable)"
            throw CLIError.usage("\(InputFile.displayName(error.path)): cannot read the card-name list (\(error.reasonText)), named by \(source)")
        }
    }

    /// The names of every database entry matching `atr` (empty when none does or there is no database).
    func names(for atr: [UInt8]) throws(CLIError) -> [String] {
        guard !atr.isEmpty else { return [] }
        guard let database = try load() else {
            if !noted {
                noted = true
                StandardError.write(Self.missingNote)
            }
            return []
        }
        if let known = named.first(where: { $0.atr == atr }) { return known.names }
        let names = database.names(for: atr)
        named.append((atr, names))
        return names
    }
}
