import PythonSyntax

/// What a call site calls.
public enum CallTarget: Hashable, Sendable {
    /// A function, method, lambda or module body of the project.
    case project(Int)
    /// Something outside the project, by dotted name (`tensorflow.reduce_sum`).
    case external(String)
    /// A Python builtin (`print`, `len`).
    case builtin(String)
}

/// Who calls whom, with the line of each call site: calls of names, of module attributes, of
/// methods through `self`, `cls`, `super()` and values of known class, constructors (their
/// `__init__`), decorators, functions passed as values, and calls through values that hold
/// functions (parameters, dict and list entries, factories' results), as tensor inference
/// resolves them. Calls whose callee nothing resolves are kept apart, as `unresolved`.
public struct CallGraph: Sendable {
    public struct Edge: Hashable, Sendable {
        public var caller: Int
        public var callee: CallTarget
        public var line: Int
        /// What the callee's `self` is, for a method.
        public var receiver: Receiver = .other
        /// A subclass's override that a call through `self` may dispatch to, besides the method
        /// the caller's class itself resolves to (`Model.train_step` → `MyModel.compute_loss`).
        public var throughOverride = false
    }

    /// The object a method is called on, from the caller's side: what decides whether the
    /// method's writes to `self` are writes the caller must answer for.
    public enum Receiver: Hashable, Sendable {
        /// The caller's own `self` (`self.update()`, `super().__init__()`).
        case callersSelf
        /// An object the caller made: a constructor call, or a local it holds (`Tracker()`,
        /// `tracker.update()` after `tracker = Tracker()`).
        case callersOwn
        /// Anything else: an argument, a global, a function that is not a method.
        case other

        /// A fixed rank, for ordering edges.
        public var order: Int {
            switch self {
            case .callersSelf: return 0
            case .callersOwn: return 1
            case .other: return 2
            }
        }
    }

    /// A call of a value loaded or looked up at run time, which could be any function, the
    /// caller included: `hook(y)` with `hook` from `pickle.load`, `globals()[name](...)`,
    /// `getattr(obj, name)(...)`.
    public struct UnresolvedCall: Hashable, Sendable {
        public var line: Int
        /// The callee as written, for reasons.
        public var callee: String
    }

    public private(set) var edges: [Edge] = []
    public private(set) var calleesByCaller: [Int: Set<CallTarget>] = [:]
    public private(set) var unresolved: [Int: [UnresolvedCall]] = [:]
    /// The project functions each function calls, and those that call it, each in id order (so
    /// that what is derived from them, reasons included, is the same on every run).
    public private(set) var projectCallees: [Int: [Int]] = [:]
    public private(set) var projectCallers: [Int: [Int]] = [:]

    public init(index: ProjectIndex) {
        self.init(index: index, kinds: KindInference(index: index, hierarchy: ClassHierarchy(index: index)))
    }

    public init(index: ProjectIndex, kinds: KindInference) {
        for function in index.functions {
            guard let resolver = kinds.resolvers[function.id] else { continue }
            let found = resolver.callSites(kinds: kinds)
            for site in found.sites {
                add(Edge(caller: function.id, callee: site.target, line: site.line, receiver: site.receiver,
                         throughOverride: site.throughOverride))
            }
            if !found.unresolved.isEmpty { unresolved[function.id] = found.unresolved }
            // pytest runs the fixtures a test or fixture names before it.
            if kinds.fixtures.isRunByPytest(function) {
                for parameter in function.parameters {
                    if let fixture = kinds.fixtures.fixture(named: parameter.name, for: function), fixture.id != function.id {
                        add(Edge(caller: function.id, callee: .project(fixture.id), line: parameter.range.line))
                    }
                }
            }
            // `@register` above a def calls `register` where the def is.
            guard let scope = index.definingScope(of: function) else { continue }
            for (decorator, ids) in kinds.projectDecorators(of: function) {
                for id in ids { add(Edge(caller: scope.id, callee: .project(id), line: decorator.range.line)) }
            }
        }
        indexProjectEdges()
    }

