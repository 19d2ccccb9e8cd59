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
    let fixtures: PytestFixtures
    private(set) var resolvers: [Int: CallResolver] = [:]
    /// Kinds from annotations, read once: every propagation round starts from them.
    private var hints: [Int: [String: ParameterKind]] = [:]
    public private(set) var parameters: [Int: [String: ParameterKind]] = [:]
    public private(set) var returns: [Int: ValueKind] = [:]
    /// The wrappers project decorators put around each decorated function, by function id.
    public private(set) var wrappers: [Int: [Int]] = [:]
    /// What a generator yields (a pytest fixture that yields its value, say).
    private var yields: [Int: ValueKind] = [:]
    /// Functions some resolved call site calls with arguments bound to their parameters.
    public private(set) var called: Set<Int> = []
    /// Rounds it took to settle (at most 8), for benchmarks.
    public private(set) var rounds = 0
    private var locals: [Int: [String: ValueKind]] = [:]
    private var moduleGlobals: [String: [String: ValueKind]] = [:]
    /// `self.name = value` in any method, by class: what `self.name` holds in the others.
    private var attributes: [Int: [String: ValueKind]] = [:]
    /// Tests and fixtures, with their `parametrize` values: pytest calls them.
    private lazy var pytestFunctions: [(FunctionNode, [String: [Expression]])] = index.functions
        .filter { fixtures.isTest($0) || fixtures.fixtures.contains($0.id) }
        .map { ($0, PytestFixtures.parametrizedValues(of: $0, index: index)) }
    /// What each function's call sites passed in the last round it was looked at.
    private var contributions: [Int: Contribution] = [:]

    public init(index: ProjectIndex, hierarchy: ClassHierarchy) {
        self.index = index
        self.hierarchy = hierarchy
        fixtures = PytestFixtures(index: index)
        for function in index.functions {
            resolvers[function.id] = CallResolver(index: index, function: function)
        }
        for function in index.functions {
            hints[function.id] = hintedParameters(of: function)
        }
        parameters = hints
        settle()
    }

    /// The functions project decorators put around a function (`@timed` returning its nested
    /// `wrapper`): calling the function by name runs them, and they call it. A decorator that
    /// returns the function itself (a registry) wraps nothing.
    private func findWrappers() {
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

    private func isNested(_ function: FunctionNode, in outer: Int) -> Bool {
        var scope = function.enclosing
        while let current = scope {
            if current.id == outer { return true }
            scope = current.enclosing
        }
        return false
    }

    /// A call of a decorated function by its name runs its decorators' wrappers too (arguments
    /// still bind to the function itself: wrappers mostly take `*args`).
    private func addingWrappers(_ resolved: (targets: [CallTarget], bindsSelf: Bool)) -> (targets: [CallTarget], bindsSelf: Bool) {
        guard !wrappers.isEmpty else { return resolved }
        var targets = resolved.targets
        for case .project(let id) in resolved.targets {
            for wrapper in wrappers[id] ?? [] where !targets.contains(.project(wrapper)) { targets.append(.project(wrapper)) }
        }
        return (targets, resolved.bindsSelf)
    }

    /// Callers' arguments and callees' returns flow both ways, and function values resolve
    /// calls that bind more arguments, so kinds are iterated to a fixpoint (at most 8 rounds).
    /// After the first round only the functions whose inputs changed are looked at again: those
    /// whose parameters changed, callers of those whose return changed, functions nested in, or
    /// in the module of, one whose locals changed, and methods of classes whose attributes
    /// changed. On the Keras sources this is what keeps later rounds cheap.
    private func settle() {
        let dependents = Dependents(index: index)
        var dirty = Set(index.functions.map(\.id))
        var remerge = dirty
        var callers: [Int: Set<Int>] = [:]
        var framework = Contribution()
        while rounds < 8, !dirty.isEmpty {
            rounds += 1
            let attributesBefore = attributes
            var next: Set<Int> = []
            for function in index.functions where dirty.contains(function.id) {
                let before = (locals[function.id], returns[function.id])
                inferBody(of: function)
                if before.0 != locals[function.id] { next.formUnion(dependents.ofLocals(function)) }
                if before.1 != returns[function.id] { next.formUnion(callers[function.id] ?? []) }
            }
            for function in index.functions where dirty.contains(function.id) {
                let contribution = arguments(passedBy: function)
                let previous = contributions[function.id]
                guard contribution != previous else { continue }
                for callee in previous?.callees.subtracting(contribution.callees) ?? [] {
                    callers[callee]?.remove(function.id)
                }
                for callee in contribution.callees { callers[callee, default: []].insert(function.id) }
                // Only the callees whose callers passed something new need merging again.
                remerge.formUnion(contribution.callees)
                remerge.formUnion(previous?.callees ?? [])
                called.formUnion(contribution.callees)
                contributions[function.id] = contribution
            }
            let frameworkNow = frameworkArguments()
            for callee in Set(frameworkNow.passed.keys).union(framework.passed.keys)
            where frameworkNow.passed[callee] != framework.passed[callee] {
                remerge.insert(callee)
            }
            framework = frameworkNow
            called.formUnion(framework.callees)
            for (owner, held) in attributes where attributesBefore[owner] != held {
                next.formUnion(dependents.ofAttributes(ofClass: owner))
            }
            // Nested functions read their enclosing function's parameters too.
            for id in mergeArguments(into: remerge, callers: callers, framework: framework) {
                next.insert(id)
                next.formUnion(dependents.ofLocals(index.functions[id]))
            }
            remerge = []
            // Callers of a newly wrapped function pass their arguments to the wrapper too.
            let wrappedBefore = wrappers
            findWrappers()
            for (id, found) in wrappers where wrappedBefore[id] != found {
                next.formUnion(callers[id] ?? [])
            }
            dirty = next
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

    /// What one function's call sites pass to its project callees' parameters.
    private struct Contribution: Equatable {
        var passed: [Int: [String: ParameterKind]] = [:]
        var callees: Set<Int> = []

        mutating func pass(_ kind: ParameterKind, to parameter: String, of callee: Int) {
            if var existing = passed[callee]?[parameter] {
                // Reasons cite the call sites that say something: a site passing a value of
                // unknown kind is kept only while no other site is known.
                if existing.kind.isUndetermined && !kind.kind.isUndetermined {
                    existing.sources = kind.sources
                } else if !(kind.kind.isUndetermined && !existing.kind.isUndetermined), existing.sources.count < 3 {
                    existing.sources += kind.sources
                }
                existing.kind = existing.kind.joined(with: kind.kind)
                passed[callee]?[parameter] = existing
            } else {
                passed[callee, default: [:]][parameter] = kind
            }
        }
    }

    /// What `function`'s calls pass to the parameters of the project functions they call.
    private func arguments(passedBy function: FunctionNode) -> Contribution {
        var contribution = Contribution()
        guard let resolver = resolvers[function.id] else { return contribution }
        for expression in resolver.ownExpressions() {
            expression.forEachSubexpression(enteringLambdas: false) { inner in
                guard case .call(let call) = inner.kind else { return }
                // Dataset.map(f) and its kin call f on the dataset's elements, all tensors.
                if case .attribute(let base, let method) = call.function.kind,
                    ["map", "filter", "flat_map", "interleave"].contains(method),
                    self.kind(of: base, in: function) == .dataset, let first = call.arguments.first,
                    case .functions(let mappedIDs) = self.kind(of: first, in: function)
                {
                    for mappedID in mappedIDs {
                        let mapped = index.functions[mappedID]
                        for parameter in mapped.parameters where parameter.kind == .regular || parameter.kind == .positionalOnly {
                            contribution.passed[mappedID, default: [:]][parameter.name] = ParameterKind(
                                kind: .tensor, evidence: .static,
                                sources: ["\(function.file):\(inner.range.line) maps it over a dataset's elements"],
                                suppliedByCaller: true)
                        }
                        contribution.callees.insert(mappedID)
                    }
                }
                let (targets, bindsSelf) = self.targets(of: call, in: function)
                for case .project(let calleeID) in targets {
                    contribution.callees.insert(calleeID)
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
                        contribution.pass(
                            ParameterKind(kind: kind, evidence: .static, sources: [source], suppliedByCaller: true),
                            to: name, of: calleeID)
                    }
                }
            }
        }
        return contribution
    }

    /// Joins what every caller passes into the parameter kinds of `functions` (hints win), and
    /// returns those whose parameter kinds changed.
    private func mergeArguments(into functions: Set<Int>, callers: [Int: Set<Int>], framework: Contribution) -> Set<Int> {
        var changed: Set<Int> = []
        for id in functions.sorted() {
            let function = index.functions[id]
            var observed = Contribution()
            for caller in (callers[id] ?? []).sorted() {
                for (name, kind) in contributions[caller]?.passed[id] ?? [:] { observed.pass(kind, to: name, of: id) }
            }
            for (name, kind) in framework.passed[id] ?? [:] { observed.pass(kind, to: name, of: id) }
            var merged = hints[id] ?? [:]
            for (name, kind) in observed.passed[id] ?? [:] where merged[name] == nil {
                merged[name] = kind
            }
            // A defaulted parameter no caller supplies holds its default (`activation=tf.nn.relu`).
            if called.contains(id) {
                let scope = function.enclosing ?? index.moduleBodies[function.module.description] ?? function
                for parameter in function.parameters where merged[parameter.name] == nil {
                    guard let value = parameter.defaultValue else { continue }
                    let kind = self.kind(of: value, in: scope)
                    guard kind != .unknown else { continue }
                    merged[parameter.name] = ParameterKind(
                        kind: kind, evidence: .static, sources: ["no caller supplies it: it keeps its default, a \(kind.description)"],
                        suppliedByCaller: false)
                }
            }
            for (name, kind) in observed.passed[id] ?? [:] where merged[name]?.evidence == .hint {
                merged[name]?.suppliedByCaller = kind.suppliedByCaller
            }
            if parameters[id] != merged {
                parameters[id] = merged
                changed.insert(id)
            }
        }
        return changed
    }

    /// What the language and the test runner pass, rather than a call in the code: decorators
    /// their function, pytest its fixtures and parameters.
    private func frameworkArguments() -> Contribution {
        var contribution = Contribution()
        bindDecoratedFunctions(into: &contribution)
        bindPytestArguments(into: &contribution)
        return contribution
    }

    /// `@register` on `def scale(...)` calls `register(scale)`: the decorator's first parameter
    /// receives the function, and a decorator factory's result (`@retry(3)`) does too.
    private func bindDecoratedFunctions(into observed: inout Contribution) {
        for function in index.functions where !function.decorators.isEmpty && function.kind != .lambda {
            let scope = function.enclosing ?? index.moduleBodies[function.module.description]
            guard let scope else { continue }
            for decorator in function.decorators {
                let applied: ValueKind
                if case .call(let call) = decorator.kind {
                    applied = callKind(call, in: scope)
                } else {
                    applied = kind(of: decorator, in: scope)
                }
                guard case .functions(let decoratorIDs) = applied else { continue }
                for decoratorID in decoratorIDs {
                    guard let first = index.functions[decoratorID].parameters.first else { continue }
                    observed.callees.insert(decoratorID)
                    let source = "\(function.file):\(decorator.range.line) decorates `\(function.qualname)` with it"
                    let passed = ParameterKind(kind: .functions([function.id]), evidence: .static, sources: [source], suppliedByCaller: true)
                    observed.pass(passed, to: first.name, of: decoratorID)
                }
            }
        }
    }

    /// pytest calls tests and fixtures: each parameter gets its `parametrize` values, or the
    /// value of the fixture it names (what the fixture returns or yields), or a pytest object.
    private func bindPytestArguments(into observed: inout Contribution) {
        for (function, parametrized) in pytestFunctions {
            let scope = function.enclosing ?? index.moduleBodies[function.module.description] ?? function
            let isMethod = function.kind == .method
            for parameter in function.parameters.dropFirst(isMethod ? 1 : 0)
            where parameter.kind == .regular || parameter.kind == .positionalOnly || parameter.kind == .keywordOnly {
                if let cases = parametrized[parameter.name], let first = cases.first {
                    let kind = cases.dropFirst().reduce(self.kind(of: first, in: scope)) { $0.joined(with: self.kind(of: $1, in: scope)) }
                    let source = "\(function.file):\(first.range.line) parametrizes it with \(cases.count) \(kind.description) values"
                    observed.pass(ParameterKind(kind: kind, evidence: .static, sources: [source], suppliedByCaller: true),
                                  to: parameter.name, of: function.id)
                } else if let fixture = fixtures.fixture(named: parameter.name, for: function), fixture.id != function.id {
                    let kind = yields[fixture.id] ?? returns[fixture.id] ?? .unknown
                    let source = "pytest passes the fixture `\(parameter.name)` (\(fixture.file):\(fixture.line)), a \(kind.description)"
                    observed.pass(ParameterKind(kind: kind, evidence: .static, sources: [source], suppliedByCaller: true),
                                  to: parameter.name, of: function.id)
                } else if PytestFixtures.builtin.contains(parameter.name) {
                    let source = "pytest passes its `\(parameter.name)` fixture"
                    observed.pass(ParameterKind(kind: .instance("pytest." + parameter.name), evidence: .static, sources: [source],
                                                suppliedByCaller: true),
                                  to: parameter.name, of: function.id)
                } else {
                    continue
                }
                observed.callees.insert(function.id)
            }
        }
    }

    // MARK: Calls

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
    private func projectClass(of kind: ValueKind) -> ClassNode? {
        switch kind {
        case .instance(let name), .kerasObject(projectClass: let name?): return index.class(named: name)
        default: return nil
        }
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
                    // `for name, fn in table.items()`: the key is left alone, the value is an element.
                    if case .tuple(let pair) = target.kind, pair.count == 2, case .call(let call) = iterable.kind,
                        case .attribute(let table, "items") = call.function.kind,
                        case .container(let element) = self.kind(of: table, in: function)
                    {
                        assign(pair[0], .unknown)
                        assign(pair[1], element)
                    } else {
                        assign(target, elementKind(of: self.kind(of: iterable, in: function), iterable: iterable))
                    }
                case .with(let items, _, _):
                    for item in items { if let target = item.target { assign(target, .unknown) } }
                case .return(let value):
                    let kind = value.map { self.kind(of: $0, in: function) } ?? .primitive("None")
                    returned = returned.map { $0.joined(with: kind) } ?? kind
                case .expression(let value):
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
            if let global = moduleGlobals[function.module.description]?[name], global != .unknown { return global }
            return functionReference(expression, in: function) ?? moduleGlobals[function.module.description]?[name] ?? .unknown
        case .lambda:
            return index.lambda(at: expression.range, in: function.file).map { .functions([$0.id]) } ?? .unknown
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
            // `globals()[name]`: whatever the name picks at run time.
            if case .call(let lookup) = base.kind, lookup.function.isBuiltinName(["globals", "locals", "vars"]) { return .dynamic }
            switch kind(of: base, in: function) {
            case .dynamic: return .dynamic
            case .tensor, .variable, .kerasTensor: return .tensor
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
            // `tf.keras.Sequential` names a class and `tf.add` a function: what calling them
            // returns is callKind's business, not the attribute's.
            if case .name(let root) = base.kind, function.kind == .method, root == function.parameters.first?.name,
                let owner = function.owningClass, let held = attributeKind(name, of: owner)
            {
                return held
            }
            if let reference = functionReference(expression, in: function) { return reference }
            let receiver = kind(of: base, in: function)
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
        default:
            return .unknown
        }
    }

    private func callKind(_ call: Call, in function: FunctionNode) -> ValueKind {
        guard let resolver = resolvers[function.id] else { return .unknown }
        var constructed = resolver.classNode(for: call.function)
        if constructed == nil, case .classes(let ids) = kind(of: call.function, in: function), ids.count == 1, let id = ids.first {
            constructed = index.classes[id]
        }
        if let node = constructed {
            return hierarchy.isKerasLayer(node) ? .kerasObject(projectClass: node.qualifiedName) : .instance(node.qualifiedName)
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
        if case .attribute(let base, "get") = call.function.kind, case .container(let element) = kind(of: base, in: function) {
            return element
        }
        let callee = kind(of: call.function, in: function)
        if callee.isKerasObject { return .tensor }
        if callee == .dynamic { return .dynamic }
        let (targets, _) = self.targets(of: call, in: function)
        for target in targets {
            switch target {
            case .project(let id):
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
                if let effect = APITable.effect(ofFunction: APITable.normalize(dotted)), !effect.isDisjoint(with: .returnsAnyValue) {
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
    private func functionReference(_ expression: Expression, in function: FunctionNode) -> ValueKind? {
        guard let resolver = resolvers[function.id] else { return nil }
        if let node = resolver.classNode(for: expression) { return .classes([node.id]) }
        switch resolver.resolveReference(expression) {
        case .project(let id)?: return .functions([id])
        case let target?: return .library(target)
        case nil: return nil
        }
    }

    /// Library calls whose result can be any Python object, the project's own functions
    /// included: what they return is `.dynamic`. Other library results are library values.
    static let dynamicSources: Set<String> = [
        "pickle.load", "pickle.loads", "dill.load", "dill.loads", "cloudpickle.load", "cloudpickle.loads", "joblib.load",
        "marshal.load", "marshal.loads", "shelve.open",
    ]

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

/// Which functions' inferred kinds read what another function's inference writes.
private struct Dependents {
    private var nested: [Int: [Int]] = [:]
    private var inModule: [String: [Int]] = [:]
    private var methodsOfClassAndSubclasses: [Int: [Int]] = [:]

    init(index: ProjectIndex) {
        for function in index.functions {
            inModule[function.module.description, default: []].append(function.id)
            var outer = function.enclosing
            while let current = outer {
                nested[current.id, default: []].append(function.id)
                outer = current.enclosing
            }
        }
        var methods: [Int: [Int]] = [:]
        for function in index.functions {
            if let owner = function.owningClass { methods[owner.id, default: []].append(function.id) }
        }
        // A method reads `self.x` from its class and its project base classes.
        for node in index.classes {
            var pending = [node]
            var seen: Set<Int> = []
            while let current = pending.popLast() {
                guard seen.insert(current.id).inserted else { continue }
                methodsOfClassAndSubclasses[current.id, default: []] += methods[node.id] ?? []
                pending += current.bases.compactMap { base in
                    index.resolver.qualifiedName(of: base, in: current.module).flatMap { index.class(named: $0) }
                }
            }
        }
    }

    /// Those that read `function`'s locals: what it encloses, or its whole module for a module body.
    func ofLocals(_ function: FunctionNode) -> [Int] {
        function.kind == .moduleBody ? inModule[function.module.description] ?? [] : nested[function.id] ?? []
    }

    func ofAttributes(ofClass id: Int) -> [Int] { methodsOfClassAndSubclasses[id] ?? [] }
}
