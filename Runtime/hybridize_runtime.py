"""Python side of `hybridize trace`, loaded into the embedded interpreter.

The call hook itself is Swift (a PEP 523 frame-evaluation function). This module only does what
is easier said in Python and happens rarely: classifying a *type* once, describing symbolic
tensors and datasets, wrapping print/logging/os._exit so their effects reach the hook, seeing
tf.Variable creation, marking pytest test boundaries, and running the traced command.

Everything here talks to the hook through the `_hybridize` module that Swift registers.
"""

import builtins
import dis
import os
import runpy
import sys
import threading

import _hybridize

_TENSORFLOW_READY = False


# --- classifying values ------------------------------------------------------------------------

def _tensorflow_kind(value_type):
    tf = sys.modules.get("tensorflow")
    if tf is None:
        return None
    # Order matters: a Keras 3 variable on the TensorFlow backend is also a tf.Variable and a
    # tf.__internal__.types.Tensor; a RaggedTensor is a CompositeTensor, not a tf.Tensor.
    checks = [
        ("Variable", "variable", getattr(tf, "Variable", None)),
        ("RaggedTensor", "tensor", getattr(tf, "RaggedTensor", None)),
        ("SparseTensor", "tensor", getattr(tf, "SparseTensor", None)),
        ("IndexedSlices", "tensor", getattr(tf, "IndexedSlices", None)),
        ("Tensor", "tensor", getattr(tf, "Tensor", None)),
        ("Dataset", "dataset", getattr(getattr(tf, "data", None), "Dataset", None)),
    ]
    for kind, category, cls in checks:
        if cls is not None and issubclass(value_type, cls):
            return kind, category
    try:
        from tensorflow.python.data.ops import iterator_ops
        if issubclass(value_type, iterator_ops.OwnedIterator):
            # Advancing a tf.data iterator is a TensorFlow state op, not a Python side effect.
            return "DatasetIterator", "object"
    except ImportError:
        pass
    return None


def _keras_kind(value_type):
    keras = sys.modules.get("keras")
    if keras is None:
        return None
    keras_tensor = getattr(keras, "KerasTensor", None)
    if keras_tensor is not None and issubclass(value_type, keras_tensor):
        return "KerasTensor", "tensor"
    variable = getattr(keras, "Variable", None)
    if variable is not None and issubclass(value_type, variable):
        return "Variable", "variable"
    return None


_EXACT = {
    bool: ("bool", "bool"),
    int: ("int", "int"),
    float: ("float", "float"),
    str: ("str", "str"),
    type(None): ("None", "none"),
    list: ("list", "list"),
    tuple: ("tuple", "tuple"),
    dict: ("dict", "dict"),
}


def classify_type(value_type):
    """(kind, category) for values of `value_type`; called once per type by the hook.

    category is one of: tensor, variable, ndarray, dataset, bool, int, float, str, none, list,
    tuple, dict, iterator, object (a model, optimizer, config...: identities are counted), or
    static (modules, classes, functions: nothing to count or watch).
    """
    exact = _EXACT.get(value_type)
    if exact is not None:
        return exact
    found = _keras_kind(value_type) or _tensorflow_kind(value_type)
    if found is not None:
        return found
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        if issubclass(value_type, numpy.ndarray):
            return "ndarray", "ndarray"
        if issubclass(value_type, numpy.generic):
            return value_type.__name__, "float" if issubclass(value_type, numpy.floating) else "int"
    import types
    if issubclass(value_type, (type, types.ModuleType, types.BuiltinFunctionType, types.FunctionType,
                               types.MethodType)):
        return value_type.__name__, "static"
    for base, category in ((bool, "bool"), (int, "int"), (float, "float"), (str, "str"),
                           (list, "list"), (tuple, "tuple"), (dict, "dict")):
        if issubclass(value_type, base):
            return value_type.__name__, category
    if hasattr(value_type, "__next__") and hasattr(value_type, "__iter__"):
        return value_type.__name__, "iterator"
    return value_type.__name__, "object"


def _shape_text(shape):
    """"[32, 8]" for a TensorShape or a tuple, "None" per unknown dimension, "<unknown>" rank."""
    if shape is None or getattr(shape, "rank", 0) is None:
        return "<unknown>"
    dims = shape.as_list() if hasattr(shape, "as_list") else list(shape)
    return "[" + ", ".join("None" if d is None else str(d) for d in dims) + "]"


