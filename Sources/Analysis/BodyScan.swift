import PythonSyntax
import TraceStore

/// The facts a function's own body shows, before its callees are taken into account.
struct BodyScan {
    let function: FunctionNode
    let analyzer: FactsAnalyzer

    struct Result {
        var sideEffects = Fact(.no)
        var eagerOnly = Fact(.no)
        var tensorComputation = Fact(.no)
        var tensorIteration = Fact(.no)
        var numpyOnParameters = Fact(.no)
        var invalidNameArguments = Fact(.no)
        var numpyShapeReads: [String: NumpyShapeRead] = [:]

        /// Effects on variables or objects that an enclosing function created for its own call
        /// (a captured list, a `nonlocal`), by that function's id: an effect for this function
        /// and for other callers, none for the creator. A method's effects on its receiver are
        /// kept under `receiverKey(of:)` the method.
        var ownedEffects: [Int: String] = [:]

        /// Every side effect of the body itself, in the order found.
        var effects: [StaticEffect] = []

        /// The first reason found is the one reported.
        mutating func effect(_ kind: SideEffectKind, _ reason: String, _ line: Int, owner: Int? = nil) {
            effects.append(StaticEffect(kind: kind, line: line, description: reason))
            if let owner {
                if ownedEffects[owner] == nil { ownedEffects[owner] = "\(reason) (line \(line))" }
            } else if sideEffects.value != .yes {
                sideEffects = Fact(.yes, reasons: ["\(reason) (line \(line))"])
            }
        }

        mutating func eager(_ reason: String, _ line: Int) {
            if eagerOnly.value != .yes { eagerOnly = Fact(.yes, reasons: ["\(reason) (line \(line))"]) }
        }

        mutating func computes(_ reason: String, _ line: Int) {
            if tensorComputation.value != .yes { tensorComputation = Fact(.yes, reasons: ["\(reason) (line \(line))"]) }
        }

        /// An operation on values nothing typed: a TensorFlow op if they are tensors.
        mutating func mayCompute(_ reason: String, _ line: Int) {
            if tensorComputation.value == .no { tensorComputation = Fact(.unknown, reasons: ["\(reason) (line \(line))"]) }
        }
    }

    /// Methods that change the list, dict or set they are called on.
    static let mutatingMethods: Set<String> = [
        "append", "extend", "insert", "pop", "remove", "clear", "update", "setdefault", "popitem", "add", "discard",
        "sort", "reverse",
    ]
    /// Keras methods that run eagerly and cannot be called while tracing a graph (Keras 3.15).
    static let eagerOnlyMethods: Set<String> = [
        "numpy", "fit", "predict", "evaluate", "train_on_batch", "test_on_batch", "predict_on_batch",
    ]
    /// `pathlib.Path` methods that touch the file system (Python 3.11). `replace` and `rename`
    /// are left out: strings have a `replace` too.
    static let fileMethods: Set<String> = [
        "write_text", "write_bytes", "read_text", "read_bytes", "touch", "unlink", "mkdir", "rmdir", "symlink_to",
        "hardlink_to",
    ]
    static let loggingMethods: Set<String> = ["debug", "info", "warning", "warn", "error", "exception", "critical", "log"]

    private var kinds: KindInference { analyzer.kinds }
    private var index: ProjectIndex { analyzer.index }

