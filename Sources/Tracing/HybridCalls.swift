import CPython
import CPythonShim
import PythonRuntime
import TraceStore

// Calls of project functions through their tf.function wrapper. Once TensorFlow holds a graph for
// a call's inputs, `Function.__call__` (tensorflow/python/eager/polymorphic_function/
// polymorphic_function.py, TF 2.21) runs that graph and never enters the function's Python frame,
// so the project hook alone sees a hybrid function only while TensorFlow traces it. The hook
// therefore also times `Function.__call__` frames whose wrapped function is project code.

/// A function's calls through its wrapper, by phase: the Python body ran (TensorFlow traced, or
/// ran the function eagerly under `tf.config.run_functions_eagerly(True)`), a test's first call
/// ran an existing graph (warm-up), or a later one did (steady state).
struct HybridCallKey: Hashable {
    let function: Int32
    let phase: HybridCallPhase
}

final class HybridCallStats {
    var calls = 0
    var totalNanoseconds: UInt64 = 0
    var maxNanoseconds: UInt64 = 0
    var dirty = true
}

/// A `Function.__call__` in progress, for the profile hook (the frame-evaluation hook keeps it on
/// the native stack).
struct ActiveHybridCall {
    let frame: OpaquePointer
    let function: Int
    let callsBefore: Int
    let started: UInt64
}

/// The interned names the resolution reads, and the aggregates.
final class HybridCallTable {
    static let callFile = "/eager/polymorphic_function/polymorphic_function.py"
    static let callQualname = "Function.__call__"
    /// Longest chain of wrappers followed from `_python_function` to a code object.
    static let maximumWrappers = 8

    let pythonFunctionName: PyRef
    let wrappedName: PyRef
    var stats: [HybridCallKey: HybridCallStats] = [:]
    /// Per function, the test of its last call that ran an existing graph (-1: outside a test).
    var lastGraphRunTest: [Int32: Int] = [:]

    init() throws {
        pythonFunctionName = try Python.makeString("_python_function")
        wrappedName = try Python.makeString("__wrapped__")
    }
}

extension Tracer {
    /// Decided once per code object, like project code.
    static func isHybridCall(filename: String, code: UnsafeMutablePointer<PyCodeObject>) -> Bool {
        filename.hasSuffix(HybridCallTable.callFile)
            && hyb_code_qualname(code).flatMap(Python.unicode) == HybridCallTable.callQualname
    }

    /// The project function that a starting `Function.__call__` frame will call, or nil when it
    /// wraps library code or the call is made while TensorFlow builds a graph (an outer
    /// tf.function tracing a call of an inner one: that call only adds the inner graph to the
    /// outer one, and the inner body's runs are recorded as graph-time calls anyway).
    func hybridFunction(frame: OpaquePointer) -> Int? {
        guard let locals = hyb_frame_localsplus(frame), let receiver = locals[0],
            let code = wrappedCode(of: receiver)
        else { return nil }
        var tag = Int(bitPattern: hyb_code_extra(code, codeExtraIndex))
        if tag == undecidedTag {
            tag = decide(code: code, frame: nil)
        }
        guard tag >= firstFunctionTag, !buildingGraph() else { return nil }
        return tag - firstFunctionTag
    }

    /// The code object of the Python function a `Function` wraps. `_python_function` is the user's
    /// function for a plain function; for a method, `Function.__get__` makes a per-instance
    /// Function around a wrapper whose `__wrapped__` leads (through AutoGraph's rewrap, once
    /// traced) to a bound method of the user's function. The walk follows `__wrapped__` and
    /// `__func__` as TensorFlow's own `Function._get_key_for_call_stats` does, in C calls only.
    private func wrappedCode(of function: PyObjectPointer) -> UnsafeMutablePointer<PyCodeObject>? {
        guard let wrapped = PyObject_GetAttr(function, hybridCalls.pythonFunctionName.pointer) else {
            PyErr_Clear()
            return nil
        }
        defer { hyb_decref(wrapped) }
        // Borrowed references: every object on the chain is held by the one before it, and no
        // Python code runs during the walk.
        var current = wrapped
        for _ in 0..<HybridCallTable.maximumWrappers {
            if hyb_is_method(current) != 0 {
                guard let function = hyb_method_function(current) else { return nil }
                current = function
                continue
            }
            guard hyb_is_function(current) != 0 else { return nil }
            if let dict = hyb_instance_dict(current), hyb_is_dict(dict) != 0,
                let next = PyDict_GetItemWithError(dict, hybridCalls.wrappedName.pointer)
            {
                current = next
                continue
            }
            PyErr_Clear()
            guard let code = hyb_function_code(current), hyb_is_code(code) != 0 else { return nil }
            return UnsafeMutableRawPointer(code).assumingMemoryBound(to: PyCodeObject.self)
        }
        return nil
    }