def _dtype_text(dtype):
    return getattr(dtype, "name", None) or str(dtype)


def describe(value):
    """(dtype, shape) text of a tensor-like value the hook has no fast path for."""
    if hasattr(value, "element_spec"):  # tf.data.Dataset: describe one element
        spec = value.element_spec
        import tensorflow as tf
        leaves = tf.nest.flatten(spec)
        dtypes = ",".join(_dtype_text(getattr(leaf, "dtype", "?")) for leaf in leaves)
        shapes = ",".join(_shape_text(getattr(leaf, "shape", None)) for leaf in leaves)
        return dtypes, shapes if len(leaves) == 1 else "(" + shapes + ")"
    return _dtype_text(getattr(value, "dtype", None)), _shape_text(getattr(value, "shape", None))


def global_names(code):
    """Names a code object reads with LOAD_GLOBAL (the module objects it may mutate)."""
    names = []
    for instruction in dis.get_instructions(code):
        if instruction.opname == "LOAD_GLOBAL" and instruction.argval not in names:
            names.append(instruction.argval)
    return tuple(names)


def global_store_lines(code):
    """{name: first line} of the code object's STORE_GLOBAL/DELETE_GLOBAL instructions."""
    lines = {}
    for instruction in dis.get_instructions(code):
        if instruction.opname in ("STORE_GLOBAL", "DELETE_GLOBAL") and instruction.argval not in lines:
            lines[instruction.argval] = instruction.positions.lineno or code.co_firstlineno
    return lines


# --- effects that leave no trace in any dict -------------------------------------------------------

def _install_print():
    original = builtins.print

    def print(*args, **kwargs):  # noqa: A001 - stands in for the builtin on purpose
        stream = kwargs.get("file")
        if stream is None:
            target = "sys.stdout"
        else:
            target = getattr(stream, "name", None) or type(stream).__name__
        _hybridize.note_effect("print", str(target))
        return original(*args, **kwargs)

    print.__wrapped__ = original
    builtins.print = print


def _install_logging():
    import logging
    original = logging.Logger.handle

    def handle(self, record):
        _hybridize.note_effect("logging", self.name)
        return original(self, record)

    logging.Logger.handle = handle


def _install_exit():
    original = os._exit

    def _exit(status):
        # os._exit skips atexit and finally blocks: write what the hook holds first.
        original(_hybridize.exiting(str(int(status))))

    os._exit = _exit


_LAYER_NUMBER = None

# Depth of Keras variable construction or deferred initialisation on this thread: the tf.Variable
# made inside it was already noted, where Keras declared it.
_KERAS_VARIABLE = threading.local()


def _variable_name(name):
    # Keras numbers every new layer and model ("classifier_8_hidden_kernel"): fold the numbers so
    # one kind of variable is one effect row, however many models a test suite builds.
    global _LAYER_NUMBER
    if _LAYER_NUMBER is None:
        import re
        _LAYER_NUMBER = re.compile(r"_\d+(?=_|$)")
    return _LAYER_NUMBER.sub("_*", str(name or "Variable"))


def _variable_creator(next_creator, **kwargs):
    if not getattr(_KERAS_VARIABLE, "depth", 0):
        _hybridize.note_effect("variable_creation", _variable_name(kwargs.get("name")))
    return next_creator(**kwargs)


class _KerasVariableScope:
    """Marks Keras variable construction or deferred initialisation on this thread, so the
    tf.Variable made inside it is not noted again by the creator scope; `as` gives the depth it
    started at (0: the outermost)."""

    def __enter__(self):
        self.depth = getattr(_KERAS_VARIABLE, "depth", 0)
        _KERAS_VARIABLE.depth = self.depth + 1
        return self.depth

    def __exit__(self, *exception):
        _KERAS_VARIABLE.depth = self.depth
        return False


