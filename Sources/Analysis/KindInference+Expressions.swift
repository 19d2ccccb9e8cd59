import PythonSyntax

/// The kinds of expressions and of the locals and returns of bodies.
extension KindInference {
    // MARK: Bodies

    func inferBody(of function: FunctionNode) {
        // The body's locals are updated in place, where kind(of:) reads them: a copy per
        // statement made inference quadratic in a function's length.
        if locals[function.id] == nil { locals[function.id] = [:] }
        var returned: ValueKind?
        let selfName = function.receiverName
        func assign(_ target: Expression, _ kind: ValueKind) {
            switch target.kind {
            case .name(let name): locals[function.id, default: [:]][name] = locals[function.id, default: [:]][name].map { $0.joined(with: kind) } ?? kind
            case .attribute(let base, let name):
                if case .name(let root) = base.kind, root == selfName, let owner = function.owningClass {
                    attributes[owner.id, default: [:]][name] = attributes[owner.id]?[name].map { $0.joined(with: kind) } ?? kind
                }
            case .tuple(let elements), .list(let elements):
                let element: ValueKind
                if case .container(let inner) = kind { element = inner } else { element = kind.isTensorLike ? kind : .unknown }
                for item in elements { assign(item, element) }
            case .subscript(let base, _):
                // `table["start"] = start`: the container holds one more value.
                addElement(kind, to: base)
            default: return
            }
        }
        /// A value stored into the list or dict a local (or `self.name`) holds. Only callables are
        /// followed: calls through the container need them, while a list of tensors grown by
        /// `append` is still a Python list, not the tensor-like value a container of tensors reads as.
        func addElement(_ element: ValueKind, to container: Expression) {
            switch element {
            case .functions, .classes: break
            default: return
            }
            switch container.kind {
            case .name(let name):
                // Only a local this function made: a module's registry filled from a function is
                // the module's business.
                guard let held = locals[function.id, default: [:]][name], case .container = held else { return }
                locals[function.id, default: [:]][name] = held.joined(with: .containing(element))
            case .attribute(let base, let name):
                guard case .name(let root) = base.kind, root == selfName, let owner = function.owningClass,
                    let held = attributes[owner.id]?[name], case .container = held
                else { return }
                attributes[owner.id]?[name] = held.joined(with: .containing(element))
            default:
                return
            }
        }
        /// `a, b = f, g` binds element by element, not each name to either.
        func assign(_ target: Expression, from value: Expression) {
            switch (target.kind, value.kind) {
            case (.tuple(let names), .tuple(let values)), (.tuple(let names), .list(let values)),
                (.list(let names), .tuple(let values)), (.list(let names), .list(let values)):
                guard names.count == values.count, !names.contains(where: { if case .starred = $0.kind { return true } else { return false } })
                else { fallthrough }
                for (name, item) in zip(names, values) { assign(name, from: item) }
            default:
                assign(target, self.kind(of: value, in: function))
            }
        }
        var pending = [function.body]
        while let statements = pending.popLast() {
            for statement in statements {
                switch statement.kind {
                case .assign(let targets, let value):
                    for target in targets { assign(target, from: value) }
                case .annotatedAssign(let target, let annotation, let value):
                    let hinted = annotationKind(annotation, in: function.module)
                    assign(target, hinted != .unknown ? hinted : value.map { self.kind(of: $0, in: function) } ?? .unknown)
                case .augmentedAssign(let target, _, let value):
                    if case .name(let name) = target.kind {
                        let current = locals[function.id, default: [:]][name] ?? .unknown
                        let added = self.kind(of: value, in: function)
                        locals[function.id, default: [:]][name] = current.isTensorLike || added.isTensorLike ? .tensor : current
                    }
                case .for(let target, let iterable, _, _, _):
                    // `for name, fn in table.items()`: the key is left alone, the value is an element.
                    if case .tuple(let pair) = target.kind, pair.count == 2, case .call(let call) = iterable.kind,
                        case .attribute(let table, "items") = call.function.kind,
                        case .container(let element) = self.kind(of: table, in: function)
                    {
                        assign(pair[0], .unknown)
                        assign(pair[1], element)
                    } else if case .tuple(let pair) = target.kind, pair.count == 2, case .call(let call) = iterable.kind,
                        call.function.isBuiltinName(["enumerate"]), let enumerated = call.arguments.first
                    {
                        // `for i, layer in enumerate(self.layers)`: a count and an element.
                        assign(pair[0], .primitive("int"))
                        assign(pair[1], elementKindOfIterable(enumerated, in: function))
                    } else if case .tuple(let items) = target.kind, case .call(let call) = iterable.kind,
                        call.function.isBuiltinName(["zip"]), items.count == call.arguments.count
                    {
                        // `for x, y in zip(xs, ys)`: one element of each, position by position.
                        for (item, zipped) in zip(items, call.arguments) { assign(item, elementKindOfIterable(zipped, in: function)) }
                    } else {
                        assign(target, elementKind(of: self.kind(of: iterable, in: function), iterable: iterable))
                    }
                case .with(let items, _, _):
                    for item in items { if let target = item.target { assign(target, .unknown) } }
                case .return(let value):
                    let kind = value.map { self.kind(of: $0, in: function) } ?? .primitive("None")
                    returned = returned.map { $0.joined(with: kind) } ?? kind
                case .expression(let value):
                    if case .call(let call) = value.kind, case .attribute(let container, let method) = call.function.kind {
                        // `steps.append(load)`, `table.update(stop=stop)`: what the container holds grows.
                        for element in storedElements(method: method, call: call, in: function) {
                            addElement(element, to: container)
                        }
                    }
                    if case .yield(let yielded) = value.kind {
                        let kind = yielded.map { self.kind(of: $0, in: function) } ?? .primitive("None")
                        yields[function.id] = yields[function.id].map { $0.joined(with: kind) } ?? kind
                    }
                default:
                    break
                }
                pending += statement.nestedBodies
            }
        }
        // `[callback() for callback in callbacks]`: the loop variable holds the elements.
        for generator in comprehensionGenerators(of: function) {
            assign(generator.target, elementKind(of: self.kind(of: generator.iterable, in: function), iterable: generator.iterable))
        }
        if function.kind == .moduleBody {
            moduleGlobals[function.module.description] = locals[function.id]
        }
        // Like parameters, returns only go up from round to round.
        let returnedNow = returned ?? .primitive("None")
        returns[function.id] = returns[function.id].map { $0.joined(with: returnedNow) } ?? returnedNow
    }

