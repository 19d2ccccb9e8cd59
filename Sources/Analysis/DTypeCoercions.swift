import PythonSyntax

/// A dtype static analysis can read off a value, and whether numpy holds the value.
struct KnownDType: Hashable, Sendable {
    var name: String
    var isNumpy: Bool

    var description: String { (isNumpy ? "numpy " : "") + name }
}

/// SPEC §3 code 22, as wide as what breaks in TensorFlow 2.21. Eagerly, a binary op converts a
/// numpy operand to its tensor partner's dtype (math_ops.py `binary_op_wrapper` →
/// `convert_to_tensor(y, dtype_hint=x.dtype)`), afresh on every call. A `tf.function` converts a
/// numpy array or scalar argument at the call boundary instead, to a tensor of the array's own
/// dtype (core/function/trace_type/trace_type_builder.py `from_value`: `TENSOR(ndarray.shape,
/// ndarray.dtype)`), and the op then meets two dtypes: "TypeError: Input 'y' of 'Mul' Op has
/// type float64 that does not match type float32 of argument 'x'". One partner of another dtype
/// is enough, as are two numpy parameters of different dtypes combined. A Python number
/// argument stays a Python value under a bare `tf.function`, so it conflicts only under an
/// input signature, which fixes one dtype for it (InputSignature uses the partner's when there
/// is exactly one).
struct DTypeCoercions {
    let index: ProjectIndex
    let kinds: KindInference

    /// The dtypes each parameter receives at the call sites where the code shows one. A single
    /// call that breaks breaks the program, so every site counts on its own.
    private(set) var parameterDTypes: [Int: [String: Set<KnownDType>]] = [:]

    /// A caller's parameter passed on, by name, to a callee's parameter.
    private struct Forward {
        var caller: Int
        var parameter: String
        var callee: Int
        var calleeParameter: String
        var line: Int
    }

    /// Each function's conflict in words: in its own body, or in a callee it passes a numpy
    /// argument on to (traced into the same graph), with the parameter whose dtype conflicts.
    private(set) var conflicts: [Int: (parameter: String, partner: KnownDType, reason: String)] = [:]

    init(index: ProjectIndex, kinds: KindInference) {
        self.index = index
        self.kinds = kinds
        var seen: [Int: [String: Set<KnownDType>]] = [:]
        var forwards: [Forward] = []
        for function in index.functions {
            guard let resolver = kinds.resolvers[function.id] else { continue }
            let own = Set(function.parameters.map(\.name))
            for expression in resolver.ownExpressions() {
                expression.forEachSubexpression(enteringLambdas: false) { inner in
                    // Resolving a call is the costly part: only calls passing a known dtype, or
                    // passing on a parameter, need it.
                    guard case .call(let call) = inner.kind,
                        (call.arguments + call.keywords.map(\.value)).contains(where: {
                            $0.plainName.map(own.contains) == true || self.dtype(of: $0, in: function, parameters: [:]) != nil
                        })
                    else { return }
                    let (targets, bindsSelf) = kinds.targets(of: call, in: function)
                    for case .project(let id) in targets {
                        for (name, argument) in Self.bind(call, to: index.functions[id], bindsSelf: bindsSelf) {
                            if let dtype = self.dtype(of: argument, in: function, parameters: [:]) {
                                seen[id, default: [:]][name, default: []].insert(dtype)
                            } else if let passed = argument.plainName, own.contains(passed) {
                                forwards.append(Forward(caller: function.id, parameter: passed, callee: id, calleeParameter: name,
                                                        line: inner.range.line))
                            }
                        }
                    }
                }
            }
        }
        // What a caller receives, it passes on: to a fixpoint, bounded by the forwards.
        for _ in 0...forwards.count {
            var changed = false
            for forward in forwards {
                guard let received = seen[forward.caller]?[forward.parameter] else { continue }
                let before = seen[forward.callee]?[forward.calleeParameter] ?? []
                let after = before.union(received)
                if after != before {
                    seen[forward.callee, default: [:]][forward.calleeParameter] = after
                    changed = true
                }
            }
            if !changed { break }
        }
        parameterDTypes = seen
        for function in index.functions {
            if let found = conflict(in: function) { conflicts[function.id] = found }
        }
        for _ in 0...forwards.count {
            var changed = false
            for forward in forwards where conflicts[forward.caller] == nil {
                // Only a dtype of the caller's own that differs from the partner's conflicts there.
                guard let inCallee = conflicts[forward.callee], inCallee.parameter == forward.calleeParameter,
                    seen[forward.caller]?[forward.parameter]?.contains(where: { $0.isNumpy && $0.name != inCallee.partner.name }) == true
                else { continue }
                conflicts[forward.caller] = (forward.parameter, inCallee.partner,
                    "line \(forward.line) passes `\(forward.parameter)` on to \(index.functions[forward.callee].qualname), traced into the same graph: "
                        + inCallee.reason)
                changed = true
            }
            if !changed { break }
        }
    }

