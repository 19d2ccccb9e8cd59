import PythonSyntax

/// Turns expressions into the dotted names they refer to across the project: through import
/// aliases, relative imports, wildcard imports and re-exports (`from .compat import tf` where
/// `compat` does `import tensorflow as tf`), without importing anything.
public struct NameResolver: Sendable {
    public let modules: [String: ModuleBindings]
    /// Resolution is pure and asked again and again for the same names (every `tf.` in a project):
    /// remembered per name.
    private let memo = Memo()

    final class Memo: @unchecked Sendable {
        var canonical: [String: String] = [:]
        var names: [String: String?] = [:]
    }

    /// Names some external modules are known to export, for `from M import *` (the static path
    /// never imports TensorFlow to ask it).
    static let knownExports: [String: Set<String>] = [
        "tensorflow": ["function", "Variable", "Tensor", "GradientTape", "constant", "print"],
    ]

    public init(modules: [ModuleBindings]) {
        var table: [String: ModuleBindings] = [:]
        for module in modules {
            table[module.module.description] = module
        }
        self.modules = table
    }

    /// The dotted name of a `Name` or `Attribute` chain in `module`'s top-level scope, or nil
    /// when it cannot be told (a call result, a subscript, an unknown name).
    public func qualifiedName(of expression: Expression, in module: ModuleName) -> String? {
        qualifiedName(of: expression, in: module, depth: 0)
    }

    private func qualifiedName(of expression: Expression, in module: ModuleName, depth: Int) -> String? {
        guard depth < 16 else { return nil }
        switch expression.kind {
        case .name(let name):
            return resolve(name: name, in: module.description, depth: depth)
        case .attribute(let base, let attribute):
            return qualifiedName(of: base, in: module, depth: depth).map { canonical($0 + "." + attribute, depth: depth) }
        default:
            return nil
        }
    }

    private func resolve(name: String, in module: String, depth: Int) -> String? {
        let key = module + "\u{0}" + name
        if let known = memo.names[key] { return known }
        let resolved = resolveUncached(name: name, in: module, depth: depth)
        if depth == 0 { memo.names[key] = resolved }
        return resolved
    }

    private func resolveUncached(name: String, in module: String, depth: Int) -> String? {
        guard depth < 16, let bindings = modules[module] else { return nil }
        switch bindings.names[name] {
        case .imported(let target): return canonical(target, depth: depth + 1)
        case .defined: return module + "." + name
        case .alias(let value):
            return qualifiedName(of: value, in: bindings.module, depth: depth + 1)
        case nil: break
        }
        for source in bindings.wildcardSources.reversed() {
            if modules[source] != nil {
                if let found = resolve(name: name, in: source, depth: depth + 1) { return found }
            } else if Self.knownExports[source]?.contains(name) == true
                || APITable.effect(ofFunction: APITable.normalize(source + "." + name)) != nil
            {
                // What `from tensorflow import *` brings in is what TensorFlow exports; the API
                // table knows the names analysis cares about.
                return source + "." + name
            }
        }
        return nil
    }

    /// Follows re-exports: `pkg.compat.tf.function`, where `pkg.compat` is a project module
    /// binding `tf` to `tensorflow`, is `tensorflow.function`.
    private func canonical(_ dotted: String, depth: Int) -> String {
        if let known = memo.canonical[dotted] { return known }
        let result = canonicalUncached(dotted, depth: depth)
        if depth == 0 { memo.canonical[dotted] = result }
        return result
    }

    private func canonicalUncached(_ dotted: String, depth: Int) -> String {
        let parts = dotted.split(separator: ".").map(String.init)
        guard depth < 16, parts.count > 1 else { return TensorFlowNames.canonical(dotted) }
        for split in stride(from: parts.count - 1, through: 1, by: -1) {
            let module = parts[0..<split].joined(separator: ".")
            guard modules[module] != nil else { continue }
            if let target = resolve(name: parts[split], in: module, depth: depth + 1), target != module + "." + parts[split] {
                return canonical(([target] + parts[(split + 1)...]).joined(separator: "."), depth: depth + 1)
            }
            break
        }
        return TensorFlowNames.canonical(dotted)
    }
}

/// TensorFlow's public API has several paths to one thing; analysis compares canonical names.
enum TensorFlowNames {
    /// `tensorflow.compat.v2.X` is `tensorflow.X` in TF 2.x, and `tf.compat.v1.function` is the
    /// same `tf.function` (tensorflow/python/eager/polymorphic_function, TF 2.21).
    static func canonical(_ dotted: String) -> String {
        let compatV2 = "tensorflow.compat.v2."
        if dotted.hasPrefix(compatV2) {
            return "tensorflow." + dotted.dropFirst(compatV2.count)
        }
        return dotted == "tensorflow.compat.v1.function" ? "tensorflow.function" : dotted
    }
}
