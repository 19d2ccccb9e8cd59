import PythonSyntax

/// What a call calls, by syntax and by the kinds of values, and the wrappers that decorators put
/// around functions.
extension KindInference {
    /// What a call calls: by syntax first (names, imports, `self`, constructors), then by the kind
    /// of value the callee holds: a function passed as an argument or kept in a dict or list, an
    /// instance of a project class (its `__call__`, or a Keras subclass's `call`), a method of
    /// such an instance. The flag says whether the callee's first parameter is bound already.
    public func targets(of call: Call, in function: FunctionNode) -> (targets: [CallTarget], bindsSelf: Bool) {
        guard let resolver = resolvers[function.id] else { return ([], false) }
        let syntactic = resolver.resolve(call)
        if !syntactic.targets.isEmpty { return addingWrappers(syntactic) }
        // `cls(...)` in a classmethod constructs the class; `self(...)` calls the instance.
        if case .name(let name) = call.function.kind, function.kind == .method, name == function.parameters.first?.name,
            let owner = function.owningClass
        {
            if function.decorators.contains(where: { $0.isBuiltinName(["classmethod"]) }) {
                return (resolver.method(named: "__init__", from: [owner], skippingFirst: false).map { [$0] } ?? [], true)
            }
            let entry = hierarchy.isKerasLayer(owner)
                ? resolver.method(named: "call", from: [owner], skippingFirst: false)
                : resolver.method(named: "__call__", from: [owner], skippingFirst: false)
            return (entry.map { [$0] } ?? [], true)
        }
        if case .attribute(let base, let name) = call.function.kind, let owner = projectClass(of: kind(of: base, in: function)),
            let method = resolver.method(named: name, from: [owner], skippingFirst: false)
        {
            return ([method], true)
        }
        switch kind(of: call.function, in: function) {
        case .functions(let ids):
            let callees = ids.sorted().map { index.functions[$0] }
            // A bound method passed as a value (`self.normalize`) has its `self` already.
            let bound = callees.allSatisfy { $0.kind == .method && !$0.decorators.contains { $0.isBuiltinName(["staticmethod"]) } }
            // A function value may be the undecorated original (what a decorator's wrapper
            // calls), so its wrappers are not added here.
            return (callees.map { .project($0.id) }, bound)
        case .classes(let ids):
            let constructors = ids.sorted().compactMap { resolver.method(named: "__init__", from: [index.classes[$0]], skippingFirst: false) }
            return (constructors, true)
        case .library(let target):
            return ([target], false)
        case let kind:
            guard let owner = projectClass(of: kind) else { return ([], false) }
            // Calling a Keras layer runs Keras's `__call__`, which runs the subclass's `call`
            // (Keras 3.15, layers/layer.py); calling a plain object runs its `__call__`.
            let entry = kind.isKerasObject
                ? resolver.method(named: "call", from: [owner], skippingFirst: false)
                : resolver.method(named: "__call__", from: [owner], skippingFirst: false)
            return (entry.map { [$0] } ?? [], true)
        }
    }

    /// The project class a value is an instance of, if known.
    func projectClass(of kind: ValueKind) -> ClassNode? {
        switch kind {
        case .instance(let name), .kerasObject(projectClass: let name?): return index.class(named: name)
        default: return nil
        }
    }


    /// The functions project decorators put around a function (`@timed` returning its nested
    /// `wrapper`): calling the function by name runs them, and they call it. A decorator that
    /// returns the function itself (a registry) wraps nothing.
    func findWrappers() {
        wrappers = [:]
        for function in index.functions where !function.decorators.isEmpty && function.kind != .lambda {
            guard let scope = function.enclosing ?? index.moduleBodies[function.module.description] else { continue }
            var found: [Int] = []
            for decorator in function.decorators {
                let applied: ValueKind
                if case .call(let call) = decorator.kind { applied = callKind(call, in: scope) } else { applied = kind(of: decorator, in: scope) }
                guard case .functions(let decoratorIDs) = applied else { continue }
                for decoratorID in decoratorIDs.sorted() {
                    guard case .functions(let returned)? = returns[decoratorID] else { continue }
                    found += returned.filter { isNested(index.functions[$0], in: decoratorID) }.sorted()
                }
            }
            if !found.isEmpty { wrappers[function.id] = found }
        }
    }

    func isNested(_ function: FunctionNode, in outer: Int) -> Bool {
        var scope = function.enclosing
        while let current = scope {
            if current.id == outer { return true }
            scope = current.enclosing
        }
        return false
    }

    /// A call of a decorated function by its name runs its decorators' wrappers too (arguments
    /// still bind to the function itself: wrappers mostly take `*args`).
    func addingWrappers(_ resolved: (targets: [CallTarget], bindsSelf: Bool)) -> (targets: [CallTarget], bindsSelf: Bool) {
        guard !wrappers.isEmpty else { return resolved }
        var targets = resolved.targets
        for case .project(let id) in resolved.targets {
            for wrapper in wrappers[id] ?? [] where !targets.contains(.project(wrapper)) { targets.append(.project(wrapper)) }
        }
        return (targets, resolved.bindsSelf)
    }
}
