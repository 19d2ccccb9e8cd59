import CPython
import CPythonShim
import PythonRuntime

/// Turns argument values into `ParamFingerprint`s: kind, dtype, shape, element kinds, and a
/// bounded literal, as interned ids. Types and dtypes are cached by address, with a reference
/// held so that an address is never reused while it is cached.
final class ValueClassifier {
    static let maximumLiteralLength = 40
    static let maximumElementsInspected = 8

    let strings: StringTable
    private let classifyType: PyRef
    private let describe: PyRef
    private var types: [UInt: (type: PyRef, info: TypeInfo)] = [:]
    private var dtypeIDs: [UInt: (dtype: PyRef, id: Int32)] = [:]
    private var eagerDTypeIDs: [Int: Int32] = [:]
    private var shapeIDs: [UInt64: Int32] = [:]
    private let shapeTupleName: PyRef
    private let dtypeEnumName: PyRef
    private let shapeName: PyRef
    private let dtypeName: PyRef
    private let nameName: PyRef
    private var dtypeFromEnum: PyRef?

    init(helpers: PyRef, strings: StringTable) throws {
        self.strings = strings
        classifyType = try helpers.attribute("classify_type")
        describe = try helpers.attribute("describe")
        shapeTupleName = try Python.makeString("_shape_tuple")
        dtypeEnumName = try Python.makeString("_datatype_enum")
        shapeName = try Python.makeString("shape")
        dtypeName = try Python.makeString("dtype")
        nameName = try Python.makeString("name")
    }

