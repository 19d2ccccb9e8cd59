// The few CPython pieces Swift cannot reach by itself: reference-count and singleton macros,
// and the fields of CPython 3.11's internal `_PyInterpreterFrame` that the PEP 523 hook reads.
#ifndef HYBRIDIZE_SHIM_H
#define HYBRIDIZE_SHIM_H

// The same libc headers, in the same order, as Sources/CPython/shim.h, before Python.h: its
// pyconfig.h defines _GNU_SOURCE/_XOPEN_SOURCE, which renames fields of libc structs (fd_set's
// fds_bits), and two modules holding different definitions of one struct do not build.
#include <sys/select.h>
#include <sys/types.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <time.h>
#include <stdint.h>
#define PY_SSIZE_T_CLEAN
#include <Python.h>

struct _PyInterpreterFrame;

static inline void hyb_incref(PyObject *o) { Py_INCREF(o); }
static inline void hyb_decref(PyObject *o) { Py_DECREF(o); }
static inline void hyb_xdecref(PyObject *o) { Py_XDECREF(o); }
static inline PyObject *hyb_none(void) { return Py_None; }
static inline PyObject *hyb_true(void) { return Py_True; }
static inline PyObject *hyb_false(void) { return Py_False; }
static inline PyTypeObject *hyb_type(PyObject *o) { return Py_TYPE(o); }
static inline Py_ssize_t hyb_refcount(PyObject *o) { return Py_REFCNT(o); }

// Type checks that are macros over tp_flags.
static inline int hyb_is_unicode(PyObject *o) { return PyUnicode_Check(o); }
static inline int hyb_is_long(PyObject *o) { return PyLong_Check(o); }
static inline int hyb_is_tuple(PyObject *o) { return PyTuple_Check(o); }
static inline int hyb_is_list(PyObject *o) { return PyList_Check(o); }
static inline int hyb_is_dict(PyObject *o) { return PyDict_Check(o); }
static inline int hyb_is_type(PyObject *o) { return PyType_Check(o); }
static inline int hyb_is_code(PyObject *o) { return PyCode_Check(o); }
static inline int hyb_is_module(PyObject *o) { return PyModule_Check(o); }
static inline int hyb_is_function(PyObject *o) { return PyFunction_Check(o); }
static inline int hyb_is_generator(PyObject *o) { return PyGen_Check(o); }
static inline int hyb_is_float(PyObject *o) { return PyFloat_Check(o); }
static inline int hyb_is_bytes(PyObject *o) { return PyBytes_Check(o); }
static inline PyObject *hyb_ellipsis(void) { return Py_Ellipsis; }
static inline int hyb_is_method(PyObject *o) { return PyMethod_Check(o); }
/// A bound method's function (borrowed).
static inline PyObject *hyb_method_function(PyObject *o) { return PyMethod_GET_FUNCTION(o); }
/// A function's code object (borrowed).
static inline PyObject *hyb_function_code(PyObject *o) { return PyFunction_GET_CODE(o); }

static inline Py_ssize_t hyb_tuple_size(PyObject *o) { return PyTuple_GET_SIZE(o); }
static inline PyObject *hyb_tuple_item(PyObject *o, Py_ssize_t i) { return PyTuple_GET_ITEM(o, i); }
static inline Py_ssize_t hyb_list_size(PyObject *o) { return PyList_GET_SIZE(o); }
static inline PyObject *hyb_list_item(PyObject *o, Py_ssize_t i) { return PyList_GET_ITEM(o, i); }

/// CPython 3.11 bumps a dict's version tag on every mutation and never reuses a tag, so two
/// equal tags mean an unchanged dict: global and attribute writes are seen with no per-write cost.
uint64_t hyb_dict_version(PyObject *dict);

/// The object's instance `__dict__`, materialised if the instance keeps its attributes inline
/// (3.11 managed dicts); NULL when the type has none. Borrowed.
PyObject *hyb_instance_dict(PyObject *object);

// Code objects.
PyObject *hyb_code_filename(PyCodeObject *code);
PyObject *hyb_code_qualname(PyCodeObject *code);
PyObject *hyb_code_varnames(PyCodeObject *code);
int hyb_code_firstlineno(PyCodeObject *code);
int hyb_code_argcount(PyCodeObject *code);
int hyb_code_kwonlyargcount(PyCodeObject *code);
int hyb_code_flags(PyCodeObject *code);
int hyb_code_line_at(PyCodeObject *code, int instruction_index);

// PEP 523: the frame-evaluation function and the fields of the frame it is handed.
typedef PyObject *(*HybEvalFrameFunction)(PyThreadState *, struct _PyInterpreterFrame *, int);
void hyb_set_eval_frame(HybEvalFrameFunction function);
PyObject *hyb_eval_frame_default(PyThreadState *tstate, struct _PyInterpreterFrame *frame, int throwflag);
PyCodeObject *hyb_frame_code(struct _PyInterpreterFrame *frame);
PyObject **hyb_frame_localsplus(struct _PyInterpreterFrame *frame);
PyObject *hyb_frame_globals(struct _PyInterpreterFrame *frame);
PyObject *hyb_frame_closure(struct _PyInterpreterFrame *frame);
PyObject *hyb_frame_function(struct _PyInterpreterFrame *frame);
/// The interpreter frame behind a frame object (what a profile function is handed).
struct _PyInterpreterFrame *hyb_frame_object_frame(PyFrameObject *frame);
/// True on a frame's first evaluation; false when a generator or coroutine resumes.
int hyb_frame_is_starting(struct _PyInterpreterFrame *frame);
/// True when a profile function's call event is for a new call: 3.11 reports it at the first
/// traceable RESUME, and reports a resumed generator at a later one.
int hyb_frame_is_entering(struct _PyInterpreterFrame *frame);
/// Index of the instruction the frame is executing (for a caller: its CALL).
int hyb_frame_instruction(struct _PyInterpreterFrame *frame);

// Per-code-object extra slot (PEP 523): one pointer-sized tag per code object, read in O(1).
Py_ssize_t hyb_request_code_extra_index(void);
void *hyb_code_extra(PyCodeObject *code, Py_ssize_t index);
int hyb_set_code_extra(PyCodeObject *code, Py_ssize_t index, void *value);

// Per-thread pointer for the tracer's call stack; CPython threads are OS threads.
void *hyb_thread_state(void);
void hyb_set_thread_state(void *state);

uint64_t hyb_monotonic_ns(void);

/// Starts the interpreter as if `executable` (a virtualenv's python) had been run with `argv`, so
/// that `sys.prefix` is the virtualenv. Returns NULL on success, else a message owned by the caller
/// (free it with free()).
char *hyb_initialize_interpreter(const char *executable, int argc, char *const *argv);

/// Process-wide audit hook (PEP 578): sees open(), socket and os events from any code.
typedef int (*HybAuditHook)(const char *event, PyObject *args, void *user_data);
int hyb_add_audit_hook(HybAuditHook hook);


#endif
