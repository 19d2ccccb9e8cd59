import CPython
import CPythonShim
import Foundation

/// The embedded CPython: started once per process on a virtualenv, torn down by `finalize`.
/// Everything runs on the thread that started it, which keeps the GIL between calls.
public enum EmbeddedInterpreter {
    public private(set) static var isRunning = false

    /// Starts the interpreter as if `python` had been run with `argv` (so `sys.prefix` is the
    /// virtualenv of `python` and `sys.argv` is what the traced command expects).
    public static func start(python: String, argv: [String]) throws {
        precondition(!isRunning, "the embedded interpreter starts once per process")
        var arguments = argv.map { strdup($0) }
        defer { arguments.forEach { free($0) } }
        let failure = hyb_initialize_interpreter(python, Int32(arguments.count), &arguments)
        if let failure {
            defer { free(failure) }
            throw EnvironmentProblem(
                "cannot start the embedded Python 3.11 on \(python): \(String(cString: failure)); install libpython3-dev and make the venv with /usr/bin/python3")
        }
        isRunning = true
    }

    /// Starts the interpreter unless this process already did: for parsing, which any python3.11
    /// (no virtualenv, no TensorFlow) serves.
    public static func startIfNeeded(python: String = "/usr/bin/python3", argv: [String] = ["hybridize"]) throws {
        if !isRunning {
            try start(python: python, argv: argv)
        }
    }

    /// Whether `module` can be imported, without importing it (TensorFlow takes seconds).
    public static func canFind(module: String) -> Bool {
        guard let util = try? Python.importModule("importlib.util"),
            let spec = try? util.attribute("find_spec").call(try Python.makeString(module))
        else {
            PyErr_Clear()
            return false
        }
        return !spec.isNone
    }

    public static var version: String {
        String(cString: Py_GetVersion()).split(separator: " ").first.map(String.init) ?? "?"
    }

    /// Flushes stdio and finalizes; atexit handlers of the traced program run here.
    public static func finalize() -> Int32 {
        guard isRunning else { return 0 }
        isRunning = false
        return Py_FinalizeEx()
    }
}

extension Optional where Wrapped == PyObjectPointer {
    func orThrow(_ context: String) throws -> PyObjectPointer {
        guard let value = self else { throw PythonError.fetch(context: context) }
        return value
    }
}
