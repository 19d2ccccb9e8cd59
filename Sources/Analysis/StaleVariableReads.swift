import PythonSyntax

/// SPEC §3, 19 HAS_STALE_VARIABLE_READS: the body reads a model's or layer's variable list
/// (`trainable_variables`, `trainable_weights`, `variables`), calls or builds that object only
/// later (directly, or by passing it to a project function that calls it), and the list read
/// earlier goes to `tape.gradient`, `apply_gradients`, `apply` or `minimize`. Keras builds a
/// layer on its first call, so on a first call the list read before it is empty.
///
/// Definite where the object is a module global whose construction and module code show whether
/// it is built before the function runs (a `keras.Input`, an `input_shape`, a functional model, a
/// module-level call or `build`); otherwise unknown, for traces to decide (a first call that
/// created variables built the object).
struct StaleVariableReadScan {
    let function: FunctionNode
    let analyzer: FactsAnalyzer

    static let lists: Set<String> = ["trainable_variables", "trainable_weights", "variables"]
    static let consumers: Set<String> = ["gradient", "apply_gradients", "apply", "minimize"]

    private struct Read {
        var object: String
        var attribute: String
        var line: Int
        /// The local the list is bound to; nil when read where it is consumed.
        var name: String?
        var consumer: (method: String, line: Int)?
    }

    private var index: ProjectIndex { analyzer.index }

    /// The fact, and for an unknown one the line of the call that would build the object: a
    /// trace that saw variables created on that line saw the object built by this very call.
    func run() -> (fact: Fact, buildLine: Int?) {
        let statements = orderedStatements(function.body)
        // Most functions read no variable list: skip resolving their calls.
        var readsList = false
        for statement in statements where !readsList {
            for expression in statement.directExpressions {
                expression.forEachSubexpression(enteringLambdas: true) { inner in
                    if case .attribute(_, let attribute) = inner.kind, Self.lists.contains(attribute) { readsList = true }
                }
            }
        }
        guard readsList else { return (Fact(.no), nil) }
        var reads: [Read] = []
        var uses: [(object: String, line: Int, how: String)] = []
        var consumers: [(method: String, line: Int, arguments: [Expression])] = []
        for statement in statements {
            if case .assign(let targets, let value) = statement.kind, targets.count == 1, case .name(let name) = targets[0].kind,
                case .attribute(let base, let attribute) = value.kind, Self.lists.contains(attribute), let object = base.dottedText
            {
                reads.append(Read(object: object, attribute: attribute, line: statement.range.line, name: name))
            }
            for expression in statement.directExpressions {
                expression.forEachSubexpression(enteringLambdas: true) { inner in
                    guard case .call(let call) = inner.kind else { return }
                    let line = inner.range.line
                    if let object = call.function.dottedText {
                        uses.append((object, line, "calls `\(object)`"))
                    }
                    if case .attribute(let base, let method) = call.function.kind, let object = base.dottedText {
                        if method == "build" || method == "call" { uses.append((object, line, "calls `\(object).\(method)`")) }
                        if Self.consumers.contains(method) {
                            let arguments = call.arguments + call.keywords.map(\.value)
                            consumers.append((method, line, arguments))
                            for argument in arguments {
                                argument.forEachSubexpression(enteringLambdas: false) { read in
                                    if case .attribute(let owner, let attribute) = read.kind, Self.lists.contains(attribute),
                                        let object = owner.dottedText
                                    {
                                        reads.append(Read(object: object, attribute: attribute, line: line, name: nil,
                                                          consumer: (method, line)))
                                    }
                                }
                            }
                        }
                    }
                    for (position, argument) in call.arguments.enumerated() {
                        guard let object = argument.dottedText, let callee = calleeCalling(argument: position, of: call) else { continue }
                        uses.append((object, line, "passes `\(object)` to \(callee), which calls it"))
                    }
                }
            }
        }
        for var read in reads {
            if read.consumer == nil, let name = read.name {
                read.consumer = consumers.first { $0.line >= read.line && $0.arguments.contains { $0.mentions([name]) } }
                    .map { ($0.method, $0.line) }
            }
            guard let consumer = read.consumer,
                !uses.contains(where: { $0.object == read.object && $0.line <= read.line }),
                let later = uses.first(where: { $0.object == read.object && $0.line > read.line })
            else { continue }
            let what = "line \(read.line) reads `\(read.object).\(read.attribute)`"
                + (read.name.map { " into `\($0)`" } ?? "") + " before line \(later.line) \(later.how) (the call that builds it), and the list goes to `\(consumer.method)` (line \(consumer.line))"
            switch builtBeforehand(read.object) {
            case true?:
                return (Fact(.no, reasons: [what + ", but `\(read.object)` is built before: its list is complete"]), nil)
            case false?:
                return (Fact(.yes, reasons: [what + ": on the first call the list is empty"]), nil)
            case nil:
                return (Fact(.unknown, reasons: [what + "; whether `\(read.object)` is built before the first call is not known statically"]),
                        later.line)
            }
        }
        return (Fact(.no), nil)
    }

