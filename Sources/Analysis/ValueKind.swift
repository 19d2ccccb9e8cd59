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
    /// Values of kinds no one kind covers: a tensor at one call site and an int at another, a
    /// model here and a function there. The top of the lattice, by what it may hold: joins only
    /// add to it, so the inference's fixpoint settles instead of flipping between kinds.
    case mixed(MixedKinds)
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
    /// from ever settling. The cut-off nesting becomes `mixed`, above what it replaces, so that
    /// joins keep going up (as `unknown`, below it, a recursive function returning a list of
    /// its own results flipped between the two forever).
    static func containing(_ element: ValueKind) -> ValueKind {
        element.containerDepth >= 3 ? .container(.mixed(MixedKinds(element))) : .container(element)
    }

    private var containerDepth: Int {
        if case .container(let element) = self { return 1 + element.containerDepth }
        return 0
    }

    /// Nothing static says what the value is: unknown, picked at run time, or of several kinds.
    public var isUndetermined: Bool {
        if case .mixed = self { return true }
        return self == .unknown || self == .dynamic || self == .dynamicModule
    }

    /// A tensor-like value on some paths at least (SPEC §2: a parameter that receives a tensor at
    /// one call site receives tensors, whatever the others pass).
    public var mayBeTensor: Bool {
        switch self {
        case .mixed(let mixed): return mixed.mayBeTensor
        case .container(let element): return element.mayBeTensor
        default: return isTensorLike
        }
    }

    /// A Python int, float or str on some paths at least: each new one retraces a graph.
    public var mayBeRetracingLiteral: Bool {
        if case .mixed(let mixed) = self { return mixed.mayBeLiteral }
        if case .container(let element) = self, case .mixed(let mixed) = element { return mixed.mayBeLiteral }
        return isRetracingLiteral
    }

    /// Of several kinds (the lattice's top, by flags).
    public var isMixed: Bool {
        if case .mixed = self { return true }
        return false
    }

    /// A Keras model or layer, the library's or a project subclass.
    public var isKerasObject: Bool {
        if case .kerasObject = self { return true }
        return false
    }

    /// The join of two observations of one value: equal kinds stay, compatible ones meet in the
    /// kind that covers both, anything else is `mixed`. `unknown` (and a run-time value) is the
    /// bottom: it yields to what other observations know. The join is monotone and the lattice
    /// has a finite height (containers nest at most three deep, sets of project functions and
    /// classes are finite), which is what lets `KindInference` iterate to a fixpoint.
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
            if isRetracingLiteral && other.isRetracingLiteral { return .primitive("literal") }
        }
        if case .container(let a) = self, case .container(let b) = other { return .container(a.joined(with: b)) }
        if isTensorLike && other.isTensorLike { return .tensor }
        return .mixed(MixedKinds(self).union(MixedKinds(other)))
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
        case .mixed(let mixed):
            switch (mixed.mayBeTensor, mixed.mayBeLiteral) {
            case (true, true): return "tensor or Python literal, by call"
            case (true, false): return "tensor at some calls, another kind at others"
            case (false, true): return "Python literal at some calls, another kind at others"
            case (false, false): return "value of several kinds"
            }
        case .unknown: return "unknown"
        }
    }
}

/// What a value of several kinds may be, as far as the analysis uses it: a tensor (a tensor
/// computation, a tensor parameter), a Python literal (a retrace), or one of some project
/// functions and classes (calls of it still reach them).
public struct MixedKinds: Hashable, Sendable {
    public var mayBeTensor = false
    public var mayBeLiteral = false
    public var functions: Set<Int> = []
    public var classes: Set<Int> = []
    /// Too many callables to follow: a value that holds any of dozens of functions (a framework
    /// decorator's `fn`, which every decorated function reaches) calls nothing that can be told
    /// apart, and carrying the sets everywhere it flows made the Keras sources' analysis three
    /// times slower. Once set, the sets stay empty: this is the top of their part of the lattice.
    public var callablesOverflowed = false
    static let maximumCallables = 4

    init(_ kind: ValueKind) {
        switch kind {
        case .mixed(let mixed): self = mixed
        case .functions(let ids): functions = ids
        case .classes(let ids): classes = ids
        default:
            mayBeTensor = kind.mayBeTensor
            mayBeLiteral = kind.mayBeRetracingLiteral
        }
        capCallables()
    }

    func union(_ other: MixedKinds) -> MixedKinds {
        var joined = self
        joined.mayBeTensor = mayBeTensor || other.mayBeTensor
        joined.mayBeLiteral = mayBeLiteral || other.mayBeLiteral
        joined.callablesOverflowed = callablesOverflowed || other.callablesOverflowed
        joined.functions.formUnion(other.functions)
        joined.classes.formUnion(other.classes)
        joined.capCallables()
        return joined
    }

    private mutating func capCallables() {
        if callablesOverflowed || functions.count + classes.count > Self.maximumCallables {
            callablesOverflowed = true
            functions = []
            classes = []
        }
    }
}
