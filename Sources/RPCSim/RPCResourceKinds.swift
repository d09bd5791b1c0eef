import ContextCore

extension ResourceKind {
    /// A client's binding handle to the server (client ledger).
    public static let rpcBinding: ResourceKind = "binding"
    /// The client's memory for one context handle, a child of its binding (client ledger).
    public static let rpcClientContext: ResourceKind = "client-context"
    /// The copy of the binding a client context handle keeps, a child of that handle (client ledger).
    public static let rpcBindingCopy: ResourceKind = "binding-copy"
    /// A connection between one client binding and the server (server ledger).
    public static let rpcAssociation: ResourceKind = "association"
    /// The server's context for one open context handle, a child of its association (server ledger).
    public static let rpcServerContext: ResourceKind = "server-context"
}