    func run() -> Result {
        var result = Result()
        guard function.kind != .moduleBody else { return result }
        // `**kwargs` is a dict Python builds anew for every call (and `*args` a new tuple):
        // `kwargs.pop("name")` changes nothing the caller sees.
        let parameters = Set(function.parameters.filter { $0.kind != .variadicKeyword && $0.kind != .variadic }.map(\.name))
        let packed = Set(function.parameters.filter { $0.kind == .variadicKeyword || $0.kind == .variadic }.map(\.name))
        let tensorParameters = Set(analyzer.candidateParameters(of: function).map(\.name).filter {
            kinds.parameters[function.id]?[$0]?.kind.isTensorLike == true
        })
        let locals = function.localsItMade()
        let relaxed = HybridDecoration.of(decorators: function.decorators, in: function.module, resolver: index.resolver)?
            .arguments.contains(.reduceRetracing) == true
        let signature = ParameterDerivation.signatureDimensions(
            decorators: function.decorators, parameters: analyzer.candidateParameters(of: function).map(\.name))
        let derivation = ParameterDerivation(
            parameters: tensorParameters, relaxedShapes: relaxed, signature: signature, body: function.body, resolver: index.resolver,
            module: function.module, datasetOrigin: datasetOrigin)
        let (globals, nonlocals) = declaredGlobals()
        let selfName = function.receiverName
        /// Whether writing through `name` changes an object that outlives the call. SPEC §2 names
        /// `self` among the objects a method did not create, in `__init__` too.
        func isOutside(_ name: String) -> Bool {
            if name == selfName { return true }
            if globals.contains(name) || nonlocals.contains(name) { return true }
            if parameters.contains(name) { return true }
            if packed.contains(name) { return false }
            return !locals.contains(name)
        }
        // A method's writes through `self` change its receiver: whether that outlives the caller's
        // call depends on the caller (a constructor call makes a new object), so they are kept
        // under the receiver's key.
        let receiver = selfName.map { name in { (root: String) -> Int? in root == name ? Self.receiverKey(of: function.id) : creator(of: root) } }
        let scope = Scope(isOutside: isOutside, globals: globals, nonlocals: nonlocals, creator: receiver ?? creator(of:))

        // Each block with the names an enclosing `if isinstance(name, list)` has shown to be
        // Python containers there.
        var pending: [(statements: [Statement], containers: Set<String>)] = [(function.body, [])]
        while let (statements, containers) = pending.popLast() {
            for statement in statements {
                let line = statement.range.line
                switch statement.kind {
                case .assign(let targets, _):
                    for target in targets { checkWrite(target, line: line, scope: scope, result: &result) }
                case .augmentedAssign(let target, _, _), .annotatedAssign(let target, _, _):
                    checkWrite(target, line: line, scope: scope, result: &result)
                case .delete(let targets):
                    for target in targets { checkWrite(target, line: line, scope: scope, result: &result) }
                case .for(_, let iterable, _, _, _):
                    // SPEC §2 tensorIteration: a Python for over a tensor-valued parameter, also
                    // through enumerate/zip/reversed, which iterate it the same way.
                    var iterated = [iterable]
                    if case .call(let call) = iterable.kind, call.function.isBuiltinName(["enumerate", "zip", "reversed"]) {
                        iterated = call.arguments
                    }
                    for candidate in iterated {
                        if case .name(let name) = candidate.kind, tensorParameters.contains(name), !containers.contains(name),
                            [.tensor, .variable, .ndarray, .kerasTensor].contains(kinds.kind(of: candidate, in: function))
                        {
                            result.tensorIteration = Fact(.yes, reasons: ["a Python `for` iterates over the tensor `\(name)` (line \(line))"])
                        }
                    }
                default: break
                }
                for expression in statement.directExpressions {
                    scan(expression, scope: scope, derivation: derivation, result: &result)
                }
                if case .if(let test, let body, let orElse) = statement.kind {
                    pending.append((body, containers.union(Self.namesCheckedAsContainers(test))))
                    pending.append((orElse, containers))
                } else {
                    pending += statement.nestedBodies.map { ($0, containers) }
                }
            }
        }
        return result
    }

    /// The names `isinstance(name, list)` (or `tuple`, `dict`, `set`, or a tuple of these) shows
    /// to be Python containers where the test holds: a `for` over one there iterates a container,
    /// not a tensor, whatever else the name may hold elsewhere (a recursive walk over nested lists).
    static func namesCheckedAsContainers(_ test: Expression) -> Set<String> {
        let containerTypes: Set<String> = ["list", "tuple", "dict", "set"]
        switch test.kind {
        case .call(let call):
            guard call.function.isBuiltinName(["isinstance"]), call.arguments.count == 2,
                case .name(let name) = call.arguments[0].kind
            else { return [] }
            let types: [Expression]
            if case .tuple(let elements) = call.arguments[1].kind { types = elements } else { types = [call.arguments[1]] }
            return types.allSatisfy({ $0.isBuiltinName(containerTypes) }) ? [name] : []
        case .boolean("And", let operands):  // the `ast` operator class name
            return operands.reduce(into: Set<String>()) { $0.formUnion(namesCheckedAsContainers($1)) }
        default:
            return []
        }
    }