    /// The comprehensions' `for` clauses in a function's own body, found once: syntax does not
    /// change between rounds.
    func comprehensionGenerators(of function: FunctionNode) -> [Comprehension.Generator] {
        if let known = comprehensions[function.id] { return known }
        var found: [Comprehension.Generator] = []
        for expression in resolvers[function.id]?.ownExpressions() ?? [] {
            expression.forEachSubexpression(enteringLambdas: false) { inner in
                if case .comprehension(let comprehension) = inner.kind { found += comprehension.generators }
            }
        }
        comprehensions[function.id] = found
        return found
    }

    /// What a call of a list, set or dict method adds to the container (nothing for other methods).
    func storedElements(method: String, call: Call, in function: FunctionNode) -> [ValueKind] {
        switch method {
        case "append", "add":
            return call.arguments.first.map { [kind(of: $0, in: function)] } ?? []
        case "insert", "setdefault":
            return call.arguments.count == 2 ? [kind(of: call.arguments[1], in: function)] : []
        case "extend":
            return call.arguments.first.map { [elementKindOfIterable($0, in: function)] } ?? []
        case "update":
            var found = call.keywords.filter { $0.name != nil }.map { kind(of: $0.value, in: function) }
            if let other = call.arguments.first, case .container(let element) = kind(of: other, in: function) { found.append(element) }
            return found
        default:
            return []
        }
    }

