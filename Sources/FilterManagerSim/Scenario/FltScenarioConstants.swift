import ScenarioKit

/// The C names a Filter Manager scenario can use as arguments: context types, sizes, pools,
/// set operations, IRQLs and status codes.
public enum FltScenarioConstants {
    /// Every constant by name.
    public static let table: ScenarioConstants = {
        var pairs: [(String, UInt64)] = ContextType.named.map { ($0.name, UInt64($0.type.rawValue)) }
        pairs.append(("FLT_ALL_CONTEXTS", UInt64(ContextType.all.rawValue)))
        pairs.append(("FLT_VARIABLE_SIZED_CONTEXTS", ContextRegistration.variableSize))
        pairs += PoolType.named.map { ($0.name, UInt64($0.pool.rawValue)) }
        pairs += IRQL.named.map { ($0.name, UInt64($0.level.rawValue)) }
        pairs.append(("FLT_SET_CONTEXT_REPLACE_IF_EXISTS", UInt64(SetOperation.replaceIfExists.rawValue)))
        pairs.append(("FLT_SET_CONTEXT_KEEP_IF_EXISTS", UInt64(SetOperation.keepIfExists.rawValue)))
        pairs += NTStatus.named.map { ($0.name, UInt64($0.status.rawValue)) }
        return ScenarioConstants(pairs)
    }()

    /// A status by C name, or by decimal or `0x` hex value.
    public static func status(named word: String) -> NTStatus? {
        if let named = NTStatus.named.first(where: { $0.name == word }) { return named.status }
        let value: UInt64?
        if word.hasPrefix("0x") || word.hasPrefix("0X") {
            value = UInt64(word.dropFirst(2), radix: 16)
        } else {
            value = UInt64(word)
        }
        guard let value, value <= UInt64(UInt32.max) else { return nil }
        return NTStatus(rawValue: UInt32(value))
    }
}
