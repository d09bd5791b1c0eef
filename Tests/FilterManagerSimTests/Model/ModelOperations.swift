import ContextCore
import TestSupport
import FilterManagerSim

/// One random call on both the simulator and the model, compared.
extension ModelWorld {
    mutating func randomCall(_ random: inout SeededGenerator, _ checker: inout ModelChecker) {
        let roll = Int.random(in: 0..<100, using: &random)
        switch roll {
        case 0..<18: allocate(&random, &checker)
        case 18..<38: set(&random, &checker)
        case 38..<52: get(&random, &checker)
        case 52..<59: reference(&random, &checker)
        case 59..<81: release(&random, &checker)
        case 81..<86: deleteTarget(&random, &checker)
        case 86..<90: deleteContext(&random, &checker)
        case 90..<92: tearDown(&random, &checker)
        case 92..<97: step(&checker)
        default: open(&random, &checker)
        }
    }

    /// Picks the level a call runs at: almost always one the routine allows, rarely one above.
    mutating func level(upTo maximum: IRQL, _ random: inout SeededGenerator) -> IRQL {
        let level: IRQL
        if random.chance(0.3) {
            level = random.chance(50) ? IRQL(rawValue: maximum.rawValue + 1) : .high
        } else {
            level = IRQL(rawValue: UInt8.random(in: 0...maximum.rawValue, using: &random))
        }
        machine.setIRQL(level)
        model.irql = level
        return level
    }

    mutating func allocate(_ random: inout SeededGenerator, _ checker: inout ModelChecker) {
        let types: [ContextType] = [.volume, .instance, .file, .stream, .streamHandle, .transaction]
        var type = random.pick(types) ?? .stream
        if random.chance(3) { type = random.chance(50) ? .section : ContextType(rawValue: 0x3) }
        var size = UInt64.random(in: 1...200, using: &random)
        if random.chance(3) { size = random.chance(50) ? 0 : 0x10000 }
        let pool = random.chance(60) ? PoolType.nonPaged : random.chance(75) ? .paged : .nonPagedNx
        _ = level(upTo: .apc, &random)
        let prediction = model.allocate(type: type, size: size, pool: pool)
        let returned = OutParameter<FltContext?>()
        var status: NTStatus?
        do { status = try machine.allocateContext(filter: filter, type: type, size: size, pool: pool, context: returned) } catch {}
        if let context = returned.value {
            model.allocated(context, type: type, pool: pool)
            known.append(context)
            allocated.insert(context)
        }
        checker.compare("FltAllocateContext", prediction, status: status, value: nil, bugCheck: status == nil, world: &self, comparesValue: false)
    }

    /// A target: mostly live objects that belong together, sometimes torn-down or mismatched ones.
    mutating func target(_ random: inout SeededGenerator) -> ContextTarget {
        let liveInstances = live(instances)
        let instance = (random.chance(85) ? random.pick(liveInstances) : nil) ?? random.pick(instances) ?? .invalid
        let volume = model.nodes[instance]?.volume
        let fileObjects = handles + streams + (random.chance(20) ? files : [])
        let matching = live(fileObjects).filter { model.nodes[$0]?.volume == volume }
        let fileObject = (random.chance(80) ? random.pick(matching) : nil) ?? random.pick(fileObjects) ?? .invalid
        let transaction = (random.chance(85) ? random.pick(live(transactions)) : nil) ?? random.pick(transactions) ?? .invalid
        switch Int.random(in: 0..<6, using: &random) {
        case 0: return .volume((random.chance(85) ? random.pick(live(volumes)) : nil) ?? random.pick(volumes) ?? .invalid)
        case 1: return .instance(instance)
        case 2: return .file(instance: instance, fileObject: fileObject)
        case 3: return .stream(instance: instance, fileObject: fileObject)
        case 4: return .streamHandle(instance: instance, fileObject: fileObject)
        default: return .transaction(instance: instance, transaction: transaction)
        }
    }

    /// A context argument: mostly one that makes sense for the call, sometimes a freed one or NULL.
    mutating func context(_ random: inout SeededGenerator, preferring wanted: (ReferenceModel.Context) -> Bool) -> FltContext? {
        if random.chance(4) { return nil }
        let live = model.contexts.filter { $0.value.state == .live && wanted($0.value) }.map(\.key)
            .sorted { $0.rawValue < $1.rawValue }
        if !live.isEmpty && random.chance(85) { return random.pick(live) }
        return random.pick(Array(known.suffix(32)))
    }

