/// One function a simulator's scenarios can call, as its C declaration has it: the in-parameters a
/// line writes after the name, the out-parameters names on the left bind, and what it returns.
public struct ScenarioFunction: Sendable, Equatable {
    /// The C name.
    public let name: String
    /// The in-parameters' C names, in order.
    public let parameters: [String]
    /// How many trailing in-parameters a line may leave out.
    public let optionalParameters: Int
    /// The out-parameters' C names, in the order the C function declares them.
    public let outputs: [String]
    /// The C return type (`BOOL`, `NTSTATUS`, `RPC_STATUS`, `VOID`), for usage and documentation.
    public let returns: String
    /// Other names a line may call it by (`CryptAcquireContextA`).
    public let aliases: [String]

    /// Creates a function's entry.
    public init(
        _ name: String, parameters: [String], optional: Int = 0, outputs: [String] = [], returns: String,
        aliases: [String] = []
    ) {
        self.name = name
        self.parameters = parameters
        self.optionalParameters = optional
        self.outputs = outputs
        self.returns = returns
        self.aliases = aliases
    }

    /// The fewest and most in-parameters a line may give.
    public var argumentCount: ClosedRange<Int> { (parameters.count - optionalParameters)...parameters.count }
}

/// One directive a simulator's scenarios can use: its name, the words it takes, and whether a line
/// may give it an expectation.
public struct ScenarioDirectiveForm: Sendable, Equatable {
    /// The name without the `@`.
    public let name: String
    /// The fewest and most words it takes.
    public let words: ClosedRange<Int>
    /// The words as the documentation writes them (`NAME SIZE [PATTERN]`).
    public let usage: String
    /// Whether a line may end it with `=> ...`.
    public let takesExpectation: Bool

    /// Creates a directive's entry.
    public init(_ name: String, words: ClosedRange<Int>, usage: String = "", takesExpectation: Bool = true) {
        self.name = name
        self.words = words
        self.usage = usage
        self.takesExpectation = takesExpectation
    }
}