    /// The names a call binds to the callee's parameters, with the arguments it binds them to.
    static func bind(_ call: Call, to callee: FunctionNode, bindsSelf: Bool) -> [(String, Expression)] {
        var positional = callee.parameters.filter { $0.kind == .positionalOnly || $0.kind == .regular }
        if (bindsSelf || callee.isClassMethod) && callee.receiverName != nil && !positional.isEmpty { positional.removeFirst() }
        var bound: [(String, Expression)] = []
        for (parameter, argument) in zip(positional, call.arguments) {
            if case .starred = argument.kind { break }
            bound.append((parameter.name, argument))
        }
        for keyword in call.keywords { if let name = keyword.name { bound.append((name, keyword.value)) } }
        return bound
    }

    /// The first conflict in `function`'s own body, with the numpy parameter, in words.
    private func conflict(in function: FunctionNode) -> (parameter: String, partner: KnownDType, reason: String)? {
        let passed = parameterDTypes[function.id] ?? [:]
        guard passed.values.contains(where: { $0.contains(where: \.isNumpy) }) else { return nil }
        // Each numpy dtype a call passes is checked on its own; a tensor partner must have one.
        let numpy = passed.filter { $0.value.contains(where: \.isNumpy) }
        let single = passed.compactMapValues { $0.count == 1 ? $0.first : nil }
        let locals = localDTypes(of: function, parameters: single)
        var found: (parameter: String, partner: KnownDType, reason: String)?
        var pending = [function.body]
        while let statements = pending.popLast(), found == nil {
            for statement in statements {
                for expression in statement.directExpressions {
                    expression.forEachSubexpression(enteringLambdas: false) { inner in
                        guard found == nil, let (left, right) = Self.operands(of: inner, resolver: index.resolver, module: function.module)
                        else { return }
                        func dtypes(_ operand: Expression) -> [KnownDType] {
                            if let name = operand.plainName, let several = numpy[name] { return several.sorted { $0.name < $1.name } }
                            return dtype(of: operand, in: function, parameters: single, locals: locals).map { [$0] } ?? []
                        }
                        guard let (a, b) = dtypes(left).lazy.flatMap({ a in dtypes(right).map { (a, $0) } })
                            .first(where: { pair in pair.0.name != pair.1.name && (pair.0.isNumpy || pair.1.isNumpy) })
                        else { return }
                        func parameter(_ operand: Expression) -> String? { operand.plainName.flatMap { passed[$0] != nil ? $0 : nil } }
                        // A numpy argument becomes a tensor at the boundary; a numpy value made in
                        // the body converts to its partner's dtype in a graph as it does eagerly.
                        // Two numpy arguments: eagerly numpy promotes, a graph holds two tensors.
                        let sides = [(left, a, right, b), (right, b, left, a)]
                        guard let (name, dtype, partner) = sides.lazy.compactMap({ operand, dtype, other, partner in
                            dtype.isNumpy && (!partner.isNumpy || parameter(other) != nil) ? parameter(operand).map { ($0, dtype, partner) } : nil
                        }).first else { return }
                        let other = (left.plainName == name ? right : left).dottedText.map { "`\($0)`, " } ?? ""
                        found = (name, partner, "line \(inner.range.line) combines `\(name)`, a \(dtype.description) argument, with \(other)a \(partner.description) value: "
                            + "eagerly the op converts `\(name)` to \(partner.name) on each call, while tf.function turns it into a \(dtype.name) tensor when called")
                    }
                }
                pending += statement.nestedBodies
            }
        }
        return found
    }

