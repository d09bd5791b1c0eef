/// A problem found by a system probe, in one sentence.
public struct DoctorProblem: Error, Sendable, Equatable {
    /// What is wrong.
    public let message: String

    /// Creates a problem.
    public init(_ message: String) {
        self.message = message
    }
}
