import PythonSyntax
import TraceStore

/// Computes the SPEC §2 facts of every function from syntax: each fact first from the function's
/// own body, then, for those that flow through calls (side effects, eager-only calls, tensor
/// computation), through the call graph to a fixpoint.
public struct FactsAnalyzer {
    public let index: ProjectIndex
    public let graph: CallGraph
    public let hierarchy: ClassHierarchy
    public let kinds: KindInference
    public let recursion: Recursion
    public let speculation: Bool
    /// Whether `bool` literals count as primitive parameters (SPEC §2 excludes them by default).
    public let countingBools: Bool

    /// Functions a trace observed being called: entry points too (SPEC §2 `reachable`).
    public let observedFunctions: Set<Int>

    /// `observed`: caller→callee edges and called functions from trace databases, which join the
    /// static call graph, so that what only runs through `self` dispatch to an override, `getattr`
    /// or a callback becomes reachable and its callees' effects reach its callers.
    public init(project: Project, speculation: Bool = true, countingBools: Bool = false, observed: TraceEvidence? = nil) {
        let index = ProjectIndex(project: project)
        self.index = index
        hierarchy = ClassHierarchy(index: index)
        kinds = KindInference(index: index, hierarchy: hierarchy)
        var graph = CallGraph(index: index, kinds: kinds)
        var observedFunctions: Set<Int> = []
        if let observed {
            let ids = Self.functionIDs(of: index, in: observed)
            observedFunctions = Set(ids.compactMap { key, id in (observed.function(key)?.calls ?? 0) > 0 ? id : nil })
            let edges = observed.edges.keys.sorted { ($0.caller, $0.callee, $0.line) < ($1.caller, $1.callee, $1.line) }
                .compactMap { edge -> (caller: Int, callee: Int, line: Int, sameReceiver: Bool)? in
                    guard let caller = ids[edge.caller], let callee = ids[edge.callee] else { return nil }
                    let same = Self.sameHierarchy(index.functions[caller], index.functions[callee], index: index)
                    return (caller, callee, edge.line, same)
                }
            graph.addObserved(edges)
        }
        self.graph = graph
        self.observedFunctions = observedFunctions
        recursion = Recursion(graph: graph, functionCount: index.functions.count)
        self.speculation = speculation
        self.countingBools = countingBools
    }