    /// Iterating a dataset or a tensor yields tensors; a list of tensors yields tensors.
    func elementKind(of kind: ValueKind, iterable: Expression) -> ValueKind {
        switch kind {
        case .dataset, .tensor, .variable, .ndarray: return .tensor
        case .container(let element): return element
        // The top's elements are the top: mapping it to `unknown` would send joins back down.
        case .mixed: return kind
        default:
            if case .call(let call) = iterable.kind, call.function.isBuiltinName(["range"]) { return .primitive("int") }
            return .unknown
        }
    }

    // MARK: Expressions

    /// The kind of an expression evaluated in `function`.
    public func kind(of expression: Expression, in function: FunctionNode) -> ValueKind {
        switch expression.kind {
        case .constant(let constant):
            switch constant {
            case .none: return .primitive("None")
            case .bool: return .primitive("bool")
            case .int: return .primitive("int")
            case .float: return .primitive("float")
            case .string: return .primitive("str")
            default: return .unknown
            }
        case .name(let name):
            // A parameter the body rebinds holds what callers passed on some paths and what the
            // body assigned on others (kinds are flow-insensitive).
            let parameter = parameters[function.id]?[name]?.kind
            if let local = locals[function.id]?[name] { return parameter.map { local.joined(with: $0) } ?? local }
            if let parameter { return parameter }
            var scope = function.enclosing
            while let outer = scope {
                if let kind = locals[outer.id]?[name] ?? parameters[outer.id]?[name]?.kind { return kind }
                scope = outer.enclosing
            }
            if let global = moduleGlobals[function.module.description]?[name], global != .unknown { return global }
            return functionReference(expression, in: function) ?? moduleGlobals[function.module.description]?[name] ?? .unknown
        case .lambda:
            return index.lambda(at: expression.range, in: function.file).map { .functions([$0.id]) } ?? .unknown
        case .call(let call):
            return callKind(call, in: function)
        case .binary(_, let left, let right):
            let a = kind(of: left, in: function)
            let b = kind(of: right, in: function)
            // Keras 3 overloads the operators of a KerasTensor: the result is symbolic too.
            if a == .kerasTensor || b == .kerasTensor { return .kerasTensor }
            if a.isTensorLike || b.isTensorLike {
                // An array with a Python number or another array stays a numpy array; a TF
                // tensor on either side makes a tensor (`EagerTensor.__array_priority__` is 100).
                let tensorFlowValue = [a, b].contains { $0.isTensorLike && $0 != .ndarray }
                return tensorFlowValue ? .tensor : .ndarray
            }
            if case .primitive = a, case .primitive = b { return a }
            // A tensor on some paths gives a tensor on those paths.
            if a.mayBeTensor || b.mayBeTensor { return a.joined(with: b).joined(with: .tensor) }
            return .unknown
        case .unary(_, let operand):
            return kind(of: operand, in: function)
        case .compare(let left, let comparisons):
            // An elementwise comparison: a tensor of bools when a tensor takes part (`is`/`in`
            // are identity and membership tests, which give a Python bool).
            let operands = [left] + comparisons.filter { !["Is", "IsNot", "In", "NotIn"].contains($0.symbol) }.map(\.1)
            let kinds = operands.map { kind(of: $0, in: function) }
            if kinds.contains(where: \.isTensorLike), operands.count > 1 {
                return kinds.allSatisfy { $0 == .ndarray || !$0.isTensorLike } ? .ndarray : .tensor
            }
            return .unknown
        case .subscript(let base, _):
            // `globals()[name]`: whatever the name picks at run time.
            if case .call(let lookup) = base.kind, lookup.function.isBuiltinName(["globals", "locals", "vars"]) { return .dynamic }
            switch kind(of: base, in: function) {
            case .dynamic: return .dynamic
            case .kerasTensor: return .kerasTensor
            case .tensor, .variable: return .tensor
            case .ndarray: return .ndarray
            case .container(let element): return element
            default: return .unknown
            }
        case .list(let elements), .tuple(let elements), .set(let elements):
            guard let first = elements.first else { return .container(.unknown) }
            return .containing(elements.dropFirst().reduce(kind(of: first, in: function)) { $0.joined(with: kind(of: $1, in: function)) })
        case .dictionary(let entries):
            guard let first = entries.first else { return .container(.unknown) }
            return .containing(entries.dropFirst().reduce(kind(of: first.value, in: function)) {
                $0.joined(with: kind(of: $1.value, in: function))
            })
        case .comprehension(let comprehension):
            return .containing(kind(of: comprehension.value ?? comprehension.element, in: function))
        case .conditional(_, let body, let orElse):
            return kind(of: body, in: function).joined(with: kind(of: orElse, in: function))
        case .attribute(let base, let name):
            return memberKind(expression, base: base, name: name, in: function) { kind(of: base, in: function) }
        default:
            return .unknown
        }
    }

