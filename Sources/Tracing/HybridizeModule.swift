import CPython
import CPythonShim
import PythonRuntime
import TraceStore

/// The `_hybridize` module: how Runtime/hybridize_runtime.py reports what only Python sees
/// (print, logging, I/O, variable creation, test boundaries) to the Swift tracer.
enum HybridizeModule {
    typealias Method = @convention(c) (PyObjectPointer?, PyObjectPointer?) -> PyObjectPointer?

    private static let methods: [(name: String, body: Method)] = [
        ("note_effect", { _, arguments in
            let items = strings(arguments)
            if items.count == 2, let kind = SideEffectKind(rawValue: items[0]) {
                Tracer.active?.note(kind, target: items[1])
            }
            return noneResult()
        }),
        ("begin_test", { _, arguments in
            if let nodeID = strings(arguments).first { Tracer.active?.beginTest(nodeID) }
            return noneResult()
        }),
        ("end_test", { _, arguments in
            let items = strings(arguments)
            if items.count == 3 {
                Tracer.active?.endTest(items[0], outcome: items[1], duration: Double(items[2]) ?? 0)
            }
            return noneResult()
        }),
        ("finish_test", { _, arguments in
            if let nodeID = strings(arguments).first { Tracer.active?.finishTest(nodeID) }
            return noneResult()
        }),
        ("tests_collected", { _, arguments in
            if let count = strings(arguments).first.flatMap({ Int($0) }) { Tracer.active?.testsCollected = count }
            return noneResult()
        }),
        ("tensorflow_loaded", { _, arguments in
            if let arguments, hyb_tuple_size(arguments) == 2, let tracer = Tracer.active {
                let version = Python.string(hyb_tuple_item(arguments, 0)) ?? "?"
                tracer.tensorFlowLoaded(version: version, probe: PyRef(borrowing: hyb_tuple_item(arguments, 1)))
            }
            return noneResult()
        }),
        ("exiting", { _, arguments in
            // os._exit(status) ends hybridize too, before any summary: say here what the command
            // did, and exit as SPEC §8 says (4 for a failure) rather than with its own status.
            let status = strings(arguments).first.flatMap { Int32($0) } ?? 0
            guard let tracer = Tracer.active, tracer.ownsDatabase else { return PyLong_FromLong(Int(status)) }
            tracer.finish(exitStatus: status)
            guard status != 0 else { return PyLong_FromLong(0) }
            TracerOutput.write(
                tracedCommandFailedLine("called os._exit(\(status))", database: tracer.database.path, runID: tracer.runID))
            return PyLong_FromLong(4)
        }),
        ("interrupted", { _, arguments in
            // (signal number): returns the text of the Interrupted exception to raise.
            let number = strings(arguments).first.flatMap { Int32($0) } ?? SIGTERM
            let reason = Tracer.active?.noteInterruption(signal: number) ?? .signal(number)
            return reason.description.withCString { PyUnicode_FromString($0) }
        }),
        ("forked_child", { _, _ in
            Tracer.active?.detachAfterFork()
            return noneResult()
        }),
        ("is_project", { _, arguments in
            // (filename, code name): whether the tracer counts this code as the project's.
            let items = strings(arguments)
            let isProject = items.count == 2 && Tracer.active?.filter.relativePath(of: items[0]) != nil
                && Tracer.isOwnFrame(codeName: items[1])
            let result = isProject ? hyb_true() : hyb_false()
            hyb_incref(result)
            return result
        }),
        ("install_profile", { _, _ in
            // threading.setprofile hands each new thread this function; replace it with the C hook.
            PyEval_SetProfile(profileHook, nil)
            return noneResult()
        }),
    ]

    /// Creates the module and puts it in sys.modules.
    static func register() throws {
        let module = try PyRef.checked(PyModule_New("_hybridize"), "create _hybridize")
        let name = try Python.makeString("_hybridize")
        for method in methods {
            // Method definitions must outlive the interpreter: allocated once, never freed.
            let definition = UnsafeMutablePointer<PyMethodDef>.allocate(capacity: 1)
            definition.initialize(
                to: PyMethodDef(
                    ml_name: strdup(method.name), ml_meth: method.body, ml_flags: METH_VARARGS, ml_doc: nil))
            let function = try PyRef.checked(PyCFunction_NewEx(definition, nil, name.pointer), method.name)
            guard PyObject_SetAttrString(module.pointer, method.name, function.pointer) == 0 else {
                throw PythonError.fetch(context: "_hybridize.\(method.name)")
            }
        }
        guard let modules = PyImport_GetModuleDict(),
            PyDict_SetItemString(modules, "_hybridize", module.pointer) == 0
        else {
            throw PythonError.fetch(context: "register _hybridize")
        }
    }

    private static func strings(_ arguments: PyObjectPointer?) -> [String] {
        guard let arguments, hyb_is_tuple(arguments) != 0 else { return [] }
        return (0..<hyb_tuple_size(arguments)).map { Python.string(hyb_tuple_item(arguments, $0)) ?? "" }
    }

    private static func noneResult() -> PyObjectPointer? {
        let none = hyb_none()
        hyb_incref(none)
        return none
    }
}
