import FileSafety

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the database of card names is read from: a file named by the caller, else
/// `$SCARD_ATR_LIST`, else the first of the places pcsc-tools' `ATR_analysis` looks in that
/// holds a file (the copy `pcsc_scan -u`/`ATR_analysis` keeps up to date in the user's cache first,
/// then the system's copy that the `pcsc-tools` package installs).
public enum ATRDatabaseLocation {
    /// The environment variable naming a database file.
    public static let environmentVariable = "SCARD_ATR_LIST"

    /// The places pcsc-tools looks in, in its order: `$XDG_CACHE_HOME/smartcard_list.txt` (default
    /// `~/.cache`), `~/.smartcard_list.txt`, `/usr/local/pcsc/`, `/usr/share/pcsc/`,
    /// `/usr/local/share/pcsc/`.
    public static func pcscToolsPaths(environment: [String: String]) -> [String] {
        var paths: [String] = []
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        if let cache = environment["XDG_CACHE_HOME"], !cache.isEmpty {
            paths.append(cache + "/smartcard_list.txt")
        } else if let home {
            paths.append(home + "/.cache/smartcard_list.txt")
        }
        if let home { paths.append(home + "/.smartcard_list.txt") }
        paths += [
            "/usr/local/pcsc/smartcard_list.txt", "/usr/share/pcsc/smartcard_list.txt",
            "/usr/local/share/pcsc/smartcard_list.txt",
        ]
        return paths
    }

    /// The variables of this process that choose the database: `SCARD_ATR_LIST`, `XDG_CACHE_HOME`, `HOME`.
    public static var processEnvironment: [String: String] {
        var environment: [String: String] = [:]
        for name in [environmentVariable, "XDG_CACHE_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }

    /// Reads the database: `explicitPath` when given, else `$SCARD_ATR_LIST` when set, else the
    /// first of pcsc-tools' places holding a file. Nil when none is named and none is installed;
    /// a file that was named but cannot be read (missing included) is an error.
    public static func load(
        explicitPath: String? = nil, environment: [String: String] = processEnvironment
    ) throws(FileSafetyError) -> ATRDatabase? {
        let named = explicitPath ?? environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        if let named {
            guard let bytes = try FileContents.read(named) else {
                throw FileSafetyError(path: named, reason: .system(ENOENT))
            }
            return ATRDatabase(parsing: bytes, path: named)
        }
        for path in pcscToolsPaths(environment: environment) {
            if let bytes = try? FileContents.read(path) { return ATRDatabase(parsing: bytes, path: path) }
        }
        return nil
    }
}
