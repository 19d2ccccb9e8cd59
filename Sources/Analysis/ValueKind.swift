/// What a value is, as far as static analysis can tell: the lattice the tensor inference works on.
public enum ValueKind: Hashable, Sendable {
    case tensor
    case variable
    case dataset
    case ndarray
    case kerasTensor
    /// A Keras model or layer: calling it returns tensors.
    case kerasObject
    /// A Python literal's type: int, float, str, bool, None.
    case primitive(String)
    /// A list, tuple or dict holding values of this kind.
    indirect case container(ValueKind)
    /// An instance of a project class.
    case instance(String)
    case unknown

    /// SPEC §2 tensorParameter: tensors, variables, tensor-valued dataset elements, numpy arrays,
    /// and containers of these.
    public var isTensorLike: Bool {
        switch self {
        case .tensor, .variable, .ndarray, .kerasTensor: return true
        case .container(let element): return element.isTensorLike
        default: return false
        }
    }

    /// SPEC §2 primitiveParameter: int, float, str or containers of them; None and bool excluded.
    public var isRetracingLiteral: Bool {
        switch self {
        case .primitive(let type): return type == "int" || type == "float" || type == "str" || type == "literal"
        case .container(let element): return element.isRetracingLiteral
        default: return false
        }
    }

    /// The join of two observations of one value: equal kinds stay, anything else is unknown.
    func joined(with other: ValueKind) -> ValueKind {
        if self == other { return self }
        if self == .unknown { return other }
        if other == .unknown { return self }
        if case .primitive(let a) = self, case .primitive(let b) = other {
            if a == "None" { return other }
            if b == "None" { return self }
            // 3 at one call and 2.5 at another: still Python literals, each one a retrace.
            return isRetracingLiteral && other.isRetracingLiteral ? .primitive("literal") : .unknown
        }
        if case .container(let a) = self, case .container(let b) = other { return .container(a.joined(with: b)) }
        if isTensorLike && other.isTensorLike { return .tensor }
        return .unknown
    }

    public var description: String {
        switch self {
        case .tensor: return "Tensor"
        case .variable: return "Variable"
        case .dataset: return "Dataset"
        case .ndarray: return "ndarray"
        case .kerasTensor: return "KerasTensor"
        case .kerasObject: return "Keras model/layer"
        case .primitive(let type): return type
        case .container(let element): return "container of \(element.description)"
        case .instance(let name): return name
        case .unknown: return "unknown"
        }
    }
}
