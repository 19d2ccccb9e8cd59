import CPython
import CPythonShim
import PythonRuntime

/// Turns argument values into `ParamObservation`s: kind, dtype, shape, element kinds, and a
/// bounded literal. Type decisions and dtype names are cached by object address (types and dtypes
/// are long-lived singletons; the cache holds a reference so an address is never reused).
final class ValueClassifier {
    static let maximumLiteralLength = 40
    static let maximumElementsInspected = 8

    private let classifyType: PyRef
    private let describe: PyRef
    private var types: [UInt: (type: PyRef, info: TypeInfo)] = [:]
    private var dtypeNames: [UInt: (dtype: PyRef, name: String)] = [:]
    private var eagerDTypeNames: [Int: String] = [:]
    private let shapeTupleName: PyRef
    private let dtypeEnumName: PyRef
    private let shapeName: PyRef
    private let dtypeName: PyRef
    private let nameName: PyRef
    private var dtypeFromEnum: PyRef?

    init(helpers: PyRef) throws {
        classifyType = try helpers.attribute("classify_type")
        describe = try helpers.attribute("describe")
        shapeTupleName = try Python.makeString("_shape_tuple")
        dtypeEnumName = try Python.makeString("_datatype_enum")
        shapeName = try Python.makeString("shape")
        dtypeName = try Python.makeString("dtype")
        nameName = try Python.makeString("name")
    }

    /// The type's classification; may run Python (once per type).
    func info(of object: PyObjectPointer) -> TypeInfo {
        let type = UnsafeMutableRawPointer(hyb_type(object)).assumingMemoryBound(to: PyObject.self)
        let key = UInt(bitPattern: type)
        if let cached = types[key] {
            return cached.info
        }
        let info = classify(type: type)
        types[key] = (PyRef(borrowing: type), info)
        return info
    }

    private func classify(type: PyObjectPointer) -> TypeInfo {
        var kind = "object"
        var category = ValueCategory.object
        if let result = try? classifyType.call(PyRef(borrowing: type)), hyb_is_tuple(result.pointer) != 0,
            hyb_tuple_size(result.pointer) == 2
        {
            kind = Python.string(hyb_tuple_item(result.pointer, 0)) ?? kind
            category = Python.string(hyb_tuple_item(result.pointer, 1)).flatMap(ValueCategory.init(rawValue:)) ?? category
        } else {
            PyErr_Clear()
        }
        let reader: TypeInfo.ShapeReader
        switch category {
        case .ndarray: reader = .ndarray
        case .tensor where PyObject_HasAttr(type, shapeTupleName.pointer) != 0
            && PyObject_HasAttr(type, dtypeEnumName.pointer) != 0 && kind == "Tensor":
            reader = .eagerTensor
        case .tensor, .variable, .dataset: reader = .generic
        default: reader = .none
        }
        let typeObject = UnsafeMutableRawPointer(type).assumingMemoryBound(to: PyTypeObject.self)
        let hasDict = typeObject.pointee.tp_dictoffset != 0
        return TypeInfo(kind: kind, category: category, shapeReader: reader, hasInstanceDict: hasDict)
    }

    /// Observes one parameter value. `literal` receives the bounded repr of primitives.
    func observe(_ value: PyObjectPointer, param: String) -> (ParamObservationDraft, TypeInfo) {
        let info = info(of: value)
        var draft = ParamObservationDraft(param: param, kind: info.kind)
        switch info.shapeReader {
        case .eagerTensor: readEagerTensor(value, into: &draft)
        case .ndarray: readArray(value, into: &draft)
        case .generic: readGeneric(value, into: &draft)
        case .none: break
        }
        if info.category.isPrimitive {
            draft.value = literal(value)
        } else if info.category.isContainer {
            summarizeContainer(value, category: info.category, into: &draft)
        }
        return (draft, info)
    }

    private func readEagerTensor(_ value: PyObjectPointer, into draft: inout ParamObservationDraft) {
        // EagerTensor._datatype_enum and _shape_tuple are C methods: no Python frames, no TensorShape.
        if let number = PyObject_CallMethodNoArgs(value, dtypeEnumName.pointer) {
            let code = PyLong_AsLong(number)
            hyb_decref(number)
            draft.dtype = eagerDTypeName(code)
        } else {
            PyErr_Clear()
        }
        if let tuple = PyObject_CallMethodNoArgs(value, shapeTupleName.pointer) {
            draft.shape = shapeText(tuple)
            hyb_decref(tuple)
        } else {
            PyErr_Clear()
        }
    }