def _install_keras_variables(variables):
    """Charges a Keras 3 variable to the project code that declares it.

    Keras 3 builds a subclassed layer or model without its own `build` by running its `call` on
    symbolic inputs in a scratch graph, inside a StatelessScope (keras/src/layers/layer.py
    `_maybe_build` -> backend `compute_output_spec`, Keras 3 on TF 2.21). Variables declared there
    are only initialised later (`_deferred_initialize`), after `call` has returned, so the
    tf.Variable that the creator scope sees belongs to no frame of `call`. The declaration,
    `KerasVariable.__init__`, runs inside `call`: that is where the creation is noted."""
    base = getattr(variables, "Variable", None)
    if base is None or getattr(base.__init__, "_hybridize_wrapped", False):
        return
    original_init = base.__init__
    original_deferred = getattr(base, "_deferred_initialize", None)

    def __init__(self, *args, **kwargs):
        with _KerasVariableScope() as depth:
            original_init(self, *args, **kwargs)
        if depth == 0:
            _hybridize.note_effect("variable_creation", _variable_name(getattr(self, "name", None)))

    __init__._hybridize_wrapped = True
    base.__init__ = __init__
    if original_deferred is not None:
        def _deferred_initialize(self, *args, **kwargs):
            with _KerasVariableScope():
                return original_deferred(self, *args, **kwargs)

        base._deferred_initialize = _deferred_initialize


def _enter_variable_scope():
    """tf.variable_creator_scope sees every tf.Variable, Keras 3 layer weights and optimizer
    slots included (TF 2.21, Keras 3.15). The scope is thread-local and must be left on the
    thread that entered it: the caller keeps what this returns and passes it to _leave."""
    tf = sys.modules.get("tensorflow")
    if tf is None:
        return None
    try:
        scope = tf.variable_creator_scope(_variable_creator)
        scope.__enter__()
        return scope
    except Exception:  # an old or partial TensorFlow: variable creation stays unobserved
        return None


def _leave_variable_scope(scope):
    if scope is not None:
        try:
            scope.__exit__(None, None, None)
        except Exception:
            pass


_MAIN_SCOPE = []



def _on_tensorflow_loaded(tf):
    global _TENSORFLOW_READY
    if _TENSORFLOW_READY:
        return
    _TENSORFLOW_READY = True
    from tensorflow.python.framework import ops
    _hybridize.tensorflow_loaded(getattr(tf, "__version__", "?"), ops.inside_function)
    if threading.current_thread() is threading.main_thread():
        _MAIN_SCOPE.append(_enter_variable_scope())


class _ImportWatcher:
    """A meta-path finder that only notices when the module `name` finishes importing."""

    def __init__(self, name, loaded):
        self.name = name
        self.loaded = loaded

    def find_spec(self, name, path=None, target=None):
        if name != self.name:
            return None
        sys.meta_path.remove(self)
        import importlib.util
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        exec_module = loader.exec_module

        def exec_and_notice(module):
            exec_module(module)
            self.loaded(module)

        loader.exec_module = exec_and_notice
        return spec


def _watch_import(name, loaded):
    if name in sys.modules:
        loaded(sys.modules[name])
    else:
        sys.meta_path.insert(0, _ImportWatcher(name, loaded))


def _install_thread_scope():
    original = threading.Thread._bootstrap_inner

    def _bootstrap_inner(self):
        scope = _enter_variable_scope() if _TENSORFLOW_READY else None
        try:
            return original(self)
        finally:
            _leave_variable_scope(scope)

    threading.Thread._bootstrap_inner = _bootstrap_inner


class Interrupted(KeyboardInterrupt):
    """SIGINT, SIGTERM or `trace --timeout` ending the traced command. A KeyboardInterrupt, so that
    pytest stops the session the way it does for Ctrl-C (its summary, then exit status 2) and the
    run ends through the normal path, with a final flush."""


def _install_interruption():
    import signal

    def interrupt(signum, frame):
        # The tracer says why (a timeout fires as SIGTERM). A command that swallows the exception
        # is ended anyway once the grace period the watchdog started on the signal runs out.
        reason = _hybridize.interrupted(str(signum))
        raise Interrupted(reason)

    previous = {signum: signal.signal(signum, interrupt) for signum in (signal.SIGINT, signal.SIGTERM)}
    return previous


def _install_children(signal_handlers):
    # A forked child shares the parent's open database connection, which SQLite forbids using
    # across fork(): the child stops tracing. The Swift audit hook counts the children (os.fork,
    # subprocess.Popen... events) so that the parent reports them as untraced. The child gets the
    # signal handlers back: multiprocessing.Pool ends its workers with SIGTERM, which must kill
    # them, not raise Interrupted into their loop.
    def forked_child():
        import signal
        for signum, handler in signal_handlers.items():
            signal.signal(signum, handler)
        _hybridize.forked_child()

    os.register_at_fork(after_in_child=forked_child)