    /// The two operands of a Python arithmetic operator, or of a TensorFlow binary op.
    static func operands(of expression: Expression, resolver: NameResolver, module: ModuleName) -> (Expression, Expression)? {
        switch expression.kind {
        case .binary(let symbol, let left, let right) where ["Add", "Sub", "Mult", "Div", "FloorDiv", "Mod", "Pow", "MatMult"].contains(symbol):
            return (left, right)
        case .call(let call) where call.arguments.count >= 2:
            guard let op = resolver.qualifiedName(of: call.function, in: module).map(APITable.normalize),
                binaryOps.contains(op)
            else { return nil }
            return (call.arguments[0], call.arguments[1])
        default:
            return nil
        }
    }

    static let binaryOps: Set<String> = [
        "tensorflow.add", "tensorflow.subtract", "tensorflow.multiply", "tensorflow.divide", "tensorflow.matmul",
        "tensorflow.maximum", "tensorflow.minimum", "tensorflow.pow", "tensorflow.math.add", "tensorflow.math.subtract",
        "tensorflow.math.multiply", "tensorflow.math.divide", "tensorflow.math.maximum", "tensorflow.math.minimum",
        "tensorflow.math.pow", "tensorflow.linalg.matmul",
    ]

    /// The parameters each parameter meets as the other operand of a binary op, for traces to
    /// hold their observed dtypes against (SPEC §4).
    func partners(in function: FunctionNode) -> [String: Set<String>] {
        let names = Set(function.parameters.map(\.name))
        guard names.count > 1 else { return [:] }
        var found: [String: Set<String>] = [:]
        var pending = [function.body]
        while let statements = pending.popLast() {
            for statement in statements {
                for expression in statement.directExpressions {
                    expression.forEachSubexpression(enteringLambdas: false) { inner in
                        // Two parameters by name first: resolving a call's function costs more.
                        let pair: (Expression, Expression)
                        switch inner.kind {
                        case .binary(_, let left, let right): pair = (left, right)
                        case .call(let call) where call.arguments.count >= 2: pair = (call.arguments[0], call.arguments[1])
                        default: return
                        }
                        guard let a = pair.0.plainName, let b = pair.1.plainName, a != b, names.contains(a), names.contains(b),
                            Self.operands(of: inner, resolver: index.resolver, module: function.module) != nil
                        else { return }
                        found[a, default: []].insert(b)
                        found[b, default: []].insert(a)
                    }
                }
                pending += statement.nestedBodies
            }
        }
        return found
    }

    /// Locals assigned values of one known dtype.
    private func localDTypes(of function: FunctionNode, parameters: [String: KnownDType]) -> [String: KnownDType] {
        var found: [String: KnownDType?] = [:]
        var pending = [function.body]
        while let statements = pending.popLast() {
            for statement in statements {
                if case .assign(let targets, let value) = statement.kind {
                    let dtype = self.dtype(of: value, in: function, parameters: parameters)
                    for case .name(let name) in targets.map(\.kind) where parameters[name] == nil {
                        if let previous = found[name] { found[name] = previous == dtype ? previous : .some(nil) } else { found[name] = .some(dtype) }
                    }
                }
                pending += statement.nestedBodies
            }
        }
        return found.compactMapValues { $0 }
    }

    // MARK: Reading dtypes

