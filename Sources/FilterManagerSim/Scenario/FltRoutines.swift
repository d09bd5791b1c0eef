import ScenarioKit

/// What a scenario line may call: each routine's in-parameters and out-parameters, as fltkernel.h
/// declares them, and each directive's words. Used to reject a wrong line before anything runs.
public struct FltRoutine: Sendable {
    /// The C name.
    public let name: String
    /// The in-parameters, in order.
    public let parameters: [String]
    /// How many trailing in-parameters may be left out.
    public let optionalParameters: Int
    /// The out-parameters that names on the left bind, in order.
    public let outputs: [String]
    /// Whether the routine returns an NTSTATUS (else it is void).
    public let returnsStatus: Bool

    /// Every routine the simulator implements.
    public static let all: [FltRoutine] = {
        var routines = [
            FltRoutine(
                name: "FltAllocateContext", parameters: ["Filter", "ContextType", "ContextSize", "PoolType"],
                optionalParameters: 0, outputs: ["ReturnedContext"], returnsStatus: true),
            FltRoutine(name: "FltDeleteContext", parameters: ["Context"], optionalParameters: 0, outputs: [], returnsStatus: false),
            FltRoutine(name: "FltReferenceContext", parameters: ["Context"], optionalParameters: 0, outputs: [], returnsStatus: false),
            FltRoutine(name: "FltReleaseContext", parameters: ["Context"], optionalParameters: 0, outputs: [], returnsStatus: false),
            FltRoutine(
                name: "FltGetContexts", parameters: ["Instance", "FileObject", "DesiredContexts", "Transaction"],
                optionalParameters: 1, outputs: ["Contexts"], returnsStatus: false),
            FltRoutine(name: "FltReleaseContexts", parameters: ["Contexts"], optionalParameters: 0, outputs: [], returnsStatus: false),
            FltRoutine(name: "FltUnregisterFilter", parameters: ["Filter"], optionalParameters: 0, outputs: [], returnsStatus: false),
        ]
        let objectParameters: [(stem: String, set: [String], getDelete: [String])] = [
            ("Volume", ["Volume"], ["Filter", "Volume"]),
            ("Instance", ["Instance"], ["Instance"]),
            ("File", ["Instance", "FileObject"], ["Instance", "FileObject"]),
            ("Stream", ["Instance", "FileObject"], ["Instance", "FileObject"]),
            ("StreamHandle", ["Instance", "FileObject"], ["Instance", "FileObject"]),
            ("Transaction", ["Instance", "Transaction"], ["Instance", "Transaction"]),
        ]
        for entry in objectParameters {
            routines.append(
                FltRoutine(
                    name: "FltSet\(entry.stem)Context", parameters: entry.set + ["Operation", "NewContext"],
                    optionalParameters: 0, outputs: ["OldContext"], returnsStatus: true))
            routines.append(
                FltRoutine(
                    name: "FltGet\(entry.stem)Context", parameters: entry.getDelete, optionalParameters: 0,
                    outputs: ["Context"], returnsStatus: true))
            routines.append(
                FltRoutine(
                    name: "FltDelete\(entry.stem)Context", parameters: entry.getDelete, optionalParameters: 0,
                    outputs: ["OldContext"], returnsStatus: true))
        }
        return routines
    }()

    /// The routine with a C name, if the simulator implements it.
    public static func named(_ name: String) -> FltRoutine? {
        all.first { $0.name == name }
    }

    /// The directives and how many words each takes (at least, at most).
    public static let directives: [String: ClosedRange<Int>] = [
        "filter": 1...1, "register": 3...5, "volume": 1...2, "instance": 2...2, "file": 2...2,
        "stream": 2...2, "open": 2...2, "transaction": 1...1, "close": 1...1, "detach": 1...1,
        "dismount": 1...1, "commit": 1...1, "rollback": 1...1, "irql": 1...1, "step": 0...0,
        "drain": 0...0, "lowmemory": 1...1,
    ]

    /// Checks every line's routine or directive, argument count and bindings before anything runs;
    /// throws the first problem as a syntax error naming the line and column.
    public static func check(_ scenario: Scenario) throws(ScenarioSyntaxError) {
        for line in scenario.lines {
            switch line.content {
            case .call(let call):
                try check(call, line: line.number)
            case .directive(let directive):
                guard let range = directives[directive.name] else {
                    throw ScenarioSyntaxError(
                        line: line.number, column: 1, message: "unknown directive @\(ScenarioToken.bounded(directive.name)) for scard flt")
                }
                guard range.contains(directive.words.count) else {
                    let wanted = range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) to \(range.upperBound)"
                    throw ScenarioSyntaxError(
                        line: line.number, column: 1,
                        message: "@\(ScenarioToken.bounded(directive.name)) takes \(wanted) word(s), found \(directive.words.count)")
                }
            }
        }
    }

    private static func check(_ call: ScenarioCall, line: Int) throws(ScenarioSyntaxError) {
        guard let routine = named(call.function) else {
            throw ScenarioSyntaxError(line: line, column: call.functionColumn, message: "unknown routine \(ScenarioToken.bounded(call.function))")
        }
        let most = routine.parameters.count
        let least = most - routine.optionalParameters
        guard (least...most).contains(call.arguments.count) else {
            let column = call.arguments.count > most ? call.arguments[most].column : call.functionColumn
            let list = routine.parameters.joined(separator: ", ")
            throw ScenarioSyntaxError(
                line: line, column: column,
                message: "\(routine.name) takes \(least == most ? "\(most)" : "\(least) or \(most)") argument(s) (\(list)), found \(call.arguments.count)")
        }
        guard call.bindings.count <= routine.outputs.count else {
            let outputs = routine.outputs.isEmpty ? "no out-parameter" : routine.outputs.joined(separator: ", ")
            throw ScenarioSyntaxError(
                line: line, column: 1, message: "\(routine.name) has \(outputs) to bind, found \(call.bindings.count) name(s)")
        }
    }
}