    /// The facts of every def and lambda (module bodies are callers, not candidates).
    public func analyze() -> [FunctionFacts] {
        let wrappers = Dictionary(
            project.files.flatMap { file in
                HybridDecoration.wrappers(in: file.module, name: file.name, resolver: index.resolver).map {
                    (file.name.description + "." + $0.key, $0.value)
                }
            }, uniquingKeysWith: { first, _ in first })
        let direct = index.functions.map { BodyScan(function: $0, analyzer: self).run() }
        let sideEffects = throughWrappers(propagateSideEffects(direct))
        let eagerOnly = throughWrappers(propagate(direct.map(\.eagerOnly)))
        let computation = propagateUndecided(propagate(direct.map(\.tensorComputation)))
        // A callee is traced into the caller's graph, its op names with it.
        let invalidNames = throughWrappers(propagate(direct.map(\.invalidNameArguments)))
        let symbolicArguments = KerasSymbolicArguments(kinds: kinds, hierarchy: hierarchy).find(in: index)
        let coercions = DTypeCoercions(index: index, kinds: kinds)
        let reachable = reachableFunctions()
        let undecided = reachingUnresolvedCalls()
        let hybrids = Set(index.functions.filter { function in
            wrappers[function.qualifiedName] != nil
                || HybridDecoration.of(decorators: function.decorators, in: function.module, resolver: index.resolver) != nil
        }.map(\.id))
        let callers = knownCallers()
        let axisReads = staticAxisReads()
        let coverage = CallerCoverage(
            callers: callers, graphBound: hybrids, candidates: index.functions.filter { $0.kind != .moduleBody }.map(\.id))
        var result: [FunctionFacts] = []
        for function in index.functions where function.kind != .moduleBody {
            let scan = direct[function.id]
            var facts: [FactName: Fact] = [:]
            var assumptions: [Assumption] = []
            facts[.tensorParameter] = tensorParameter(of: function)
            if facts[.tensorParameter]?.value == .unknown, speculation, let keyword = speculativeKeyword(function) {
                facts[.tensorParameter] = Fact(
                    .yes, .speculative,
                    reasons: ["assumed to take tensors: `\(function.qualname)` matches the DL keyword \(keyword)"])
                assumptions.append(Assumption(fact: .tensorParameter, assumed: true, rule: "keyword", detail: keyword))
            }
            facts[.primitiveParameter] = primitiveParameter(of: function, reachable: reachable.contains(function.id))
            facts[.sideEffects] = sideEffects[function.id]
            facts[.recursive] = recursionFact(function)
            if let why = undecided[function.id] {
                // A callee nothing resolves could do anything, call this function included.
                for name in [FactName.sideEffects, .recursive] where facts[name]?.value == .no {
                    facts[name] = Fact(.unknown, reasons: [why])
                }
            }
            if !reachable.contains(function.id) {
                // The call graph is built from the entry points: a function none of them reaches
                // has no node in it, so what it or its callees do when called is not decided,
                // unless its own body already shows it.
                let why = "no entry point (module code or a test) reaches it, so the call graph says nothing of it"
                for name in [FactName.sideEffects, .recursive] where facts[name]?.value == .no {
                    facts[name] = Fact(.unknown, reasons: [why])
                }
            }
            facts[.eagerOnlyCalls] = eagerOnly[function.id]
            facts[.tensorIteration] = scan.tensorIteration
            facts[.numpyOnParameters] = scan.numpyOnParameters
            let staleReads = StaleVariableReadScan(function: function, analyzer: self).run()
            facts[.staleVariableReads] = staleReads.fact
            facts[.invalidNameArguments] = invalidNames[function.id]
            facts[.conflictingDTypeCoercions] = coercions.conflicts[function.id].map { Fact(.yes, reasons: [$0.reason]) } ?? Fact(.no)
            facts[.kerasSymbolicArguments] = symbolicArguments[function.id].map { Fact(.yes, reasons: [$0]) } ?? Fact(.no)
            facts[.tensorComputation] = computation[function.id]
            facts[.coveredCallers] = coveredCallers(of: function.id, callers: callers, coverage: coverage, hybrids: hybrids)
            facts[.reachable] = Fact(TriState(reachable.contains(function.id)),
                                     reasons: reachable.contains(function.id) ? [] : ["no entry point calls it"])
            let hybrid = HybridDecoration.of(decorators: function.decorators, in: function.module, resolver: index.resolver)
            var functionFacts = FunctionFacts(
                file: function.file, qualname: function.qualname, line: function.line,
                hybrid: hybrid ?? wrappers[function.qualifiedName], facts: facts, assumptions: assumptions)
            functionFacts.isTestCode = kinds.fixtures.isRunByPytest(function)
            functionFacts.directEffects = scan.effects
            functionFacts.receiverName = function.receiverName
            functionFacts.variableListBuildLine = staleReads.buildLine
            functionFacts.staticAxisReads = axisReads[function.id]
            functionFacts.binaryPartners = coercions.partners(in: function)
            functionFacts.numpyShapeReads = scan.numpyShapeReads
            let simpleName = function.qualname.split(separator: ".").last.map(String.init) ?? function.qualname
            functionFacts.isConstructor = Self.isConstructor(function)
            functionFacts.isAbstract = isAbstract(function)
            functionFacts.isKerasCall = function.kind == .method && simpleName == "call"
                && function.owningClass.map(hierarchy.isKerasLayer) == true
            if !assumptions.isEmpty { functionFacts.reachingTests = testsReaching(function.id) }
            result.append(functionFacts)
        }
        return result
    }

    private var project: Project { index.project }