    /// The kind of `base.name`, given the kind of `base` (asked for only when needed, and by
    /// callKind at most once per call).
    func memberKind(_ expression: Expression, base: Expression, name: String, in function: FunctionNode,
                    receiver receiverKind: () -> ValueKind) -> ValueKind {
        // `tf.keras.Sequential` names a class and `tf.add` a function: what calling them
        // returns is callKind's business, not the attribute's.
        if case .name(let root) = base.kind, function.kind == .method, root == function.parameters.first?.name,
            let owner = function.owningClass, let held = attributeKind(name, of: owner)
        {
            return held
        }
        if let reference = functionReference(expression, in: function) { return reference }
        let receiver = receiverKind()
        // `net.preprocess` for a project instance `net`: the method, bound.
        if let owner = projectClass(of: receiver), let resolver = resolvers[function.id],
            case .project(let method)? = resolver.method(named: name, from: [owner], skippingFirst: false)
        {
            return .functions([method])
        }
        // A method of an object picked at run time is a call on an object, like any other;
        // a function of a module picked at run time could be anything.
        if receiver == .dynamicModule { return .dynamic }
        if receiver.isKerasObject, ["trainable_variables", "trainable_weights", "weights", "variables"].contains(name) {
            return .container(.variable)
        }
        if receiver.isKerasObject, name == "layers" { return .container(.kerasObject(projectClass: nil)) }
        if case .name(let root) = base.kind, function.kind == .method, root == function.parameters.first?.name,
            let owner = function.owningClass, hierarchy.isKerasLayer(owner), name == "layers"
        {
            return .container(.kerasObject(projectClass: nil))
        }
        if receiver.isTensorLike, name == "T" { return receiver }
        return .unknown
    }

