/// Which project classes descend from Keras `Model` or `Layer`, through any import spelling and
/// through project base classes in other modules.
public struct ClassHierarchy: Sendable {
    /// Keras 3 exports Model and Layer under several paths (keras.Model, keras.models.Model,
    /// keras.src.models.model.Model; tf.keras is Keras in TF 2.21); tf_keras is Keras 2.
    static let modelNames: Set<String> = [
        "keras.Model", "keras.models.Model", "keras.Sequential", "keras.models.Sequential",
        "keras.src.models.model.Model", "keras.src.models.sequential.Sequential", "keras.src.models.functional.Functional",
    ]
    static let layerNames: Set<String> = [
        "keras.layers.Layer", "keras.Layer", "keras.src.layers.layer.Layer", "keras.src.engine.base_layer.Layer",
    ]

    private var modelClasses: Set<Int> = []
    private var layerClasses: Set<Int> = []

    public init(index: ProjectIndex) {
        for node in index.classes {
            let external = Self.externalAncestors(of: node, index: index).map(APITable.normalize)
            if external.contains(where: Self.modelNames.contains) {
                modelClasses.insert(node.id)
                layerClasses.insert(node.id)  // a Model is a Layer
            } else if external.contains(where: Self.layerNames.contains) {
                layerClasses.insert(node.id)
            }
        }
    }

    public func isKerasModel(_ node: ClassNode) -> Bool { modelClasses.contains(node.id) }
    public func isKerasLayer(_ node: ClassNode) -> Bool { layerClasses.contains(node.id) }

    /// The dotted names of the non-project classes a class descends from.
    static func externalAncestors(of node: ClassNode, index: ProjectIndex) -> [String] {
        var found: [String] = []
        var pending = [node]
        var seen: Set<Int> = []
        while let current = pending.popLast() {
            guard seen.insert(current.id).inserted else { continue }
            for base in current.bases {
                guard let dotted = index.resolver.qualifiedName(of: base, in: current.module) else { continue }
                if let project = index.class(named: dotted) {
                    pending.append(project)
                } else {
                    found.append(dotted)
                }
            }
        }
        return found
    }
}