    /// The project function of each traced function, matched as the verdicts match them
    /// (`TraceEvidence.function(file:qualname:line:)`: by def line, or by qualname when it moved).
    static func functionIDs(of index: ProjectIndex, in observed: TraceEvidence) -> [TraceEvidence.FunctionKey: Int] {
        var result: [TraceEvidence.FunctionKey: Int] = [:]
        for function in index.functions {
            guard let traced = observed.function(file: function.file, qualname: function.qualname, line: function.line) else {
                continue
            }
            result[traced.key] = result[traced.key] ?? function.id
        }
        return result
    }

    /// `build` of a class that descends from a Keras Layer (a Model is one).
    func isKerasBuild(_ function: FunctionNode) -> Bool {
        guard function.kind == .method, function.qualname.split(separator: ".").last == "build",
            let owner = function.owningClass
        else { return false }
        return hierarchy.isKerasLayer(owner) || hierarchy.isKerasModel(owner)
    }

    /// `@abc.abstractmethod` (any spelling that resolves to it), or a stub body: only a docstring,
    /// then `raise NotImplementedError[(...)]` or `...`. A body that raises only on some path is
    /// a real implementation.
    func isAbstract(_ function: FunctionNode) -> Bool {
        guard function.kind == .method || function.kind == .function else { return false }
        for decorator in function.decorators {
            let name = index.resolver.qualifiedName(of: decorator, in: function.module) ?? decorator.dottedText ?? ""
            if ["abc.abstractmethod", "abstractmethod"].contains(name) { return true }
        }
        var body = function.body[...]
        if case .expression(let first)? = body.first?.kind, case .constant(.string) = first.kind, body.count > 1 {
            body = body.dropFirst()
        }
        guard body.count == 1, let only = body.first else { return false }
        switch only.kind {
        case .expression(let value):
            if case .constant(.ellipsis) = value.kind { return true }
            return false
        case .raise(let exception?, _):
            let raised: Expression
            if case .call(let call) = exception.kind { raised = call.function } else { raised = exception }
            return raised.isBuiltinName(["NotImplementedError"])
        default:
            return false
        }
    }

    static func isConstructor(_ function: FunctionNode) -> Bool {
        let name = function.qualname.split(separator: ".").last.map(String.init) ?? function.qualname
        return function.kind == .method && ["__init__", "__new__", "__post_init__"].contains(name)
    }

    /// Both methods, of classes one of which descends from the other.
    static func sameHierarchy(_ caller: FunctionNode, _ callee: FunctionNode, index: ProjectIndex) -> Bool {
        guard caller.receiverName != nil, callee.receiverName != nil,
            let callerClass = caller.owningClass, let calleeClass = callee.owningClass
        else { return false }
        return callerClass.id == calleeClass.id || descends(callerClass, from: calleeClass, index: index)
            || descends(calleeClass, from: callerClass, index: index)
    }

    private static func descends(_ node: ClassNode, from ancestor: ClassNode, index: ProjectIndex) -> Bool {
        var pending = index.projectBases(of: node)
        var seen: Set<Int> = []
        while let current = pending.popLast() {
            if current.id == ancestor.id { return true }
            if seen.insert(current.id).inserted { pending += index.projectBases(of: current) }
        }
        return false
    }

    /// The tests and fixtures from which the call graph reaches `function`, nearest first.
    public func testsReaching(_ function: Int, limit: Int = 5) -> [String] {
        var found: [String] = []
        var seen: Set<Int> = [function]
        var pending = [function]
        var cursor = 0
        while cursor < pending.count && found.count < limit {
            let next = pending[cursor]
            cursor += 1
            if next != function && kinds.fixtures.isTest(index.functions[next]) {
                found.append("\(index.functions[next].file)::\(index.functions[next].qualname.replacingOccurrences(of: ".", with: "::"))")
            }
            for caller in graph.projectCallers[next] ?? [] where seen.insert(caller).inserted {
                pending.append(caller)
            }
        }
        return found
    }

