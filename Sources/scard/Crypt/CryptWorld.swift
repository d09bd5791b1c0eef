import CryptoAPISim
import FoundationEssentials

/// Makes the simulator a `scard crypt` subcommand runs in, with its container store.
enum CryptWorld {
    /// A simulator on the store the options choose; a store that cannot be opened is one line on
    /// standard error and exit 2.
    static func simulator(store options: CryptStoreOptions, trace: Bool) throws(CLIError) -> CryptSimulator {
        let store: ContainerStore
        if options.ephemeral {
            store = ContainerStore()
        } else {
            let directory = options.store
                ?? ContainerStore.defaultDirectory(environment: ProcessInfo.processInfo.environment)
            do {
                store = try ContainerStore(location: .directory(directory))
            } catch {
                throw CLIError.usage(error.description)
            }
        }
        return CryptSimulator(store: store, ledgerCapacity: trace ? nil : 4096)
    }

    /// Ends the run with exit 8 and one line naming the store's file and why, when a change to
    /// the store could not be written (the call that made it has already failed with `NTE_FAIL`).
    static func checkWrites(_ simulator: CryptSimulator) throws(CLIError) {
        guard let failure = simulator.store.writeFailure else { return }
        throw CLIError(message: failure.description, status: .writeFailed)
    }
}