    /// Adds caller→callee edges that a trace observed (SPEC §4): calls through `self` that reach
    /// a subclass's override, dict and `getattr` dispatch, callbacks. A call between methods of
    /// classes in one hierarchy is taken to be on the caller's own `self`, as such calls are in
    /// practice (`self.compute_loss(...)` in a base class's `train_step`).
    public mutating func addObserved(_ observed: [(caller: Int, callee: Int, line: Int, sameReceiver: Bool)]) {
        var known = Set(edges.compactMap { edge -> ProjectPair? in
            guard case .project(let callee) = edge.callee else { return nil }
            return ProjectPair(caller: edge.caller, callee: callee)
        })
        for edge in observed where known.insert(ProjectPair(caller: edge.caller, callee: edge.callee)).inserted {
            add(Edge(caller: edge.caller, callee: .project(edge.callee), line: edge.line,
                     receiver: edge.sameReceiver ? .callersSelf : .other))
            observedEdges.insert(ProjectPair(caller: edge.caller, callee: edge.callee))
        }
        indexProjectEdges()
    }

    public struct ProjectPair: Hashable, Sendable {
        public var caller: Int
        public var callee: Int
    }

    /// The project edges only a trace showed.
    public private(set) var observedEdges: Set<ProjectPair> = []

    private mutating func indexProjectEdges() {
        var callees: [Int: Set<Int>] = [:]
        var callers: [Int: Set<Int>] = [:]
        for edge in edges {
            guard case .project(let callee) = edge.callee else { continue }
            callees[edge.caller, default: []].insert(callee)
            callers[callee, default: []].insert(edge.caller)
        }
        projectCallees = callees.mapValues { $0.sorted() }
        projectCallers = callers.mapValues { $0.sorted() }
    }

    private mutating func add(_ edge: Edge) {
        edges.append(edge)
        calleesByCaller[edge.caller, default: []].insert(edge.callee)
    }

    public func callees(of function: FunctionNode) -> Set<CallTarget> {
        calleesByCaller[function.id] ?? []
    }
}

/// Resolves the call sites of one function.
final class CallResolver {
    let index: ProjectIndex
    let function: FunctionNode
    private lazy var localsItMade: Set<String> = function.localsItMade()
    private lazy var caughtExceptions: [String: [ClassNode]] = exceptionBindings()
    /// Answers by the callee's source range: tensor inference asks about each call in every
    /// round, and what syntax resolves does not change between rounds.
    private var resolvedCalls: [SourceRange: (targets: [CallTarget], bindsSelf: Bool)] = [:]
    private var resolvedReferences: [SourceRange: [CallTarget]] = [:]
    private var resolvedClasses: [SourceRange: ClassNode?] = [:]
    /// Per call through `self`, the subclass overrides it reaches besides the method the class's
    /// own MRO finds.
    private var overrides: [SourceRange: Set<Int>] = [:]

    init(index: ProjectIndex, function: FunctionNode) {
        self.index = index
        self.function = function
    }

    /// What one call in this function's body calls, and whether the callee's first parameter is
    /// bound already (a method called on an instance, or a constructor's `self`).
    func resolve(_ call: Call) -> (targets: [CallTarget], bindsSelf: Bool) {
        let key = call.function.range
        if key != .unknown, let known = resolvedCalls[key] { return known }
        let answer = resolveUncached(call)
        if key != .unknown { resolvedCalls[key] = answer }
        return answer
    }

