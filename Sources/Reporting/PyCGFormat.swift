import Analysis
import Foundation

/// The call graph in PyCG's JSON format, so it can be compared with other call-graph tools: an
/// object from every node to the sorted names it calls. Names are dotted paths: a module's top
/// level is the module's name, functions and methods `module.Class.method` (nested functions
/// without Python's `<locals>`), lambdas `<lambda>`, builtins `<builtin>.name`, and calls outside
/// the project by the dotted name they were imported as.
public enum PyCGFormat {
    public static func json(index: ProjectIndex, graph: CallGraph) -> String {
        // Named once per function, not once per edge.
        let names = index.functions.map(name(of:))
        var graphByName: [String: Set<String>] = [:]
        for name in names {
            graphByName[name, default: []].formUnion([])
        }
        for edge in graph.edges {
            let callee: String
            switch edge.callee {
            case .project(let id): callee = names[id]
            case .external(let dotted): callee = dotted
            case .builtin(let builtin): callee = "<builtin>." + builtin
            }
            graphByName[names[edge.caller], default: []].insert(callee)
        }
        let object = graphByName.mapValues { $0.sorted() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(object) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func name(of function: FunctionNode) -> String {
        function.qualifiedName.replacingOccurrences(of: ".<locals>", with: "")
    }
}
