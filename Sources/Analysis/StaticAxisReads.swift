import PythonSyntax

/// A dimension of a parameter that the body reads from its static shape (`x.shape[0]`) and uses
/// as a Python int. Under an input signature that leaves that dimension `None`, the read yields
/// `None` while tracing, and the use fails (SPEC §3, 18 HAS_UNRESOLVED_STATICALLY_READ_AXES).
public struct StaticAxisRead: Sendable, Equatable {
    public var parameter: String
    /// The axis as written: a negative one counts from the end.
    public var axis: Int
    public var line: Int
    /// What takes it as an int, in words: "the shape argument of `tf.reshape`", "`*` arithmetic".
    public var use: String
    /// The local it was read into first (`rows = x.shape[0]`), when the use reads that local.
    public var alias: String?

    public init(parameter: String, axis: Int, line: Int, use: String, alias: String? = nil) {
        self.parameter = parameter
        self.axis = axis
        self.line = line
        self.use = use
        self.alias = alias
    }

    /// `x.shape[0]`, or `rows` (`x.shape[0]`) when read through a local.
    public var spelling: String {
        let read = "`\(parameter).shape[\(axis)]`"
        return alias.map { "`\($0)` (\(read))" } ?? read
    }

    /// Whether a signature shape leaves the read dimension unknown: an unknown rank (nil), or
    /// `None` at the axis. An axis past the rank says nothing (the read fails either way).
    public func isUnresolved(in shape: [Int?]?) -> Bool {
        guard let shape else { return true }
        let index = axis < 0 ? shape.count + axis : axis
        guard shape.indices.contains(index) else { return false }
        return shape[index] == nil
    }
}

/// Finds a function's static axis reads. A read counts where TF 2.21 needs an int and a `None`
/// fails (each seen with `input_signature=[tf.TensorSpec([None, 3])]`): Python arithmetic and
/// ordering comparisons (`TypeError: unsupported operand type(s)`), the shape or size argument of
/// `tf.reshape`, `tf.zeros`/`ones`/`fill`, `tf.range`, `tf.image.resize`, NumPy's `zeros`/`ones`/
/// `empty`/`full`, Python's `range` and a layer's `add_weight`. A bare slice bound is not one:
/// `x[:x.shape[0]]` slices to the end when the bound is `None`. Dynamic reads (`tf.shape(x)[0]`)
/// are tensors, and are never reads of the static shape.
struct StaticAxisReadScan {
    let function: FunctionNode
    let parameters: Set<String>
    let kinds: KindInference

    /// Library functions that take a shape or a size as Python ints (normalized names).
    static let shapeTakers: [String: String] = [
        "tensorflow.reshape": "tf.reshape", "tensorflow.range": "tf.range", "tensorflow.zeros": "tf.zeros",
        "tensorflow.ones": "tf.ones", "tensorflow.fill": "tf.fill", "tensorflow.image.resize": "tf.image.resize",
        "tensorflow.broadcast_to": "tf.broadcast_to", "tensorflow.eye": "tf.eye",
        "tensorflow.random.normal": "tf.random.normal", "tensorflow.random.uniform": "tf.random.uniform",
        "numpy.zeros": "np.zeros", "numpy.ones": "np.ones", "numpy.empty": "np.empty", "numpy.full": "np.full",
        "numpy.arange": "np.arange", "numpy.reshape": "np.reshape",
    ]
    static let orderings: Set<String> = ["Lt", "LtE", "Gt", "GtE"]
    static let operators: [String: String] = [
        "Add": "+", "Sub": "-", "Mult": "*", "Div": "/", "FloorDiv": "//", "Mod": "%", "Pow": "**", "MatMult": "@",
    ]

