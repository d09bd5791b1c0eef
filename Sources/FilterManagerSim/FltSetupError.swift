/// A misuse of the simulator's setup calls (an unknown parent, a second filter, an object closed
/// twice), reported as the line's error rather than as a status of the simulated API.
public struct FltSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public let message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