    /// What the body's names refer to, for deciding which writes outlive the call.
    struct Scope {
        /// Whether writing through the name changes an object that outlives this call.
        let isOutside: (String) -> Bool
        let globals: Set<String>
        let nonlocals: Set<String>
        /// The enclosing function whose own local the name is, if it is one.
        let creator: (String) -> Int?
    }

    private func checkWrite(_ target: Expression, line: Int, scope: Scope, result: inout Result) {
        switch target.kind {
        case .name(let name) where scope.globals.contains(name):
            result.effect(.globalWrite, "writes the module global `\(name)`", line)
        case .name(let name) where scope.nonlocals.contains(name):
            // Not `scope.creator`, which maps the receiver's name to the receiver's key: a name
            // declared nonlocal is an enclosing function's, even `nonlocal self` in a method
            // (which CPython 3.11's compiler refuses, but its parser, all we run, accepts).
            let owner = creator(of: name)
            let place = owner.map { "of the enclosing `\(index.functions[$0].qualname)`" } ?? "of an enclosing scope"
            result.effect(.globalWrite, "rebinds `\(name)`, a variable \(place)", line, owner: owner)
        case .attribute(let base, let attribute):
            if let root = base.rootName, scope.isOutside(root) {
                result.effect(.attributeWrite, "writes the attribute `\(base.dottedText ?? root).\(attribute)` of an object it did not create", line,
                              owner: scope.creator(root))
            }
        case .subscript(let base, _):
            if let root = base.rootName, scope.isOutside(root), !kinds.kind(of: base, in: function).isTensorLike {
                result.effect(.itemWrite, "writes an item of `\(base.dottedText ?? root)`, which it did not create", line,
                              owner: scope.creator(root))
            }
        case .tuple(let elements), .list(let elements):
            for element in elements { checkWrite(element, line: line, scope: scope, result: &result) }
        default:
            return
        }
    }