    func run() -> [StaticAxisRead] {
        // Most functions never read a parameter's static shape: skip resolving their calls.
        guard readsShape() else { return [] }
        let (axisNames, shapeNames) = aliases()
        var reads: [StaticAxisRead] = []
        /// The (parameter, axis) an expression reads from a static shape, if it is such a read.
        func axis(of expression: Expression) -> (String, Int)? {
            switch expression.kind {
            case .name(let name): return axisNames[name]
            case .subscript(let base, let index):
                guard let position = Self.integer(index) else { return nil }
                if case .attribute(let owner, "shape") = base.kind, case .name(let name) = owner.kind, parameters.contains(name) {
                    return (name, position)
                }
                if case .name(let name) = base.kind, let parameter = shapeNames[name] { return (parameter, position) }
                return nil
            default: return nil
            }
        }
        func record(_ expression: Expression, _ use: String) {
            guard let (parameter, position) = axis(of: expression) else { return }
            var alias: String?
            if case .name(let name) = expression.kind { alias = name }
            let read = StaticAxisRead(parameter: parameter, axis: position, line: expression.range.line, use: use, alias: alias)
            if !reads.contains(read) { reads.append(read) }
        }
        /// The reads inside a shape argument: itself, or the elements of a list or tuple display.
        func recordShape(_ argument: Expression, _ use: String) {
            switch argument.kind {
            case .list(let elements), .tuple(let elements): elements.forEach { recordShape($0, use) }
            case .starred(let inner): recordShape(inner, use)
            default: record(argument, use)
            }
        }
        for expression in bodyExpressions() {
            expression.forEachSubexpression(enteringLambdas: true) { inner in
                switch inner.kind {
                case .binary(let symbol, let left, let right):
                    let use = "`\(Self.operators[symbol] ?? symbol)` arithmetic"
                    record(left, use)
                    record(right, use)
                case .compare(let left, let rest):
                    let operands = [left] + rest.map(\.1)
                    for (offset, comparison) in rest.enumerated() where Self.orderings.contains(comparison.symbol) {
                        record(operands[offset], "an ordering comparison")
                        record(operands[offset + 1], "an ordering comparison")
                    }
                case .call(let call):
                    guard let taker = shapeTaker(call) else { break }
                    let use = "the shape or size argument of `\(taker)`"
                    (call.arguments + call.keywords.map(\.value)).forEach { recordShape($0, use) }
                default: break
                }
            }
        }
        return reads
    }

    private func shapeTaker(_ call: Call) -> String? {
        if case .attribute(_, "add_weight") = call.function.kind { return "add_weight" }
        for target in kinds.targets(of: call, in: function).targets {
            switch target {
            case .external(let dotted):
                if let name = Self.shapeTakers[APITable.normalize(dotted)] { return name }
            case .builtin("range"): return "range"
            default: continue
            }
        }
        return nil
    }

    /// `n = x.shape[0]` (and `b, d = x.shape`) as axis reads, `s = x.shape` as a shape, for names
    /// bound once: a name bound again (`if n is None: n = tf.shape(x)[0]`) may be anything.
    private func aliases() -> (axes: [String: (String, Int)], shapes: [String: String]) {
        var bindings: [String: Int] = [:]
        var axes: [String: (String, Int)] = [:]
        var shapes: [String: String] = [:]
        func count(_ target: Expression) {
            switch target.kind {
            case .name(let name): bindings[name, default: 0] += 1
            case .tuple(let elements), .list(let elements): elements.forEach(count)
            case .starred(let inner): count(inner)
            default: break
            }
        }
        func shapeParameter(_ value: Expression) -> String? {
            if case .attribute(let owner, "shape") = value.kind, case .name(let name) = owner.kind, parameters.contains(name) {
                return name
            }
            return nil
        }
        forEachStatement { statement in
            switch statement.kind {
            case .assign(let targets, let value):
                targets.forEach(count)
                guard targets.count == 1, let target = targets.first else { return }
                if case .name(let name) = target.kind {
                    if let parameter = shapeParameter(value) { shapes[name] = parameter }
                    if case .subscript(let base, let index) = value.kind, let parameter = shapeParameter(base),
                        let position = Self.integer(index)
                    {
                        axes[name] = (parameter, position)
                    }
                } else if case .tuple(let elements) = target.kind, let parameter = shapeParameter(value) {
                    for (position, element) in elements.enumerated() {
                        if case .name(let name) = element.kind { axes[name] = (parameter, position) }
                    }
                }
            case .augmentedAssign(let target, _, _), .annotatedAssign(let target, _, _): count(target)
            case .for(let target, _, _, _, _): count(target)
            case .with(let items, _, _): items.compactMap(\.target).forEach(count)
            default: break
            }
        }
        let once = { (name: String) in bindings[name] == 1 && !self.parameters.contains(name) }
        return (axes.filter { once($0.key) }, shapes.filter { once($0.key) })
    }

