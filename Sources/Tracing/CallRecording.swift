import CPython
import CPythonShim
import PythonRuntime
import TraceStore

/// What happens at the start and end of each project call (shared by both hook designs).
extension Tracer {
    /// Records the arguments, takes the effect baselines and pushes the call. The frame has not
    /// run yet, so its first slots hold exactly the arguments.
    func enter(function index: Int, frame: OpaquePointer, context: ThreadContext) {
        context.busy = true
        defer { context.busy = false }
        let record = functions[index]
        let function = Int32(index)
        context.scratch.removeAll(keepingCapacity: true)
        let firstWatch = context.watches.count
        // tf.function lets a function create variables on its first call only; on a method, on
        // each instance's first call (TF 2.21 polymorphic_function.py `Function.__get__` keeps one
        // function per instance). A receiver whose identity is not tracked counts per function.
        record.callsStarted += 1
        var isRepeat = record.callsStarted > 1
        if let locals = hyb_frame_localsplus(frame) {
            for position in record.params.indices {
                guard let value = locals[position] else {
                    context.scratch.append(ParamFingerprint(kind: unboundID))
                    continue
                }
                var (fingerprint, info, literalHash) = classifier.observe(value)
                if let hash = literalHash {
                    // Every literal, a number or a short list of them, is bounded the same way.
                    let values: LiteralValues
                    if let existing = record.literals[position] {
                        values = existing
                    } else {
                        values = LiteralValues()
                        record.literals[position] = values
                    }
                    fingerprint.value = values.fold(hash: hash, many: manyID) { classifier.literalID(value) }
                }
                if info.category == .object || info.category == .iterator {
                    let tracker: IdentityTracker
                    if let existing = record.identities[position][info.kindID] {
                        tracker = existing
                    } else {
                        // Written once per parameter and kind, not on every call.
                        tracker = IdentityTracker()
                        record.identities[position][info.kindID] = tracker
                    }
                    let isNew = tracker.observe(value)
                    if position == 0 && record.hasReceiver { isRepeat = !isNew }
                }
                if info.category.isWatchable && !record.isBody && !(position == 0 && record.constructsSelf) {
                    addWatch(name: record.params[position], object: value, info: info, context: context, from: firstWatch)
                }
                context.scratch.append(fingerprint)
            }
        }
        if !record.isBody, let globals = hyb_frame_globals(frame), hyb_is_dict(globals) != 0 {
            snapshots.refresh(globals)
            context.watches.append(Watch(name: "<globals>", object: globals, owner: 0, role: .globals,
                                         baseline: .dict(version: hyb_dict_version(globals))))
            for global in watchableGlobals(of: record, in: globals) {
                addWatch(name: global.name, object: global.object, info: global.info, context: context, from: firstWatch)
            }
        }
        let graph = buildingGraph()
        let stats: SignatureStats
        if let last = record.lastSignature, last.key.graph == graph, last.key.params == context.scratch {
            stats = last.stats
        } else {
            let key = SignatureKey(function: function, graph: graph, params: context.scratch)
            if let existing = signatures[key] {
                stats = existing
            } else {
                stats = SignatureStats(id: signatures.count + 1)
                signatures[key] = stats
            }
            record.lastSignature = (key, stats)
        }
        if let caller = context.stack.last {
            let edge = EdgeKey(caller: caller.function, callee: function, instruction: hyb_frame_instruction(caller.frame))
            if let existing = edges[edge] {
                existing.calls += 1
                existing.dirty = true
            } else {
                let created = EdgeStats()
                created.calls = 1
                edges[edge] = created
            }
        }
        context.stack.append(
            ActiveCall(function: function, frame: frame, signature: stats, started: hyb_monotonic_ns(),
                       firstWatch: firstWatch, isRepeat: isRepeat, inGraph: graph))
    }

