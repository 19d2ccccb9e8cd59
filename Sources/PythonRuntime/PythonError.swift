import CPython
import CPythonShim

/// A Python exception turned into a Swift error: its type, message and formatted traceback.
public struct PythonError: Error, CustomStringConvertible {
    public let context: String
    public let type: String
    public let message: String
    public let traceback: String
    /// For a SyntaxError: where, and the message without the position Python appends to str().
    public let syntaxDetail: (line: Int, column: Int, message: String)?

    public var description: String { "\(context): \(type): \(message)" }

    /// Takes (and clears) the pending Python exception.
    public static func fetch(context: String) -> PythonError {
        var type: PyObjectPointer?
        var value: PyObjectPointer?
        var traceback: PyObjectPointer?
        PyErr_Fetch(&type, &value, &traceback)
        PyErr_NormalizeException(&type, &value, &traceback)
        defer {
            hyb_xdecref(type)
            hyb_xdecref(value)
            hyb_xdecref(traceback)
        }
        let typeName = type.flatMap { PyObject_GetAttrString($0, "__name__") }.map { PyRef(owning: $0).text ?? "?" }
            ?? "UnknownError"
        PyErr_Clear()
        let message = value.flatMap { Python.string($0) } ?? ""
        return PythonError(
            context: context, type: typeName, message: message,
            traceback: format(type: type, value: value, traceback: traceback) ?? "",
            syntaxDetail: value.flatMap(syntaxDetail))
    }

    private static func syntaxDetail(_ value: PyObjectPointer) -> (line: Int, column: Int, message: String)? {
        guard PyErr_GivenExceptionMatches(value, PyExc_SyntaxError) != 0 else { return nil }
        func integer(_ name: String) -> Int {
            guard let attribute = PyObject_GetAttrString(value, name) else {
                PyErr_Clear()
                return 1
            }
            defer { hyb_decref(attribute) }
            let number = PyLong_AsLong(attribute)
            if number == -1 && PyErr_Occurred() != nil { PyErr_Clear() }
            return number
        }
        let message = PyObject_GetAttrString(value, "msg").map { PyRef(owning: $0).text ?? "" } ?? ""
        PyErr_Clear()
        return (integer("lineno"), integer("offset"), message)
    }

    private static func format(type: PyObjectPointer?, value: PyObjectPointer?, traceback: PyObjectPointer?) -> String? {
        guard let type, let value, let module = try? Python.importModule("traceback"),
            let formatter = try? module.attribute("format_exception")
        else {
            PyErr_Clear()
            return nil
        }
        let lines = try? formatter.call(
            PyRef(borrowing: type), PyRef(borrowing: value), traceback.map { PyRef(borrowing: $0) } ?? Python.none)
        guard let lines, let joined = try? Python.makeString("").attribute("join").call(lines) else {
            PyErr_Clear()
            return nil
        }
        return joined.text
    }
}