    private func resolveUncached(_ call: Call) -> (targets: [CallTarget], bindsSelf: Bool) {
        if let targetClass = classNode(for: call.function) {
            return (constructor(of: targetClass), true)
        }
        if case .attribute(let base, let name) = call.function.kind, let receiver = receiverClass(base) {
            let targets = resolve(callee: call.function)
            if receiver.dispatched, call.function.range != .unknown {
                let own = receiver.viaSuper
                    ? index.methodResolutionOrder(of: receiver.owner).dropFirst().lazy.compactMap { $0.methods[name] }.first
                    : method(named: name, from: [receiver.owner], skippingFirst: false).flatMap { target -> FunctionNode? in
                        if case .project(let id) = target { return index.functions[id] } else { return nil }
                    }
                overrides[call.function.range] = Set(targets.compactMap { target -> Int? in
                    guard case .project(let id) = target, id != own?.id else { return nil }
                    return id
                })
            }
            return (targets, true)
        }
        if case .attribute(let base, _) = call.function.kind, caughtClasses(base) != nil {
            return (resolve(callee: call.function), true)
        }
        return (resolve(callee: call.function), false)
    }

    /// Whether `id` is a subclass's override that a call through `self` reaches besides the method
    /// of the class's own MRO.
    func isOverride(_ id: Int, reachedBy call: Call) -> Bool {
        overrides[call.function.range]?.contains(id) ?? false
    }

    /// What a name or attribute chain refers to (a function passed as a value, say): one target,
    /// or a method of each class `self` can be an instance of.
    func resolveReference(_ expression: Expression) -> [CallTarget] {
        let key = expression.range
        if key != .unknown, let known = resolvedReferences[key] { return known }
        let answer = resolveValue(expression)
        if key != .unknown { resolvedReferences[key] = answer }
        return answer
    }

    /// Builtins that a bare name can call (Python 3.11's `builtins`, the callable ones analysis
    /// meets; anything else unresolved is left out rather than guessed).
    static let builtins: Set<String> = [
        "abs", "all", "any", "bool", "callable", "dict", "dir", "divmod", "enumerate", "filter", "float", "format",
        "frozenset", "getattr", "hasattr", "hash", "id", "input", "int", "isinstance", "issubclass", "iter", "len",
        "list", "map", "max", "min", "next", "object", "open", "ord", "pow", "print", "range", "repr", "reversed",
        "round", "set", "setattr", "slice", "sorted", "str", "sum", "super", "tuple", "type", "vars", "zip",
        "chr", "bytes", "bytearray", "exec", "eval", "globals", "locals", "delattr", "iter", "breakpoint",
    ]

    /// Every call in the function's own body (not in nested defs or lambdas, which are nodes of
    /// their own), with what it resolves to, and the calls nothing resolves. Functions passed as
    /// arguments to the library count as called.
    func callSites(kinds: KindInference)
        -> (sites: [(line: Int, target: CallTarget, receiver: CallGraph.Receiver, throughOverride: Bool)],
            unresolved: [CallGraph.UnresolvedCall])
    {
        var sites: [(Int, CallTarget, CallGraph.Receiver, Bool)] = []
        var unresolved: [CallGraph.UnresolvedCall] = []
        for expression in ownExpressions() {
            expression.forEachSubexpression(enteringLambdas: false) { inner in
                guard case .call(let call) = inner.kind else { return }
                let targets = kinds.targets(of: call, in: function).targets
                let receiver = targets.isEmpty ? .other : self.receiver(of: call, kinds: kinds)
                for target in targets {
                    if case .project(let id) = target, kinds.isCalledThroughWrapper(id, targets: targets) { continue }
                    let override: Bool
                    if case .project(let id) = target { override = self.isOverride(id, reachedBy: call) } else { override = false }
                    sites.append((inner.range.line, target, receiver, override))
                }
                if targets.isEmpty, let callee = unresolvedCallee(call, kinds: kinds) {
                    unresolved.append(CallGraph.UnresolvedCall(line: inner.range.line, callee: callee))
                }
                // A function handed to the library (`dataset.map(fn)`, `sorted(key=fn)`, a callback)
                // is called by it, with no project frame between: an edge from here, for a
                // function this one was given too. One handed to a project function is called
                // where that function calls its parameter, which resolves through the
                // parameter's kind; so is one stored in a list or dict.
                guard self.callsItsArguments(call, targets: targets, kinds: kinds) else { return }
                for argument in call.arguments + call.keywords.map(\.value) {
                    switch argument.kind {
                    case .name, .attribute, .lambda: break
                    default: continue  // a value computed here is not a function named here
                    }
                    guard case .functions(let ids) = kinds.kind(of: argument, in: function) else { continue }
                    for id in ids.sorted() { sites.append((inner.range.line, .project(id), .other, false)) }
                }
            }
        }
        return (sites, unresolved)
    }