    private func eagerDTypeName(_ code: Int) -> String? {
        if let name = eagerDTypeNames[code] {
            return name
        }
        if dtypeFromEnum == nil {
            dtypeFromEnum = try? Python.importModule("tensorflow").attribute("dtypes").attribute("as_dtype")
        }
        guard let converter = dtypeFromEnum, let number = try? Python.makeInt(code),
            let dtype = try? converter.call(number), let name = try? dtype.attribute("name").text
        else {
            PyErr_Clear()
            return nil
        }
        eagerDTypeNames[code] = name
        return name
    }

    private func readArray(_ value: PyObjectPointer, into draft: inout ParamObservationDraft) {
        if let dtype = PyObject_GetAttr(value, dtypeName.pointer) {
            draft.dtype = cachedDTypeName(dtype)
            hyb_decref(dtype)
        } else {
            PyErr_Clear()
        }
        if let shape = PyObject_GetAttr(value, shapeName.pointer) {
            draft.shape = shapeText(shape)
            hyb_decref(shape)
        } else {
            PyErr_Clear()
        }
    }

    private func cachedDTypeName(_ dtype: PyObjectPointer) -> String? {
        let key = UInt(bitPattern: dtype)
        if let cached = dtypeNames[key] {
            return cached.name
        }
        guard let name = PyObject_GetAttr(dtype, nameName.pointer) else {
            PyErr_Clear()
            return nil
        }
        defer { hyb_decref(name) }
        let text = Python.string(name) ?? "?"
        if dtypeNames.count < 4096 {
            dtypeNames[key] = (PyRef(borrowing: dtype), text)
        }
        return text
    }

    private func readGeneric(_ value: PyObjectPointer, into draft: inout ParamObservationDraft) {
        guard let pair = try? describe.call(PyRef(borrowing: value)), hyb_is_tuple(pair.pointer) != 0,
            hyb_tuple_size(pair.pointer) == 2
        else {
            PyErr_Clear()
            return
        }
        draft.dtype = Python.string(hyb_tuple_item(pair.pointer, 0))
        draft.shape = Python.string(hyb_tuple_item(pair.pointer, 1))
    }

    /// "[32, 8]" from a tuple of ints (None for unknown dimensions); "<unknown>" for None.
    private func shapeText(_ tuple: PyObjectPointer) -> String {
        if tuple == hyb_none() {
            return "<unknown>"
        }
        guard hyb_is_tuple(tuple) != 0 else { return Python.string(tuple) ?? "?" }
        var text = "["
        for index in 0..<hyb_tuple_size(tuple) {
            if index > 0 { text += ", " }
            let dimension = hyb_tuple_item(tuple, index)!
            if dimension == hyb_none() {
                text += "None"
            } else {
                let number = PyLong_AsLong(dimension)
                if number == -1 && PyErr_Occurred() != nil {
                    PyErr_Clear()
                    text += "?"
                } else {
                    text += String(number)
                }
            }
        }
        return text + "]"
    }

    private func literal(_ value: PyObjectPointer) -> String? {
        guard let representation = PyObject_Repr(value) else {
            PyErr_Clear()
            return nil
        }
        defer { hyb_decref(representation) }
        guard let text = Python.unicode(representation) else { return nil }
        if text.count <= Self.maximumLiteralLength {
            return text
        }
        return String(text.prefix(Self.maximumLiteralLength - 1)) + "…"
    }

    private func summarizeContainer(
        _ value: PyObjectPointer, category: ValueCategory, into draft: inout ParamObservationDraft
    ) {
        var kinds: [String] = []
        var allPrimitive = true
        func note(_ element: PyObjectPointer) {
            let elementInfo = info(of: element)
            if !kinds.contains(elementInfo.kind) { kinds.append(elementInfo.kind) }
            if !elementInfo.category.isPrimitive && elementInfo.category != .none { allPrimitive = false }
        }
        var count = 0
        switch category {
        case .list:
            count = hyb_list_size(value)
            for index in 0..<min(count, Self.maximumElementsInspected) { note(hyb_list_item(value, index)) }
        case .tuple:
            count = hyb_tuple_size(value)
            for index in 0..<min(count, Self.maximumElementsInspected) { note(hyb_tuple_item(value, index)) }
        case .dict:
            count = PyDict_Size(value)
            var position = 0
            var key: PyObjectPointer?
            var element: PyObjectPointer?
            var seen = 0
            while seen < Self.maximumElementsInspected, PyDict_Next(value, &position, &key, &element) != 0 {
                if let element { note(element) }
                seen += 1
            }
        default: break
        }
        if count > Self.maximumElementsInspected { allPrimitive = false }
        draft.elements = kinds.isEmpty ? nil : kinds.joined(separator: "|")
        draft.shape = "len \(count)"
        if allPrimitive && count > 0 {
            draft.value = literal(value)
        }
    }
}

/// A parameter observation before its literal is folded against the per-parameter bound.
struct ParamObservationDraft {
    var param: String
    var kind: String
    var dtype: String?
    var shape: String?
    var elements: String?
    var value: String?
}
