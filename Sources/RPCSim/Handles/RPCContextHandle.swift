import ContextCore

/// What an ``RPCContextHandle`` stands for: a context the server opened for a client.
public enum RPCContextTag {}

/// A client context handle: the opaque non-zero value the client stub gives the caller for a
/// context the server opened. NULL is written as `nil` (`RPCContextHandle?`).
public typealias RPCContextHandle = OpaqueHandle<RPCContextTag>
