import Analysis
import Foundation

/// The call graph in PyCG's JSON format, so it can be compared with other call-graph tools: an
/// object from every node to the sorted names it calls, named as `PyCGNames` says.
public enum PyCGFormat {
    public static func json(index: ProjectIndex, graph: CallGraph) -> String {
        let object = PyCGNames(index: index).graph(graph).mapValues { $0.sorted() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(object) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
