import PythonSyntax

/// Names a project uses as values rather than only calling them: returned, passed, stored, or
/// reached into for an attribute (`f.get_concrete_function()`). A `tf.function` used so may be
/// relied on as a `tf.function` by whatever receives it: a SavedModel signature, `signatures=`,
/// `get_concrete_function`, `experimental_get_tracing_count`, all of which an eager function lacks.
/// Seen on TF 2.21: `tf.saved_model.save(m, path, signatures=plain_function)` raises ValueError
/// ("Expected a TensorFlow function for which to generate a signature"), and a plain function has
/// no `get_concrete_function` (AttributeError). Matching is by name alone, so a different object
/// of the same name also counts: it errs on keeping the decorator.
public struct ValueReferences: Sendable {
    /// Simple names (`f`) and attribute names (`obj.f`) seen other than as a callee.
    public private(set) var names: Set<String> = []

    public init(project: Project) {
        for file in project.files { walk(file.module.body) }
    }

    private mutating func walk(_ body: [Statement]) {
        for statement in body {
            for expression in statement.directExpressions { visit(expression) }
            switch statement.kind {
            case .function(let definition): walk(definition.body)
            case .class(let definition): walk(definition.body)
            default: for nested in statement.nestedBodies { walk(nested) }
            }
        }
    }

    private mutating func visit(_ root: Expression) {
        var pending = [root]
        while let expression = pending.popLast() {
            switch expression.kind {
            case .name(let name):
                names.insert(name)
            case .attribute(let base, let name):
                names.insert(name)
                pending.append(base)
            case .call(let call):
                // The callee itself is called, not used as a value; what it is reached through is.
                switch call.function.kind {
                case .name: break
                case .attribute(let base, _): pending.append(base)
                default: pending.append(call.function)
                }
                pending += call.arguments + call.keywords.map(\.value)
            default:
                pending += expression.children
            }
        }
    }
}