    func callKind(_ call: Call, in function: FunctionNode) -> ValueKind {
        guard let resolver = resolvers[function.id] else { return .unknown }
        // The callee's kind and its receiver's are each worked out once here, for this function
        // and for `targets`: a chain of calls (`f()()()`, `a.m().n().o()`) nests one call in the
        // next, and asking again at each link took time exponential in the chain's length (14
        // links of `x()`: 30 s).
        var receiverKind: ValueKind?
        var calleeKind: ValueKind?
        func kindOfReceiver(_ base: Expression) -> ValueKind {
            if let known = receiverKind { return known }
            let found = kind(of: base, in: function)
            receiverKind = found
            return found
        }
        func kindOfCallee() -> ValueKind {
            if let known = calleeKind { return known }
            let found: ValueKind
            if case .attribute(let base, let name) = call.function.kind {
                found = memberKind(call.function, base: base, name: name, in: function) { kindOfReceiver(base) }
            } else {
                found = kind(of: call.function, in: function)
            }
            calleeKind = found
            return found
        }
        var constructed = resolver.classNode(for: call.function)
        if constructed == nil, case .classes(let ids) = kindOfCallee(), ids.count == 1, let id = ids.first {
            constructed = index.classes[id]
        }
        if let node = constructed {
            return hierarchy.isKerasLayer(node) ? .kerasObject(projectClass: node.qualifiedName) : .instance(node.qualifiedName)
        }
        // A method on a value of known kind: `x.numpy()`, `dataset.map(f)`, `model(x)`.
        if case .attribute(let base, let name) = call.function.kind {
            let receiver = kindOfReceiver(base)
            if let receiverKind = receiver.receiverKind, let effect = APITable.effect(ofMethod: name, onReceiverKind: receiverKind),
                !effect.isDisjoint(with: .returnsAnyValue)
            {
                return effect.returnedKind
            }
        }
        if case .attribute(let base, "get") = call.function.kind, case .container(let element) = kindOfReceiver(base) {
            return element
        }
        let callee = kindOfCallee()
        // A layer or model applied to a KerasTensor builds a functional model: its output is symbolic.
        if callee.isKerasObject { return passesKerasTensor(call, in: function) ? .kerasTensor : .tensor }
        if callee == .dynamic { return .dynamic }
        let (targets, _) = self.targets(of: call, in: function, callee: kindOfCallee, receiver: kindOfReceiver)
        for target in targets {
            switch target {
            case .project(let id):
                // Calling a generator function makes a generator, which yields what it yields.
                if let yielded = yields[id] { return .containing(yielded) }
                if let returned = returns[id], returned != .unknown { return returned }
            case .external("functools.partial"):
                // `partial(step, model=m)` is `step` with some arguments bound.
                if let wrapped = call.arguments.first, case .functions(let ids) = kind(of: wrapped, in: function) {
                    return .functions(ids)
                }
            case .external("importlib.import_module"):
                return .dynamicModule
            case .external(let dotted) where Self.dynamicSources.contains(APITable.normalize(dotted)):
                return .dynamic
            case .external(let dotted):
                let name = APITable.normalize(dotted)
                // Keras 3's own ops and functional helpers (`keras.ops.relu`, `layers.concatenate`)
                // on a KerasTensor build the graph symbolically too.
                if name.hasPrefix("keras.ops.") || name.hasPrefix("keras.layers."), passesKerasTensor(call, in: function) {
                    return .kerasTensor
                }
                if let effect = APITable.effect(ofFunction: name), !effect.isDisjoint(with: .returnsAnyValue) {
                    return effect.returnedKind
                }
            case .builtin(let name):
                switch name {
                case "eval": return .dynamic
                case "__import__": return .dynamicModule
                case "getattr":
                    // `getattr(obj, "name")` is `obj.name`; a computed name could be anything.
                    if call.arguments.count >= 2, case .constant(.string) = call.arguments[1].kind { continue }
                    return .dynamic
                case "int", "len": return .primitive("int")
                case "float": return .primitive("float")
                case "str", "repr": return .primitive("str")
                case "bool": return .primitive("bool")
                // Python arithmetic on Python numbers stays Python numbers; on tensors, `abs`,
                // `pow` and `sum` run tensor operators (`__abs__`, `__pow__`, `__add__`).
                case "max", "min", "abs", "round", "sum", "pow":
                    let operands = call.arguments.count == 1 && name != "abs" && name != "round"
                        ? [elementKindOfIterable(call.arguments[0], in: function)]
                        : call.arguments.map { kind(of: $0, in: function) }
                    guard let first = operands.first else { return .unknown }
                    let joined = operands.dropFirst().reduce(first) { $0.joined(with: $1) }
                    if case .primitive = joined { return joined }
                    if joined.isTensorLike, ["abs", "pow", "sum"].contains(name) { return .tensor }
                    return .unknown
                // `iter(dataset)` yields what the dataset yields; `next()` takes one element.
                case "iter", "reversed":
                    return call.arguments.first.map { kind(of: $0, in: function) } ?? .unknown
                case "next":
                    return call.arguments.first.map { elementKindOfIterable($0, in: function) } ?? .unknown
                case "list", "tuple", "sorted":
                    return .containing(call.arguments.first.map { elementKindOfIterable($0, in: function) } ?? .unknown)
                default: continue
                }
            }
        }
        return .unknown
    }

