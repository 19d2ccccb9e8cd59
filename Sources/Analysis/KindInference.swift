import PythonSyntax

/// Tensor inference: the kind of every parameter, local and return value of every function,
/// from type hints, literals, the API table (which TensorFlow, Keras and numpy calls return
/// tensors, datasets, variables) and, across functions, from the arguments callers pass and the
/// values callees return, iterated to a fixpoint.
public final class KindInference {
    public struct ParameterKind: Sendable, Equatable {
        public var kind: ValueKind
        public var evidence: Evidence
        /// Lines of the call sites (or annotation) the kind came from, for reasons.
        public var sources: [String]
        /// Whether some caller supplied it (a defaulted parameter no caller supplies is exempt
        /// from the primitive-parameter rule).
        public var suppliedByCaller: Bool
    }

    let index: ProjectIndex
    let hierarchy: ClassHierarchy
    private(set) var resolvers: [Int: CallResolver] = [:]
    /// Kinds from annotations, read once: every propagation round starts from them.
    private var hints: [Int: [String: ParameterKind]] = [:]
    public private(set) var parameters: [Int: [String: ParameterKind]] = [:]
    public private(set) var returns: [Int: ValueKind] = [:]
    /// Functions some resolved call site calls with arguments bound to their parameters.
    public private(set) var called: Set<Int> = []
    private var locals: [Int: [String: ValueKind]] = [:]
    private var moduleGlobals: [String: [String: ValueKind]] = [:]
    /// `self.name = value` in any method, by class: what `self.name` holds in the others.
    private var attributes: [Int: [String: ValueKind]] = [:]

    public init(index: ProjectIndex, hierarchy: ClassHierarchy) {
        self.index = index
        self.hierarchy = hierarchy
        for function in index.functions {
            resolvers[function.id] = CallResolver(index: index, function: function)
        }
        for function in index.functions {
            hints[function.id] = hintedParameters(of: function)
        }
        parameters = hints
        // Callers' arguments and callees' returns flow both ways; a few rounds settle it.
        for _ in 0..<4 {
            var changed = false
            for function in index.functions {
                let before = (locals[function.id], returns[function.id])
                inferBody(of: function)
                if before.0 != locals[function.id] || before.1 != returns[function.id] { changed = true }
            }
            if propagateArguments() { changed = true }
            if !changed { break }
        }
    }

    // MARK: Parameters

    /// Kinds from annotations (`x: tf.Tensor`, `n: int`), evidence `hint`.
    private func hintedParameters(of function: FunctionNode) -> [String: ParameterKind] {
        var found: [String: ParameterKind] = [:]
        for parameter in function.parameters {
            guard let annotation = parameter.annotation else { continue }
            let kind = annotationKind(annotation, in: function.module)
            if kind != .unknown {
                found[parameter.name] = ParameterKind(
                    kind: kind, evidence: .hint, sources: ["annotated `\(parameter.name): \(kind.description)` at line \(parameter.range.line)"],
                    suppliedByCaller: false)
            }
        }
        return found
    }

    private func annotationKind(_ annotation: Expression, in module: ModuleName) -> ValueKind {
        if case .constant(.string(let text)) = annotation.kind {
            return ["tf.Tensor", "tensorflow.Tensor"].contains(text) ? .tensor : .unknown
        }
        if case .subscript(let base, let element) = annotation.kind {
            let container = index.resolver.qualifiedName(of: base, in: module) ?? ""
            if ["typing.List", "typing.Sequence", "typing.Tuple", "list", "tuple", "typing.Dict"].contains(container)
                || base.isBuiltinName(["list", "tuple", "dict"])
            {
                let inner = annotationKind(element, in: module)
                return inner == .unknown ? .unknown : .container(inner)
            }
            return .unknown
        }
        if case .name(let name) = annotation.kind, ["int", "float", "str", "bool"].contains(name),
            index.resolver.qualifiedName(of: annotation, in: module) == nil
        {
            return .primitive(name)
        }
        guard let dotted = index.resolver.qualifiedName(of: annotation, in: module).map(APITable.normalize) else {
            return .unknown
        }
        switch dotted {
        case "tensorflow.Tensor", "tensorflow.types.experimental.TensorLike", "tensorflow.RaggedTensor",
            "tensorflow.SparseTensor", "tensorflow.IndexedSlices":
            return .tensor
        case "tensorflow.Variable": return .variable
        case "tensorflow.data.Dataset": return .dataset
        case "numpy.ndarray", "numpy.typing.NDArray", "numpy.typing.ArrayLike": return .ndarray
        case "keras.KerasTensor": return .kerasTensor
        default: return .unknown
        }
    }

