import PythonSyntax

/// What callers, decorators and pytest pass to each function's parameters, and what its
/// annotations say: the parameter half of tensor inference.
extension KindInference {
    /// Kinds from annotations (`x: tf.Tensor`, `n: int`), evidence `hint`.
    func hintedParameters(of function: FunctionNode) -> [String: ParameterKind] {
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
        // `tf.function(input_signature=[spec, ...])` converts each positional argument to a
        // tensor of its spec (TF 2.21 polymorphic_function: a signature fixes the inputs to
        // tensors), whatever the caller passes.
        if let specs = inputSignatureSpecs(of: function) {
            let positional = function.parameters.filter { $0.kind == .positionalOnly || $0.kind == .regular }
                .dropFirst(function.receiverName == nil ? 0 : 1)
            for (parameter, spec) in zip(positional, specs) where found[parameter.name] == nil {
                found[parameter.name] = ParameterKind(
                    kind: .tensor, evidence: .hint,
                    sources: ["`input_signature` gives `\(parameter.name)` the spec `\(spec.dottedText ?? "TensorSpec")` (line \(spec.range.line))"],
                    suppliedByCaller: false)
            }
        }
        return found
    }

    /// The specs of a literal `input_signature=[...]` (or the positional second argument) of the
    /// function's `tf.function` decorator.
    private func inputSignatureSpecs(of function: FunctionNode) -> [Expression]? {
        for decorator in function.decorators {
            guard case .call(let call) = decorator.kind,
                HybridDecoration.tfFunctionArguments(decorator, in: function.module, resolver: index.resolver) != nil
            else { continue }
            let signature = call.keywords.first { $0.name == "input_signature" }?.value
                ?? (call.arguments.count > 1 ? call.arguments[1] : nil)
            switch signature?.kind {
            case .list(let specs)?, .tuple(let specs)?:
                return specs.map { spec in
                    if case .call(let made) = spec.kind { return made.function }
                    return spec
                }
            default: return nil
            }
        }
        return nil
    }