    /// Whether a call's first argument is a KerasTensor, or a list of them (`Add()([x, y])`).
    func passesKerasTensor(_ call: Call, in function: FunctionNode) -> Bool {
        guard let first = call.arguments.first else { return false }
        let kind = kind(of: first, in: function)
        return kind == .kerasTensor || kind == .container(.kerasTensor)
    }

    /// Whether `name` is a variable of the project seen from `function`: a parameter or local of
    /// it or of a function around it, or a module global (not an import, a def or a builtin).
    public func isVariable(_ name: String, in function: FunctionNode) -> Bool {
        var scope: FunctionNode? = function
        while let current = scope {
            if locals[current.id]?[name] != nil || current.parameters.contains(where: { $0.name == name }) { return true }
            scope = current.enclosing
        }
        return moduleGlobals[function.module.description]?[name] != nil
    }

    /// Whether `function` assigns `name` in its own body (not a parameter, not an outer scope's).
    public func bindsLocally(_ name: String, in function: FunctionNode) -> Bool {
        locals[function.id]?[name] != nil
    }

    /// A function, class or library value named by a name or attribute chain (`scale`,
    /// `module.scale`, `self.normalize`, `Dense`, `tf.nn.relu`), as a value.
    func functionReference(_ expression: Expression, in function: FunctionNode) -> ValueKind? {
        guard let resolver = resolvers[function.id] else { return nil }
        if let node = resolver.classNode(for: expression) { return .classes([node.id]) }
        let targets = resolver.resolveReference(expression)
        var ids: Set<Int> = []
        for target in targets {
            guard case .project(let id) = target else { return .library(target) }
            // A decorated function's name holds what its decorators returned.
            ids.formUnion(decoratedValues[id] ?? [id])
        }
        return ids.isEmpty ? nil : .functions(ids)
    }

    /// Library calls whose result can be any Python object, the project's own functions
    /// included: what they return is `.dynamic`. Other library results are library values.
    static let dynamicSources: Set<String> = [
        "pickle.load", "pickle.loads", "dill.load", "dill.loads", "cloudpickle.load", "cloudpickle.loads", "joblib.load",
        "marshal.load", "marshal.loads", "shelve.open",
    ]

    /// What `self.name` holds for instances of `owner`, looking in its project base classes too.
    func attributeKind(_ name: String, of owner: ClassNode) -> ValueKind? {
        var pending = [owner]
        var seen: Set<Int> = []
        while let current = pending.popLast() {
            guard seen.insert(current.id).inserted else { continue }
            if let kind = attributes[current.id]?[name] { return kind }
            pending += index.projectBases(of: current)
        }
        return nil
    }

    func elementKindOfIterable(_ expression: Expression, in function: FunctionNode) -> ValueKind {
        elementKind(of: kind(of: expression, in: function), iterable: expression)
    }
}

extension ValueKind {
    /// The API table's name for values of this kind, as method receivers.
    var receiverKind: APITable.ReceiverKind? {
        switch self {
        case .tensor, .kerasTensor: return .tensor
        case .variable: return .variable
        case .dataset: return .dataset
        case .ndarray: return .numpyArray
        case .kerasObject: return .kerasModel
        default: return nil
        }
    }
}

extension APIEffect {
    static let returnsAnyValue: APIEffect = [
        .returnsTensor, .returnsVariable, .returnsDataset, .returnsNumpyArray, .returnsKerasTensor, .returnsModelOrLayer,
    ]

    /// What a call with this effect returns.
    var returnedKind: ValueKind {
        if contains(.returnsVariable) { return .variable }
        if contains(.returnsDataset) { return .dataset }
        if contains(.returnsKerasTensor) { return .kerasTensor }
        if contains(.returnsModelOrLayer) { return .kerasObject(projectClass: nil) }
        if contains(.returnsNumpyArray) { return .ndarray }
        if contains(.returnsTensor) { return .tensor }
        return .unknown
    }
}

extension Expression {
    /// A bare name among `names` (a builtin, when nothing rebinds it).
    func isBuiltinName(_ names: Set<String>) -> Bool {
        if case .name(let name) = kind { return names.contains(name) }
        return false
    }
}
