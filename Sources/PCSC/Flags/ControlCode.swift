/// A reader control code for `SCardControl`, as pcsc-lite numbers them: `SCARD_CTL_CODE(n)` is
/// `0x42000000 + n`.
public struct ControlCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The code passed to `SCardControl`.
    public let rawValue: UInt32

    /// Creates a code from its value.
    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    /// The base of pcsc-lite's `SCARD_CTL_CODE(n)`.
    public static let base: UInt32 = 0x4200_0000

    /// `SCARD_CTL_CODE(function)`. The corresponding C macro is `SCARD_CTL_CODE`.
    public init(function: UInt32) {
        rawValue = Self.base &+ function
    }

    /// Asks the reader for its PC/SC part 10 features. The corresponding C value is
    /// `CM_IOCTL_GET_FEATURE_REQUEST` (`SCARD_CTL_CODE(3400)`).
    public static let getFeatureRequest = ControlCode(function: 3400)

    /// Reads a code written as `SCARD_CTL_CODE(3400)`, `CM_IOCTL_GET_FEATURE_REQUEST`, hex
    /// (`0x42000D48`) or decimal; nil when the text is none of these.
    public init?(parsing text: String) {
        let trimmed = text.filter { $0 != " " && $0 != "\t" }
        let upper = trimmed.uppercased()
        if upper == "CM_IOCTL_GET_FEATURE_REQUEST" {
            self = .getFeatureRequest
            return
        }
        if upper.hasPrefix("SCARD_CTL_CODE("), upper.hasSuffix(")") {
            let inner = String(upper.dropFirst("SCARD_CTL_CODE(".count).dropLast())
            guard let function = Self.number(inner), function <= UInt64(UInt32.max - Self.base) else { return nil }
            self.init(function: UInt32(function))
            return
        }
        guard let value = Self.number(upper), value <= UInt64(UInt32.max) else { return nil }
        self.init(rawValue: UInt32(value))
    }

    /// A decimal or `0x` hex number.
    private static func number(_ text: String) -> UInt64? {
        if text.hasPrefix("0X") { return text.count > 2 && text.count <= 18 ? UInt64(text.dropFirst(2), radix: 16) : nil }
        return text.count <= 19 ? UInt64(text) : nil
    }

    /// `SCARD_CTL_CODE(3400) = 0x42000D48` for codes in pcsc-lite's range, else the hex value.
    public var description: String {
        let hex = "0x" + String(rawValue, radix: 16, uppercase: true)
        guard rawValue >= Self.base else { return hex }
        return "SCARD_CTL_CODE(\(rawValue - Self.base)) = \(hex)"
    }
}
