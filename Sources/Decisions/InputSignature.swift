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

    /// `partners`: the parameters each parameter meets as the other operand of a binary op. A
    /// numpy argument takes its partners' dtype when they have exactly one (SPEC §3 code 22):
    /// eagerly every op converted it to that dtype, and under the signature tf.function does so
    /// at the call (TF 2.21 converts a float64 array to a float32 TensorSpec's dtype).
    static func derive(_ calls: [[ParamObservation]], partners: [String: Set<String>] = [:]) -> Result {
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
            var dtypes = Set(observations.compactMap(\.dtype))
            if kinds == ["ndarray"], let names = partners[name] {
                let partnerDTypes = Set(calls.flatMap { call in
                    call.filter { names.contains($0.param) && ObservedKind($0.kind) == .tensor }.compactMap(\.dtype)
                })
                if partnerDTypes.count == 1 {
                    dtypes = partnerDTypes
                } else if partnerDTypes.count > 1 {
                    problem = problem ?? "`\(name)` meets tensors of several dtypes (\(partnerDTypes.sorted().joined(separator: ", "))), which one signature dtype cannot serve"
                    continue
                }
            }
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

    /// Per parameter observed as a tensor or array, the dimensions whose size differed between
    /// calls, counted from the front and from the end (nil: the rank differed).
    static func varyingDimensions(_ calls: [[ParamObservation]]) -> [String: Set<Int>?] {
        var shapes: [String: [[Int?]]] = [:]
        for call in calls {
            for observation in call where ["Tensor", "ndarray"].contains(observation.kind) {
                if let shape = observation.shape.flatMap(parse) { shapes[observation.param, default: []].append(shape) }
            }
        }
        var varying: [String: Set<Int>?] = [:]
        for (name, observed) in shapes {
            guard let first = observed.first else { continue }
            guard observed.allSatisfy({ $0.count == first.count }) else {
                varying[name] = .some(nil)
                continue
            }
            let dimensions = (0..<first.count).filter { index in Set(observed.map { $0[index] }).count > 1 }
            // Each also by its index from the end (`x.shape[-1]`), since the rank is fixed.
            if !dimensions.isEmpty { varying[name] = .some(Set(dimensions + dimensions.map { $0 - first.count })) }
        }
        return varying
    }

    /// The dtype of a numpy argument, an array or a scalar (whose kind is its type's name).
    static func numpyDType(of observation: ParamObservation) -> String? {
        if observation.kind == "ndarray" { return observation.dtype }
        return ["float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
            .contains(observation.kind) ? observation.kind : nil
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
