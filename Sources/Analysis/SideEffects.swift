import TraceStore

extension SideEffectKind {
    /// The kind of effect a library function the API table marks as a Python side effect has.
    static func ofLibraryCall(_ name: String) -> SideEffectKind {
        if name == "print" || name.hasPrefix("sys.stdout") || name.hasPrefix("sys.stderr") { return .print }
        let loggingPrefixes = ["logging.", "absl.logging.", "warnings.warn", "tensorflow.get_logger"]
        if loggingPrefixes.contains(where: name.hasPrefix) { return .logging }
        let ioPrefixes = [
            "open", "input", "os.", "shutil.", "io.", "json.", "pickle.", "socket.", "requests.", "urllib.", "subprocess.",
            "numpy.save", "numpy.load", "numpy.savetxt", "numpy.loadtxt", "numpy.genfromtxt", "numpy.fromfile", "scipy.io.",
            "tensorflow.io.", "tensorflow.saved_model.", "keras.saving.", "keras.models.save_model", "keras.models.load_model",
            "keras.datasets.", "keras.applications.", "matplotlib.pyplot.savefig", "matplotlib.pyplot.show",
        ]
        if ioPrefixes.contains(where: name.hasPrefix) { return .io }
        return .libraryState
    }
}

/// One side effect a function's own body has, as the analysis found it.
public struct StaticEffect: Sendable, Equatable {
    public var kind: SideEffectKind
    public var line: Int
    /// In words, for reasons: "writes the module global `STEP`".
    public var description: String
}

/// What the analysis counts as each kind of side effect, with examples that have it and examples
/// that do not (each defines `f`; tests are generated from them, so this table, the analysis and
/// its tests cannot drift apart).
public struct SideEffectRule: Sendable {
    public var kind: SideEffectKind
    public var explanation: String
    public var triggering: [String]
    public var nonTriggering: [String]
}

public enum SideEffectRules {
    public static let rules: [SideEffectRule] = [
        SideEffectRule(
            kind: .globalWrite,
            explanation: "rebinds a module global (`global`) or a variable of an enclosing function (`nonlocal`)",
            triggering: [
                "STEP = 0\ndef f(x):\n    global STEP\n    STEP += 1\n    return x\nf(1)\n",
                "def outer():\n    n = 0\n    def f(x):\n        nonlocal n\n        n = n + x\n    f(1)\n    return n\nouter()\n",
            ],
            nonTriggering: ["STEP = 0\ndef f(x):\n    step = STEP + 1\n    return x + step\nf(1)\n"]),
        SideEffectRule(
            kind: .attributeWrite,
            explanation: "writes an attribute of an object it did not create (an argument, `self`, a global)",
            triggering: [
                "class Box:\n    pass\ndef f(box, x):\n    box.value = x\n    return x\nf(Box(), 1)\n",
                "class Box:\n    pass\nBOX = Box()\ndef f(x):\n    holder = BOX\n    holder.value = x\nf(1)\n",
            ],
            nonTriggering: ["class Box:\n    pass\ndef f(x):\n    box = Box()\n    box.value = x\n    return box\nf(1)\n"]),
        SideEffectRule(
            kind: .itemWrite,
            explanation: "changes a list, dict or set it did not create, by item assignment or a mutating method",
            triggering: [
                "HISTORY = []\ndef f(x):\n    HISTORY.append(x)\n    return x\nf(1)\n",
                "def f(cache, key, x):\n    cache[key] = x\n    return x\nf({}, 'a', 1)\n",
            ],
            nonTriggering: [
                "def f(x):\n    seen = []\n    seen.append(x)\n    return seen\nf(1)\n",
                "def f(x, **kwargs):\n    kwargs.pop('scale', None)\n    return x\nf(1, scale=2)\n",
            ]),
        SideEffectRule(
            kind: .print,
            explanation: "prints (`print`, `sys.stdout.write`)",
            triggering: [
                "def f(x):\n    print('x is', x)\n    return x\nf(1)\n",
                "import sys\ndef f(x):\n    sys.stdout.write('x')\n    return x\nf(1)\n",
            ],
            nonTriggering: ["import tensorflow as tf\ndef f(x):\n    tf.print(x)\n    return x\nf(tf.ones([2]))\n"]),
        SideEffectRule(
            kind: .io,
            explanation: "reads or writes files, sockets or processes",
            triggering: [
                "def f(path, x):\n    with open(path, 'w') as handle:\n        handle.write(str(x))\n    return x\nf('out.txt', 1)\n",
                "import numpy as np\ndef f(path, x):\n    np.save(path, x)\n    return x\nf('x.npy', 1)\n",
                "import pathlib\ndef f(path, x):\n    pathlib.Path(path).write_text(str(x))\n    return x\nf('out.txt', 1)\n",
            ],
            nonTriggering: ["import os\ndef f(folder, name):\n    return os.path.join(folder, name)\nf('a', 'b')\n"]),
        SideEffectRule(
            kind: .logging,
            explanation: "emits a log record or a warning",
            triggering: [
                "import logging\ndef f(x):\n    logging.info('x is %s', x)\n    return x\nf(1)\n",
                "import logging\nlog = logging.getLogger(__name__)\ndef f(x):\n    log.warning('x is %s', x)\n    return x\nf(1)\n",
                "import warnings\ndef f(x):\n    warnings.warn('deprecated')\n    return x\nf(1)\n",
            ],
            nonTriggering: ["import tensorflow as tf\ndef f(x):\n    tf.summary.scalar('x', x, step=0)\n    return x\nf(tf.ones([]))\n"]),
        SideEffectRule(
            kind: .iterator,
            explanation: "advances an iterator it did not create with `next()`",
            triggering: ["def f(batches):\n    return next(batches)\nf(iter([1, 2]))\n"],
            nonTriggering: ["def f(values):\n    batches = iter(values)\n    return next(batches)\nf([1, 2])\n"]),
        SideEffectRule(
            kind: .libraryState,
            explanation: "changes state a library keeps in Python: the global random generator, threads, configuration",
            triggering: [
                "import random\ndef f(x):\n    random.seed(0)\n    return x\nf(1)\n",
                "import threading\ndef f(work):\n    thread = threading.Thread(target=work)\n    thread.start()\n    thread.join()\nf(print)\n",
            ],
            nonTriggering: [
                "import tensorflow as tf\ndef f(shape):\n    return tf.random.uniform(shape)\nf([2])\n",
                "import tensorflow as tf\nv = tf.Variable(0.0)\ndef f(x):\n    v.assign_add(x)\n    return v\nf(tf.ones([]))\n",
            ]),
    ]
}
