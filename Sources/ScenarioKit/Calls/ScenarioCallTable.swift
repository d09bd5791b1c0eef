/// What a simulator's scenario lines may say: its functions, its directives, and how it reads an
/// expectation. The pre-run check, the runner, the CLI, the fuzz targets and the documentation's
/// grammar tables all read this one table.
public struct ScenarioCallTable: Sendable {
    /// Reads an expectation written after `=>` for a function or directive (`@resume`); throws
    /// when its words do not fit.
    public typealias ExpectationReader = @Sendable (ScenarioExpectation, String) throws(ScenarioRuntimeError) -> Void

    /// The simulator's command name (`crypt`, `flt`, `rpc`).
    public let family: String
    /// The functions, in documentation order.
    public let functions: [ScenarioFunction]
    /// The directives, in documentation order.
    public let directives: [ScenarioDirectiveForm]
    /// How the family reads expectations.
    public let readExpectation: ExpectationReader

    private let functionIndex: [String: Int]
    private let directiveIndex: [String: Int]

    /// Creates a table.
    public init(
        family: String, functions: [ScenarioFunction], directives: [ScenarioDirectiveForm],
        readExpectation: @escaping ExpectationReader
    ) {
        self.family = family
        self.functions = functions
        self.directives = directives
        self.readExpectation = readExpectation
        var functionIndex: [String: Int] = [:]
        for (index, function) in functions.enumerated() {
            for name in [function.name] + function.aliases { functionIndex[name] = index }
        }
        self.functionIndex = functionIndex
        self.directiveIndex = Dictionary(directives.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The function a line calls by this name or an alias, if the simulator has it.
    public func function(named name: String) -> ScenarioFunction? {
        functionIndex[name].map { functions[$0] }
    }

    /// The directive with this name, if the simulator has it or every simulator shares it.
    public func directive(named name: String) -> ScenarioDirectiveForm? {
        directiveIndex[name].map { directives[$0] } ?? Self.sharedDirectives.first { $0.name == name }
    }

    /// Every name a line may call, aliases included, sorted.
    public var callableNames: [String] { functionIndex.keys.sorted() }
}