    /// Binds each call's arguments to its project callee's parameters and joins their kinds.
    private func propagateArguments() -> Bool {
        var observed: [Int: [String: ParameterKind]] = [:]
        for function in index.functions {
            guard let resolver = resolvers[function.id] else { continue }
            for expression in resolver.ownExpressions() {
                expression.forEachSubexpression(enteringLambdas: false) { inner in
                    guard case .call(let call) = inner.kind else { return }
                    // Dataset.map(f) and its kin call f on the dataset's elements, all tensors.
                    if case .attribute(let base, let method) = call.function.kind,
                        ["map", "filter", "flat_map", "interleave"].contains(method),
                        self.kind(of: base, in: function) == .dataset, let first = call.arguments.first,
                        case .project(let mappedID)? = resolver.resolveReference(first)
                    {
                        let mapped = index.functions[mappedID]
                        for parameter in mapped.parameters where parameter.kind == .regular || parameter.kind == .positionalOnly {
                            observed[mappedID, default: [:]][parameter.name] = ParameterKind(
                                kind: .tensor, evidence: .static,
                                sources: ["\(function.file):\(inner.range.line) maps it over a dataset's elements"],
                                suppliedByCaller: true)
                        }
                        called.insert(mappedID)
                    }
                    let (targets, bindsSelf) = resolver.resolve(call)
                    for case .project(let calleeID) in targets {
                        called.insert(calleeID)
                        let callee = index.functions[calleeID]
                        var positional = callee.parameters.filter { $0.kind == .positionalOnly || $0.kind == .regular }
                        // A method called on an instance, or a classmethod however it is called,
                        // has its first parameter bound already.
                        let isClassMethod = callee.decorators.contains { $0.isBuiltinName(["classmethod"]) }
                        if (bindsSelf || isClassMethod) && callee.kind == .method && !positional.isEmpty {
                            positional.removeFirst()
                        }
                        var bound: [(String, Expression)] = zip(positional, call.arguments).compactMap { parameter, argument in
                            if case .starred = argument.kind { return nil }
                            return (parameter.name, argument)
                        }
                        for keyword in call.keywords {
                            if let name = keyword.name { bound.append((name, keyword.value)) }
                        }
                        for (name, argument) in bound {
                            let kind = self.kind(of: argument, in: function)
                            let source = "\(function.file):\(inner.range.line) passes \(kind.description)"
                            if var existing = observed[calleeID]?[name] {
                                existing.kind = existing.kind.joined(with: kind)
                                if existing.sources.count < 3 { existing.sources.append(source) }
                                observed[calleeID]?[name] = existing
                            } else {
                                observed[calleeID, default: [:]][name] = ParameterKind(
                                    kind: kind, evidence: .static, sources: [source], suppliedByCaller: true)
                            }
                        }
                    }
                }
            }
        }
        var changed = false
        for function in index.functions {
            var merged = hints[function.id] ?? [:]
            for (name, kind) in observed[function.id] ?? [:] where merged[name] == nil {
                merged[name] = kind
            }
            for (name, kind) in observed[function.id] ?? [:] where merged[name]?.evidence == .hint {
                merged[name]?.suppliedByCaller = kind.suppliedByCaller
            }
            if parameters[function.id] != merged {
                parameters[function.id] = merged
                changed = true
            }
        }
        return changed
    }

