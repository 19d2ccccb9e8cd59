import PythonSyntax

/// SPEC §2 numpyOnParameters, refined: which values in a body still hold a tensor that came in
/// through a parameter, as far as a numpy call is concerned. While TensorFlow traces a graph a
/// tensor is symbolic, and numpy cannot read it (TF 2.21 framework/tensor.py
/// `Tensor.__array__` raises NotImplementedError "Cannot convert a symbolic tf.Tensor to a numpy
/// array"). Its dtype is always known, and so are the dimensions of its shape that are static
/// at trace time: a bare `tf.function` traces with the concrete shapes of each call, so
/// `x.shape[1]` is a Python int there. A dimension is dynamic (`None`) only when the value comes
/// out of an op whose output shape depends on the data (`tf.boolean_mask`, one-argument
/// `tf.where`, `tf.unique`, `tf.strings.split`, ...), or when the function's decorator already
/// relaxes its parameters' shapes (`reduce_retracing=True`).
struct ParameterDerivation {
    /// The tensor parameters themselves, whose shapes traces observe.
    let parameters: Set<String>
    /// Locals bound to a static part of a parameter's shape (`depth = x.shape[-1]`): the
    /// parameter and the dimensions (nil: any of them).
    private(set) var shapeAliases: [String: (parameter: String, dimensions: Set<Int>?)] = [:]
    /// Tensor parameters and the locals computed from them.
    private(set) var names: Set<String>
    /// Of `names`, those whose shape has dynamic dimensions: the dimension indices (negative
    /// ones count from the end), or nil when any dimension may be dynamic.
    private(set) var dynamicDimensions: [String: Set<Int>?] = [:]
    let resolver: NameResolver
    let module: ModuleName

    /// Ops whose output shape depends on the values of their input, with the output dimensions
    /// that are `None` in a graph (TF 2.21 shape functions: array_ops.boolean_mask reshapes to
    /// [-1, ...]; Where's output is [num_true, rank]; Unique's is [num_unique]; StringSplitV2
    /// yields a ragged [batch, None]).
    static let dataDependentOps: [String: Set<Int>?] = [
        "tensorflow.boolean_mask": [0], "tensorflow.where": [0], "tensorflow.unique": [0, -1],
        "tensorflow.unique_with_counts": [0, -1], "tensorflow.strings.split": [1, -1],
        "tensorflow.strings.bytes_split": [1, -1], "tensorflow.strings.unicode_split": [1, -1],
        "tensorflow.math.bincount": [0, -1], "tensorflow.math.unsorted_segment_sum": [0],
        "tensorflow.image.non_max_suppression": [0, -1], "tensorflow.sparse.to_dense": nil,
        "tensorflow.gather_nd": nil, "tensorflow.ragged.boolean_mask": nil, "tensorflow.dynamic_partition": nil,
        "tensorflow.range": [0, -1], "tensorflow.py_function": nil, "tensorflow.numpy_function": nil,
    ]

    /// `datasetOrigin` gives, for an expression that is a `tf.data.Dataset`, the expression that
    /// built it where the code shows one (a local or module global bound to a pipeline), or the
    /// expression itself; nil for a value that is no dataset.
    /// `signature`: the `None` dimensions an existing `input_signature` gives parameters.
    init(parameters: Set<String>, relaxedShapes: Bool, signature: [String: Set<Int>?] = [:], body: [Statement],
         resolver: NameResolver, module: ModuleName, datasetOrigin: (Expression) -> Expression? = { _ in nil }) {
        names = parameters
        self.parameters = parameters
        self.resolver = resolver
        self.module = module
        for (name, dimensions) in signature where parameters.contains(name) { dynamicDimensions[name] = dimensions }
        if relaxedShapes {
            for name in parameters { dynamicDimensions[name] = .some(nil) }
        }
        var pending = [body]
        while let statements = pending.popLast() {
            for statement in statements {
                if case .assign(let targets, let value) = statement.kind, !carries(value),
                    case .name(let alias)? = targets.first?.kind, targets.count == 1,
                    let read = parameterShapeReads(in: value).first, parameterShapeReads(in: value).count == 1
                {
                    shapeAliases[alias] = (read.key, read.value)
                }
                // Iterating a dataset in a graph yields its element spec's symbolic tensors, whose
                // batch dimension is None after `batch` without `drop_remainder=True` (TF 2.21
                // dataset_ops.py BatchDataset: the static batch size is unknown unless the
                // remainder is dropped).
                if case .for(let target, let iterable, _, _, _) = statement.kind, let origin = datasetOrigin(iterable) {
                    let batch = Self.batchDimension(of: origin)
                    for case .name(let name) in Self.boundNames(target) {
                        names.insert(name)
                        if let batch { dynamicDimensions[name] = batch }
                    }
                }
                if case .assign(let targets, let value) = statement.kind, carries(value) {
                    let dynamic = dynamicDimensions(of: value)
                    for case .name(let name) in targets.flatMap(Self.boundNames) {
                        names.insert(name)
                        if let dynamic { dynamicDimensions[name] = dynamic }
                    }
                }
                pending += statement.nestedBodies
            }
        }
    }