    mutating func set(_ random: inout SeededGenerator, _ checker: inout ModelChecker) {
        // Usually aim at an object that takes the type of a context waiting to be attached.
        let waiting = model.contexts.filter { $0.value.state == .live && $0.value.link == nil }.map(\.value.type)
            .sorted { $0.rawValue < $1.rawValue }
        let wantedType = random.chance(70) ? random.pick(waiting) : nil
        var target = target(&random)
        for _ in 0..<12 where wantedType != nil && target.contextType != wantedType {
            target = self.target(&random)
        }
        let new = context(&random) { [target] in $0.link == nil && $0.type == target.contextType }
        let operation = random.chance(2) ? SetOperation(rawValue: 7) : random.chance(50) ? .keepIfExists : .replaceIfExists
        let returnOld = random.chance(60)
        _ = level(upTo: .apc, &random)
        let prediction = model.set(target, operation: operation, new: new, returnOld: returnOld)
        let old = returnOld ? OutParameter<FltContext?>() : nil
        var status: NTStatus?
        do { status = try machine.setContext(on: target, operation: operation, new: new, old: old) } catch {}
        checker.compare("FltSet\(target.routineStem)Context", prediction, status: status, value: old?.value ?? nil, bugCheck: status == nil, world: &self)
    }

    mutating func get(_ random: inout SeededGenerator, _ checker: inout ModelChecker) {
        let target = target(&random)
        _ = level(upTo: .apc, &random)
        let prediction = model.get(target)
        let returned = OutParameter<FltContext?>()
        var status: NTStatus?
        do { status = try machine.getContext(on: target, context: returned) } catch {}
        checker.compare("FltGet\(target.routineStem)Context", prediction, status: status, value: returned.value, bugCheck: status == nil, world: &self)
    }

    mutating func deleteTarget(_ random: inout SeededGenerator, _ checker: inout ModelChecker) {
        let target = target(&random)
        let returnOld = random.chance(50)
        _ = level(upTo: .apc, &random)
        let prediction = model.delete(target, returnOld: returnOld)
        let old = returnOld ? OutParameter<FltContext?>() : nil
        var status: NTStatus?
        do { status = try machine.deleteContext(on: target, old: old) } catch {}
        checker.compare("FltDelete\(target.routineStem)Context", prediction, status: status, value: old?.value ?? nil, bugCheck: status == nil, world: &self)
    }

    mutating func deleteContext(_ random: inout SeededGenerator, _ checker: inout ModelChecker) {
        let handle = context(&random) { $0.link != nil }
        _ = level(upTo: .apc, &random)
        let prediction = model.deleteContext(handle)
        var stopped = false
        do { try machine.deleteContext(handle) } catch { stopped = true }
        checker.compare("FltDeleteContext", prediction, status: nil, value: nil, bugCheck: stopped, world: &self)
    }

    mutating func reference(_ random: inout SeededGenerator, _ checker: inout ModelChecker) {
        let handle = context(&random) { _ in true }
        _ = level(upTo: .dispatch, &random)
        let prediction = model.reference(handle)
        var stopped = false
        do { try machine.referenceContext(handle) } catch { stopped = true }
        checker.compare("FltReferenceContext", prediction, status: nil, value: nil, bugCheck: stopped, world: &self)
    }

    mutating func release(_ random: inout SeededGenerator, _ checker: inout ModelChecker) {
        let handle = context(&random) { $0.callerReferences > 0 }
        let paged = handle.flatMap { model.contexts[$0]?.pool.isPaged } ?? false
        _ = level(upTo: paged ? .apc : .dispatch, &random)
        let prediction = model.release(handle)
        var stopped = false
        do { try machine.releaseContext(handle) } catch { stopped = true }
        checker.compare("FltReleaseContext", prediction, status: nil, value: nil, bugCheck: stopped, world: &self)
    }

    mutating func tearDown(_ random: inout SeededGenerator, _ checker: inout ModelChecker) {
        var candidates = live(handles + streams + files + instances + transactions)
        if random.chance(10) { candidates = live(volumes) }
        guard let object = random.pick(candidates) else { return step(&checker) }
        var prediction = ReferenceModel.Prediction()
        model.tearDown(object, into: &prediction)
        do { try machine.tearDown(object) } catch { checker.fail("teardown of \(object) refused: \(error)") }
        checker.compare("teardown \(object)", prediction, status: nil, value: nil, bugCheck: false, world: &self)
    }

    mutating func step(_ checker: inout ModelChecker) {
        var prediction = ReferenceModel.Prediction()
        let predicted = model.runWorkItem(into: &prediction)
        let ran = machine.runWorkItem() != nil
        checker.expect(ran == predicted, "work item ran \(ran), model \(predicted)")
        checker.compare("work item", prediction, status: nil, value: nil, bugCheck: false, world: &self)
    }

    mutating func open(_ random: inout SeededGenerator, _ checker: inout ModelChecker) {
        guard let stream = random.pick(live(streams)) else { return step(&checker) }
        do { try openHandle(on: stream) } catch { checker.fail("open on \(stream) refused: \(error)") }
    }
}
