import CPython
import CPythonShim
import PythonRuntime

/// The two hook designs measured for `hybridize trace` (see Benchmarks/README.md).
public enum HookDesign: String, CaseIterable, Sendable {
    /// PEP 523 frame-evaluation function: no per-bytecode cost; in 3.11 a set eval_frame also
    /// stops the interpreter inlining Python-to-Python calls, so every call reaches the hook.
    case frameEvaluation = "frame-eval"
    /// PyEval_SetProfile with a C-speed callback: in 3.11 any profile function sends every
    /// bytecode of every frame down the interpreter's slower tracing path.
    case profile
}

/// PEP 523 hook. Non-project frames cost one code-extra read; project frames are recorded.
let frameEvaluationHook: HybEvalFrameFunction = { threadState, frame, throwFlag in
    guard let frame, let code = hyb_frame_code(frame), throwFlag == 0 else {
        return hyb_eval_frame_default(threadState, frame, throwFlag)
    }
    let tag = Int(bitPattern: hyb_code_extra(code, codeExtraIndex))
    if tag == notProjectTag {
        return hyb_eval_frame_default(threadState, frame, throwFlag)
    }
    return evaluateCandidate(threadState: threadState, frame: frame, code: code, tag: tag)
}

private func evaluateCandidate(
    threadState: UnsafeMutablePointer<PyThreadState>?, frame: OpaquePointer,
    code: UnsafeMutablePointer<PyCodeObject>, tag: Int
) -> PyObjectPointer? {
    guard let tracer = Tracer.active else { return hyb_eval_frame_default(threadState, frame, 0) }
    let context = ThreadContext.current
    var tag = tag
    if tag == undecidedTag {
        let wasBusy = context.busy
        context.busy = true
        tag = tracer.decide(code: code, frame: frame)
        context.busy = wasBusy
    }
    // A resumed generator or coroutine is not a new call; the tracer's own Python runs untraced.
    guard tag >= firstFunctionTag, !context.busy, tracer.recording, hyb_frame_is_starting(frame) != 0 else {
        if tag == hybridCallTag, !context.busy, tracer.recording, hyb_frame_is_starting(frame) != 0 {
            return evaluateHybridCall(threadState: threadState, frame: frame, tracer: tracer, context: context)
        }
        return hyb_eval_frame_default(threadState, frame, 0)
    }
    tracer.enter(function: tag - firstFunctionTag, frame: frame, context: context)
    let result = hyb_eval_frame_default(threadState, frame, 0)
    let ended = hyb_monotonic_ns()
    if result == nil {
        // The call raised: keep its exception intact across the tracer's own C API calls.
        var type: PyObjectPointer?
        var value: PyObjectPointer?
        var traceback: PyObjectPointer?
        PyErr_Fetch(&type, &value, &traceback)
        tracer.exit(context: context, ended: ended)
        PyErr_Restore(type, value, traceback)
    } else {
        tracer.exit(context: context, ended: ended)
    }
    return result
}

/// Profile-function hook, kept for the measured comparison. It sees threads only through
/// `threading.setprofile` (3.11 has no all-threads profile API).
let profileHook: Py_tracefunc = { _, frameObject, what, _ in
    guard what == PyTrace_CALL || what == PyTrace_RETURN, let frameObject,
        let tracer = Tracer.active, let frame = hyb_frame_object_frame(frameObject),
        let code = hyb_frame_code(frame)
    else { return 0 }
    var tag = Int(bitPattern: hyb_code_extra(code, codeExtraIndex))
    if tag == notProjectTag { return 0 }
    let context = ThreadContext.current
    if what == PyTrace_CALL {
        if tag == undecidedTag {
            context.busy = true
            tag = tracer.decide(code: code, frame: frame)
            context.busy = false
        }
        if tag == hybridCallTag, !context.busy, tracer.recording, hyb_frame_is_entering(frame) != 0 {
            context.busy = true
            let function = tracer.hybridFunction(frame: frame)
            context.busy = false
            if let function {
                context.hybridCalls.append(
                    ActiveHybridCall(frame: frame, function: function, callsBefore: tracer.functions[function].callsStarted,
                                     started: hyb_monotonic_ns()))
            }
            return 0
        }
        guard tag >= firstFunctionTag, !context.busy, tracer.recording, hyb_frame_is_entering(frame) != 0 else {
            return 0
        }
        tracer.enter(function: tag - firstFunctionTag, frame: frame, context: context)
    } else if tag == hybridCallTag {
        guard !context.busy, context.hybridCalls.last?.frame == frame, let call = context.hybridCalls.popLast() else {
            return 0
        }
        finishHybridCall(call, ended: hyb_monotonic_ns(), raised: true, tracer: tracer, context: context)
    } else if !context.busy, context.stack.last?.frame == frame {
        let ended = hyb_monotonic_ns()
        var type: PyObjectPointer?
        var value: PyObjectPointer?
        var traceback: PyObjectPointer?
        PyErr_Fetch(&type, &value, &traceback)
        tracer.exit(context: context, ended: ended)
        PyErr_Restore(type, value, traceback)
    }
    return 0
}

enum HookInstaller {
    static func install(_ design: HookDesign) {
        switch design {
        case .frameEvaluation: hyb_set_eval_frame(frameEvaluationHook)
        case .profile: PyEval_SetProfile(profileHook, nil)
        }
    }

    static func uninstall(_ design: HookDesign) {
        switch design {
        case .frameEvaluation: hyb_set_eval_frame(nil)
        case .profile: PyEval_SetProfile(nil, nil)
        }
    }
}