    /// Builtins that call a function they are given (`map(fn, xs)`, `sorted(xs, key=fn)`,
    /// `iter(fn, sentinel)`); the others store, print or inspect it.
    static let callingBuiltins: Set<String> = ["map", "filter", "sorted", "min", "max", "iter"]
    /// Library functions that wrap or bind a function without calling it: what they return is
    /// called later, through the kinds of values.
    static let wrappingFunctions: Set<String> = ["functools.wraps", "functools.update_wrapper", "functools.partial"]

    /// Whether a call's callee may call the functions passed to it on the spot: a library
    /// function or method (whatever resolves to no project function), or a builtin that does,
    /// but not a project function, nor a method of a list or dict (`steps.append(load)`).
    private func callsItsArguments(_ call: Call, targets: [CallTarget], kinds: KindInference) -> Bool {
        for target in targets {
            switch target {
            case .project: return false
            case .builtin(let name): if !Self.callingBuiltins.contains(name) { return false }
            case .external(let name): if Self.wrappingFunctions.contains(APITable.normalize(name)) { return false }
            }
        }
        if targets.isEmpty, case .attribute(let base, _) = call.function.kind, case .container = kinds.kind(of: base, in: function) {
            return false
        }
        return true
    }

    /// What a method called here runs on.
    private func receiver(of call: Call, kinds: KindInference) -> CallGraph.Receiver {
        if classNode(for: call.function) != nil { return .callersOwn }
        if case .classes = kinds.kind(of: call.function, in: function) { return .callersOwn }
        guard case .attribute(let base, _) = call.function.kind else { return .other }
        switch base.kind {
        case .call(let inner):
            if inner.function.isBuiltinName(["super"]) { return function.owningClass != nil ? .callersSelf : .other }
            return classNode(for: inner.function) != nil ? .callersOwn : .other
        case .name(let name):
            if name == function.receiverName { return .callersSelf }
            return localsItMade.contains(name) && !isParameter(name) && function.kind != .moduleBody ? .callersOwn : .other
        default:
            return .other
        }
    }

    /// The callee of a call that resolved to nothing, when it is a value loaded or looked up at
    /// run time (`pickle.load`, `getattr(obj, name)`, `globals()[name]`), directly or through
    /// parameters, variables and containers: it could be anything, the caller included. Values
    /// that library calls return otherwise (a `namedtuple` class, a compiled model) are library
    /// objects, and calls of them are library calls.
    private func unresolvedCallee(_ call: Call, kinds: KindInference) -> String? {
        guard kinds.kind(of: call.function, in: function) == .dynamic else { return nil }
        switch call.function.kind {
        case .name(let name): return name
        case .attribute, .subscript:
            if case .subscript(let table, _) = call.function.kind, case .call(let lookup) = table.kind,
                let builtin = lookup.function.dottedText
            {
                return builtin + "()[...]"
            }
            return call.function.dottedText ?? (call.function.rootName.map { $0 + "[...]" } ?? "a computed value")
        case .call(let chooser):
            return (chooser.function.dottedText ?? "a call") + "(...)"
        default:
            return "a computed value"
        }
    }

