import CPython
import CPythonShim
import PythonRuntime

/// What the tracer does with a value of a given type; decided once per type by
/// `hybridize_runtime.classify_type`.
enum ValueCategory: String {
    case tensor, variable, ndarray, dataset
    case bool, int, float, str, none
    case list, tuple, dict
    case iterator, object, `static`

    var isPrimitive: Bool { self == .bool || self == .int || self == .float || self == .str }
    var isContainer: Bool { self == .list || self == .tuple || self == .dict }
    /// Objects whose writes outlive a call: watched for attribute, item and iterator effects.
    var isWatchable: Bool { self == .object || self == .iterator || isContainer }
}

/// A classified type: its SPEC §6 kind name and how its values are read.
struct TypeInfo {
    enum ShapeReader { case eagerTensor, ndarray, generic, none }

    let kind: String
    let kindID: Int32
    let category: ValueCategory
    let shapeReader: ShapeReader
    let hasInstanceDict: Bool
}
