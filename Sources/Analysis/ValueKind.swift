/// What a value is, as far as static analysis can tell: the lattice the tensor inference works on.
public enum ValueKind: Hashable, Sendable {
    case tensor
    case variable
    case dataset
    case ndarray
    case kerasTensor
    /// A Keras model or layer: calling it returns tensors. The project class it is an instance
    /// of, when the project defines it (a `Model` subclass whose `call` the project wrote).
    case kerasObject(projectClass: String?)
    /// A Python literal's type: int, float, str, bool, None.
    case primitive(String)
    /// A list, tuple or dict holding values of this kind.
    indirect case container(ValueKind)
    /// An instance of a project class.
    case instance(String)
    /// One of these project functions, methods or lambdas (by index id): a function passed as a
    /// value, kept in a container, or returned by a factory. Calling it calls them.
    case functions(Set<Int>)
    /// One of these project classes (by index id), as a value: calling it constructs one.
    case classes(Set<Int>)
    /// A library function, class or module as a value (`tf.nn.relu` passed as `activation`).
    case library(CallTarget)
    /// A value loaded or looked up at run time (`pickle.load`, `getattr(obj, name)`,
    /// `globals()[name]`): it could be anything, the project's own functions included, so a
    /// call of it is a call nothing resolves.
    case dynamic
    /// A module imported by a name computed at run time: its attributes are `dynamic`.
    case dynamicModule
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
    public var isRetracingLiteral: Bool { isRetracingLiteral(countingBools: false) }

    /// The same, with `bool` counted when asked: a Python bool is part of `tf.function`'s cache
    /// key like any literal, but a flag such as `training` has two values, so two traces at most.
    public func isRetracingLiteral(countingBools: Bool) -> Bool {
        switch self {
        case .primitive(let type):
            return type == "int" || type == "float" || type == "str" || type == "literal" || (countingBools && type == "bool")
        case .container(let element): return element.isRetracingLiteral(countingBools: countingBools)
        default: return false
        }
    }

    /// A container of `element`. Nesting deeper than three levels says nothing more (a
    /// shape of shapes of shapes), and letting it grow would keep a loop such as `x = [x]`
    /// from ever settling.
    static func containing(_ element: ValueKind) -> ValueKind {
        element.containerDepth >= 3 ? .container(.unknown) : .container(element)
    }

    private var containerDepth: Int {
        if case .container(let element) = self { return 1 + element.containerDepth }
        return 0
    }

    /// Nothing static says what the value is: unknown, or picked at run time.
    public var isUndetermined: Bool { self == .unknown || self == .dynamic || self == .dynamicModule }

    /// A Keras model or layer, the library's or a project subclass.
    public var isKerasObject: Bool {
        if case .kerasObject = self { return true }
        return false
    }

    /// The join of two observations of one value: equal kinds stay, anything else is unknown.
    func joined(with other: ValueKind) -> ValueKind {
        if self == other { return self }
        // Like `unknown`, a run-time value yields to what other observations know; between the
        // two, it is the more telling.
        if self == .unknown || self == .dynamic { return other == .unknown ? self : other }
        if other == .unknown || other == .dynamic { return self }
        switch (self, other) {
        case (.functions(let a), .functions(let b)): return .functions(a.union(b))
        case (.classes(let a), .classes(let b)): return .classes(a.union(b))
        case (.kerasObject(let a), .kerasObject(let b)): return .kerasObject(projectClass: a == b ? a : nil)
        // An optional callback or model: `None` at one call, a function or an object at another.
        case (.primitive("None"), .functions), (.primitive("None"), .instance), (.primitive("None"), .kerasObject):
            return other
        case (.functions, .primitive("None")), (.instance, .primitive("None")), (.kerasObject, .primitive("None")):
            return self
        default: break
        }
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
        case .functions(let ids): return ids.count == 1 ? "function" : "one of \(ids.count) functions"
        case .classes(let ids): return ids.count == 1 ? "class" : "one of \(ids.count) classes"
        case .library(.external(let name)), .library(.builtin(let name)): return "`\(name)`"
        case .library: return "library value"
        case .dynamic: return "value looked up or loaded at run time"
        case .dynamicModule: return "module imported by a name computed at run time"
        case .unknown: return "unknown"
        }
    }
}
