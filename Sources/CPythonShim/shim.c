#define Py_BUILD_CORE 1
#include "hybridize_shim.h"
#include <internal/pycore_frame.h>
#include <internal/pycore_code.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>

uint64_t hyb_dict_version(PyObject *dict) {
    return ((PyDictObject *)dict)->ma_version_tag;
}

PyObject *hyb_instance_dict(PyObject *object) {
    PyObject **slot = _PyObject_GetDictPtr(object);
    if (slot == NULL) {
        return NULL;
    }
    return *slot;
}

PyObject *hyb_code_filename(PyCodeObject *code) { return code->co_filename; }
PyObject *hyb_code_qualname(PyCodeObject *code) { return code->co_qualname; }
PyObject *hyb_code_varnames(PyCodeObject *code) { return PyCode_GetVarnames(code); }
int hyb_code_firstlineno(PyCodeObject *code) { return code->co_firstlineno; }
int hyb_code_argcount(PyCodeObject *code) { return code->co_argcount; }
int hyb_code_kwonlyargcount(PyCodeObject *code) { return code->co_kwonlyargcount; }
int hyb_code_flags(PyCodeObject *code) { return code->co_flags; }
int hyb_code_line_at(PyCodeObject *code, int instruction_index) {
    if (instruction_index < 0) {
        return code->co_firstlineno;
    }
    return PyCode_Addr2Line(code, instruction_index * (int)sizeof(_Py_CODEUNIT));
}

void hyb_set_eval_frame(HybEvalFrameFunction function) {
    _PyInterpreterState_SetEvalFrameFunc(PyInterpreterState_Get(), (_PyFrameEvalFunction)function);
}

PyObject *hyb_eval_frame_default(PyThreadState *tstate, struct _PyInterpreterFrame *frame, int throwflag) {
    return _PyEval_EvalFrameDefault(tstate, frame, throwflag);
}

PyCodeObject *hyb_frame_code(struct _PyInterpreterFrame *frame) { return frame->f_code; }
PyObject **hyb_frame_localsplus(struct _PyInterpreterFrame *frame) { return frame->localsplus; }
PyObject *hyb_frame_globals(struct _PyInterpreterFrame *frame) { return frame->f_globals; }
PyObject *hyb_frame_closure(struct _PyInterpreterFrame *frame) {
    return frame->f_func == NULL ? NULL : frame->f_func->func_closure;
}

int hyb_frame_is_starting(struct _PyInterpreterFrame *frame) {
    return frame->prev_instr < _PyCode_CODE(frame->f_code);
}

int hyb_frame_is_entering(struct _PyInterpreterFrame *frame) {
    return _PyInterpreterFrame_LASTI(frame) <= frame->f_code->_co_firsttraceable;
}

int hyb_frame_instruction(struct _PyInterpreterFrame *frame) {
    return _PyInterpreterFrame_LASTI(frame);
}

Py_ssize_t hyb_request_code_extra_index(void) {
    return _PyEval_RequestCodeExtraIndex(NULL);
}

void *hyb_code_extra(PyCodeObject *code, Py_ssize_t index) {
    void *value = NULL;
    if (_PyCode_GetExtra((PyObject *)code, index, &value) != 0) {
        PyErr_Clear();
        return NULL;
    }
    return value;
}

int hyb_set_code_extra(PyCodeObject *code, Py_ssize_t index, void *value) {
    return _PyCode_SetExtra((PyObject *)code, index, value);
}

// initial-exec: a direct %fs-relative load instead of a __tls_get_addr call per traced call.
static _Thread_local void *thread_state __attribute__((tls_model("initial-exec")));
void *hyb_thread_state(void) { return thread_state; }
void hyb_set_thread_state(void *state) { thread_state = state; }

uint64_t hyb_monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000ull + (uint64_t)now.tv_nsec;
}

char *hyb_initialize_interpreter(const char *executable, int argc, char *const *argv) {
    PyConfig config;
    PyConfig_InitPythonConfig(&config);
    config.parse_argv = 0;
    config.install_signal_handlers = 1;
    // The traced command may write bytecode as it would outside hybridize.
    PyStatus status = PyConfig_SetBytesString(&config, &config.executable, executable);
    if (!PyStatus_Exception(status)) {
        status = PyConfig_SetBytesString(&config, &config.program_name, executable);
    }
    if (!PyStatus_Exception(status)) {
        status = PyConfig_SetBytesArgv(&config, argc, argv);
    }
    if (!PyStatus_Exception(status)) {
        status = Py_InitializeFromConfig(&config);
    }
    PyConfig_Clear(&config);
    if (PyStatus_Exception(status)) {
        const char *message = status.err_msg != NULL ? status.err_msg : "unknown error";
        char *copy = malloc(strlen(message) + 1);
        if (copy != NULL) {
            strcpy(copy, message);
        }
        return copy;
    }
    return NULL;
}

int hyb_add_audit_hook(HybAuditHook hook) {
    return PySys_AddAuditHook((Py_AuditHookFunction)hook, NULL);
}

PyObject *hyb_frame_function(struct _PyInterpreterFrame *frame) {
    return (PyObject *)frame->f_func;
}

struct _PyInterpreterFrame *hyb_frame_object_frame(PyFrameObject *frame) {
    return frame->f_frame;
}
