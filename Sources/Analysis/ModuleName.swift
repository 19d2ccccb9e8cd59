/// A module's dotted name from its path under the project root, as Python would import it:
/// `pkg/sub/mod.py` is `pkg.sub.mod`, `pkg/sub/__init__.py` is `pkg.sub`.
public struct ModuleName: Hashable, Sendable, CustomStringConvertible {
    public let components: [String]
    /// Whether the file is a package's `__init__.py` (relative imports then start from itself).
    public let isPackage: Bool

    public init(relativePath: String) {
        var parts = relativePath.split(separator: "/").map(String.init)
        var package = false
        if let last = parts.last {
            let stem = last.hasSuffix(".py") ? String(last.dropLast(3)) : last
            if stem == "__init__" {
                parts.removeLast()
                package = true
            } else {
                parts[parts.count - 1] = stem
            }
        }
        components = parts
        isPackage = package
        description = parts.joined(separator: ".")
    }

    /// `pkg.sub.mod`. Stored: it is the key of module-level tables, looked up for every name.
    public let description: String

    public static func == (a: ModuleName, b: ModuleName) -> Bool {
        a.isPackage == b.isPackage && a.description == b.description
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(description)
        hasher.combine(isPackage)
    }

    /// The absolute module a relative import names: `from ..util import x` in `pkg.sub.mod` is
    /// `pkg.util`. Nil when the dots climb above the top package.
    public func resolveRelative(_ module: String?, level: Int) -> String? {
        guard level > 0 else { return module }
        let base = isPackage ? components : Array(components.dropLast())
        let climb = level - 1
        guard climb <= base.count else { return nil }
        var resolved = Array(base.dropLast(climb))
        if let module, !module.isEmpty {
            resolved += module.split(separator: ".").map(String.init)
        }
        return resolved.isEmpty ? nil : resolved.joined(separator: ".")
    }
}
