import PythonSyntax

/// What the top-level names of a module refer to, in statement order, so that a later binding wins
/// as it would at run time: `from tensorflow import function` then `def function(...)` leaves
/// `function` the module's own.
public struct ModuleBindings: Sendable {
    public enum Binding: Equatable, Sendable {
        /// Bound by an import, to this dotted name (`import tensorflow as tf`: `tensorflow`).
        case imported(String)
        /// Defined in the module itself (a def, a class, an assignment of a computed value).
        case defined
        /// Assigned a name or attribute chain (`graph = tf.function`): another name for it.
        case alias(Expression)

        public static func == (left: Binding, right: Binding) -> Bool {
            switch (left, right) {
            case (.imported(let a), .imported(let b)): return a == b
            case (.defined, .defined): return true
            case (.alias(let a), .alias(let b)): return a.range == b.range
            default: return false
            }
        }
    }

    public let module: ModuleName
    public private(set) var names: [String: Binding] = [:]
    /// Modules imported with `from M import *`, in order.
    public private(set) var wildcardSources: [String] = []

    public init(module: Module, name: ModuleName) {
        self.module = name
        collect(module.body)
    }

    /// Top-level statements, and those inside top-level `if`/`try`/`with` blocks (as in
    /// `try: import tensorflow as tf except ImportError: tf = None`).
    private mutating func collect(_ statements: [Statement]) {
        for statement in statements {
            switch statement.kind {
            case .import(let imported):
                for entry in imported {
                    if let alias = entry.alias {
                        names[alias] = .imported(entry.name)
                    } else if let first = entry.name.split(separator: ".").first {
                        // `import a.b` binds `a`.
                        names[String(first)] = .imported(String(first))
                    }
                }
            case .importFrom(let source, let imported, let level):
                guard let resolved = module.resolveRelative(source, level: level) else { continue }
                for entry in imported {
                    if entry.name == "*" {
                        wildcardSources.append(resolved)
                    } else {
                        names[entry.alias ?? entry.name] = .imported(resolved + "." + entry.name)
                    }
                }
            case .function(let definition):
                names[definition.name] = .defined
            case .class(let definition):
                names[definition.name] = .defined
            case .assign(let targets, let value):
                for target in targets { define(target, as: value) }
            case .annotatedAssign(let target, _, _), .augmentedAssign(let target, _, _):
                define(target)
            case .if(_, let body, let orElse):
                collect(body)
                collect(orElse)
            case .try(let body, let handlers, let orElse, let finally):
                collect(body)
                // `try: import tensorflow as tf / except ImportError: tf = None`: the fallback
                // runs only when the import fails, so it does not replace what the import bound.
                var fallback = self
                for handler in handlers { fallback.collect(handler.body) }
                for (name, binding) in fallback.names where names[name] == nil { names[name] = binding }
                wildcardSources += fallback.wildcardSources.filter { !wildcardSources.contains($0) }
                collect(orElse)
                collect(finally)
            case .with(_, let body, _):
                collect(body)
            default:
                continue
            }
        }
    }

    private mutating func define(_ target: Expression, as value: Expression? = nil) {
        switch target.kind {
        case .name(let name):
            if let value, value.isDottedName {
                names[name] = .alias(value)
            } else {
                names[name] = .defined
            }
        case .tuple(let elements), .list(let elements): for element in elements { define(element) }
        case .starred(let inner): define(inner)
        default: return
        }
    }
}

extension Expression {
    /// A name or an attribute chain on one (`tf.function`, `np.linalg.norm`).
    var isDottedName: Bool {
        switch kind {
        case .name: return true
        case .attribute(let base, _): return base.isDottedName
        default: return false
        }
    }
}