    /// The dynamic dimensions of a pipeline's elements set by its last batching step: `batch`
    /// or `padded_batch` without `drop_remainder=True` leave the first one None (a padded batch
    /// also its padded ones); `unbatch` or no batching at all leaves the element shapes static.
    static func batchDimension(of pipeline: Expression) -> Set<Int>?? {
        var current = pipeline
        while case .call(let call) = current.kind, case .attribute(let base, let method) = call.function.kind {
            switch method {
            case "unbatch": return .none
            case "batch", "padded_batch", "bucket_by_sequence_length", "ragged_batch":
                let dropped = call.keywords.contains { keyword in
                    if keyword.name == "drop_remainder", case .constant(.bool(true)) = keyword.value.kind { return true }
                    return false
                } || (call.arguments.count > 1 && { if case .constant(.bool(true)) = call.arguments[1].kind { true } else { false } }())
                if method == "padded_batch" { return .some(nil) }
                return dropped ? .none : .some([0])
            default: current = base
            }
        }
        return .none
    }

    /// The `None` dimensions a literal `input_signature` (`[tf.TensorSpec([None, 3]), ...]`, by
    /// keyword or as tf.function's second argument) gives each of `parameters`, in order: both
    /// counted from the front and from the end, nil for an unknown rank (`shape=None`).
    static func signatureDimensions(decorators: [Expression], parameters: [String]) -> [String: Set<Int>?] {
        for decorator in decorators {
            guard case .call(let call) = decorator.kind else { continue }
            let signature = call.keywords.first { $0.name == "input_signature" }?.value
                ?? (call.arguments.count > 1 ? call.arguments[1] : nil)
            guard let signature, case .list(let specs) = signature.kind else { continue }
            var found: [String: Set<Int>?] = [:]
            for (name, spec) in zip(parameters, specs) {
                guard case .call(let specCall) = spec.kind else { continue }
                guard let shape = specCall.keywords.first(where: { $0.name == "shape" })?.value ?? specCall.arguments.first else { continue }
                switch shape.kind {
                case .constant(.none): found[name] = .some(nil)
                case .list(let dimensions), .tuple(let dimensions):
                    let open = dimensions.indices.filter { if case .constant(.none) = dimensions[$0].kind { true } else { false } }
                    if !open.isEmpty { found[name] = .some(Set(open + open.map { $0 - dimensions.count })) }
                default: continue
                }
            }
            return found
        }
        return [:]
    }

    private static func boundNames(_ target: Expression) -> [ExpressionKind] {
        switch target.kind {
        case .tuple(let elements), .list(let elements): return elements.flatMap(boundNames)
        default: return [target.kind]
        }
    }

    /// Whether evaluating `expression` hands numpy a value that is symbolic in a graph: a derived
    /// name read other than through its dtype or a static part of its shape.
    func carries(_ expression: Expression) -> Bool {
        switch expression.kind {
        case .name(let name):
            return names.contains(name)
        case .attribute(let base, let attribute):
            guard let root = base.plainName, names.contains(root) else { return carries(base) }
            switch attribute {
            // The dtype and the rank are known at trace time.
            case "dtype", "ndim", "rank": return false
            case "shape": return isDynamic(root, dimensions: nil)
            default: return true
            }
        case .subscript(let base, let index):
            // `x.shape[1]`, `x.shape[1:]`, `x.shape.as_list()[0]`.
            if let root = Self.shapeRoot(of: base), names.contains(root) {
                return isDynamic(root, dimensions: Self.dimensions(readBy: index))
            }
            return carries(base) || carries(index)
        case .call(let call):
            if case .attribute(let base, let method) = call.function.kind, ["as_list", "get_shape"].contains(method),
                let root = Self.shapeRoot(of: base) ?? base.plainName, names.contains(root)
            {
                return isDynamic(root, dimensions: nil)
            }
            // `len(x)` reads the first dimension.
            if call.function.isBuiltinName(["len"]), let argument = call.arguments.first, let root = argument.plainName,
                names.contains(root)
            {
                return isDynamic(root, dimensions: [0])
            }
            return carries(call.function) || call.arguments.contains(where: carries) || call.keywords.contains { carries($0.value) }
        case .lambda:
            return false
        default:
            return expression.children.contains(where: carries)
        }
    }