    /// The expressions evaluated by this function's body itself, nested defs' decorators and
    /// defaults included (they run here), their bodies not.
    /// The calls among `ownExpressions()`, found once: tensor inference visits them in every
    /// round it looks at the function again.
    private(set) lazy var ownCalls: [Expression] = {
        var calls: [Expression] = []
        for expression in ownExpressions() {
            expression.forEachSubexpression(enteringLambdas: false) { inner in
                if case .call = inner.kind { calls.append(inner) }
            }
        }
        return calls
    }()

    func ownExpressions() -> [Expression] {
        var found: [Expression] = []
        var pending = [function.body]
        while let statements = pending.popLast() {
            for statement in statements {
                found += statement.directExpressions
                if case .class(let definition) = statement.kind {
                    // A class body runs where the class statement is.
                    pending.append(definition.body.filter { if case .function = $0.kind { return false } else { return true } })
                    for case .function(let method) in definition.body.map(\.kind) {
                        found += method.decorators + method.parameters.compactMap(\.defaultValue)
                    }
                }
                pending += statement.nestedBodies
            }
        }
        return found
    }

    private func resolve(callee: Expression) -> [CallTarget] {
        if let targetClass = classNode(for: callee) {
            return constructor(of: targetClass)
        }
        return resolveValue(callee)
    }

    /// What a name or attribute chain refers to, as call targets.
    private func resolveValue(_ expression: Expression) -> [CallTarget] {
        if case .name(let name) = expression.kind {
            if let local = lexicalFunction(named: name) { return [.project(local.id)] }
            if isParameter(name) { return [] }
        }
        if case .attribute(let base, let name) = expression.kind, let receiver = receiverClass(base) {
            guard receiver.dispatched else { return method(named: name, from: [receiver.owner], skippingFirst: false).map { [$0] } ?? [] }
            return dispatchedMethods(named: name, on: receiver.owner, viaSuper: receiver.viaSuper)
        }
        if case .attribute(let base, let name) = expression.kind, let caught = caughtClasses(base) {
            var found: [CallTarget] = []
            for node in caught {
                for target in dispatchedMethods(named: name, on: node, viaSuper: false) where !found.contains(target) {
                    found.append(target)
                }
            }
            return found
        }
        guard expression.isDottedName, let dotted = index.resolver.qualifiedName(of: expression, in: function.module) else {
            if case .name(let name) = expression.kind, Self.builtins.contains(name) { return [.builtin(name)] }
            return []
        }
        if let node = index.function(named: dotted) { return [.project(node.id)] }
        // Anything else under a project module (a class, a module, a method of a module-level
        // object such as `HISTORY.append`) is not an external function.
        if index.isProjectName(dotted) { return [] }
        return [.external(dotted)]
    }

    /// A nested def visible from here: in this function, then in the functions around it.
    private func lexicalFunction(named name: String) -> FunctionNode? {
        var scope: FunctionNode? = function
        while let current = scope {
            if let found = current.nestedFunctions[name], current.kind != .moduleBody { return found }
            scope = current.enclosing
        }
        return nil
    }

    /// A parameter shadows module-level names: what it holds is whatever the caller passed.
    private func isParameter(_ name: String, orOfEnclosing: Bool = false) -> Bool {
        var scope: FunctionNode? = function
        while let current = scope, current.kind != .moduleBody {
            if current.parameters.contains(where: { $0.name == name }) { return true }
            scope = orOfEnclosing ? current.enclosing : nil
        }
        return false
    }

    func classNode(for expression: Expression) -> ClassNode? {
        let key = expression.range
        if key != .unknown, let known = resolvedClasses[key] { return known }
        let answer = classNodeUncached(for: expression)
        if key != .unknown { resolvedClasses[key] = answer }
        return answer
    }

