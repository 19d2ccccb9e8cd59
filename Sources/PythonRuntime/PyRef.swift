import CPython
import CPythonShim

public typealias PyObjectPointer = UnsafeMutablePointer<PyObject>

/// An owned (strong) reference to a Python object, released when the Swift value dies.
/// Only touch one while holding the GIL.
public final class PyRef {
    public let pointer: PyObjectPointer

    /// Takes over a new reference (as returned by most C API calls).
    public init(owning pointer: PyObjectPointer) {
        self.pointer = pointer
    }

    /// Adds a reference to a borrowed pointer.
    public init(borrowing pointer: PyObjectPointer) {
        hyb_incref(pointer)
        self.pointer = pointer
    }

    /// Takes over a new reference, turning NULL into the pending Python exception.
    public static func checked(_ pointer: PyObjectPointer?, _ context: @autoclosure () -> String) throws -> PyRef {
        guard let pointer else { throw PythonError.fetch(context: context()) }
        return PyRef(owning: pointer)
    }

    deinit {
        hyb_decref(pointer)
    }

    public func attribute(_ name: String) throws -> PyRef {
        try .checked(PyObject_GetAttrString(pointer, name), "getattr \(name)")
    }

    /// Calls the object with positional arguments.
    @discardableResult
    public func call(_ arguments: PyRef...) throws -> PyRef {
        let tuple = try PyRef.checked(PyTuple_New(arguments.count), "tuple")
        for (index, argument) in arguments.enumerated() {
            hyb_incref(argument.pointer)
            PyTuple_SetItem(tuple.pointer, index, argument.pointer)
        }
        return try .checked(PyObject_Call(pointer, tuple.pointer, nil), "call")
    }

    public var isNone: Bool { pointer == hyb_none() }

    /// `str(object)` as a Swift string, or nil when that fails.
    public var text: String? { Python.string(pointer) }
}

/// Small conversions used across the runtime.
public enum Python {
    public static func string(_ object: PyObjectPointer) -> String? {
        if hyb_is_unicode(object) != 0 {
            return unicode(object)
        }
        guard let converted = PyObject_Str(object) else {
            PyErr_Clear()
            return nil
        }
        defer { hyb_decref(converted) }
        return unicode(converted)
    }

    /// UTF-8 of a `str` object, without a detour through `str()`.
    public static func unicode(_ object: PyObjectPointer) -> String? {
        guard let utf8 = PyUnicode_AsUTF8(object) else {
            PyErr_Clear()
            return nil
        }
        return String(cString: utf8)
    }

    public static func makeString(_ text: String) throws -> PyRef {
        try .checked(PyUnicode_FromString(text), "str")
    }

    public static func makeInt(_ value: Int) throws -> PyRef {
        try .checked(PyLong_FromLong(value), "int")
    }

    /// A `list` of `str`.
    public static func makeList(_ strings: [String]) throws -> PyRef {
        let list = try PyRef.checked(PyList_New(0), "list")
        for text in strings {
            let item = try makeString(text)
            // PyList_Append does not steal: `item` must stay alive until it returns.
            let status = withExtendedLifetime(item) { PyList_Append(list.pointer, item.pointer) }
            guard status == 0 else { throw PythonError.fetch(context: "list.append") }
        }
        return list
    }

    public static var none: PyRef { PyRef(borrowing: hyb_none()) }

    public static func importModule(_ name: String) throws -> PyRef {
        try .checked(PyImport_ImportModule(name), "import \(name)")
    }
}