    /// The type's classification; runs Python once per type.
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
        case .tensor where kind == "Tensor" && PyObject_HasAttr(type, shapeTupleName.pointer) != 0
            && PyObject_HasAttr(type, dtypeEnumName.pointer) != 0:
            reader = .eagerTensor
        case .tensor, .variable, .dataset: reader = .generic
        default: reader = .none
        }
        let typeObject = UnsafeMutableRawPointer(type).assumingMemoryBound(to: PyTypeObject.self)
        return TypeInfo(kind: kind, kindID: strings.id(kind), category: category, shapeReader: reader,
                        hasInstanceDict: typeObject.pointee.tp_dictoffset != 0)
    }

    /// Observes one argument. For a primitive, or a small container of primitives, `literalHash`
    /// tells its value apart; its text is made only if the caller keeps it (`literalID`).
    func observe(_ value: PyObjectPointer) -> (fingerprint: ParamFingerprint, info: TypeInfo, literalHash: Int?) {
        let info = info(of: value)
        var literalHash: Int?
        var fingerprint = ParamFingerprint(kind: info.kindID)
        switch info.shapeReader {
        case .eagerTensor: readEagerTensor(value, into: &fingerprint)
        case .ndarray: readArray(value, into: &fingerprint)
        case .generic: readGeneric(value, into: &fingerprint)
        case .none: break
        }
        if info.category.isPrimitive {
            let hash = PyObject_Hash(value)
            if hash == -1 { PyErr_Clear() }
            literalHash = hash
        } else if info.category.isContainer {
            literalHash = summarizeContainer(value, category: info.category, into: &fingerprint)
        }
        return (fingerprint, info, literalHash)
    }

    private func readEagerTensor(_ value: PyObjectPointer, into fingerprint: inout ParamFingerprint) {
        // EagerTensor._datatype_enum and _shape_tuple are C methods: no Python frames, no TensorShape.
        if let number = PyObject_CallMethodNoArgs(value, dtypeEnumName.pointer) {
            let code = PyLong_AsLong(number)
            hyb_decref(number)
            fingerprint.dtype = eagerDTypeID(code)
        } else {
            PyErr_Clear()
        }
        if let tuple = PyObject_CallMethodNoArgs(value, shapeTupleName.pointer) {
            fingerprint.shape = shapeID(tuple)
            hyb_decref(tuple)
        } else {
            PyErr_Clear()
        }
    }

    private func eagerDTypeID(_ code: Int) -> Int32 {
        if let id = eagerDTypeIDs[code] {
            return id
        }
        if dtypeFromEnum == nil {
            dtypeFromEnum = try? Python.importModule("tensorflow").attribute("dtypes").attribute("as_dtype")
        }
        guard let converter = dtypeFromEnum, let number = try? Python.makeInt(code),
            let dtype = try? converter.call(number), let name = try? dtype.attribute("name").text
        else {
            PyErr_Clear()
            return StringTable.none
        }
        let id = strings.id(name)
        eagerDTypeIDs[code] = id
        return id
    }

    private func readArray(_ value: PyObjectPointer, into fingerprint: inout ParamFingerprint) {
        if let dtype = PyObject_GetAttr(value, dtypeName.pointer) {
            fingerprint.dtype = dtypeID(dtype)
            hyb_decref(dtype)
        } else {
            PyErr_Clear()
        }
        if let shape = PyObject_GetAttr(value, shapeName.pointer) {
            fingerprint.shape = shapeID(shape)
            hyb_decref(shape)
        } else {
            PyErr_Clear()
        }
    }

    private func dtypeID(_ dtype: PyObjectPointer) -> Int32 {
        let key = UInt(bitPattern: dtype)
        if let cached = dtypeIDs[key] {
            return cached.id
        }
        guard let name = PyObject_GetAttr(dtype, nameName.pointer) else {
            PyErr_Clear()
            return StringTable.none
        }
        defer { hyb_decref(name) }
        let id = strings.id(Python.string(name) ?? "?")
        if dtypeIDs.count < 4096 {
            dtypeIDs[key] = (PyRef(borrowing: dtype), id)
        }
        return id
    }

    private func readGeneric(_ value: PyObjectPointer, into fingerprint: inout ParamFingerprint) {
        guard let pair = try? describe.call(PyRef(borrowing: value)), hyb_is_tuple(pair.pointer) != 0,
            hyb_tuple_size(pair.pointer) == 2
        else {
            PyErr_Clear()
            return
        }
        fingerprint.dtype = strings.id(Python.string(hyb_tuple_item(pair.pointer, 0)))
        fingerprint.shape = strings.id(Python.string(hyb_tuple_item(pair.pointer, 1)))
    }

    /// "[32, 8]" from a tuple of ints (None for unknown dimensions); "<unknown>" for None. Shapes
    /// are looked up by a hash of their dimensions, so text is made once per distinct shape.
    private func shapeID(_ tuple: PyObjectPointer) -> Int32 {
        guard hyb_is_tuple(tuple) != 0 else {
            return strings.id(tuple == hyb_none() ? "<unknown>" : (Python.string(tuple) ?? "?"))
        }
        let rank = hyb_tuple_size(tuple)
        func dimension(_ index: Int) -> Int {
            guard let item = hyb_tuple_item(tuple, index), item != hyb_none() else { return -1 }
            let number = PyLong_AsLong(item)
            if number == -1 && PyErr_Occurred() != nil { PyErr_Clear() }
            return number
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(rank)
        for index in 0..<rank {
            hash = (hash ^ UInt64(bitPattern: Int64(dimension(index)))) &* 0x0000_0100_0000_01B3
        }
        if let id = shapeIDs[hash] {
            return id
        }
        let text = "[" + (0..<rank).map { dimension($0) < 0 ? "None" : String(dimension($0)) }.joined(separator: ", ") + "]"
        let id = strings.id(text)
        shapeIDs[hash] = id
        return id
    }

    /// The bounded repr of a primitive or a small container of them.
    func literalID(_ value: PyObjectPointer) -> Int32 {
        guard let representation = PyObject_Repr(value) else {
            PyErr_Clear()
            return StringTable.none
        }
        defer { hyb_decref(representation) }
        guard let text = Python.unicode(representation) else { return StringTable.none }
        let short = text.count <= Self.maximumLiteralLength
        return strings.id(short ? text : String(text.prefix(Self.maximumLiteralLength - 1)) + "…")
    }

    /// Element kinds and length of a list, tuple or dict. Returns a hash of its contents when they
    /// are a few primitives (a literal such as `[1, 2]`), so the caller can fold it like a number.
    private func summarizeContainer(
        _ value: PyObjectPointer, category: ValueCategory, into fingerprint: inout ParamFingerprint
    ) -> Int? {
        var kinds: [Int32] = []
        var kindNames: [String] = []
        var allPrimitive = true
        var hash = Int(bitPattern: UInt(bitPattern: hyb_type(value)))
        func note(_ element: PyObjectPointer) {
            let elementInfo = info(of: element)
            if !kinds.contains(elementInfo.kindID) {
                kinds.append(elementInfo.kindID)
                kindNames.append(elementInfo.kind)
            }
            if elementInfo.category.isPrimitive || elementInfo.category == .none {
                let elementHash = PyObject_Hash(element)
                if elementHash == -1 { PyErr_Clear() }
                hash = hash &* 1_000_003 ^ elementHash
            } else {
                allPrimitive = false
            }
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
                if let key, let element {
                    note(key)
                    note(element)
                }
                seen += 1
            }
        default: break
        }
        fingerprint.elements = kindNames.isEmpty ? StringTable.none : strings.id(kindNames.joined(separator: "|"))
        fingerprint.shape = strings.id("len \(count)")
        guard allPrimitive && count > 0 && count <= Self.maximumElementsInspected else { return nil }
        return hash ^ count
    }
}
