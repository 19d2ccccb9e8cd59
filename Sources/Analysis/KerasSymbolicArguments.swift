import PythonSyntax

/// SPEC §3 code 23: the project functions some call site passes a Keras symbolic tensor, the
/// result of `keras.Input` or of a layer or model applied to one: a functional model being
/// built. A `tf.function` converts its tensor arguments at the call boundary, and a KerasTensor
/// refuses (Keras 3.15 backend/common/keras_tensor.py: `KerasTensor.__tf_tensor__` and
/// `__array__` raise ValueError "A KerasTensor is symbolic..."). A Keras layer's own `call` is
/// exempt: `Layer.__call__` runs it on backend placeholders, not on the KerasTensors
/// (layers/layer.py `compute_output_spec`), so a hybrid `call` builds fine.
struct KerasSymbolicArguments {
    let kinds: KindInference
    let hierarchy: ClassHierarchy

    /// Each function some call site passes a KerasTensor, with the first such site in words.
    func find(in index: ProjectIndex) -> [Int: String] {
        var found: [Int: String] = [:]
        for function in index.functions {
            guard let resolver = kinds.resolvers[function.id] else { continue }
            for inner in resolver.ownCalls {
                do {
                    guard case .call(let call) = inner.kind,
                        let symbolic = (call.arguments + call.keywords.map(\.value)).first(where: { isSymbolic($0, in: function) })
                    else { continue }
                    for case .project(let id) in kinds.targets(of: call, in: function).targets where found[id] == nil {
                        if isKerasLayerCall(index.functions[id]) { continue }
                        let what = symbolic.dottedText.map { "`\($0)`" } ?? "a value"
                        found[id] = "\(function.file):\(inner.range.line) passes \(what), a Keras symbolic tensor (a functional model being built)"
                    }
                }
            }
        }
        return found
    }

    private func isSymbolic(_ argument: Expression, in function: FunctionNode) -> Bool {
        switch kinds.kind(of: argument, in: function) {
        case .kerasTensor, .container(.kerasTensor): return true
        default: return false
        }
    }

    private func isKerasLayerCall(_ function: FunctionNode) -> Bool {
        function.kind == .method && function.qualname.split(separator: ".").last == "call"
            && function.owningClass.map(hierarchy.isKerasLayer) == true
    }
}
