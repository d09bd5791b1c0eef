import RPCSim
import Testing

@Suite("RPC status codes")
struct RPCStatusTests {
    @Test("each code has the value of section 4 and prints as name and value")
    func codes() {
        let expected: [(RPCStatus, String, Int32)] = [
            (.ok, "RPC_S_OK", 0),
            (.contextMismatch, "RPC_X_SS_CONTEXT_MISMATCH", 6),
            (.inNullContext, "RPC_X_SS_IN_NULL_CONTEXT", 1775),
            (.invalidBinding, "RPC_S_INVALID_BINDING", 1702),
            (.serverUnavailable, "RPC_S_SERVER_UNAVAILABLE", 1722),
            (.callFailed, "RPC_S_CALL_FAILED", 1726),
            (.contextDamaged, "RPC_X_SS_CONTEXT_DAMAGED", 1777),
        ]
        for (status, name, value) in expected {
            #expect(status.rawValue == value)
            #expect(status.name == name)
            #expect(status.description == "\(name) (\(value))")
            #expect(RPCStatus(name: name) == status)
        }
    }

    @Test("ERROR_INVALID_HANDLE is the same code as the context mismatch, printed by the RPC name")
    func invalidHandleAlias() {
        #expect(RPCStatus(name: "ERROR_INVALID_HANDLE") == .contextMismatch)
        #expect(RPCStatus(rawValue: 6).description == "RPC_X_SS_CONTEXT_MISMATCH (6)")
    }

    @Test("a code without a name prints its value; an unknown name is nil")
    func unknown() {
        #expect(RPCStatus(rawValue: 1234).description == "1234")
        #expect(RPCStatus(rawValue: 1234).name == nil)
        #expect(RPCStatus(name: "RPC_S_NOPE") == nil)
    }

    @Test("an exception prints as EXCEPTION and the status")
    func exception() {
        #expect(RPCException(.contextMismatch).description == "EXCEPTION RPC_X_SS_CONTEXT_MISMATCH (6)")
    }

    @Test("a NULL value is no handle; any other value is kept as given")
    func handleValues() {
        #expect(RPCContextHandle(rawValue: 0) == nil)
        #expect(RPCBindingHandle(rawValue: 0) == nil)
        #expect(RPCContextHandle(rawValue: 0xDEAD)?.rawValue == 0xDEAD)
        #expect(RPCContextHandle(rawValue: 0x1_0000_0002)?.description == "0x100000002")
    }
}