    private func scan(_ expression: Expression, scope: Scope, derivation: ParameterDerivation,
                      result: inout Result) {
        var found = result
        defer { result = found }
        expression.forEachSubexpression(enteringLambdas: false) { inner in
            let line = inner.range.line
            switch inner.kind {
            case .binary(_, let left, let right):
                let operands = [kinds.kind(of: left, in: function), kinds.kind(of: right, in: function)]
                // numpy computes on arrays itself; only a TensorFlow value makes an operator a TF op.
                if operands.contains(where: { $0.isTensorLike && $0 != .ndarray && $0 != .container(.ndarray) }) {
                    found.computes("tensor arithmetic", line)
                } else if operands.contains(where: { $0.mayBeTensor && !$0.isTensorLike }) {
                    found.computes("arithmetic on a value that is a tensor at some calls", line)
                } else if operands.contains(where: { $0 == .unknown || $0 == .dynamic }) {
                    found.mayCompute("arithmetic on values nothing types, tensor arithmetic if they are tensors", line)
                }
            case .call(let call):
                let (targets, _) = kinds.targets(of: call, in: function)
                for target in targets {
                    switch target {
                    case .external(let dotted):
                        let name = APITable.normalize(dotted)
                        if found.invalidNameArguments.value != .yes,
                            let problem = InvalidNameArgument(resolver: index.resolver, module: function.module).problem(in: call, op: name)
                        {
                            found.invalidNameArguments = Fact(.yes, reasons: [
                                "line \(line) \(problem): eager execution ignores op names, building a graph rejects it"
                            ])
                        }
                        guard let api = APITable.effect(ofFunction: name) else { continue }
                        if api.contains(.isPythonSideEffect) { found.effect(SideEffectKind.ofLibraryCall(name), "calls `\(name)`", line) }
                        if api.contains(.isEagerOnly) { found.eager("calls `\(name)`, which runs only eagerly", line) }
                        if api.contains(.isTensorFlowOp) { found.computes("calls `\(name)`", line) }
                        if api.contains(.isNumpyCall),
                            let carried = (call.arguments + call.keywords.map(\.value)).first(where: derivation.carries)
                        {
                            let what = derivation.dynamicShapeRead(in: carried).map {
                                "a dimension of `\($0)` that an op with a data-dependent shape leaves None in a graph"
                            } ?? "a value from a tensor parameter, which is symbolic in a graph"
                            found.numpyOnParameters = Fact(.yes, reasons: ["calls `\(name)` on \(what) (line \(line))"])
                        } else if api.contains(.isNumpyCall) {
                            for argument in call.arguments + call.keywords.map(\.value) {
                                for (parameter, dimensions) in derivation.parameterShapeReads(in: argument) {
                                    let previous = found.numpyShapeReads[parameter]
                                    let merged = previous.map { old in old.dimensions.flatMap { a in dimensions.map { a.union($0) } } } ?? dimensions
                                    found.numpyShapeReads[parameter] = NumpyShapeRead(dimensions: merged, line: previous?.line ?? line)
                                }
                            }
                        }
                    case .builtin(let name):
                        switch name {
                        case "print", "open", "input", "exec", "eval":
                            found.effect(SideEffectKind.ofLibraryCall(name), "calls `\(name)`", line)
                        case "next":
                            // `next(batches(x))` advances a generator made on the spot, nobody else's.
                            if let argument = call.arguments.first, case .call(let made) = argument.kind,
                                kinds.targets(of: made, in: function).targets.contains(where: { if case .project = $0 { return true } else { return false } })
                            {
                                break
                            }
                            if let root = call.arguments.first?.rootName, scope.isOutside(root) {
                                found.effect(.iterator, "advances the outside iterator `\(root)` with next()", line, owner: scope.creator(root))
                            }
                        case _ where APITable.eagerOnlyConversions.contains(name):
                            if let argument = call.arguments.first, kinds.kind(of: argument, in: function).isTensorLike {
                                found.eager("converts a tensor with `\(name)()`, which needs an eager value", line)
                            }
                        default: break
                        }
                    case .project: break
                    }
                }
                if case .attribute(let base, let method) = call.function.kind {
                    let receiver = kinds.kind(of: base, in: function)
                    if receiver.isKerasObject { found.computes("calls a Keras layer or model method", line) }
                    if Self.eagerOnlyMethods.contains(method) {
                        // `.numpy()` on a tensor, Keras's fit/predict/... on a model: a receiver of
                        // unknown kind is given the benefit of the doubt's opposite (unsafe).
                        let plausible = method == "numpy"
                            ? receiver.mayBeTensor || receiver == .unknown || receiver.isMixed
                            : receiver.isKerasObject || receiver == .unknown
                        if plausible { found.eager("calls `.\(method)()`, which runs only eagerly", line) }
                    }
                    if let receiverKind = receiver.receiverKind, let api = APITable.effect(ofMethod: method, onReceiverKind: receiverKind) {
                        if api.contains(.isTensorFlowOp) { found.computes("calls `.\(method)()` on a \(receiver.description)", line) }
                        if api.contains(.isEagerOnly) { found.eager("calls `.\(method)()`, which runs only eagerly", line) }
                    }
                    // `tf.add(...)` is a library function, not `.add()` on a set: only a call that
                    // resolved to no function is a method on a value.
                    if Self.mutatingMethods.contains(method), targets.isEmpty, let root = base.rootName, scope.isOutside(root),
                        !receiver.isTensorLike, !receiver.isKerasObject
                    {
                        found.effect(.itemWrite, "changes `\(base.dottedText ?? root)` with .\(method)(), which it did not create", line,
                                     owner: scope.creator(root))
                    }
                    if Self.fileMethods.contains(method), targets.isEmpty, !receiver.isTensorLike, !receiver.isKerasObject {
                        found.effect(.io, "does file I/O with `.\(method)()`", line)
                    }
                    if Self.loggingMethods.contains(method), isLogger(base) {
                        found.effect(.logging, "logs with `.\(method)()`", line)
                    }
                }
                if kinds.kind(of: call.function, in: function).isKerasObject {
                    found.computes("calls a Keras layer or model", line)
                }
            default:
                break
            }
        }
    }

