/// The vocabulary of `signature_params.kind` (SPEC §6), read in this one place: the tracer writes
/// a fixed name for tensors, arrays, datasets and Python primitives, and a class name for anything
/// else (`Classifier`, `Adam`, `function`).
public enum ObservedKind: Equatable, Sendable {
    /// `tf.Tensor` (eager or symbolic), `tf.Variable`, ragged, sparse, `IndexedSlices`, a Keras
    /// symbolic tensor: what tf.function traces by shape and dtype.
    case tensor
    /// A numpy array: tf.function converts it and traces it by shape and dtype as a tensor.
    case ndarray
    /// A `tf.data.Dataset`: traced by its element spec.
    case dataset
    /// A tf.data iterator: a composite tensor, traced by spec, not by identity.
    case datasetIterator
    /// `int`, `float`, `str`, `bool` and numpy scalars: tf.function traces a new graph per value.
    case primitive(isBool: Bool)
    case none
    /// `list`, `tuple`, `dict`: traced element by element.
    case container
    /// Functions, classes, modules: traced by identity, but not counted by the tracer.
    case callable
    /// A model, optimizer, config...: tf.function traces a new graph per object identity.
    case object

    public static let tensorKinds: Set<String> = [
        "Tensor", "Variable", "RaggedTensor", "SparseTensor", "IndexedSlices", "KerasTensor",
    ]
    static let callableKinds: Set<String> = [
        "function", "method", "builtin_function_or_method", "type", "module", "partial", "cython_function_or_method",
    ]
    static let numpyScalars: Set<String> = [
        "float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
        "bool_",
    ]

    public init(_ kind: String) {
        switch kind {
        case _ where Self.tensorKinds.contains(kind): self = .tensor
        case "ndarray": self = .ndarray
        case "Dataset": self = .dataset
        case "DatasetIterator": self = .datasetIterator
        case "bool", "bool_": self = .primitive(isBool: true)
        case "int", "float", "str": self = .primitive(isBool: false)
        case _ where Self.numpyScalars.contains(kind): self = .primitive(isBool: false)
        case "None": self = .none
        case "list", "tuple", "dict": self = .container
        case "<unbound>": self = .none
        case _ where Self.callableKinds.contains(kind): self = .callable
        default: self = .object
        }
    }

    /// SPEC §2 tensorParameter: a tensor, an array, a dataset, or a container holding one.
    public static func isTensorLike(_ observation: ParamObservation) -> Bool {
        switch ObservedKind(observation.kind) {
        case .tensor, .ndarray, .dataset, .datasetIterator: return true
        case .container: return elementKinds(observation).contains { [.tensor, .ndarray].contains(ObservedKind($0)) }
        default: return false
        }
    }

    /// SPEC §2 primitiveParameter: a Python literal, or a container of nothing but literals, whose
    /// every new value retraces. `bool` counts only when asked (SPEC §2 excludes it by default).
    public static func isRetracingLiteral(_ observation: ParamObservation, countingBools: Bool) -> Bool {
        func literal(_ kind: ObservedKind) -> Bool {
            if case .primitive(let isBool) = kind { return countingBools || !isBool }
            return false
        }
        let kind = ObservedKind(observation.kind)
        if kind == .container {
            let elements = elementKinds(observation)
            return !elements.isEmpty && elements.allSatisfy { literal(ObservedKind($0)) }
        }
        return literal(kind)
    }

    /// A parameter tf.function would trace by object identity (SPEC §3 code 31).
    public static func isTracedByIdentity(_ kind: String) -> Bool {
        ObservedKind(kind) == .object
    }

    static func elementKinds(_ observation: ParamObservation) -> [String] {
        (observation.elements ?? "").split(separator: "|").map(String.init)
    }
}
