import CPCSCLite

/// A stand-in for libpcsclite: one requirement per C function, taking and returning what the C
/// function does (handles as `Int`, results as the `LONG` code, out-values through `inout`).
///
/// A ``ResourceManager`` made with one (``ResourceManager/init(system:tracer:ledgerCapacity:calls:)``)
/// sends every call there instead of to the C library, still through ``WinSCard``: each call is
/// recorded in ``PendingCalls`` while it runs and traced like a real one. A manager made without
/// one calls libpcsclite directly; the only cost on that path is one check for `nil` per call.
///
/// Memory a stand-in returns for `SCARD_AUTOALLOCATE` calls (`listReaders`, `listReaderGroups`,
/// `status`, `getAttribute`) must stay readable until the same stand-in's `freeMemory` is called
/// for it.
package protocol PCSCSystem: AnyObject, Sendable {
    /// `SCardEstablishContext`.
    func establishContext(scope: UInt32, context: inout Int) -> Int
    /// `SCardReleaseContext`.
    func releaseContext(_ context: Int) -> Int
    /// `SCardIsValidContext`.
    func isValidContext(_ context: Int) -> Int
    /// `SCardListReaders` with `SCARD_AUTOALLOCATE`: the multi-string and its length.
    func listReaders(_ context: Int, groups: String?, names: inout UnsafeMutableRawPointer?, length: inout Int) -> Int
    /// `SCardListReaderGroups` with `SCARD_AUTOALLOCATE`: the multi-string and its length.
    func listReaderGroups(_ context: Int, names: inout UnsafeMutableRawPointer?, length: inout Int) -> Int
    /// `SCardFreeMemory`.
    func freeMemory(_ context: Int, _ memory: UnsafeRawPointer) -> Int
    /// `SCardCancel`.
    func cancel(_ context: Int) -> Int
    /// `SCardGetStatusChange`: reads and updates `states` in place.
    func getStatusChange(_ context: Int, timeout: UInt32, states: UnsafeMutableBufferPointer<SCARD_READERSTATE>) -> Int
    /// `SCardConnect`.
    func connect(
        _ context: Int, reader: String, share: UInt32, protocols: UInt32, card: inout Int, activeProtocol: inout UInt32
    ) -> Int
    /// `SCardReconnect`.
    func reconnect(
        _ card: Int, share: UInt32, protocols: UInt32, initialization: UInt32, activeProtocol: inout UInt32
    ) -> Int
    /// `SCardDisconnect`.
    func disconnect(_ card: Int, disposition: UInt32) -> Int
    /// `SCardBeginTransaction`.
    func beginTransaction(_ card: Int) -> Int
    /// `SCardEndTransaction`.
    func endTransaction(_ card: Int, disposition: UInt32) -> Int
    /// `SCardStatus` with `SCARD_AUTOALLOCATE` for the reader name.
    func status(
        _ card: Int, name: inout UnsafeMutableRawPointer?, nameLength: inout Int, state: inout UInt32,
        activeProtocol: inout UInt32, atr: inout [UInt8]
    ) -> Int
    /// `SCardTransmit`: the answer goes into `receive`, its length into `received`.
    func transmit(
        _ card: Int, protocol: UInt32, command: [UInt8], receive: UnsafeMutableBufferPointer<UInt8>, received: inout Int
    ) -> Int
    /// `SCardControl`: the answer goes into `output`, its length into `returned`.
    func control(
        _ card: Int, code: UInt32, input: [UInt8], output: UnsafeMutableRawBufferPointer, returned: inout Int
    ) -> Int
    /// `SCardGetAttrib` with `SCARD_AUTOALLOCATE`.
    func getAttribute(_ card: Int, id: UInt32, value: inout UnsafeMutableRawPointer?, length: inout Int) -> Int
    /// `SCardSetAttrib`.
    func setAttribute(_ card: Int, id: UInt32, value: [UInt8]) -> Int
}