    /// The body's statements, nested blocks included, in source order.
    private func orderedStatements(_ body: [Statement]) -> [Statement] {
        var result: [Statement] = []
        for statement in body {
            result.append(statement)
            for nested in statement.nestedBodies { result += orderedStatements(nested) }
        }
        return result.sorted { $0.range.line < $1.range.line }
    }

    /// The project function a call runs whose parameter at `position` it calls (`forward(model,
    /// x)` where `forward` does `m(x)`), by name.
    private func calleeCalling(argument position: Int, of call: Call) -> String? {
        for case .project(let id) in analyzer.kinds.targets(of: call, in: function).targets {
            let callee = index.functions[id]
            let parameters = analyzer.candidateParameters(of: callee)
            guard parameters.indices.contains(position) else { continue }
            let name = parameters[position].name
            var calls = false
            for statement in orderedStatements(callee.body) {
                for expression in statement.directExpressions {
                    expression.forEachSubexpression(enteringLambdas: true) { inner in
                        guard case .call(let inner) = inner.kind else { return }
                        if case .name(name) = inner.function.kind { calls = true }
                        if case .attribute(let base, let method) = inner.function.kind, case .name(name) = base.kind,
                            method == "build" || method == "call"
                        {
                            calls = true
                        }
                    }
                }
            }
            if calls { return "`\(callee.qualname)`" }
        }
        return nil
    }

    /// Whether a module global is built before any function runs: its construction has an input
    /// shape (`keras.Input`, `input_shape=`, a functional `Model(inputs, outputs)`), or module
    /// code calls or builds it. Nil for anything else (a parameter, an attribute, a local).
    private func builtBeforehand(_ object: String) -> Bool? {
        guard !object.contains("."), function.parameters.allSatisfy({ $0.name != object }),
            !analyzer.kinds.bindsLocally(object, in: function),
            let module = index.moduleBodies[function.module.description]
        else { return nil }
        var constructed = false
        for statement in module.body {
            switch statement.kind {
            case .assign(let targets, let value) where targets.contains(where: { $0.dottedText == object }):
                guard case .call(let construction) = value.kind else { return nil }
                constructed = true
                if Self.hasInputShape(construction) { return true }
            case .expression(let value):
                if case .call(let call) = value.kind, call.function.dottedText == object
                    || call.function.dottedText.map({ [object + ".build", object + ".call", object + ".fit"].contains($0) }) == true
                {
                    return true
                }
            default: break
            }
        }
        return constructed ? false : nil
    }

    static func hasInputShape(_ construction: Call) -> Bool {
        if case .attribute(_, "Model") = construction.function.kind, !construction.arguments.isEmpty { return true }
        if case .name("Model") = construction.function.kind, !construction.arguments.isEmpty { return true }
        if construction.keywords.contains(where: { ["inputs", "input_shape", "input_dim", "batch_input_shape"].contains($0.name ?? "") }) {
            return true
        }
        var found = false
        for argument in construction.arguments + construction.keywords.map(\.value) {
            argument.forEachSubexpression(enteringLambdas: false) { inner in
                guard case .call(let call) = inner.kind else { return }
                if case .attribute(_, let name) = call.function.kind, name == "Input" || name == "InputLayer" { found = true }
                if case .name(let name) = call.function.kind, name == "Input" || name == "InputLayer" { found = true }
                if call.keywords.contains(where: { ["input_shape", "input_dim", "batch_input_shape"].contains($0.name ?? "") }) {
                    found = true
                }
            }
        }
        return found
    }
}