    /// `logging`, `logging.getLogger(...)`, or a module global assigned one.
    private func isLogger(_ expression: Expression) -> Bool {
        if let dotted = index.resolver.qualifiedName(of: expression, in: function.module) {
            if dotted == "logging" { return true }
        }
        if case .call(let call) = expression.kind,
            index.resolver.qualifiedName(of: call.function, in: function.module) == "logging.getLogger"
        {
            return true
        }
        guard case .name(let name) = expression.kind, let module = index.moduleBodies[function.module.description] else {
            return false
        }
        for statement in module.body {
            if case .assign(let targets, let value) = statement.kind, case .call(let call) = value.kind,
                targets.contains(where: { $0.rootName == name }),
                index.resolver.qualifiedName(of: call.function, in: function.module) == "logging.getLogger"
            {
                return true
            }
        }
        return false
    }

    /// The pipeline that built a dataset the body iterates: the value a local or module global
    /// of that name was bound to, else the expression itself; nil for anything but a dataset.
    private func datasetOrigin(_ iterable: Expression) -> Expression? {
        guard kinds.kind(of: iterable, in: function) == .dataset else { return nil }
        guard case .name(let name) = iterable.kind else { return iterable }
        // The function's own blocks first (a module's nested blocks are other functions' bodies).
        let scopes = [(function.body, true), (index.moduleBodies[function.module.description]?.body ?? [], false)]
        for (body, nested) in scopes {
            var bound: Expression?
            var pending = [body]
            while let statements = pending.popLast() {
                for statement in statements {
                    if case .assign(let targets, let value) = statement.kind, targets.count == 1, targets[0].plainName == name {
                        bound = value
                    }
                    if nested { pending += statement.nestedBodies }
                }
            }
            if let bound { return bound }
        }
        return iterable
    }

    /// The key of effects on a method's receiver (`self`) among owned effects: negative, so it
    /// never clashes with a function id.
    static func receiverKey(of function: Int) -> Int { -(function + 1) }

    /// The names the body declares `global` and `nonlocal`.
    private func declaredGlobals() -> (globals: Set<String>, nonlocals: Set<String>) {
        var globals: Set<String> = []
        var nonlocals: Set<String> = []
        var pending = [function.body]
        while let statements = pending.popLast() {
            for statement in statements {
                if case .global(let declared) = statement.kind { globals.formUnion(declared) }
                if case .nonlocal(let declared) = statement.kind { nonlocals.formUnion(declared) }
                pending += statement.nestedBodies
            }
        }
        return (globals, nonlocals)
    }

    /// The enclosing function that binds `name` as its own local, when this function only
    /// captures it: the object lives in that function's call. A parameter of the enclosing
    /// function, or a module global, is somebody else's.
    private func creator(of name: String) -> Int? {
        var scope = function.enclosing
        while let current = scope, current.kind != .moduleBody {
            if current.parameters.contains(where: { $0.name == name }) { return nil }
            if kinds.bindsLocally(name, in: current) { return current.id }
            scope = current.enclosing
        }
        return nil
    }
}

extension Expression {
    /// The name an attribute or subscript chain starts from: `self` in `self.history[0].x`.
    var rootName: String? {
        switch kind {
        case .name(let name): return name
        case .attribute(let base, _), .subscript(let base, _): return base.rootName
        case .call(let call): return call.function.rootName
        default: return nil
        }
    }

    /// `self.history` as text, for reasons.
    var dottedText: String? {
        switch kind {
        case .name(let name): return name
        case .attribute(let base, let attribute): return base.dottedText.map { $0 + "." + attribute }
        default: return nil
        }
    }

    /// Whether any of `names` occurs in the expression.
    func mentions(_ names: Set<String>) -> Bool {
        var found = false
        forEachSubexpression(enteringLambdas: true) { inner in
            if case .name(let name) = inner.kind, names.contains(name) { found = true }
        }
        return found
    }
}
