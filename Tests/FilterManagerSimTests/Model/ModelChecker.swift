import FilterManagerSim

/// Compares what the simulator did with what the model predicted, and counts the differences.
struct ModelChecker {
    var mismatches = 0
    var firstMismatches: [String] = []
    /// Where the run is, for messages: sequence and call number.
    var position = ""

    mutating func fail(_ message: String) {
        mismatches += 1
        if firstMismatches.count < 10 { firstMismatches.append("\(position): \(message)") }
    }

    mutating func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fail(message()) }
    }

    /// Compares one call's outcome, the cleanup callbacks it caused, and every count.
    mutating func compare(
        _ call: String, _ prediction: ReferenceModel.Prediction, status: NTStatus?, value: FltContext?,
        bugCheck: Bool, world: inout ModelWorld, comparesValue: Bool = true
    ) {
        expect(bugCheck == prediction.bugCheck, "\(call): bug check \(bugCheck), model \(prediction.bugCheck)")
        if !bugCheck && !prediction.bugCheck {
            if let wanted = prediction.status {
                expect(status == wanted, "\(call): \(status?.description ?? "no status"), model \(wanted)")
            }
            if comparesValue {
                expect(value == prediction.value, "\(call): returned \(String(describing: value)), model \(String(describing: prediction.value))")
            }
        }
        let violations = world.machine.takeReports().filter { $0.severity == .violation }
        expect(
            violations.count == prediction.violations,
            "\(call): \(violations.count) verifier report(s), model \(prediction.violations): \(violations.map(\.message))")
        compareCleanups(call, prediction, world: &world)
        compareCounts(call, world: &world)
    }

    private mutating func compareCleanups(_ call: String, _ prediction: ReferenceModel.Prediction, world: inout ModelWorld) {
        let cleanups = world.machine.takeCleanups()
        let now = Set(cleanups.filter { !$0.inWorkItem }.map(\.context))
        let inWorkItem = Set(cleanups.filter(\.inWorkItem).map(\.context))
        expect(now == Set(prediction.freedNow), "\(call): cleaned \(now.count) at once, model \(prediction.freedNow.count)")
        expect(
            inWorkItem == Set(prediction.freedInWorkItem),
            "\(call): cleaned \(inWorkItem.count) in work items, model \(prediction.freedInWorkItem.count)")
        for cleanup in cleanups {
            expect(!world.cleaned.contains(cleanup.context), "\(call): cleanup ran twice for \(cleanup.name)")
            expect(world.allocated.contains(cleanup.context), "\(call): cleanup for a context never allocated")
            world.cleaned.insert(cleanup.context)
        }
    }

    private mutating func compareCounts(_ call: String, world: inout ModelWorld) {
        for (handle, context) in world.model.contexts {
            let count = world.machine.referenceCount(of: handle)
            switch context.state {
            case .live:
                expect(count == context.count, "\(call): count \(String(describing: count)), model \(context.count)")
            case .queued, .freed:
                expect(count == nil, "\(call): a context the model freed has count \(String(describing: count))")
                if context.state == .freed { world.model.contexts[handle] = nil }
            }
        }
        expect(
            world.machine.queuedWorkItems == world.model.queue.count,
            "\(call): \(world.machine.queuedWorkItems) work item(s), model \(world.model.queue.count)")
    }
}
