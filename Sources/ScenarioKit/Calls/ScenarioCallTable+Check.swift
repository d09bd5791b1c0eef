extension ScenarioCallTable {
    /// Checks every line before anything runs: known functions and directives, argument, word and
    /// binding counts, expectations that fit. Throws the first problem with its line and column.
    public func check(_ scenario: Scenario) throws(ScenarioSyntaxError) {
        for line in scenario.lines {
            if let problem = problem(in: line) {
                throw ScenarioSyntaxError(line: line.number, column: problem.column, message: problem.message)
            }
        }
    }

    /// What is wrong with one line against the table, or nil; a runner reports the same problem as
    /// a line that was not run.
    public func problem(in line: ScenarioLine) -> ScenarioRuntimeError? {
        do {
            switch line.content {
            case .call(let call): try check(call)
            case .directive(let directive): try check(directive)
            }
            return nil
        } catch {
            return error
        }
    }

    private func check(_ call: ScenarioCall) throws(ScenarioRuntimeError) {
        guard let function = function(named: call.function) else {
            throw ScenarioRuntimeError(column: call.functionColumn, message: "unknown function \(ScenarioToken.quoted(call.function))")
        }
        let count = call.arguments.count
        let range = function.argumentCount
        guard range.contains(count) else {
            let column = count > range.upperBound ? call.arguments[range.upperBound].column : call.functionColumn
            let list = function.parameters.isEmpty ? "" : " (" + function.parameters.joined(separator: ", ") + ")"
            throw ScenarioRuntimeError(
                column: column,
                message: "\(function.name) takes \(Self.count(range)) argument(s)\(list), found \(count)")
        }
        guard call.bindings.count <= function.outputs.count else {
            let outputs = function.outputs.isEmpty ? "no out-parameter" : function.outputs.joined(separator: ", ")
            throw ScenarioRuntimeError(
                column: 1, message: "\(function.name) has \(outputs) to bind, found \(call.bindings.count) name(s)")
        }
        if let expectation = call.expectation {
            try read(expectation, function.name)
        }
    }

    private func check(_ directive: ScenarioDirective) throws(ScenarioRuntimeError) {
        let name = "@" + ScenarioToken.bounded(directive.name)
        guard let form = self.directive(named: directive.name) else {
            throw ScenarioRuntimeError(column: 1, message: "unknown directive '\(name)'")
        }
        guard form.words.contains(directive.words.count) else {
            throw ScenarioRuntimeError(
                column: 1, message: "\(name) takes \(Self.count(form.words)) word(s), found \(directive.words.count)")
        }
        if let expectation = directive.expectation {
            guard form.takesExpectation else {
                throw ScenarioRuntimeError(column: expectation.column, message: "\(name) takes no expectation")
            }
        }
        if directive.name == "expect" {
            try ScenarioStateCheck.validate(directive)
        } else if let expectation = directive.expectation {
            try read(expectation, "@" + directive.name)
        }
    }

    /// Reads an expectation: `BUGCHECK [CODE [PARAMETER...]]` the same for every simulator, the
    /// rest as the family reads it.
    private func read(_ expectation: ScenarioExpectation, _ call: String) throws(ScenarioRuntimeError) {
        if ScenarioBugCheck.isExpected(by: expectation) {
            _ = try ScenarioBugCheck.expected(in: expectation)
        } else {
            try readExpectation(expectation, call)
        }
    }

    /// `2`, or `2 or 3`, or `1 to 5`.
    static func count(_ range: ClosedRange<Int>) -> String {
        if range.lowerBound == range.upperBound { return "\(range.lowerBound)" }
        let joiner = range.upperBound == range.lowerBound + 1 ? " or " : " to "
        return "\(range.lowerBound)\(joiner)\(range.upperBound)"
    }
}