    /// Adds one call through the wrapper of project function `index`.
    func recordHybridCall(function index: Int, traced: Bool, elapsed: UInt64, ended: UInt64) {
        let phase: HybridCallPhase
        if traced {
            phase = .traced
        } else {
            let test = currentTest ?? -1
            phase = hybridCalls.lastGraphRunTest.updateValue(test, forKey: Int32(index)) == test ? .steady : .warmUp
        }
        let key = HybridCallKey(function: Int32(index), phase: phase)
        let stats: HybridCallStats
        if let existing = hybridCalls.stats[key] {
            stats = existing
        } else {
            stats = HybridCallStats()
            hybridCalls.stats[key] = stats
        }
        stats.calls += 1
        stats.totalNanoseconds &+= elapsed
        stats.maxNanoseconds = max(stats.maxNanoseconds, elapsed)
        stats.dirty = true
        flushIfDue(now: ended)
    }

    /// Whether the body ran during a call through the wrapper: every start of a project frame
    /// (AutoGraph's converted copy included) counts in `callsStarted`, so the hook's path for
    /// ordinary calls does no extra work for this.
    func bodyRan(function index: Int, since callsBefore: Int) -> Bool {
        functions[index].callsStarted != callsBefore
    }

    /// The stored rows of the hybrid calls that changed since the last flush.
    func hybridCallRows() -> [TraceBatch.HybridCalls] {
        var rows: [TraceBatch.HybridCalls] = []
        for (key, stats) in hybridCalls.stats where stats.dirty {
            rows.append(
                .init(functionID: functions[Int(key.function)].id, phase: key.phase, calls: stats.calls,
                      totalNanoseconds: Int(clamping: stats.totalNanoseconds),
                      maxNanoseconds: Int(clamping: stats.maxNanoseconds)))
            stats.dirty = false
        }
        return rows
    }
}

/// The frame-evaluation hook's path for a starting `Function.__call__` frame.
func evaluateHybridCall(
    threadState: UnsafeMutablePointer<PyThreadState>?, frame: OpaquePointer, tracer: Tracer, context: ThreadContext
) -> PyObjectPointer? {
    context.busy = true
    let resolved = tracer.hybridFunction(frame: frame)
    context.busy = false
    guard let function = resolved else { return hyb_eval_frame_default(threadState, frame, 0) }
    let callsBefore = tracer.functions[function].callsStarted
    let started = hyb_monotonic_ns()
    let result = hyb_eval_frame_default(threadState, frame, 0)
    let ended = hyb_monotonic_ns()
    finishHybridCall(
        ActiveHybridCall(frame: frame, function: function, callsBefore: callsBefore, started: started),
        ended: ended, raised: result == nil, tracer: tracer, context: context)
    return result
}

/// Records a finished call through the wrapper, keeping a raised exception intact across the
/// tracer's own C API calls (a flush may run).
func finishHybridCall(_ call: ActiveHybridCall, ended: UInt64, raised: Bool, tracer: Tracer, context: ThreadContext) {
    var type: PyObjectPointer?
    var value: PyObjectPointer?
    var traceback: PyObjectPointer?
    if raised { PyErr_Fetch(&type, &value, &traceback) }
    context.busy = true
    tracer.recordHybridCall(
        function: call.function, traced: tracer.bodyRan(function: call.function, since: call.callsBefore),
        elapsed: ended &- call.started, ended: ended)
    context.busy = false
    if raised { PyErr_Restore(type, value, traceback) }
}
