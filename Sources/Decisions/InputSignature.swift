import Foundation
import TraceStore

/// SPEC §6: an `input_signature` generalised from observed calls. One dtype per parameter; shapes
/// dimension by dimension, `None` where observations differ, unknown rank where ranks differ.
/// Only plain tensors and arrays qualify: a `tf.Variable` would reach the body as a read-only
/// tensor under a `TensorSpec` (its `assign` gone), and ragged, sparse or nested values need specs
/// of their own.
enum InputSignature {
    struct Result {
        var spelling: String?
        var problem: String?
        /// Distinct shapes of the most varied parameter.
        var shapeClasses: Int
        /// Each tensor parameter's generalised shape, nil for an unknown rank: what the signature
        /// (or `reduce_retracing`, which relaxes the same dimensions) leaves a graph to see.
        var shapes: [String: [Int?]?] = [:]
    }

    static func derive(_ calls: [[ParamObservation]]) -> Result {
        guard let first = calls.first else { return Result(spelling: nil, problem: "no call observed", shapeClasses: 0) }
        let names = first.map(\.param)
        var specs: [String] = []
        var problem: String?
        var shapeClasses = 0
        var generalised: [String: [Int?]?] = [:]
        for (position, name) in names.enumerated() {
            let observations = calls.compactMap { $0.count > position ? $0[position] : nil }
            let kinds = Set(observations.map(\.kind))
            guard kinds.isSubset(of: ["Tensor", "ndarray"]) else {
                problem = problem ?? "`\(name)` receives \(kinds.sorted().joined(separator: ", ")), which a TensorSpec cannot describe"
                continue
            }
            let dtypes = Set(observations.compactMap(\.dtype))
            guard dtypes.count == 1, let dtype = dtypes.first else {
                problem = problem ?? "`\(name)` receives several dtypes (\(dtypes.sorted().joined(separator: ", ")))"
                continue
            }
            let shapes = observations.compactMap { $0.shape.flatMap(parse) }
            let distinctShapes = Set(shapes.map { $0.map { $0.map(String.init) ?? "None" }.joined(separator: ",") })
            shapeClasses = max(shapeClasses, distinctShapes.count)
            generalised[name] = generalisedDimensions(shapes)
            specs.append("tf.TensorSpec(shape=\(generalise(shapes)), dtype=tf.\(dtype))")
        }
        if let problem { return Result(spelling: nil, problem: problem, shapeClasses: shapeClasses, shapes: generalised) }
        return Result(spelling: "[" + specs.joined(separator: ", ") + "]", problem: nil, shapeClasses: shapeClasses,
                      shapes: generalised)
    }

    /// "[8, 4]" → [8, 4]; "[None, 4]" → [nil, 4]; "<unknown>" → nil.
    static func parse(_ text: String) -> [Int?]? {
        guard text.hasPrefix("["), text.hasSuffix("]") else { return nil }
        let inner = text.dropFirst().dropLast()
        if inner.trimmingCharacters(in: .whitespaces).isEmpty { return [] }
        return inner.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    }

    static func generalise(_ shapes: [[Int?]]) -> String {
        guard let dims = generalisedDimensions(shapes) else { return "None" }
        return "[" + dims.map { $0.map(String.init) ?? "None" }.joined(separator: ", ") + "]"
    }

    /// Dimension by dimension, `nil` where observations differ; nil for differing ranks.
    static func generalisedDimensions(_ shapes: [[Int?]]) -> [Int?]? {
        guard let first = shapes.first, shapes.allSatisfy({ $0.count == first.count }) else { return nil }
        return (0..<first.count).map { index -> Int? in
            let values = Set(shapes.map { $0[index] })
            if values.count == 1, let only = values.first { return only }
            return nil
        }
    }
}
