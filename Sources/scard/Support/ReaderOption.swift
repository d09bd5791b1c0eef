import ArgumentParser
import PCSC

/// The check every `--reader` option shares.
enum ReaderOption {
    /// An empty or blank `--reader` is a usage error, never a choice of the default reader.
    static func validate(_ spec: String?) throws {
        do {
            try ReaderSelection.validate(spec)
        } catch {
            throw ValidationError("--reader: \(error)")
        }
    }
}