    /// Pops the call: compares the baselines, aggregates its effects, hands them to the caller.
    func exit(context: ThreadContext, ended: UInt64) {
        guard var call = context.stack.popLast() else { return }
        context.busy = true
        defer { context.busy = false }
        let elapsed = ended &- call.started
        for index in call.firstWatch..<context.watches.count {
            detectEffects(of: context.watches[index], in: &call)
            context.watches[index].release()
        }
        context.watches.removeSubrange(call.firstWatch...)
        let stats = call.signature
        stats.calls += 1
        stats.totalNanoseconds &+= elapsed
        stats.maxNanoseconds = max(stats.maxNanoseconds, elapsed)
        if let test = currentTest {
            stats.tests[test, default: 0] += 1
            if stats.lastTest != test {
                stats.lastTest = test
                stats.testsChanged.append(test)
            }
        }
        stats.dirty = true
        totalCalls += 1
        if !call.effects.isEmpty {
            for (observed, tally) in call.effects {
                let effect = boundedTarget(observed, function: call.function)
                let key = EffectKey(function: call.function, effect: effect)
                let aggregate: EffectStats
                if let existing = effects[key] {
                    aggregate = existing
                } else {
                    aggregate = EffectStats(id: effects.count + 1)
                    aggregate.firstTest = currentTest
                    effects[key] = aggregate
                }
                aggregate.count += tally.count
                if call.isRepeat { aggregate.repeatCount += tally.count }
                if call.inGraph { aggregate.graphCount += tally.count }
                aggregate.dirty = true
            }
            if !context.stack.isEmpty {
                let parent = context.stack.count - 1
                let instruction = hyb_frame_instruction(context.stack[parent].frame)
                for (effect, tally) in call.effects {
                    var target = effect.target
                    if tally.object != 0 {
                        // Say it in the caller's words: Box.set's "self.value" is fill's "box.value".
                        let watches = context.watches[context.stack[parent].firstWatch...]
                        guard let name = context.stack[parent].name(of: tally.object, watches: watches) else { continue }
                        let rest = target.firstIndex(where: { $0 == "." || $0 == "[" }).map { target[$0...] } ?? ""
                        target = name + rest
                    }
                    let inherited = ObservedEffect(
                        kind: effect.kind, target: target, location: .instruction(instruction), via: call.function)
                    context.stack[parent].effects[inherited, default: EffectTally(object: tally.object)].count += 1
                }
            }
        }
        flushIfDue(now: ended)
    }

    /// An effect reported by a wrapper (print, logging, I/O, variable creation): it belongs to the
    /// innermost project call on this thread, at the instruction that is running.
    func note(_ kind: SideEffectKind, target: String) {
        let context = ThreadContext.current
        guard !context.busy, let top = context.stack.indices.last else { return }
        let effect = ObservedEffect(
            kind: kind, target: target, location: .instruction(hyb_frame_instruction(context.stack[top].frame)), via: -1)
        context.stack[top].effects[effect, default: EffectTally()].count += 1
    }

    /// Targets past the first `maximumEffectTargets` of one kind in one function are folded into
    /// "<other>", so generated names (one per model built) cannot grow the database without bound.
    private func boundedTarget(_ effect: ObservedEffect, function: Int32) -> ObservedEffect {
        let key = "\(function)\u{0}\(effect.kind.rawValue)"
        var targets = effectTargets[key] ?? []
        if targets.contains(effect.target) { return effect }
        if targets.count < Self.maximumEffectTargets {
            targets.insert(effect.target)
            effectTargets[key] = targets
            return effect
        }
        return ObservedEffect(kind: effect.kind, target: "<other>", location: effect.location, via: effect.via)
    }