    func annotationKind(_ annotation: Expression, in module: ModuleName) -> ValueKind {
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
    struct Contribution: Equatable {
        var passed: [Int: [String: ParameterKind]] = [:]
        var callees: Set<Int> = []
        /// Defaulted parameters some call leaves out, by callee: they hold their default then.
        var omitted: [Int: Set<String>] = [:]

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

    /// The most subclass overrides a call through `self` binds its arguments to.
    static let maximumBoundOverrides = 8

    /// What `function`'s calls pass to the parameters of the project functions they call.
    func arguments(passedBy function: FunctionNode) -> Contribution {
        var contribution = Contribution()
        guard let resolver = resolvers[function.id] else { return contribution }
        for inner in resolver.ownCalls {
            do {
                guard case .call(let call) = inner.kind else { continue }
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
                // `map(f, xs)`, `filter(f, xs)`, `sorted(xs, key=f)`, `min`/`max(xs, key=f)` call f
                // on the elements.
                if case .name(let builtin) = call.function.kind, ["map", "filter", "sorted", "min", "max"].contains(builtin),
                    !isVariable(builtin, in: function)
                {
                    let keyed = builtin == "sorted" || builtin == "min" || builtin == "max"
                    let mapped = keyed ? call.keywords.first { $0.name == "key" }?.value : call.arguments.first
                    let iterables = keyed ? Array(call.arguments.prefix(1)) : Array(call.arguments.dropFirst())
                    if let mapped, case .functions(let mappedIDs) = self.kind(of: mapped, in: function) {
                        for mappedID in mappedIDs {
                            let parameters = index.functions[mappedID].parameters.filter { $0.kind == .regular || $0.kind == .positionalOnly }
                            for (parameter, iterable) in zip(parameters, iterables) {
                                contribution.pass(
                                    ParameterKind(kind: self.elementKindOfIterable(iterable, in: function), evidence: .static,
                                                  sources: ["\(function.file):\(inner.range.line) \(builtin)s it over the elements"],
                                                  suppliedByCaller: true),
                                    to: parameter.name, of: mappedID)
                            }
                            contribution.callees.insert(mappedID)
                        }
                    }
                }
                let (targets, bindsSelf) = self.targets(of: call, in: function)
                // What the arguments are, once per call: `self.call(x)` in a base class reaches
                // every subclass's override.
                var passed: PassedArguments?
                var sources: [ValueKind: String] = [:]
                // A call through `self` that dispatches to a few subclass overrides (`train_step`
                // calling `self.compute_loss`) binds its arguments to each of them. One that
                // reaches dozens (a framework's `Layer.__call__` calling `self.call` of every
                // layer) binds only to the method its own class resolves: on the Keras sources
                // binding them all makes analysis four times slower (37 s) for kinds that the
                // layers' own callers mostly give them anyway.
                let overrides = Set(targets.compactMap { target -> Int? in
                    guard case .project(let id) = target, resolver.isOverride(id, reachedBy: call) else { return nil }
                    return id
                })
                let bindsOverrides = overrides.count <= Self.maximumBoundOverrides
                for case .project(let calleeID) in targets where bindsOverrides || !overrides.contains(calleeID) {
                    contribution.callees.insert(calleeID)
                    let callee = index.functions[calleeID]
                    var positional = callee.parameters.filter { $0.kind == .positionalOnly || $0.kind == .regular }
                    // A method called on an instance, or a classmethod however it is called,
                    // has its first parameter bound already.
                    if (bindsSelf || callee.isClassMethod) && callee.receiverName != nil && !positional.isEmpty {
                        positional.removeFirst()
                    }
                    let arguments = passed ?? PassedArguments(call, kinds: self, in: function)
                    passed = arguments
                    let bound = self.bind(call, arguments, to: callee, positional: positional)
                    // Which defaults a call leaves in place, where that is known and the default can
                    // be a function.
                    if !arguments.spreads {
                        let boundNames = Set(bound.map(\.0))
                        for parameter in callee.parameters where !boundNames.contains(parameter.name) {
                            switch parameter.defaultValue?.kind {
                            case .name?, .attribute?, .lambda?: contribution.omitted[calleeID, default: []].insert(parameter.name)
                            default: continue
                            }
                        }
                    }
                    for (name, kind) in bound {
                        let source = sources[kind] ?? "\(function.file):\(inner.range.line) passes \(kind.description)"
                        sources[kind] = source
                        contribution.pass(
                            ParameterKind(kind: kind, evidence: .static, sources: [source], suppliedByCaller: true),
                            to: name, of: calleeID)
                    }
                }
            }
        }
        return contribution
    }

    /// The kind each parameter of `callee` receives from `call`, as Python binds arguments:
    /// positional ones in order, the rest into `*args` (a tuple of them); keywords by name, the
    /// rest into `**kwargs` (a dict of them). `f(*args)` spreads what `args` holds over the
    /// positional parameters from there on, and `f(**kwargs)` over those still unbound, which is
    /// how a function forwards its arguments (`return target(*args, **kwargs)`). `*args` and
    /// `**kwargs` themselves follow only callables (`call_all(*callbacks)`, `on_done=notify`):
    /// preconditions read declared parameters, and a wrapper's `*args` is not a tensor parameter.
    func bind(_ call: Call, _ passed: PassedArguments, to callee: FunctionNode, positional: [Parameter]) -> [(String, ValueKind)] {
        var bound: [(String, ValueKind)] = []
        var boundNames: Set<String> = []
        let variadic = callee.parameters.first { $0.kind == .variadic }
        let variadicKeyword = callee.parameters.first { $0.kind == .variadicKeyword }
        var extra: [ValueKind] = []
        var spread = false
        for (position, argument) in call.arguments.enumerated() {
            if case .starred = argument.kind {
                let element = passed.positional[position]
                spread = true
                // Spreading nothing known says nothing (and a wrapper's `fn(*args)` reaches many).
                if element.isUndetermined { break }
                for parameter in positional.dropFirst(position) where !boundNames.contains(parameter.name) {
                    bound.append((parameter.name, element))
                    boundNames.insert(parameter.name)
                }
                extra.append(element)
                break
            }
            let kind = passed.positional[position]
            if position < positional.count {
                bound.append((positional[position].name, kind))
                boundNames.insert(positional[position].name)
            } else {
                extra.append(kind)
            }
        }
        if let variadic, let held = Self.callables(extra) {
            bound.append((variadic.name, .containing(held)))
        }
        var extraKeywords: [ValueKind] = []
        for (keyword, kind) in zip(call.keywords, passed.keywords) {
            if let name = keyword.name {
                // Kept by name even when `**kwargs` takes it: the primitive-parameter rule reads
                // literal keywords of the call signature (`scaled(x, factor=3.0)`).
                bound.append((name, kind))
                boundNames.insert(name)
                if !callee.parameters.contains(where: { $0.name == name && $0.kind != .variadic && $0.kind != .variadicKeyword }) {
                    extraKeywords.append(kind)
                }
                continue
            }
            // `**options`: what the dict holds, for every parameter nothing else bound.
            guard case .container(let element) = kind, !element.isUndetermined else { continue }
            let open = callee.parameters.filter {
                ($0.kind == .keywordOnly || (!spread && ($0.kind == .regular))) && !boundNames.contains($0.name)
            }
            for parameter in open where !(bindsReceiver(callee) && parameter.name == callee.receiverName) {
                bound.append((parameter.name, element))
            }
            extraKeywords.append(element)
        }
        if let variadicKeyword, let held = Self.callables(extraKeywords) {
            bound.append((variadicKeyword.name, .containing(held)))
        }
        return bound
    }

    /// The join of kinds that are all functions or all classes, else nil.
    private static func callables(_ kinds: [ValueKind]) -> ValueKind? {
        guard let first = kinds.first else { return nil }
        let joined = kinds.dropFirst().reduce(first) { $0.joined(with: $1) }
        switch joined {
        case .functions, .classes: return joined
        default: return nil
        }
    }

    /// The kinds of a call's arguments: each positional one (a starred one's elements), and each
    /// keyword's value.
    struct PassedArguments {
        var positional: [ValueKind]
        var keywords: [ValueKind]
        /// Whether some argument is `*x` or `**x`: which parameters it fills is not known.
        var spreads: Bool

        init(_ call: Call, kinds: KindInference, in function: FunctionNode) {
            positional = call.arguments.map { argument in
                if case .starred(let inner) = argument.kind { return kinds.elementKindOfIterable(inner, in: function) }
                return kinds.kind(of: argument, in: function)
            }
            keywords = call.keywords.map { kinds.kind(of: $0.value, in: function) }
            spreads = call.keywords.contains { $0.name == nil }
                || call.arguments.contains { if case .starred = $0.kind { return true } else { return false } }
        }
    }

    private func bindsReceiver(_ callee: FunctionNode) -> Bool { callee.receiverName != nil }

    /// Joins what every caller passes into the parameter kinds of `functions` (hints win), and
    /// returns those whose parameter kinds changed.
    func mergeArguments(into functions: Set<Int>, callers: [Int: Set<Int>], framework: Contribution) -> Set<Int> {
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
                let scope = index.definingScope(of: function) ?? function
                for parameter in function.parameters where merged[parameter.name] == nil {
                    guard let value = parameter.defaultValue else { continue }
                    let kind = self.kind(of: value, in: scope)
                    guard kind != .unknown else { continue }
                    merged[parameter.name] = ParameterKind(
                        kind: kind, evidence: .static, sources: ["no caller supplies it: it keeps its default, a \(kind.description)"],
                        suppliedByCaller: false)
                }
            }
            // A function or class as default (`op=identity`) is called whenever some caller leaves
            // the parameter out, whatever the others pass.
            let omitted = (callers[id] ?? []).reduce(into: Set<String>()) { $0.formUnion(contributions[$1]?.omitted[id] ?? []) }
            for parameter in function.parameters where omitted.contains(parameter.name) && merged[parameter.name]?.evidence == .static {
                guard let value = parameter.defaultValue, let held = merged[parameter.name] else { continue }
                let kind = self.kind(of: value, in: index.definingScope(of: function) ?? function)
                switch kind {
                case .functions, .classes:
                    merged[parameter.name]?.kind = held.kind.joined(with: kind)
                    merged[parameter.name]?.sources.append("a caller leaves it out: it keeps its default, a \(kind.description)")
                default:
                    continue
                }
            }
            for (name, kind) in observed.passed[id] ?? [:] where merged[name]?.evidence == .hint {
                merged[name]?.suppliedByCaller = kind.suppliedByCaller
            }
            // What an earlier round saw stays seen: kinds only go up, so the fixpoint settles even
            // where a step is not monotone (the elements of a value of several kinds are unknown,
            // so a recursive function passing on the elements of its own parameter would flip
            // between a list and its elements forever; keras/src/export/openvino.py has one).
            for (name, previous) in parameters[id] ?? [:] where previous.evidence != .hint {
                if let current = merged[name] {
                    merged[name]?.kind = previous.kind.joined(with: current.kind)
                } else {
                    merged[name] = previous
                }
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
    func frameworkArguments() -> Contribution {
        var contribution = Contribution()
        bindDecoratedFunctions(into: &contribution)
        bindPytestArguments(into: &contribution)
        return contribution
    }

    /// `@register` on `def scale(...)` calls `register(scale)`: the decorator's first parameter
    /// receives the function (or, under another decorator, what that one returned), and a
    /// decorator factory's result (`@retry(3)`) does too.
    func bindDecoratedFunctions(into observed: inout Contribution) {
        for function in index.functions where !function.decorators.isEmpty {
            for link in decorationChain(of: function) {
                guard let first = index.functions[link.decoratorID].parameters.first else { continue }
                observed.callees.insert(link.decoratorID)
                let source = "\(function.file):\(link.decorator.range.line) decorates `\(function.qualname)` with it"
                let passed = ParameterKind(kind: .functions(Set(link.receives)), evidence: .static, sources: [source], suppliedByCaller: true)
                observed.pass(passed, to: first.name, of: link.decoratorID)
            }
        }
    }

    /// pytest calls tests and fixtures: each parameter gets its `parametrize` values, or the
    /// value of the fixture it names (what the fixture returns or yields), or a pytest object.
    func bindPytestArguments(into observed: inout Contribution) {
        for (function, parametrized) in pytestFunctions {
            let scope = index.definingScope(of: function) ?? function
            for parameter in function.parameters.dropFirst(function.receiverName == nil ? 0 : 1)
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
}
