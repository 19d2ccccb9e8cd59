import Analysis

/// The call graph for a terminal: each function with the line of each call and what it calls.
public enum CallGraphText {
    public static func render(index: ProjectIndex, graph: CallGraph) -> String {
        var lines: [String] = []
        let edgesByCaller = Dictionary(grouping: graph.edges, by: \.caller)
        for function in index.functions {
            let edges = (edgesByCaller[function.id] ?? []).sorted { ($0.line, "\($0.callee)") < ($1.line, "\($1.callee)") }
            guard !edges.isEmpty else { continue }
            lines.append("\(function.file):\(function.line) \(function.qualname)")
            var seen: Set<String> = []
            for edge in edges {
                let callee: String
                switch edge.callee {
                case .project(let id): callee = index.functions[id].qualifiedName
                case .external(let dotted): callee = dotted
                case .builtin(let name): callee = "<builtin>." + name
                }
                if seen.insert("\(edge.line) \(callee)").inserted {
                    lines.append("    \(edge.line): \(callee)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
