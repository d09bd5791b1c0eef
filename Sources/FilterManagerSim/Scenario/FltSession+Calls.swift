import ContextCore
import ScenarioKit

extension FltSession {
    /// Runs one call line on the machine.
    mutating func perform(_ call: ScenarioCall) throws(ScenarioRuntimeError) -> LineOutcome {
        for name in call.bindings {
            if case .object? = bindings[name] {
                throw ScenarioRuntimeError(
                    column: 1, message: "\(ScenarioToken.quoted(name)) names an object and cannot be bound by \(call.function)")
            }
        }
        do {
            return try execute(call)
        } catch let error as ScenarioRuntimeError {
            throw error
        } catch let check as BugCheck {
            return LineOutcome(returned: check.title, bugCheck: check)
        } catch {
            throw ScenarioRuntimeError(column: call.functionColumn, message: "\(error)")
        }
    }

    private mutating func execute(_ call: ScenarioCall) throws -> LineOutcome {
        let arguments = call.arguments
        let name = call.function
        if name == "FltAllocateContext" {
            let filter = try object(arguments[0])
            let type = try integer(arguments[1])
            let size = try integer(arguments[2])
            let pool = try integer(arguments[3])
            let returned = OutParameter<FltContext?>()
            let status = try machine.allocateContext(
                filter: filter, type: ContextType(rawValue: UInt16(exactly: type) ?? 0), size: size,
                pool: PoolType(rawValue: UInt32(exactly: pool) ?? UInt32.max), context: returned)
            return self.status(status, binding: call.bindings.first, returned.value)
        }
        if name.hasPrefix("FltSet"), name.hasSuffix("Context") {
            let count = arguments.count
            let target = try self.target(of: name, stem: name.dropFirst(6).dropLast(7), arguments.prefix(count - 2))
            let operation = try integer(arguments[count - 2])
            let new = try context(arguments[count - 1])
            let old = call.bindings.isEmpty ? nil : OutParameter<FltContext?>()
            let status = try machine.setContext(
                on: target, operation: SetOperation(rawValue: UInt32(exactly: operation) ?? UInt32.max), new: new,
                old: old)
            return self.status(status, binding: call.bindings.first, old?.value ?? nil)
        }
        if name.hasPrefix("FltGet"), name.hasSuffix("Context"), name != "FltGetContexts" {
            let target = try self.target(of: name, stem: name.dropFirst(6).dropLast(7), arguments[...])
            let returned = OutParameter<FltContext?>()
            let status = try machine.getContext(on: target, context: returned)
            return self.status(status, binding: call.bindings.first, returned.value)
        }
        if name.hasPrefix("FltDelete"), name.hasSuffix("Context"), name != "FltDeleteContext" {
            let target = try self.target(of: name, stem: name.dropFirst(9).dropLast(7), arguments[...])
            let old = call.bindings.isEmpty ? nil : OutParameter<FltContext?>()
            let status = try machine.deleteContext(on: target, old: old)
            return self.status(status, binding: call.bindings.first, old?.value ?? nil)
        }
        return try executeVoid(name, call)
    }

    private mutating func executeVoid(_ name: String, _ call: ScenarioCall) throws -> LineOutcome {
        let arguments = call.arguments
        switch name {
        case "FltReleaseContext":
            try machine.releaseContext(try context(arguments[0]))
        case "FltReferenceContext":
            try machine.referenceContext(try context(arguments[0]))
        case "FltDeleteContext":
            try machine.deleteContext(try context(arguments[0]))
        case "FltReleaseContexts":
            try machine.releaseContexts(try related(arguments[0]))
        case "FltGetContexts":
            let instance = try object(arguments[0])
            let fileObject = try optionalObject(arguments[1])
            let desired = try integer(arguments[2])
            let transaction = try optionalObject(arguments.count > 3 ? arguments[3] : nil)
            let related = OutParameter(RelatedContexts())
            try machine.getContexts(
                instance: instance, fileObject: fileObject, transaction: transaction,
                desired: ContextType(rawValue: UInt16(truncatingIfNeeded: desired)), contexts: related)
            var outcome = LineOutcome.void
            if let name = call.bindings.first { bind(name, .related(related.value), into: &outcome) }
            return outcome
        default:
            try machine.unregisterFilter(try object(arguments[0]))
        }
        return .void
    }

    /// The target a set, get or delete routine names with its object arguments.
    private func target(
        of routine: String, stem: Substring, _ arguments: ArraySlice<ScenarioArgument>
    ) throws(ScenarioRuntimeError) -> ContextTarget {
        let objects = try arguments.map { (argument) throws(ScenarioRuntimeError) -> FltObject in try object(argument) }
        // Get and delete of a volume context take the filter first; it is checked, then dropped.
        let operands = stem == "Volume" && objects.count == 2 ? Array(objects.dropFirst()) : objects
        if stem == "Volume", objects.count == 2, objects[0] != machine.filterObject {
            return .volume(.invalid)
        }
        guard let first = operands.first else { throw ScenarioRuntimeError(column: 1, message: "\(routine) needs its objects") }
        let second = operands.count > 1 ? operands[1] : FltObject.invalid
        switch stem {
        case "Volume": return .volume(first)
        case "Instance": return .instance(first)
        case "File": return .file(instance: first, fileObject: second)
        case "Stream": return .stream(instance: first, fileObject: second)
        case "StreamHandle": return .streamHandle(instance: first, fileObject: second)
        default: return .transaction(instance: first, transaction: second)
        }
    }

    private mutating func status(_ status: NTStatus, binding: String?, _ context: FltContext?) -> LineOutcome {
        var outcome = LineOutcome(returned: status.description, status: status)
        if let binding { bind(binding, .context(context), into: &outcome) }
        return outcome
    }
}
