import ContextCore

/// A context handle on the wire: the 20 bytes (`ndr_context_handle`: a 32-bit attributes word and
/// the context's UUID, little-endian as NDR sends them) that stand for a server context between a
/// client and the server.
extension RPCServer {
    /// The size of a context handle's wire data.
    public static let wireSize = 20

    /// The 20 bytes the server sends for one of its contexts: attributes 0 and the context's UUID,
    /// `5ca2d007-0000-4000-8000-NNNNNNNNNNNN` with the context's ledger number in its last digits
    /// (`server-context#2` sends `00000000 07d0a25c 0000 0040 8000 000000000002`).
    public static func wireData(serial: Int) -> [UInt8] {
        let attributes: [UInt8] = [0, 0, 0, 0]
        let timeLow: [UInt8] = [0x07, 0xd0, 0xa2, 0x5c]
        let middle: [UInt8] = [0x00, 0x00, 0x00, 0x40, 0x80, 0x00]
        let node = (0..<6).reversed().map { UInt8(truncatingIfNeeded: UInt64(serial) >> (8 * UInt64($0))) }
        return attributes + timeLow + middle + node
    }

    /// The wire data of a live server context, or nil.
    func wireData(of context: Handle) -> [UInt8]? {
        table.info(context).map { Self.wireData(serial: $0.serial) }
    }

    /// The server stub's unmarshalling of an `[in]` context handle: the live context of
    /// `association` whose UUID the 20 bytes carry. Non-zero attributes, a UUID no context of this
    /// association has (one of another association, a closed or run-down one, a made-up one), or
    /// data that is not 20 bytes are refused with `ERROR_INVALID_HANDLE`, the value the client sees
    /// as `RPC_X_SS_CONTEXT_MISMATCH` (6), as Wine's `NDRSContextUnmarshall2` and
    /// `RpcServerAssoc_FindContextHandle` refuse them (`dlls/rpcrt4/ndr_contexthandle.c`,
    /// `dlls/rpcrt4/rpc_assoc.c`: each association keeps its own list of context handles).
    func context(fromWire bytes: [UInt8], on association: Handle) throws(RPCException) -> Handle {
        guard bytes.count == Self.wireSize, bytes[0..<4].allSatisfy({ $0 == 0 }) else {
            throw RPCException(.contextMismatch)
        }
        let found = table.liveResources().first {
            $0.kind == .rpcServerContext && $0.owner == association && Self.wireData(serial: $0.serial) == bytes
        }
        guard let found else { throw RPCException(.contextMismatch) }
        return found.handle
    }
}
