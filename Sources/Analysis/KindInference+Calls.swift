import PythonSyntax

/// What a call calls, by syntax and by the kinds of values, and the wrappers that decorators put
/// around functions.
extension KindInference {
    /// What a call calls: by syntax first (names, imports, `self`, constructors), then by the kind
    /// of value the callee holds: a function passed as an argument or kept in a dict or list, an
    /// instance of a project class (its `__call__`, or a Keras subclass's `call`), a method of
    /// such an instance. The flag says whether the callee's first parameter is bound already.
    public func targets(of call: Call, in function: FunctionNode) -> (targets: [CallTarget], bindsSelf: Bool) {
        targets(of: call, in: function, callee: { kind(of: call.function, in: function) }, receiver: { kind(of: $0, in: function) })
    }

    /// `targets(of:in:)` with the kinds of the callee and of the receiver of `base.name(...)`
    /// given, so that callKind, which reads them too, has them worked out once.
    func targets(of call: Call, in function: FunctionNode, callee: () -> ValueKind,
                 receiver: (Expression) -> ValueKind) -> (targets: [CallTarget], bindsSelf: Bool) {
        guard let resolver = resolvers[function.id] else { return ([], false) }
        let syntactic = resolver.resolve(call)
        if !syntactic.targets.isEmpty { return addingWrappers(syntactic) }
        // `cls(...)` in a classmethod constructs the class; `self(...)` calls the instance.
        if case .name(let name) = call.function.kind, name == function.receiverName, let owner = function.owningClass {
            if function.isClassMethod {
                return addingWrappers((resolver.method(named: "__init__", from: [owner], skippingFirst: false).map { [$0] } ?? [], true))
            }
            return addingWrappers((callEntry(of: owner, resolver: resolver).map { [$0] } ?? [], true))
        }
        // A method looked up on an instance is the decorated one, wrappers included.
        if case .attribute(let base, let name) = call.function.kind, let owner = projectClass(of: receiver(base)),
            let method = resolver.method(named: name, from: [owner], skippingFirst: false)
        {
            return addingWrappers(([method], true))
        }
        switch callee() {
        case .functions(let ids):
            let callees = ids.sorted().map { index.functions[$0] }
            // A bound method passed as a value (`self.normalize`) has its `self` already.
            let bound = callees.allSatisfy { $0.receiverName != nil }
            // A function value may be the undecorated original (what a decorator's wrapper
            // calls), so its wrappers are not added here.
            return (callees.map { .project($0.id) }, bound)
        case .classes(let ids):
            let constructors = ids.sorted().compactMap { resolver.method(named: "__init__", from: [index.classes[$0]], skippingFirst: false) }
            return addingWrappers((constructors, true))
        case .library(let target):
            return ([target], false)
        case .mixed(let mixed) where !mixed.functions.isEmpty || !mixed.classes.isEmpty:
            // A callback or a class at some calls, something else at others: the project ones
            // are still called.
            let constructors = mixed.classes.sorted().compactMap {
                resolver.method(named: "__init__", from: [index.classes[$0]], skippingFirst: false)
            }
            return (mixed.functions.sorted().map { .project($0) } + constructors, false)
        case let kind:
            guard let owner = projectClass(of: kind) else { return ([], false) }
            return addingWrappers((callEntry(of: owner, resolver: resolver).map { [$0] } ?? [], true))
        }
    }

    /// What calling an instance of `owner` runs: its project `__call__` if it has one; otherwise,
    /// for a Keras layer, Keras's own `__call__`, which runs the subclass's `call` (Keras 3.15,
    /// layers/layer.py).
    func callEntry(of owner: ClassNode, resolver: CallResolver) -> CallTarget? {
        resolver.method(named: "__call__", from: [owner], skippingFirst: false)
            ?? (hierarchy.isKerasLayer(owner) ? resolver.method(named: "call", from: [owner], skippingFirst: false) : nil)
    }

    /// The project class a value is an instance of, if known.
    func projectClass(of kind: ValueKind) -> ClassNode? {
        switch kind {
        case .instance(let name), .kerasObject(projectClass: let name?): return index.class(named: name)
        default: return nil
        }
    }


    /// The functions project decorators put around a function (`@timed` returning its nested
    /// `wrapper`), and the outermost of them, which its name holds: calling the function by name
    /// runs those, and each wrapper calls what the decorator below it returned. A decorator that
    /// returns the function itself (a registry) wraps nothing.
    func findWrappers() {
        wrappers = [:]
        decoratedValues = [:]
        for function in index.functions where !function.decorators.isEmpty {
            let chain = decorationChain(of: function)
            let found = chain.flatMap(\.wrappers)
            if !found.isEmpty {
                wrappers[function.id] = found
                decoratedValues[function.id] = chain.last { !$0.wrappers.isEmpty }?.wrappers
            }
        }
    }

    /// Decorators apply bottom up (`@outer @inner def f` is `outer(inner(f))`): each project
    /// decorator receives what the one below it returned, and returns its wrappers (functions it
    /// defines and returns), or what it received.
    func decorationChain(of function: FunctionNode) -> [(decorator: Expression, decoratorID: Int, receives: [Int], wrappers: [Int])] {
        var value = [function.id]
        var chain: [(Expression, Int, [Int], [Int])] = []
        for (decorator, decoratorIDs) in projectDecorators(of: function).reversed() {
            var returned: [Int] = []
            for decoratorID in decoratorIDs {
                var found: [Int] = []
                if case .functions(let ids)? = returns[decoratorID] {
                    found = ids.filter { index.functions[$0].isNested(in: decoratorID) }.sorted()
                }
                chain.append((decorator, decoratorID, value, found))
                returned += found
            }
            if !returned.isEmpty { value = returned }
        }
        return chain
    }

    /// The project functions each decorator of `function` applies: `register` for `@register`,
    /// what `retry(3)` returns for `@retry(3)` (the kind of a call is what it returns).
    public func projectDecorators(of function: FunctionNode) -> [(decorator: Expression, functions: [Int])] {
        guard function.kind != .lambda, let scope = index.definingScope(of: function) else { return [] }
        return function.decorators.compactMap { decorator in
            guard case .functions(let ids) = kind(of: decorator, in: scope) else { return nil }
            return (decorator, ids.sorted())
        }
    }

    /// A call of a decorated function by its name runs its outermost decorator's wrapper (the
    /// call graph keeps that edge only: `isCalledThroughWrapper`). Arguments still bind to the
    /// function itself too, since wrappers mostly take `*args` and pass them on.
    func addingWrappers(_ resolved: (targets: [CallTarget], bindsSelf: Bool)) -> (targets: [CallTarget], bindsSelf: Bool) {
        guard !decoratedValues.isEmpty else { return resolved }
        var targets = resolved.targets
        for case .project(let id) in resolved.targets {
            for wrapper in decoratedValues[id] ?? [] where !targets.contains(.project(wrapper)) { targets.append(.project(wrapper)) }
        }
        return (targets, resolved.bindsSelf)
    }

    /// Whether a target of a call is a decorated function that the call reaches only through its
    /// wrapper, which is among the targets too.
    func isCalledThroughWrapper(_ id: Int, targets: [CallTarget]) -> Bool {
        guard let outer = decoratedValues[id] else { return false }
        return outer.allSatisfy { targets.contains(.project($0)) }
    }
}