    // MARK: Bodies

    private func inferBody(of function: FunctionNode) {
        var scope = locals[function.id] ?? [:]
        var returned: ValueKind?
        let selfName = function.kind == .method ? function.parameters.first?.name : nil
        func assign(_ target: Expression, _ kind: ValueKind) {
            switch target.kind {
            case .name(let name): scope[name] = scope[name].map { $0.joined(with: kind) } ?? kind
            case .attribute(let base, let name):
                if case .name(let root) = base.kind, root == selfName, let owner = function.owningClass {
                    attributes[owner.id, default: [:]][name] = attributes[owner.id]?[name].map { $0.joined(with: kind) } ?? kind
                }
            case .tuple(let elements), .list(let elements):
                let element: ValueKind
                if case .container(let inner) = kind { element = inner } else { element = kind.isTensorLike ? kind : .unknown }
                for item in elements { assign(item, element) }
            default: return
            }
        }
        var pending = [function.body]
        while let statements = pending.popLast() {
            for statement in statements {
                locals[function.id] = scope
                switch statement.kind {
                case .assign(let targets, let value):
                    let kind = self.kind(of: value, in: function)
                    for target in targets { assign(target, kind) }
                case .annotatedAssign(let target, let annotation, let value):
                    let hinted = annotationKind(annotation, in: function.module)
                    assign(target, hinted != .unknown ? hinted : value.map { self.kind(of: $0, in: function) } ?? .unknown)
                case .augmentedAssign(let target, _, let value):
                    if case .name(let name) = target.kind {
                        let current = scope[name] ?? .unknown
                        let added = self.kind(of: value, in: function)
                        scope[name] = current.isTensorLike || added.isTensorLike ? .tensor : current
                    }
                case .for(let target, let iterable, _, _, _):
                    assign(target, elementKind(of: self.kind(of: iterable, in: function), iterable: iterable))
                case .with(let items, _, _):
                    for item in items { if let target = item.target { assign(target, .unknown) } }
                case .return(let value):
                    let kind = value.map { self.kind(of: $0, in: function) } ?? .primitive("None")
                    returned = returned.map { $0.joined(with: kind) } ?? kind
                default:
                    break
                }
                pending += statement.nestedBodies
            }
        }
        locals[function.id] = scope
        if function.kind == .moduleBody {
            moduleGlobals[function.module.description] = scope
        }
        returns[function.id] = returned ?? .primitive("None")
    }

