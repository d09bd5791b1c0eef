import ContextCore
import ScenarioKit

extension CryptScenarioSession {
    /// A handle argument: a bound name, a number, NULL (0).
    func handle(_ argument: ScenarioArgument) throws(ScenarioRuntimeError) -> UInt64 {
        try constants.integer(argument, width: 64, names: { names[$0] })
    }

    /// A handle argument as the handle type a call takes; NULL (0) is nil.
    func handle<Tag>(_ argument: ScenarioArgument, as type: OpaqueHandle<Tag>.Type) throws(ScenarioRuntimeError)
        -> OpaqueHandle<Tag>?
    {
        OpaqueHandle(rawValue: try handle(argument))
    }

    /// A DWORD argument: a number, `~0`, or constants joined with `|`.
    func dword(_ argument: ScenarioArgument) throws(ScenarioRuntimeError) -> DWORD {
        DWORD(truncatingIfNeeded: try constants.integer(argument, width: 32, names: { names[$0] }))
    }

    /// A string argument: quoted text, a provider name constant (`MS_DEF_PROV`), or NULL / 0.
    func string(_ argument: ScenarioArgument) throws(ScenarioRuntimeError) -> String? {
        switch argument.value {
        case .null, .number(0): return nil
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .symbol(let name):
            if let provider = CryptProvider.constantNames.first(where: { $0.0 == name })?.1 { return provider.name }
            throw ScenarioRuntimeError(column: argument.column, message: "'\(name)' is not a string constant")
        default:
            throw ScenarioRuntimeError(column: argument.column, message: "expected a string or NULL")
        }
    }

    /// A data argument: quoted text, `x"..."` bytes, a buffer name, or NULL (no data).
    func data(_ argument: ScenarioArgument) throws(ScenarioRuntimeError) -> [UInt8] {
        switch argument.value {
        case .null, .number(0): return []
        case .bytes(let bytes): return bytes
        case .symbol(let name):
            if let bytes = buffers[name] { return bytes }
            throw ScenarioRuntimeError(column: argument.column, message: "unknown buffer '\(name)' (make one with @buffer)")
        default:
            throw ScenarioRuntimeError(column: argument.column, message: "expected data: a string, x\"..\" bytes or a buffer name")
        }
    }

    /// The out-parameter a binding names: nil for `NULL` (a NULL pointer).
    static func isNull(_ binding: String?) -> Bool {
        binding == "NULL"
    }
}