    private func classNodeUncached(for expression: Expression) -> ClassNode? {
        if case .name(let name) = expression.kind {
            var scope: FunctionNode? = function
            while let current = scope {
                if let found = current.nestedClasses[name] { return found }
                scope = current.enclosing
            }
        }
        guard expression.isDottedName, let dotted = index.resolver.qualifiedName(of: expression, in: function.module) else {
            return nil
        }
        return index.class(named: dotted)
    }

    /// `Net(...)` runs `Net.__init__` (its own or an ancestor's in the project).
    private func constructor(of node: ClassNode) -> [CallTarget] {
        method(named: "__init__", from: [node], skippingFirst: false).map { [$0] } ?? []
    }

    /// The class a receiver is known, from syntax alone, to be an instance of: `self`/`cls` in a
    /// method and `super()` (an instance of the method's class or of any subclass: `dispatched`),
    /// or an object constructed on the spot (exactly that class). Other receivers (a local made by
    /// a constructor, a parameter) are resolved by the kinds of values (`KindInference.targets`).
    private func receiverClass(_ base: Expression) -> (owner: ClassNode, viaSuper: Bool, dispatched: Bool)? {
        switch base.kind {
        case .name(let name):
            if let owner = function.owningClass, name == function.receiverName {
                return (owner, false, true)
            }
            return nil
        case .call(let call):
            if case .name("super") = call.function.kind, let owner = function.owningClass {
                return (owner, true, true)
            }
            // `Encoder().encode(x)`: a method of the object just constructed.
            return classNode(for: call.function).map { ($0, false, false) }
        default:
            return nil
        }
    }

    /// `except NotFound as error`: `error` is an instance of `NotFound` or of a subclass (any
    /// of a tuple's classes), whatever raised it. Only project classes are followed.
    private func caughtClasses(_ base: Expression) -> [ClassNode]? {
        guard case .name(let name) = base.kind, !isParameter(name) else { return nil }
        return caughtExceptions[name]
    }

    private func exceptionBindings() -> [String: [ClassNode]] {
        var found: [String: [ClassNode]] = [:]
        var pending = [function.body]
        while let statements = pending.popLast() {
            for statement in statements {
                if case .try(_, let handlers, _, _) = statement.kind {
                    for handler in handlers {
                        guard let name = handler.name, let type = handler.type else { continue }
                        let types: [Expression]
                        if case .tuple(let elements) = type.kind { types = elements } else { types = [type] }
                        for node in types.compactMap(classNode(for:)) where !(found[name] ?? []).contains(where: { $0 === node }) {
                            found[name, default: []].append(node)
                        }
                    }
                }
                pending += statement.nestedBodies
            }
        }
        return found
    }

    /// Looks a method up along the project classes' method resolution order (C3).
    func method(named name: String, from classes: [ClassNode], skippingFirst: Bool) -> CallTarget? {
        for node in classes {
            for current in index.methodResolutionOrder(of: node).dropFirst(skippingFirst ? 1 : 0) {
                if let found = current.methods[name] { return .project(found.id) }
            }
        }
        return nil
    }

    /// `self.name` or `super().name` in a method of `owner`: `self` is an instance of `owner` or
    /// of any project subclass, and each finds the method along its own MRO (`train_step` in a
    /// base calling `self.compute_loss`, which subclasses override). `super()` starts after
    /// `owner` in that MRO, which under multiple inheritance can be a sibling class.
    func dispatchedMethods(named name: String, on owner: ClassNode, viaSuper: Bool) -> [CallTarget] {
        var found: [CallTarget] = []
        for receiver in [owner] + index.subclasses(of: owner) {
            var order = index.methodResolutionOrder(of: receiver)[...]
            if viaSuper {
                guard let position = order.firstIndex(where: { $0 === owner }) else { continue }
                order = order[(position + 1)...]
            }
            guard let method = order.lazy.compactMap({ $0.methods[name] }).first else { continue }
            if !found.contains(.project(method.id)) { found.append(.project(method.id)) }
        }
        return found
    }
}