    // MARK: Callers (21)

    /// Each function's callers, as 21 HAS_COVERED_CALLERS weighs them: a project function's id, or
    /// nil for a caller that runs eagerly whatever the plan (module-level code, a test or fixture)
    /// and for callers nobody sees: a function used as a value (returned, passed, stored) may be
    /// called by whatever receives it. Static edges and those only traces saw.
    public func knownCallers() -> [Int: [Int?]] {
        let escaping = ValueReferences(project: project).names
        var result: [Int: [Int?]] = [:]
        for function in index.functions where function.kind != .moduleBody {
            var callers = (graph.projectCallers[function.id] ?? []).map { id -> Int? in
                let caller = index.functions[id]
                return caller.kind == .moduleBody || kinds.fixtures.isRunByPytest(caller) ? nil : id
            }
            let name = function.qualname.split(separator: ".").last.map(String.init) ?? function.qualname
            if escaping.contains(name) { callers.append(nil) }
            result[function.id] = callers
        }
        return result
    }

    private func coveredCallers(of id: Int, callers: [Int: [Int?]], coverage: CallerCoverage<Int>, hybrids: Set<Int>) -> Fact {
        let describe = { (caller: Int) -> String in
            let function = self.index.functions[caller]
            return "`\(function.qualname)` (line \(function.line), " + (hybrids.contains(caller) ? "hybrid" : "itself covered") + ")"
        }
        if let inside = coverage.covered[id] {
            let traced = inside.contains { graph.observedEdges.contains(CallGraph.ProjectPair(caller: $0, callee: id)) }
            return Fact(.yes, traced ? .trace : .static, reasons: [
                "every caller runs inside a graph, which traces this function into its own: "
                    + inside.map(describe).joined(separator: ", ")
            ])
        }
        let known = callers[id] ?? []
        if known.isEmpty { return Fact(.no, reasons: ["no known caller"]) }
        let name = index.functions[id].qualname
        if known.contains(where: { $0 == nil }) {
            return Fact(.no, reasons: ["module-level code, a test, or a caller nobody sees (`\(name)` is used as a value) calls it eagerly"])
        }
        let eager = known.compactMap { $0 }.filter { $0 == id || !(hybrids.contains($0) || coverage.isCovered($0)) }
        return Fact(.no, reasons: ["called eagerly by " + eager.prefix(3).map { "`\(index.functions[$0].qualname)`" }.joined(separator: ", ")])
    }

    // MARK: Parameters

    /// The parameters a caller passes: all but a method's `self`/`cls`.
    func candidateParameters(of function: FunctionNode) -> [Parameter] {
        var parameters = function.parameters
        if function.receiverName != nil { parameters.removeFirst() }
        return parameters
    }

    private func tensorParameter(of function: FunctionNode) -> Fact {
        let parameters = candidateParameters(of: function)
        guard !parameters.isEmpty else {
            return Fact(.no, reasons: ["it takes no parameters besides self"])
        }
        let known = kinds.parameters[function.id] ?? [:]
        if let tensor = parameters.first(where: { known[$0.name]?.kind.isTensorLike == true }), let kind = known[tensor.name] {
            return Fact(.yes, kind.evidence, reasons: ["`\(tensor.name)` is a \(kind.kind.description): " + kind.sources.joined(separator: "; ")])
        }
        if let tensor = parameters.first(where: { known[$0.name]?.kind.mayBeTensor == true }), let kind = known[tensor.name] {
            return Fact(.yes, kind.evidence, reasons: ["`\(tensor.name)` is a \(kind.kind.description): " + kind.sources.joined(separator: "; ")])
        }
        if parameters.allSatisfy({ !(known[$0.name]?.kind ?? .unknown).isUndetermined }) {
            let described = parameters.map { "`\($0.name)` is \(known[$0.name]?.kind.description ?? "?")" }
            return Fact(.no, reasons: ["no parameter receives a tensor: " + described.joined(separator: ", ")])
        }
        let untyped = parameters.filter { (known[$0.name]?.kind ?? .unknown).isUndetermined }.map { "`\($0.name)`" }
        return Fact(.unknown, reasons: ["nothing types " + untyped.joined(separator: ", ") + " (no hint, no resolved caller)"])
    }

