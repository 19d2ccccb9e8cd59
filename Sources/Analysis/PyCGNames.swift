/// The call graph keyed as PyCG keys it, so that it can be compared with PyCG and with call-graph
/// benchmarks in PyCG's format: a module's top level by the module's name, functions and methods
/// `module.Class.method`, nested functions without Python's `<locals>`, lambdas numbered in source
/// order within the function, class or module that holds them (`module.f.<lambda1>`), builtins
/// `<builtin>.name`, and what lies outside the project by the dotted name it was imported as.
public struct PyCGNames: Sendable {
    /// The name of each function, by id.
    public let names: [String]

    public init(index: ProjectIndex) {
        var names: [String] = []
        var lambdasSeen: [String: Int] = [:]
        // Lambdas come after the scope that holds them and in source order within it, since the
        // index walks bodies in order.
        for function in index.functions {
            guard function.kind == .lambda else {
                names.append(function.qualifiedName.replacingOccurrences(of: ".<locals>", with: ""))
                continue
            }
            // The qualname is `<scope>.<lambda>` (`<locals>` after a def or a lambda).
            let holder = String(function.qualifiedName.dropLast("<lambda>".count))
                .replacingOccurrences(of: ".<locals>", with: "")
            var scope = holder.hasSuffix(".") ? String(holder.dropLast()) : holder
            if let outer = function.enclosing, outer.kind == .lambda { scope = names[outer.id] }
            let key = function.file + "\u{0}" + scope
            let number = lambdasSeen[key, default: 0] + 1
            lambdasSeen[key] = number
            names.append("\(scope).<lambda\(number)>")
        }
        self.names = names
    }

    public func name(of target: CallTarget) -> String {
        switch target {
        case .project(let id): return names[id]
        case .external(let dotted): return dotted
        case .builtin(let builtin): return "<builtin>." + builtin
        }
    }

    /// Every node, with the names it calls.
    public func graph(_ graph: CallGraph) -> [String: Set<String>] {
        var byName: [String: Set<String>] = [:]
        for name in names { byName[name, default: []].formUnion([]) }
        for edge in graph.edges {
            byName[names[edge.caller], default: []].insert(name(of: edge.callee))
        }
        return byName
    }
}
