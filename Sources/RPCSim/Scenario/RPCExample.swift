import ScenarioKit

/// The built-in example of `scard rpc example`: a context handle outlives its connection, and
/// `RpcSmDestroyClientContext` reclaims the client's memory without running the server's rundown.
public enum RPCExample {
    /// The example as a scenario file.
    public static let text = """
        # A client opens a context, uses it, loses its connection, destroys it.
        @server
        @client c1
        h = OpenResource c1 "notes"             => RPC_S_OK
        WriteResource h "hello"                 => RPC_S_OK
        ReadResource h                          => RPC_S_OK 68656c6c6f
        # Communications error: the server runs down the lost context, once.
        @drop c1                                => RPC_S_OK
        ReadResource h                          => RPC_S_CALL_FAILED
        # The handle is useless; reclaim its client memory. No rundown here.
        RpcSmDestroyClientContext h             => RPC_S_OK
        ReadResource h                          => RPC_X_SS_IN_NULL_CONTEXT
        RpcSmDestroyClientContext h             => RPC_X_SS_CONTEXT_MISMATCH
        RpcBindingFree c1                       => RPC_S_OK

        """

    /// The example parsed.
    public static func scenario() throws(ScenarioSyntaxError) -> Scenario {
        try Scenario(parsing: text)
    }
}