    /// SPEC §2 primitiveParameter: some parameter receives Python literals at its call sites.
    /// A literal is visible in the code, so an argument that is not one (a model, a tensor, a
    /// value of unknown kind) is decided: not a literal. Only a function nobody is seen calling
    /// leaves the question open.
    private func primitiveParameter(of function: FunctionNode, reachable: Bool) -> Fact {
        let parameters = candidateParameters(of: function)
        let known = kinds.parameters[function.id] ?? [:]
        for parameter in parameters where parameter.kind != .variadic && parameter.kind != .variadicKeyword {
            guard let kind = known[parameter.name] else { continue }
            let literal = kind.kind.isRetracingLiteral(countingBools: countingBools) || kind.kind.mayBeRetracingLiteral
            if literal && (kind.suppliedByCaller || kind.evidence == .hint) {
                let what = kind.kind.isMixed
                    ? "Python literals at some calls and other values at others (each new literal retraces)"
                    : "Python \(kind.kind.description) values (each new value retraces)"
                return Fact(.yes, kind.evidence, reasons: ["`\(parameter.name)` receives \(what): " + kind.sources.joined(separator: "; ")])
            }
        }
        // Keywords that land in `**kwargs` are part of the call signature too.
        if let packed = parameters.first(where: { $0.kind == .variadicKeyword }) {
            let declared = Set(function.parameters.map(\.name))
            for (name, kind) in known.sorted(by: { $0.key < $1.key }) where !declared.contains(name) && kind.suppliedByCaller
                && kind.kind.isRetracingLiteral(countingBools: countingBools)
            {
                return Fact(.yes, kind.evidence, reasons: [
                    "`\(packed.name)` receives the keyword `\(name)` as Python \(kind.kind.description) values (each new value retraces): "
                        + kind.sources.joined(separator: "; ")
                ])
            }
        }
        let required = parameters.filter { $0.defaultValue == nil && $0.kind != .variadic && $0.kind != .variadicKeyword }
        // A function no entry point reaches has no call-graph node: its own calls of itself
        // (recursion) say nothing of what the outside passes.
        if !required.isEmpty && (!kinds.called.contains(function.id) || !reachable) {
            return Fact(.unknown, reasons: [
                "no call of it was found, so what " + required.map { "`\($0.name)`" }.joined(separator: ", ") + " receive is open"
            ])
        }
        return Fact(.no)
    }

    // MARK: Recursion, reachability, speculation

    private func recursionFact(_ function: FunctionNode) -> Fact {
        guard let cycle = recursion.cycles[function.id] else { return Fact(.no) }
        if cycle.isEmpty {
            return Fact(.yes, reasons: ["it calls itself"])
        }
        let others = cycle.map { index.functions[$0].qualname }
        return Fact(.yes, reasons: ["it is mutually recursive with " + others.joined(separator: ", ")])
    }

    /// Entry points: module top levels and pytest tests.
    private func reachableFunctions() -> Set<Int> {
        // Methods only Keras calls (a Model's `call`, `train_step`) are not entry points: nothing
        // in the project shows how they are called.
        var pending = index.functions.filter { function in
            function.kind == .moduleBody || kinds.fixtures.isTest(function) || observedFunctions.contains(function.id)
        }.map(\.id) + kinds.fixtures.autouse.map(\.id)
        var seen = Set(pending)
        while let next = pending.popLast() {
            for callee in graph.projectCallees[next] ?? [] where seen.insert(callee).inserted {
                pending.append(callee)
            }
        }
        return seen
    }