    /// The globals `record` reads that hold writable objects (dicts, lists, instances, iterators),
    /// recomputed only when the module dict changed.
    private func watchableGlobals(of record: FunctionRecord, in globals: PyObjectPointer)
        -> [(name: String, object: PyObjectPointer, info: TypeInfo)]
    {
        let version = hyb_dict_version(globals)
        if let cached = record.watchableGlobals, cached.globals == UInt(bitPattern: globals), cached.version == version {
            return cached.entries
        }
        var entries: [(name: String, object: PyObjectPointer, info: TypeInfo)] = []
        for name in record.globalNames {
            guard let value = PyDict_GetItemWithError(globals, name.pointer) else {
                PyErr_Clear()
                continue
            }
            let info = classifier.info(of: value)
            if info.category.isWatchable, let text = Python.unicode(name.pointer) {
                entries.append((text, value, info))
            }
        }
        // classifier.info may have run Python (a new type): the dict may have changed meanwhile.
        if hyb_dict_version(globals) == version {
            record.watchableGlobals = (UInt(bitPattern: globals), version, entries)
        }
        return entries
    }

    /// Adds a watch on `object` unless one is there already (an argument that is also a global).
    private func addWatch(name: String, object: PyObjectPointer, info: TypeInfo, context: ThreadContext, from first: Int) {
        let owner = UInt(bitPattern: object)
        guard !context.watches[first...].contains(where: { $0.owner == owner }) else { return }
        switch info.category {
        case .dict:
            snapshots.refresh(object)
            context.watches.append(Watch(name: name, object: object, owner: owner, role: .items,
                                 baseline: .dict(version: hyb_dict_version(object))))
        case .list:
            context.watches.append(Watch(name: name, object: object, owner: owner, role: .items, baseline: Baselines.list(object)))
        case .iterator:
            if let baseline = Baselines.iterator(
                object, isGenerator: hyb_is_generator(object) != 0, lastInstruction: generatorLastInstruction)
            {
                context.watches.append(Watch(name: name, object: object, owner: owner, role: .iterator, baseline: baseline))
            }
            fallthrough
        case .object:
            guard info.hasInstanceDict, let dict = hyb_instance_dict(object), hyb_is_dict(dict) != 0 else { return }
            snapshots.refresh(dict)
            context.watches.append(Watch(name: name, object: dict, owner: owner, role: .attributes,
                                 baseline: .dict(version: hyb_dict_version(dict))))
        default:
            return
        }
    }

    private func detectEffects(of watch: Watch, in call: inout ActiveCall) {
        let function = Int(call.function)
        func record(_ kind: SideEffectKind, _ target: String, lineKey: String) {
            let effect = ObservedEffect(
                kind: kind, target: target, location: .line(ownLine(of: function, key: lineKey)), via: -1)
            call.effects[effect, default: EffectTally(object: watch.owner)].count += 1
        }
        switch watch.baseline {
        case .dict(let version):
            let dict = watch.object
            guard hyb_dict_version(dict) != version else { return }
            guard let keys = snapshots.changedKeys(dict, since: version) else {
                switch watch.role {
                case .globals: record(.globalWrite, "<module>", lineKey: "")
                case .attributes: record(.attributeWrite, watch.name + ".*", lineKey: "")
                default: record(.itemWrite, watch.name + "[…]", lineKey: "item")
                }
                return
            }
            for key in keys {
                switch watch.role {
                case .globals: record(.globalWrite, key, lineKey: "global:" + key)
                case .attributes: record(.attributeWrite, watch.name + "." + key, lineKey: "attr:" + key)
                default: record(.itemWrite, "\(watch.name)[\(key)]", lineKey: "item")
                }
            }
        case .list(let length, let digest):
            guard case .list(let newLength, let newDigest) = Baselines.list(watch.object),
                newLength != length || newDigest != digest
            else { return }
            record(.itemWrite, watch.name, lineKey: "item")
        case .lengthHint(let remaining):
            let now = PyObject_LengthHint(watch.object, -1)
            if now < 0 { PyErr_Clear() }
            if now != remaining { record(.iterator, watch.name, lineKey: "next") }
        case .generator(let instruction):
            if Baselines.generatorInstruction(watch.object, lastInstruction: generatorLastInstruction) != instruction {
                record(.iterator, watch.name, lineKey: "next")
            }
        }
    }
}