    private func readsShape() -> Bool {
        var found = false
        for expression in bodyExpressions() where !found {
            expression.forEachSubexpression(enteringLambdas: true) { inner in
                if case .attribute(let owner, "shape") = inner.kind, case .name(let name) = owner.kind, parameters.contains(name) {
                    found = true
                }
            }
        }
        return found
    }

    private func bodyExpressions() -> [Expression] {
        var expressions: [Expression] = []
        forEachStatement { expressions += $0.directExpressions }
        return expressions
    }

    private func forEachStatement(_ visit: (Statement) -> Void) {
        var pending = [function.body]
        while let statements = pending.popLast() {
            for statement in statements {
                visit(statement)
                pending += statement.nestedBodies
            }
        }
    }

    /// `0`, `-1`: an int literal, possibly negated.
    static func integer(_ expression: Expression) -> Int? {
        switch expression.kind {
        case .constant(.int(let text)): return Int(text)
        case .unary("USub", let operand): return integer(operand).map { -$0 }
        default: return nil
        }
    }
}

extension FactsAnalyzer {
    /// Each function's static axis reads: its own, and those of the project functions it passes a
    /// parameter to (`rows_of(x)` where `rows_of` computes `t.shape[0] * 3`), under the caller's
    /// parameter, a few calls deep.
    func staticAxisReads() -> [[StaticAxisRead]] {
        var reads = index.functions.map { function -> [StaticAxisRead] in
            guard function.kind != .moduleBody else { return [] }
            return StaticAxisReadScan(function: function, parameters: Set(candidateParameters(of: function).map(\.name)), kinds: kinds).run()
        }
        var changed = true
        var depth = 0
        while changed && depth < 4 {
            changed = false
            depth += 1
            for function in index.functions where function.kind != .moduleBody {
                guard (graph.projectCallees[function.id] ?? []).contains(where: { !reads[$0].isEmpty }) else { continue }
                let parameters = Set(candidateParameters(of: function).map(\.name))
                for call in calls(in: function) {
                    let (targets, bindsSelf) = kinds.targets(of: call, in: function)
                    for case .project(let id) in targets where !reads[id].isEmpty {
                        let callee = index.functions[id]
                        let names = (callee.receiverName != nil && !bindsSelf ? callee.parameters : candidateParameters(of: callee)).map(\.name)
                        var passed: [String: String] = [:]
                        for (position, argument) in call.arguments.enumerated() where names.indices.contains(position) {
                            if case .name(let name) = argument.kind, parameters.contains(name) { passed[names[position]] = name }
                        }
                        for keyword in call.keywords {
                            if let key = keyword.name, case .name(let name) = keyword.value.kind, parameters.contains(name) { passed[key] = name }
                        }
                        let line = call.function.range.line
                        for read in reads[id] {
                            guard let parameter = passed[read.parameter],
                                !reads[function.id].contains(where: { $0.parameter == parameter && $0.axis == read.axis && $0.line == line })
                            else { continue }
                            reads[function.id].append(StaticAxisRead(
                                parameter: parameter, axis: read.axis, line: line,
                                use: "`\(callee.qualname)`, which gets it as `\(read.parameter)` and uses its axis \(read.axis) in \(read.use) (line \(read.line))"))
                            changed = true
                        }
                    }
                }
            }
        }
        return reads
    }

    private func calls(in function: FunctionNode) -> [Call] {
        var result: [Call] = []
        var pending = [function.body]
        while let statements = pending.popLast() {
            for statement in statements {
                for expression in statement.directExpressions {
                    expression.forEachSubexpression(enteringLambdas: true) { inner in
                        if case .call(let call) = inner.kind { result.append(call) }
                    }
                }
                pending += statement.nestedBodies
            }
        }
        return result
    }
}