    /// The functions that make, or reach through their callees, a call nothing resolves, each
    /// with the reason in words.
    private func reachingUnresolvedCalls() -> [Int: String] {
        var reasons: [Int: String] = [:]
        // The unresolved call each function reaches first, in words: `hook` (app/train.py:12).
        var origins: [Int: String] = [:]
        var pending: [Int] = []
        for (id, calls) in graph.unresolved.sorted(by: { $0.key < $1.key }) {
            guard let first = calls.first else { continue }
            reasons[id] = "line \(first.line) calls `\(first.callee)`, whose value static analysis cannot resolve"
            origins[id] = "`\(first.callee)` (\(index.functions[id].file):\(first.line))"
            pending.append(id)
        }
        // Breadth first, so each caller names the nearest unresolved call.
        var cursor = 0
        while cursor < pending.count {
            let next = pending[cursor]
            cursor += 1
            for caller in graph.projectCallers[next] ?? [] where reasons[caller] == nil {
                let origin = origins[next] ?? "a value"
                reasons[caller] = "it calls \(index.functions[next].qualname), which leads to a call of \(origin) that static analysis cannot resolve"
                origins[caller] = origin
                pending.append(caller)
            }
        }
        return reasons
    }

    /// SPEC §5: the DL keywords that make the analyzer assume a function takes tensors.
    func speculativeKeyword(_ function: FunctionNode) -> String? {
        guard !candidateParameters(of: function).isEmpty else { return nil }
        let name = function.qualname.split(separator: ".").last.map(String.init) ?? function.qualname
        if name.hasSuffix("_step") {
            let before = name.dropLast("_step".count)
            if before.contains("train") || before.contains("test") { return name }
        }
        if name == "run_model" || name.hasSuffix("inference") { return name }
        if name == "call" || name == "__call__", let owner = function.owningClass, hierarchy.isKerasModel(owner) {
            return "\(name) on a Keras Model"
        }
        return nil
    }

    // MARK: Propagation

    private struct Pair: Hashable {
        var callee: Int
        var receiver: CallGraph.Receiver
        init(_ callee: Int, _ receiver: CallGraph.Receiver) { self.callee = callee; self.receiver = receiver }
    }

    /// Side effects through the call graph. An effect on a variable or object that an
    /// enclosing function created for its own call (a list its nested helper appends to, a
    /// `nonlocal` counter) stops at that function: it does not outlive the creator's call.
    private func propagateSideEffects(_ direct: [BodyScan.Result]) -> [Fact] {
        var facts = direct.map(\.sideEffects)
        var owned = direct.map(\.ownedEffects)
        // A Keras layer's `build` initialising its own layer is lazy construction, not a side
        // effect for its callers. Keras 3 runs it once per layer, from `Layer.__call__` through
        // `_maybe_build`, guarded by `self.built` (keras/src/layers/layer.py, 3.15); under a
        // tf.function that first call is the first trace, where TF 2.21 allows variable creation,
        // and the attributes it sets persist as they would eagerly. Later calls never build.
        for function in index.functions where isKerasBuild(function) {
            owned[function.id][BodyScan.receiverKey(of: function.id)] = nil
        }
        var unique: [Int: Set<Pair>] = [:]
        for edge in graph.edges {
            if case .project(let callee) = edge.callee { unique[edge.caller, default: []].insert(Pair(callee, edge.receiver)) }
        }
        let calls = unique.mapValues { pairs in
            pairs.sorted { ($0.callee, $0.receiver.order) < ($1.callee, $1.receiver.order) }
        }
        var changed = true
        var rounds = 0
        while changed && rounds < index.functions.count + 1 {
            changed = false
            rounds += 1
            for function in index.functions {
                // In a fixed order, so that reasons name the same callee on every run.
                for pair in calls[function.id] ?? [] where pair.callee != function.id {
                    let (callee, receiver) = (pair.callee, pair.receiver)
                    let observed = graph.observedEdges.contains(CallGraph.ProjectPair(caller: function.id, callee: callee))
                    let via = "it calls \(index.functions[callee].qualname)" + (observed ? " (a call only traces saw)" : "")
                    if facts[function.id].value != .yes, facts[callee].value == .yes {
                        let reason = facts[callee].reasons.first.map { ": \($0)" } ?? ""
                        facts[function.id] = Fact(.yes, observed ? .trace : facts[callee].evidence, reasons: [via + reason])
                        changed = true
                    }
                    for (owner, reason) in owned[callee] where owner != function.id {
                        var key: Int? = owner
                        if owner == BodyScan.receiverKey(of: callee) {
                            // The callee's writes to its `self`: nothing for a caller that made the
                            // object, its own receiver's for a caller calling through `self`, and
                            // a plain effect otherwise.
                            switch receiver {
                            case .callersOwn: continue
                            case .callersSelf: key = function.kind == .method ? BodyScan.receiverKey(of: function.id) : nil
                            case .other: key = nil
                            }
                        }
                        guard let key else {
                            if facts[function.id].value != .yes {
                                facts[function.id] = Fact(.yes, reasons: ["\(via): \(reason)"])
                                changed = true
                            }
                            continue
                        }
                        if owned[function.id][key] == nil {
                            owned[function.id][key] = "\(via): \(reason)"
                            changed = true
                        }
                    }
                }
            }
        }
        for function in index.functions where facts[function.id].value != .yes {
            // A constructor initialising the object it was called to make has no side effect by
            // that (as the tracer, which does not watch `self` in `__init__`, sees it too).
            let own = Self.isConstructor(function) ? BodyScan.receiverKey(of: function.id) : nil
            if let first = owned[function.id].filter({ $0.key != own }).sorted(by: { $0.key < $1.key }).first {
                facts[function.id] = Fact(.yes, reasons: [first.value])
            }
        }
        return facts
    }

