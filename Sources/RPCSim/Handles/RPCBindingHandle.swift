import ContextCore

/// What an ``RPCBindingHandle`` stands for: a client's binding to the server.
public enum RPCBindingTag {}

/// A client's binding handle (`RPC_BINDING_HANDLE`): the opaque non-zero value a caller holds for
/// its binding to the server. NULL is written as `nil` (`RPCBindingHandle?`).
public typealias RPCBindingHandle = OpaqueHandle<RPCBindingTag>