def install():
    _install_print()
    _install_logging()
    _install_exit()
    _install_children(_install_interruption())
    _install_thread_scope()
    _watch_import("tensorflow", _on_tensorflow_loaded)
    _watch_import("keras.src.backend.common.variables", _install_keras_variables)


# --- line coverage (trace --coverage) --------------------------------------------------------------

_COVERED = {}       # code object -> set of lines that ran
_CHANGED = set()    # code objects with lines not yet reported


def _is_project(code):
    return _hybridize.is_project(code.co_filename, code.co_name)


def enable_coverage():
    """Records the lines that run in project code through sys.settrace, which in 3.11 sends every
    frame down the interpreter's slower tracing path: hence opt-in. Non-project frames get no
    local trace function, so they pay only for the call event."""
    decided = {}

    def trace(frame, event, arg):
        code = frame.f_code
        lines = decided.get(code)
        if lines is None:
            lines = _COVERED.setdefault(code, set()) if _is_project(code) else False
            decided[code] = lines
        if lines is False:
            return None
        add = lines.add
        changed = _CHANGED

        def local(frame, event, arg):
            if event == "line":
                add(frame.f_lineno)
                changed.add(code)
            return local

        return local

    threading.settrace(trace)
    sys.settrace(trace)


_EXECUTABLE = {}    # code object -> its own lines that can run, the def line excluded


def coverage_lines():
    """((code, executable line count, covered lines), ...) for functions with new lines."""
    rows = []
    for code in list(_CHANGED):
        executable = _EXECUTABLE.get(code)
        if executable is None:
            executable = {line for _, _, line in code.co_lines() if line is not None and line > code.co_firstlineno}
            _EXECUTABLE[code] = executable
        covered = tuple(sorted(line for line in _COVERED.get(code, ()) if line in executable))
        rows.append((code, len(executable) or 1, covered))
    _CHANGED.clear()
    return tuple(rows)


# --- running the command ---------------------------------------------------------------------------

def _pytest_plugin(pytest, shard_index, shard_count):
    """Marks test boundaries for the hook and, with --shard K/N, keeps a deterministic slice."""

    class HybridizePlugin:
        @pytest.hookimpl(trylast=True)
        def pytest_collection_modifyitems(self, session, config, items):
            # trylast: slice what is left after -k, -m and other plugins deselected items.
            if shard_count <= 1:
                return
            # Sorted node ids make the slice independent of collection order and of the machine.
            ordered = sorted(range(len(items)), key=lambda i: items[i].nodeid)
            keep = {index for rank, index in enumerate(ordered) if rank % shard_count == shard_index}
            deselected = [item for i, item in enumerate(items) if i not in keep]
            items[:] = [item for i, item in enumerate(items) if i in keep]
            if deselected:
                config.hook.pytest_deselected(items=deselected)

        def pytest_collection_finish(self, session):
            _hybridize.tests_collected(len(session.items))

        def pytest_runtest_logstart(self, nodeid, location):
            _hybridize.begin_test(nodeid)

        def pytest_runtest_logreport(self, report):
            if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
                outcome = report.outcome if report.when == "call" else ("error" if report.failed else report.outcome)
                _hybridize.end_test(report.nodeid, outcome, float(report.duration))

        def pytest_runtest_logfinish(self, nodeid, location):
            _hybridize.finish_test(nodeid)

    return HybridizePlugin()