    /// `@tf.function` goes above a function's other decorators (SPEC §7), so it would trace
    /// their wrappers too: what a wrapper does (a timing `print`) is the decorated function's.
    private func throughWrappers(_ facts: [Fact]) -> [Fact] {
        var result = facts
        for (id, wrappers) in kinds.wrappers.sorted(by: { $0.key < $1.key }) where result[id].value != .yes {
            guard let wrapper = wrappers.first(where: { facts[$0].value == .yes }) else { continue }
            let reason = facts[wrapper].reasons.first.map { ": \($0)" } ?? ""
            result[id] = Fact(.yes, facts[wrapper].evidence,
                              reasons: ["its decorator wraps it in \(index.functions[wrapper].qualname), which runs on every call\(reason)"])
        }
        return result
    }

    /// A fact that holds when it holds for the function or for anything it calls.
    private func propagate(_ direct: [Fact]) -> [Fact] {
        var facts = direct
        var changed = true
        var rounds = 0
        while changed && rounds < index.functions.count + 1 {
            changed = false
            rounds += 1
            for function in index.functions where facts[function.id].value != .yes {
                for callee in graph.projectCallees[function.id] ?? [] where facts[callee].value == .yes {
                    let reason = facts[callee].reasons.first.map { ": \($0)" } ?? ""
                    facts[function.id] = Fact(.yes, facts[callee].evidence,
                                              reasons: ["it calls \(index.functions[callee].qualname)\(reason)"])
                    changed = true
                    break
                }
            }
        }
        return facts
    }

    /// After `propagate`: a `false` that calls an `unknown` is not decided either (a callee whose
    /// operands nothing typed may run TensorFlow ops).
    private func propagateUndecided(_ facts: [Fact]) -> [Fact] {
        var facts = facts
        var pending = index.functions.map(\.id).filter { facts[$0].value == .unknown }
        while let undecided = pending.popLast() {
            for caller in graph.projectCallers[undecided] ?? [] where facts[caller].value == .no {
                let reason = facts[undecided].reasons.first.map { ": \($0)" } ?? ""
                facts[caller] = Fact(.unknown, reasons: ["it calls \(index.functions[undecided].qualname)\(reason)"])
                pending.append(caller)
            }
        }
        return facts
    }
}
