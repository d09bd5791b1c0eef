import PCSC

/// Completes `--reader` in bash, zsh and fish with the names of the readers pcscd lists now.
enum ReaderCompletion {
    /// The reader names that start with what was typed (case-insensitive); none when pcscd does not
    /// answer. Called by the shell's completion script through `scard`, so it prints nothing else.
    @Sendable static func names(_ arguments: [String], _ index: Int, _ prefix: String) -> [String] {
        let manager = ResourceManager()
        guard let context = try? manager.establishContext() else { return [] }
        defer { _ = try? context.release() }
        let names = (try? context.readerNames()) ?? []
        let typed = prefix.lowercased()
        return names.filter { typed.isEmpty || $0.lowercased().hasPrefix(typed) }
    }
}