def _exit_code(exit_request):
    code = exit_request.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def run(command, arguments, shard_index, shard_count):
    """Runs the traced command in this interpreter; returns its exit status."""
    root = os.getcwd()
    try:
        if command == "pytest":
            import pytest
            sys.argv = ["pytest", *arguments]
            plugin = _pytest_plugin(pytest, shard_index, shard_count)
            return int(pytest.main(list(arguments), plugins=[plugin]))
        if command == "-m":
            module, rest = arguments[0], arguments[1:]
            sys.argv = [module, *rest]
            sys.path.insert(0, root)
            _hybridize.begin_test("<module %s>" % module)
            runpy.run_module(module, run_name="__main__", alter_sys=True)
            return 0
        script, rest = arguments[0], arguments[1:]
        sys.argv = [script, *rest]
        sys.path.insert(0, os.path.dirname(os.path.abspath(script)))
        _hybridize.begin_test("<script %s>" % script)
        runpy.run_path(script, run_name="__main__")
        return 0
    except SystemExit as exit_request:
        return _exit_code(exit_request)
    except Interrupted as interruption:
        print("hybridize: %s" % interruption, file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        return 130
    except BaseException:
        import traceback
        traceback.print_exc()
        return 1
    finally:
        while _MAIN_SCOPE:
            _leave_variable_scope(_MAIN_SCOPE.pop())
        sys.stdout.flush()
        sys.stderr.flush()


# --- where a function is defined -------------------------------------------------------------------

def _def_line(filename, first_line):
    """Line of the `def` keyword: in 3.11 co_firstlineno is the first decorator's line."""
    import linecache
    for offset in range(0, 200):
        text = linecache.getline(filename, first_line + offset).lstrip()
        if not text:
            if offset > 0 and not linecache.getline(filename, first_line + offset):
                break
            continue
        if text.startswith(("def ", "async def ", "class ")):
            return first_line + offset
    return first_line


def code_location(code):
    """(def line, parameter names) of a project code object."""
    names = code.co_varnames
    count = code.co_argcount + code.co_kwonlyargcount
    if code.co_flags & 0x04:
        count += 1
    if code.co_flags & 0x08:
        count += 1
    line = code.co_firstlineno
    if code.co_name != "<lambda>" and not code.co_name.startswith("<"):
        line = _def_line(code.co_filename, code.co_firstlineno)
    return line, tuple(names[:count])


_QUALNAMES = {}


def _qualname_at(filename, line):
    """The __qualname__ of the def at `line` of `filename`, read with the ast module."""
    key = (filename, line)
    if key in _QUALNAMES:
        return _QUALNAMES[key]
    import ast
    found = None
    try:
        with open(filename, "rb") as source:
            tree = ast.parse(source.read(), filename)
    except (OSError, SyntaxError, ValueError):
        tree = None

    def visit(node, prefix):
        nonlocal found
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                qualname = prefix + child.name
                if child.lineno == line:
                    found = qualname
                    return
                visit(child, qualname + ".<locals>.")
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")
            else:
                visit(child, prefix)
            if found:
                return

    if tree is not None:
        visit(tree, "")
    _QUALNAMES[key] = found
    return found


def autograph_origin(function):
    """(filename, def line, qualname) of the user function that AutoGraph converted into
    `function`, or None. tf.function runs a converted copy of each function it traces, compiled
    into a temporary `__autograph_generated_file*.py`; its `ag_source_map` (TF 2.21,
    autograph/impl/api.py) leads back to the original lines."""
    source_map = getattr(function, "ag_source_map", None)
    if not source_map:
        return None
    code = function.__code__
    best = None
    for location, origin in source_map.items():
        if location.lineno >= code.co_firstlineno and (best is None or location.lineno < best[0]):
            best = (location.lineno, origin)
    if best is None:
        return None
    origin = best[1]
    filename = origin.loc.filename
    line = _def_line(filename, origin.loc.lineno)
    qualname = _qualname_at(filename, line) or origin.function_name
    return filename, line, qualname


_MUTATING_METHODS = frozenset((
    "append", "extend", "insert", "pop", "remove", "clear", "update", "setdefault", "popitem", "add",
    "discard", "sort", "reverse", "__setitem__", "__delitem__",
))


def effect_lines(code):
    """Where a function writes, by the instruction that does it, so an effect seen by comparing
    state before and after a call can name its line: {"global:NAME" | "attr:NAME" | "item" |
    "next": first line}."""
    lines = {}
    for instruction in dis.get_instructions(code):
        line = instruction.positions.lineno if instruction.positions else None
        if line is None:
            continue
        name = instruction.opname
        if name in ("STORE_GLOBAL", "DELETE_GLOBAL"):
            key = "global:" + instruction.argval
        elif name in ("STORE_ATTR", "DELETE_ATTR"):
            key = "attr:" + instruction.argval
        elif name in ("STORE_SUBSCR", "DELETE_SUBSCR"):
            key = "item"
        elif name in ("LOAD_METHOD", "LOAD_ATTR") and instruction.argval in _MUTATING_METHODS:
            key = "item"
        elif name == "LOAD_GLOBAL" and instruction.argval == "next":
            key = "next"
        else:
            continue
        lines.setdefault(key, line)
    return lines
