import ScenarioKit

/// What an RPC scenario line may call: the interface's functions and the runtime's, as the IDL and
/// rpcdce.h declare them, and the directives that make the server, its clients and their connections.
public enum RPCScenarioCalls {
    /// The call table of `scard rpc`.
    public static let table = ScenarioCallTable(
        family: "rpc",
        functions: [
            ScenarioFunction("OpenResource", parameters: ["Binding", "Name"], outputs: ["Context"], returns: "RPC_STATUS"),
            ScenarioFunction("ReadResource", parameters: ["Context"], returns: "RPC_STATUS"),
            ScenarioFunction("ReadResourceOn", parameters: ["Binding", "Context"], returns: "RPC_STATUS"),
            ScenarioFunction("WriteResource", parameters: ["Context", "Data"], returns: "RPC_STATUS"),
            ScenarioFunction("CloseResource", parameters: ["Context"], returns: "RPC_STATUS"),
            ScenarioFunction("RpcSmDestroyClientContext", parameters: ["ContextHandle"], returns: "RPC_STATUS"),
            ScenarioFunction("RpcSsDestroyClientContext", parameters: ["ContextHandle"], returns: "VOID"),
            ScenarioFunction("RpcBindingFree", parameters: ["Binding"], returns: "RPC_STATUS"),
        ],
        directives: [
            ScenarioDirectiveForm("server", words: 0...1, usage: "[noserialize]"),
            ScenarioDirectiveForm("client", words: 1...1, usage: "NAME"),
            ScenarioDirectiveForm("drop", words: 1...1, usage: "NAME"),
            ScenarioDirectiveForm("reconnect", words: 1...1, usage: "NAME"),
            ScenarioDirectiveForm("restart", words: 0...0),
            ScenarioDirectiveForm("thread", words: 1...1, usage: "NAME", takesExpectation: false),
            ScenarioDirectiveForm("pause", words: 0...0, takesExpectation: false),
            ScenarioDirectiveForm("resume", words: 1...1, usage: "NAME"),
        ],
        readExpectation: { (expectation, _) throws(ScenarioRuntimeError) in _ = try RPCExpectation(expectation) }
    )
}
