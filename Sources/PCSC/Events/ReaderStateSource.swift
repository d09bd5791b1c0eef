/// Where reader events come from: the reader list and `SCardGetStatusChange`. ``Context`` is the
/// real source; a test can stand in for pcscd by answering with states of its own.
public protocol ReaderStateSource {
    /// The names of the readers there are now.
    func readerNames() throws(PCSCError) -> [String]
    /// Waits until some reader's state differs from its `currentState`, or `timeout` milliseconds
    /// pass (``PCSCError/timeout``), and fills in each reader's reported state.
    func getStatusChange(_ states: inout [ReaderStatus], timeout: UInt32) throws(PCSCError)
}

extension Context: ReaderStateSource {}