    /// The static parts of parameters' shapes that `expression` reads, by parameter (nil: any
    /// dimension): Python ints under a bare tf.function, but `None` once a signature or
    /// `reduce_retracing` relaxes a dimension that traces saw vary (SPEC §3 P4/P7).
    func parameterShapeReads(in expression: Expression) -> [String: Set<Int>?] {
        var found: [String: Set<Int>?] = [:]
        func add(_ parameter: String, _ dimensions: Set<Int>?) {
            if let existing = found[parameter] {
                found[parameter] = existing.flatMap { old in dimensions.map { old.union($0) } }
            } else {
                found[parameter] = dimensions
            }
        }
        func visit(_ expression: Expression) {
            switch expression.kind {
            case .name(let name):
                if let alias = shapeAliases[name] { add(alias.parameter, alias.dimensions) }
            case .subscript(let base, let index):
                if let root = Self.shapeRoot(of: base), parameters.contains(root) {
                    add(root, Self.dimensions(readBy: index))
                } else {
                    visit(base)
                    visit(index)
                }
            case .attribute(let base, "shape"):
                if let root = base.plainName, parameters.contains(root) { add(root, nil) } else { visit(base) }
            case .call(let call) where call.function.isBuiltinName(["len"]):
                if let root = call.arguments.first?.plainName, parameters.contains(root) { add(root, [0]) }
                else { call.arguments.forEach(visit) }
            case .lambda:
                return
            default:
                expression.children.forEach(visit)
            }
        }
        visit(expression)
        return found
    }

    /// The name whose data-dependent shape `expression` reads, if it reads one: for reasons.
    func dynamicShapeRead(in expression: Expression) -> String? {
        var found: String?
        expression.forEachSubexpression(enteringLambdas: false) { inner in
            guard found == nil else { return }
            switch inner.kind {
            case .attribute(let base, "shape"):
                if let root = base.plainName, dynamicDimensions[root] != nil { found = root }
            case .call(let call) where call.function.isBuiltinName(["len"]):
                if let root = call.arguments.first?.plainName, dynamicDimensions[root] != nil { found = root }
            default: break
            }
        }
        return found
    }

    /// `x` in `x.shape`, `x.shape.as_list()`, `x.get_shape()`.
    private static func shapeRoot(of expression: Expression) -> String? {
        switch expression.kind {
        case .attribute(let base, "shape"): return base.plainName
        case .call(let call):
            if case .attribute(let base, let method) = call.function.kind {
                if method == "get_shape" { return base.plainName }
                if method == "as_list" { return shapeRoot(of: base) }
            }
            return nil
        default: return nil
        }
    }

    /// The dimensions a subscript of a shape reads: one index, or all from a slice's start on
    /// (nil: any of them).
    private static func dimensions(readBy index: Expression) -> Set<Int>? {
        switch index.kind {
        case .constant(.int(let text)): return Int(text).map { [$0] }
        case .unary("USub", let operand):
            if case .constant(.int(let text)) = operand.kind, let value = Int(text) { return [-value] }
            return nil
        default: return nil
        }
    }

    /// Whether reading `dimensions` of `name`'s shape (nil: the whole shape, or a slice) can
    /// meet a dynamic one.
    private func isDynamic(_ name: String, dimensions: Set<Int>?) -> Bool {
        guard let entry = dynamicDimensions[name] else { return false }
        guard let dynamic = entry, let read = dimensions else { return true }
        // A negative index counts from the end; without the rank, it may be any dimension.
        if read.contains(where: { $0 < 0 }) && dynamic.contains(where: { $0 >= 0 }) && !dynamic.contains(where: { $0 < 0 }) {
            return true
        }
        return !read.isDisjoint(with: dynamic)
    }

    /// The dynamic dimensions of a value computed by `expression`, when it has any: those of a
    /// data-dependent op, or of a dynamically shaped name it computes from (nil entry: any).
    private func dynamicDimensions(of expression: Expression) -> Set<Int>?? {
        var found: Set<Int>?? = nil
        func merge(_ dimensions: Set<Int>?) {
            if case .some(.some(let existing)) = found, let dimensions {
                found = .some(existing.union(dimensions))
            } else if case .some(.none) = found {
                return
            } else {
                found = .some(dimensions)
            }
        }
        expression.forEachSubexpression(enteringLambdas: false) { inner in
            switch inner.kind {
            case .call(let call):
                guard let dotted = resolver.qualifiedName(of: call.function, in: module).map(APITable.normalize) else { return }
                let op = dotted.hasPrefix("tensorflow.compat.v1.") ? "tensorflow." + dotted.dropFirst(21) : dotted
                if op == "tensorflow.where", call.arguments.count + call.keywords.count > 1 { return }
                if op == "tensorflow.range", call.arguments.allSatisfy({ if case .constant = $0.kind { true } else { false } }) { return }
                if let dimensions = Self.dataDependentOps[op] { merge(dimensions) }
            case .name(let name):
                if let dimensions = dynamicDimensions[name] { merge(dimensions) }
            default: break
            }
        }
        return found
    }
}

extension Expression {
    /// The name itself, for a bare name.
    var plainName: String? {
        if case .name(let name) = kind { return name }
        return nil
    }
}