    func dtype(of expression: Expression, in function: FunctionNode, parameters: [String: KnownDType],
               locals: [String: KnownDType] = [:]) -> KnownDType? {
        switch expression.kind {
        case .name(let name):
            return locals[name] ?? parameters[name]
        case .call(let call):
            if case .attribute(_, "astype") = call.function.kind, let target = call.arguments.first,
                let name = Self.dtypeName(target, resolver: index.resolver, module: function.module)
            {
                // `astype` is numpy's: a TensorFlow tensor has none.
                return KnownDType(name: name, isNumpy: true)
            }
            guard let dotted = index.resolver.qualifiedName(of: call.function, in: function.module).map(APITable.normalize) else {
                return nil
            }
            return dtype(ofCall: call, to: dotted, in: function)
        default:
            return nil
        }
    }

    private func dtype(ofCall call: Call, to dotted: String, in function: FunctionNode) -> KnownDType? {
        let explicit = (call.keywords.first { $0.name == "dtype" }?.value).flatMap {
            Self.dtypeName($0, resolver: index.resolver, module: function.module)
        }
        if dotted.hasPrefix("numpy.") {
            let last = String(dotted.dropFirst(6))
            if Self.numpyScalarTypes.contains(last) { return KnownDType(name: last, isNumpy: true) }
            if let explicit { return KnownDType(name: explicit, isNumpy: true) }
            switch last {
            case "ones", "zeros", "empty", "full", "eye", "identity", "linspace", "random.rand", "random.randn",
                "random.normal", "random.uniform", "random.random":
                return KnownDType(name: "float64", isNumpy: true)
            case "array", "asarray", "arange":
                return call.arguments.first.flatMap(Self.literalNumberType).map {
                    KnownDType(name: $0 == "float" ? "float64" : "int64", isNumpy: true)
                }
            default: return nil
            }
        }
        guard dotted.hasPrefix("tensorflow.") else { return nil }
        let op = String(dotted.dropFirst(11))
        switch op {
        case "cast", "dtypes.cast":
            let target = call.arguments.count > 1 ? call.arguments[1] : call.keywords.first { $0.name == "dtype" }?.value
            return target.flatMap { Self.dtypeName($0, resolver: index.resolver, module: function.module) }.map { KnownDType(name: $0, isNumpy: false) }
        case "ones", "zeros", "random.normal", "random.uniform", "random.truncated_normal", "eye":
            let positional = op == "ones" || op == "zeros" ? call.arguments.dropFirst().first : nil
            let named = explicit ?? positional.flatMap { Self.dtypeName($0, resolver: index.resolver, module: function.module) }
            return KnownDType(name: named ?? "float32", isNumpy: false)
        case "constant", "convert_to_tensor":
            if let explicit { return KnownDType(name: explicit, isNumpy: false) }
            return call.arguments.first.flatMap(Self.literalNumberType).map {
                KnownDType(name: $0 == "float" ? "float32" : "int32", isNumpy: false)
            }
        default:
            return nil
        }
    }

    static let numpyScalarTypes: Set<String> = [
        "float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    ]

    /// `tf.float32`, `np.float32`, `"float32"`: the dtype's name.
    static func dtypeName(_ expression: Expression, resolver: NameResolver, module: ModuleName) -> String? {
        if case .constant(.string(let text)) = expression.kind { return OpNameSlots.dtypeNames.contains(text) ? text : nil }
        guard let dotted = resolver.qualifiedName(of: expression, in: module).map(APITable.normalize),
            dotted.hasPrefix("tensorflow.") || dotted.hasPrefix("numpy."),
            let last = dotted.split(separator: ".").last.map(String.init)
        else { return nil }
        switch last {
        case "half": return "float16"
        case "double": return "float64"
        default: return OpNameSlots.dtypeNames.contains(last) ? last : nil
        }
    }

    /// "float" or "int" for a number literal or a (nested) list of them, floats winning.
    static func literalNumberType(_ expression: Expression) -> String? {
        switch expression.kind {
        case .constant(.int): return "int"
        case .constant(.float): return "float"
        case .unary("USub", let operand): return literalNumberType(operand)
        case .list(let elements), .tuple(let elements):
            let types = elements.map(literalNumberType)
            guard !types.isEmpty, !types.contains(nil) else { return nil }
            return types.contains("float") ? "float" : "int"
        default: return nil
        }
    }
}
