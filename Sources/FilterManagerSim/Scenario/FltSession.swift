import ScenarioKit

/// What a scenario name stands for.
enum FltBinding {
    /// A simulated object made by a directive.
    case object(FltObject)
    /// A context pointer variable; nil is NULL.
    case context(FltContext?)
    /// An `FLT_RELATED_CONTEXTS` structure filled by `FltGetContexts`.
    case related(RelatedContexts)
}

/// What one line did, before it becomes a ``ScenarioStep``.
struct LineOutcome {
    /// The return as the step shows it: a status, `-`, a count.
    var returned: String
    /// The status, for routines and directives that return one.
    var status: NTStatus?
    /// A count, for `@step` and `@drain`.
    var count: Int?
    /// Names bound by the line and what they now hold.
    var bound: [String: String] = [:]
    /// Extra lines for the step (contexts unlinked by a teardown, work items run).
    var notes: [String] = []
    /// The bug check the line caused.
    var bugCheck: BugCheck?

    static let void = LineOutcome(returned: "-")
}

/// The state of one scenario run: the machine and the names bound so far.
struct FltSession {
    let machine: FilterManager
    let ledgers: [ScenarioLedger]
    var bindings: [String: FltBinding] = [:]
    /// The registration array `@register` lines build before `@filter` registers it.
    var pendingRegistrations: [ContextRegistration] = []
    /// Each context's cleanup runs, by ledger name, with the line and level of each.
    var cleanupRuns: [String: [ScenarioCallbackRun]] = [:]
    /// The line being run, for the cleanup record.
    var currentLine = 0

    init(machine: FilterManager, ledgers: [ScenarioLedger]) {
        self.machine = machine
        self.ledgers = ledgers
    }

    /// The text a bound value prints as: `context#3`, `NULL`, a structure's members.
    func describe(_ binding: FltBinding) -> String {
        switch binding {
        case .object(let object): return machine.name(of: object)
        case .context(let context): return describe(context)
        case .related(let related):
            let members = related.members.compactMap { member in
                member.context.map { "\(member.field)=\(describe($0))" }
            }
            return "{" + members.joined(separator: ", ") + "}"
        }
    }

    func describe(_ context: FltContext?) -> String {
        guard let context else { return "NULL" }
        return machine.name(of: context) ?? context.description
    }

    // MARK: Arguments

    /// An object argument: a name bound to an object; anything else (NULL, a number, a context)
    /// is ``FltObject/invalid``.
    func object(_ argument: ScenarioArgument) throws(ScenarioRuntimeError) -> FltObject {
        if case .symbol(let name) = argument.value {
            switch bindings[name] {
            case .object(let object)?: return object
            case .context?, .related?: return .invalid
            case nil:
                if FltScenarioConstants.table.values[name] != nil { return .invalid }
                throw ScenarioRuntimeError(column: argument.column, message: "unknown name \(ScenarioToken.quoted(name))")
            }
        }
        if case .bytes = argument.value {
            throw ScenarioRuntimeError(column: argument.column, message: "expected an object, found a string")
        }
        return .invalid
    }

    /// An object argument where NULL is allowed (nil).
    func optionalObject(_ argument: ScenarioArgument?) throws(ScenarioRuntimeError) -> FltObject? {
        guard let argument else { return nil }
        switch argument.value {
        case .null, .number(0): return nil
        default: return try object(argument)
        }
    }

    /// A context argument: a bound context variable, NULL, or a number taken as a pointer value.
    func context(_ argument: ScenarioArgument) throws(ScenarioRuntimeError) -> FltContext? {
        switch argument.value {
        case .symbol(let name):
            switch bindings[name] {
            case .context(let context)?: return context
            case .object?, .related?: return FltContext(rawValue: UInt64(UInt32.max))
            case nil: throw ScenarioRuntimeError(column: argument.column, message: "unknown name \(ScenarioToken.quoted(name))")
            }
        default:
            let value = try FltScenarioConstants.table.integer(argument, width: 64)
            return FltContext(rawValue: value)
        }
    }

    /// An `FLT_RELATED_CONTEXTS` argument: a name bound by `FltGetContexts`.
    func related(_ argument: ScenarioArgument) throws(ScenarioRuntimeError) -> RelatedContexts {
        guard case .symbol(let name) = argument.value, case .related(let related)? = bindings[name] else {
            throw ScenarioRuntimeError(column: argument.column, message: "expected a name bound by FltGetContexts")
        }
        return related
    }

    /// A number or constant of up to 64 bits.
    func integer(_ argument: ScenarioArgument) throws(ScenarioRuntimeError) -> UInt64 {
        try FltScenarioConstants.table.integer(argument, width: 64)
    }

    /// Binds a name on the left of a call; a name that holds an object cannot be reused.
    mutating func bind(_ name: String, _ binding: FltBinding, into outcome: inout LineOutcome) {
        bindings[name] = binding
        outcome.bound[name] = describe(binding)
    }
}