    /// Iterating a dataset or a tensor yields tensors; a list of tensors yields tensors.
    private func elementKind(of kind: ValueKind, iterable: Expression) -> ValueKind {
        switch kind {
        case .dataset, .tensor, .variable, .ndarray: return .tensor
        case .container(let element): return element
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
            if let local = locals[function.id]?[name] { return local }
            if let parameter = parameters[function.id]?[name] { return parameter.kind }
            var scope = function.enclosing
            while let outer = scope {
                if let kind = locals[outer.id]?[name] ?? parameters[outer.id]?[name]?.kind { return kind }
                scope = outer.enclosing
            }
            return moduleGlobals[function.module.description]?[name] ?? .unknown
        case .call(let call):
            return callKind(call, in: function)
        case .binary(_, let left, let right):
            let a = kind(of: left, in: function)
            let b = kind(of: right, in: function)
            if a.isTensorLike || b.isTensorLike { return a == .ndarray && b == .ndarray ? .ndarray : .tensor }
            if case .primitive = a, case .primitive = b { return a }
            return .unknown
        case .unary(_, let operand):
            return kind(of: operand, in: function)
        case .subscript(let base, _):
            switch kind(of: base, in: function) {
            case .tensor, .variable, .kerasTensor: return .tensor
            case .ndarray: return .ndarray
            case .container(let element): return element
            default: return .unknown
            }
        case .list(let elements), .tuple(let elements), .set(let elements):
            guard let first = elements.first else { return .container(.unknown) }
            return .container(elements.dropFirst().reduce(kind(of: first, in: function)) { $0.joined(with: kind(of: $1, in: function)) })
        case .dictionary(let entries):
            guard let first = entries.first else { return .container(.unknown) }
            return .container(entries.dropFirst().reduce(kind(of: first.value, in: function)) {
                $0.joined(with: kind(of: $1.value, in: function))
            })
        case .comprehension(let comprehension):
            return .container(kind(of: comprehension.value ?? comprehension.element, in: function))
        case .conditional(_, let body, let orElse):
            return kind(of: body, in: function).joined(with: kind(of: orElse, in: function))
        case .attribute(let base, let name):
            // `tf.keras.Sequential` names a class and `tf.add` a function: what calling them
            // returns is callKind's business, not the attribute's.
            if case .name(let root) = base.kind, function.kind == .method, root == function.parameters.first?.name,
                let owner = function.owningClass, let held = attributeKind(name, of: owner)
            {
                return held
            }
            let receiver = kind(of: base, in: function)
            if receiver == .kerasObject, ["trainable_variables", "trainable_weights", "weights", "variables"].contains(name) {
                return .container(.variable)
            }
            if receiver.isTensorLike, name == "T" { return receiver }
            return .unknown
        default:
            return .unknown
        }
    }

    private func callKind(_ call: Call, in function: FunctionNode) -> ValueKind {
        guard let resolver = resolvers[function.id] else { return .unknown }
        if let node = resolver.classNode(for: call.function) {
            return hierarchy.isKerasLayer(node) ? .kerasObject : .instance(node.qualifiedName)
        }
        // A method on a value of known kind: `x.numpy()`, `dataset.map(f)`, `model(x)`.
        if case .attribute(let base, let name) = call.function.kind {
            let receiver = kind(of: base, in: function)
            if let receiverKind = receiver.receiverKind, let effect = APITable.effect(ofMethod: name, onReceiverKind: receiverKind),
                !effect.isDisjoint(with: .returnsAnyValue)
            {
                return effect.returnedKind
            }
        }
        let callee = kind(of: call.function, in: function)
        if callee == .kerasObject { return .tensor }
        let (targets, _) = resolver.resolve(call)
        for target in targets {
            switch target {
            case .project(let id):
                if let returned = returns[id], returned != .unknown { return returned }
            case .external(let dotted):
                if let effect = APITable.effect(ofFunction: APITable.normalize(dotted)), !effect.isDisjoint(with: .returnsAnyValue) {
                    return effect.returnedKind
                }
            case .builtin(let name):
                switch name {
                case "int", "len": return .primitive("int")
                case "float": return .primitive("float")
                case "str", "repr": return .primitive("str")
                case "bool": return .primitive("bool")
                case "list", "tuple", "sorted":
                    return .container(call.arguments.first.map { elementKindOfIterable($0, in: function) } ?? .unknown)
                default: continue
                }
            }
        }
        return .unknown
    }

    /// What `self.name` holds for instances of `owner`, looking in its project base classes too.
    private func attributeKind(_ name: String, of owner: ClassNode) -> ValueKind? {
        var pending = [owner]
        var seen: Set<Int> = []
        while let current = pending.popLast() {
            guard seen.insert(current.id).inserted else { continue }
            if let kind = attributes[current.id]?[name] { return kind }
            pending += current.bases.compactMap { base in
                index.resolver.qualifiedName(of: base, in: current.module).flatMap { index.class(named: $0) }
            }
        }
        return nil
    }

    private func elementKindOfIterable(_ expression: Expression, in function: FunctionNode) -> ValueKind {
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
        if contains(.returnsModelOrLayer) { return .kerasObject }
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
