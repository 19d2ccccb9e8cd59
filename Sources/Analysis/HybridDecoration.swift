import PythonSyntax

/// A function's `tf.function` decoration (SPEC §1, the `hybrid` fact), in any spelling the name
/// resolver sees through: `@tf.function`, `@tensorflow.function`, an alias, `@function` after
/// `from tensorflow import function` or a wildcard import, and the called form `@tf.function(...)`.
public struct HybridDecoration: Equatable, Sendable {
    /// The `tf.function` arguments SPEC §2 reports.
    public enum Argument: String, CaseIterable, Sendable {
        case inputSignature = "input_signature"
        /// Also spelled `experimental_relax_shapes`, its deprecated name (TF 2.21 still accepts
        /// it and maps it to reduce_retracing in polymorphic_function.function).
        case reduceRetracing = "reduce_retracing"
        case jitCompile = "jit_compile"
        case autograph
    }

    public enum Form: Equatable, Sendable {
        /// `@tf.function` or `@tf.function(...)` on the def; `range` spans the decorator expression,
        /// what an edit removes or changes.
        case decorator(range: SourceRange)
        /// A module-level `wrapped = tf.function(g)`: `g` is hybrid where called through `wrapped`.
        /// Reported, never edited.
        case wrapper(name: String, line: Int)
    }

    public var form: Form
    public var arguments: Set<Argument>

    static let functionName = "tensorflow.function"

    /// The decoration of `definition`, a function of `module`, or nil when it is eager.
    public static func of(_ definition: FunctionDefinition, in module: ModuleName, resolver: NameResolver) -> HybridDecoration? {
        of(decorators: definition.decorators, in: module, resolver: resolver)
    }

    public static func of(decorators: [Expression], in module: ModuleName, resolver: NameResolver) -> HybridDecoration? {
        for decorator in decorators {
            if let arguments = tfFunctionArguments(decorator, in: module, resolver: resolver) {
                return HybridDecoration(form: .decorator(range: decorator.range), arguments: arguments)
            }
        }
        return nil
    }

    /// The arguments when `expression` is `tf.function` or a call of it; nil otherwise.
    static func tfFunctionArguments(_ expression: Expression, in module: ModuleName, resolver: NameResolver) -> Set<Argument>? {
        switch expression.kind {
        case .call(let call):
            guard resolver.qualifiedName(of: call.function, in: module) == functionName else { return nil }
            var arguments: Set<Argument> = []
            // tf.function(func=None, input_signature=None, autograph=True, jit_compile=None,
            // reduce_retracing=False, ..., experimental_relax_shapes=None, experimental_compile=None)
            // in TF 2.21 (eager/polymorphic_function/polymorphic_function.py): positional
            // input_signature and autograph are legal, and the experimental names are the old
            // spellings of reduce_retracing and jit_compile.
            if call.arguments.count > 1 { arguments.insert(.inputSignature) }
            if call.arguments.count > 2 { arguments.insert(.autograph) }
            for keyword in call.keywords {
                switch keyword.name {
                case "experimental_relax_shapes": arguments.insert(.reduceRetracing)
                case "experimental_compile": arguments.insert(.jitCompile)
                case let name?: Argument(rawValue: name).map { _ = arguments.insert($0) }
                case nil: continue
                }
            }
            return arguments
        default:
            return resolver.qualifiedName(of: expression, in: module) == functionName ? [] : nil
        }
    }

    /// Module-level `name = tf.function(g, ...)` wrappers, by the name of the wrapped function.
    public static func wrappers(in module: Module, name: ModuleName, resolver: NameResolver) -> [String: HybridDecoration] {
        var found: [String: HybridDecoration] = [:]
        for statement in module.body {
            guard case .assign(let targets, let value) = statement.kind, case .call(let call) = value.kind,
                case .name(let wrapped)? = call.arguments.first?.kind,
                let arguments = tfFunctionArguments(value, in: name, resolver: resolver)
            else { continue }
            let wrapper = targets.compactMap { target -> String? in
                if case .name(let name) = target.kind { return name } else { return nil }
            }.first ?? wrapped
            found[wrapped] = HybridDecoration(form: .wrapper(name: wrapper, line: statement.range.line), arguments: arguments)
        }
        return found
    }
}
