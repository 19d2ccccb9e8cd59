import Analysis

/// A reason a refactoring cannot apply, as data: its code, the condition on the facts, and
/// examples that trigger and do not trigger it. The examples are Python modules whose function
/// `f` is the subject; tests are generated from them, so the rule, its documentation and its tests
/// cannot drift apart.
public struct FailureRule: Sendable {
    public var code: Int
    public var name: String
    /// A classic code is reported with every other classic code that applies; of the newer
    /// blockers only the first that applies is reported (SPEC §3).
    public var isClassic: Bool
    public var condition: @Sendable (FunctionFacts) -> Bool
    public var explanation: @Sendable (FunctionFacts) -> String
    public var triggering: [String]
    public var nonTriggering: [String]
    /// The examples are whole programs that show the hazard in TensorFlow itself: each triggering
    /// one runs eagerly and breaks (raises, or computes something else) once its `f` is
    /// hybridized, and each non-triggering one runs the same both ways. An example hybridizes `f`
    /// with `tf.function` unless a `# hybridized as: EXPR` line names another decorator (one with
    /// an input signature, say). `HazardDemonstrationTests` runs them in the embedded interpreter.
    public var examplesRunInTensorFlow = false
}

/// The failure rules of CONVERT_EAGER_FUNCTION_TO_HYBRID, in SPEC §3's order.
public enum EagerPreconditions {
    static func reasons(_ facts: FunctionFacts, _ name: FactName) -> String {
        facts.facts[name]?.reasons.joined(separator: "; ") ?? ""
    }

    public static let rules: [FailureRule] = [
        FailureRule(
            code: 3, name: "UNDETERMINABLE_SIDE_EFFECTS", isClassic: true,
            condition: { $0[.sideEffects] == .unknown },
            explanation: { "its side effects cannot be decided: " + reasons($0, .sideEffects) },
            // Nothing reaches f, so the call graph, built from the entry points, has no node for it.
            triggering: ["import tensorflow as tf\ndef f(x: tf.Tensor):\n    return tf.abs(x)\n"],
            nonTriggering: [
                "import tensorflow as tf\ndef f(x):\n    return x * 2\nf(tf.ones([2]))\n",
                "import tensorflow as tf\ndef f(x: tf.Tensor):\n    print(x)\n",  // its own body decides it
            ]),
        FailureRule(
            code: 4, name: "HAS_PYTHON_SIDE_EFFECTS", isClassic: true,
            condition: { $0[.sideEffects] == .yes },
            explanation: { "a graph runs its Python side effects only while tracing: " + reasons($0, .sideEffects) },
            triggering: [
                "import tensorflow as tf\ndef f(x):\n    print(x)\n    return x\nf(tf.ones([2]))\n",
                "import tensorflow as tf\nSEEN = []\ndef f(x):\n    SEEN.append(x)\n    return x\nf(tf.ones([2]))\n",
                "import tensorflow as tf\nSTEP = 0\ndef f(x):\n    global STEP\n    STEP += 1\n    return x\nf(tf.ones([2]))\n",
            ],
            nonTriggering: [
                "import tensorflow as tf\ndef f(x):\n    tf.print(x)\n    return x\nf(tf.ones([2]))\n",
                "import tensorflow as tf\ndef f(x):\n    seen = []\n    seen.append(x)\n    return seen\nf(tf.ones([2]))\n",
            ]),
        FailureRule(
            code: 6, name: "HAS_NO_TENSOR_PARAMETERS", isClassic: true,
            condition: { $0[.tensorParameter] == .no },
            explanation: { "no tensor goes in, so a graph has nothing to gain: " + reasons($0, .tensorParameter) },
            triggering: ["def f(n):\n    return n + 1\nf(3)\n", "import tensorflow as tf\ndef f():\n    return tf.ones([2])\nf()\n"],
            nonTriggering: ["import tensorflow as tf\ndef f(x):\n    return x + 1\nf(tf.ones([2]))\n"]),
        FailureRule(
            code: 8, name: "IS_RECURSIVE", isClassic: true,
            condition: { $0[.recursive] == .yes },
            explanation: { "tracing a recursive function does not terminate: " + reasons($0, .recursive) },
            triggering: ["import tensorflow as tf\ndef f(x):\n    return f(x - 1) if tf.reduce_sum(x) > 0 else x\nf(tf.ones([2]))\n"],
            nonTriggering: ["import tensorflow as tf\ndef f(x):\n    return x - 1\nf(tf.ones([2]))\n"]),
        FailureRule(
            code: 9, name: "CANT_APPROXIMATE_RECURSION", isClassic: true,
            condition: { $0[.recursive] == .unknown },
            explanation: { "whether it recurses cannot be decided: " + reasons($0, .recursive) },
            triggering: ["import tensorflow as tf\ndef f(x: tf.Tensor):\n    return tf.abs(x)\n"],
            nonTriggering: [
                "import tensorflow as tf\ndef f(x):\n    return x\nf(tf.ones([2]))\n",
                "import tensorflow as tf\ndef f(x: tf.Tensor):\n    return f(x)\n",  // recursive whatever calls it
            ]),
        FailureRule(
            code: 10, name: "UNDETERMINABLE_TENSOR_PARAMETER", isClassic: true,
            condition: { $0[.tensorParameter] == .unknown },
            explanation: { "nothing says whether it receives tensors: " + reasons($0, .tensorParameter) },
            triggering: ["import tensorflow as tf\ndef f(x):\n    return tf.abs(x)\n"],
            nonTriggering: ["import tensorflow as tf\ndef f(x: tf.Tensor):\n    return tf.abs(x)\n"]),
        FailureRule(
            code: 11, name: "UNDETERMINABLE_PRIMITIVE_PARAMETER", isClassic: true,
            condition: { $0[.primitiveParameter] == .unknown },
            explanation: { "whether it receives Python literals cannot be decided: " + reasons($0, .primitiveParameter) },
            triggering: ["import tensorflow as tf\ndef f(x: tf.Tensor, k):\n    return x * k\n"],
            nonTriggering: [
                "import tensorflow as tf\ndef f(x: tf.Tensor, k=2):\n    return x * k\nf(tf.ones([2]))\n",
                "import tensorflow as tf\ndef f(x, k):\n    return x * k\nf(tf.ones([2]), tf.ones([2]))\n",
            ]),
        FailureRule(
            code: 12, name: "HAS_PRIMITIVE_PARAMETERS", isClassic: true,
            condition: { $0[.primitiveParameter] == .yes },
            explanation: { "every new Python value retraces the graph: " + reasons($0, .primitiveParameter) },
            triggering: ["import tensorflow as tf\ndef f(x, k):\n    return x * k\nf(tf.ones([2]), 3.0)\n"],
            nonTriggering: [
                "import tensorflow as tf\ndef f(x, training):\n    return x\nf(tf.ones([2]), True)\n",
                "import tensorflow as tf\ndef f(x, k=2.0):\n    return x * k\nf(tf.ones([2]))\n",
            ]),
        FailureRule(
            code: 15, name: "HAS_EAGER_ONLY_CALLS", isClassic: false,
            condition: { $0[.eagerOnlyCalls] == .yes },
            explanation: { "it needs eager values a graph does not have: " + reasons($0, .eagerOnlyCalls) },
            triggering: [
                "import tensorflow as tf\ndef f(x):\n    return x.numpy()\nf(tf.ones([2]))\n",
                "import tensorflow as tf\ndef f(x):\n    return bool(tf.reduce_sum(x) > 0)\nf(tf.ones([2]))\n",
            ],
            nonTriggering: [
                "import tensorflow as tf\ndef f(x):\n    return tf.reduce_sum(x)\nf(tf.ones([2]))\n",
                // AutoGraph casts: the size becomes an int32 tensor.
                "import tensorflow as tf\ndef f(x):\n    return tf.zeros([int(tf.shape(x)[0])])\nresult = f(tf.ones([2]))\n",
                "import tensorflow as tf\ndef f(x):\n    return float(tf.reduce_sum(x)) * 2.0\nresult = f(tf.ones([2]))\n",
            ],
            examplesRunInTensorFlow: true),
        // TF 2.21 framework/tensor.py Tensor.__array__: numpy on a symbolic tensor raises
        // NotImplementedError ("Cannot convert a symbolic tf.Tensor to a numpy array"), or
        // TypeError where a numpy function gets a `None` dimension. The dtype and the static
        // dimensions are Python values while tracing (a bare tf.function traces with each
        // call's concrete shapes); only ops with data-dependent output shapes leave a `None`
        // (Analysis/ParameterDerivation.swift).
        FailureRule(
            code: 16, name: "HAS_NUMPY_CALLS_ON_PARAMETERS", isClassic: false,
            condition: { $0[.numpyOnParameters] == .yes },
            explanation: { "numpy cannot run on a graph's symbolic tensors: " + reasons($0, .numpyOnParameters) },
            triggering: [
                "import numpy as np\nimport tensorflow as tf\ndef f(x):\n    return np.linalg.norm(x) + tf.reduce_sum(x)\nf(tf.ones([2]))\n",
                "import numpy as np\nimport tensorflow as tf\ndef f(x):\n    m = tf.abs(x)\n    return tf.constant(np.max(m))\nresult = f(tf.constant([-4.0, 2.0]))\n",
                // A data-dependent shape: the mask's true count is `None` in a graph.
                "import numpy as np\nimport tensorflow as tf\ndef f(x):\n    kept = tf.boolean_mask(x, x > 0)\n    return tf.reduce_sum(kept) + np.zeros(kept.shape[0], np.float32)\nresult = f(tf.constant([1.0, -1.0, 2.0]))\n",
                "import numpy as np\nimport tensorflow as tf\ndef f(x):\n    values, _ = tf.unique(x)\n    return tf.constant(np.arange(len(values)))\nresult = f(tf.constant([1, 1, 2]))\n",
                "import numpy as np\nimport tensorflow as tf\ndef f(x):\n    hits = tf.where(x > 0)\n    return tf.ones([int(np.prod(hits.shape))])\nresult = f(tf.constant([1, -1, 2]))\n",
                // In a graph a dataset's batches have the element spec's shape: None rows.
                "import numpy as np\nimport tensorflow as tf\nBATCHES = tf.data.Dataset.from_tensor_slices(tf.ones([10, 3])).batch(4)\ndef f(x):\n    total = tf.constant(0.0)\n    for batch in BATCHES:\n        total += tf.reduce_sum(batch * x) + np.zeros(batch.shape[0], np.float32).sum()\n    return total\nresult = f(tf.ones([3]))\n",
            ],
            nonTriggering: [
                "import numpy as np\nimport tensorflow as tf\ndef f(x):\n    return x * np.pi\nresult = f(tf.ones([2]))\n",
                // The dtype is known while tracing.
                "import numpy as np\nimport tensorflow as tf\ndef f(x):\n    return x + np.finfo(x.dtype.as_numpy_dtype).eps\nresult = f(tf.ones([2]))\n",
                "import numpy as np\nimport tensorflow as tf\ndef f(x):\n    return tf.cast(x, np.dtype(x.dtype.name)) * 2.0\nresult = f(tf.ones([2]))\n",
                // Static dimensions are Python ints while tracing.
                "import numpy as np\nimport tensorflow as tf\ndef f(x):\n    return tf.reduce_sum(x, axis=1) + np.zeros(x.shape[0], np.float32)\nresult = f(tf.ones([2, 3]))\n",
                "import numpy as np\nimport tensorflow as tf\ndef f(x):\n    return tf.reshape(x, [-1, int(np.prod(x.shape[1:]))])\nresult = f(tf.ones([2, 3, 4]))\n",
                "import numpy as np\nimport tensorflow as tf\ndef f(x):\n    scale = np.sqrt(x.shape[-1])\n    return x / scale\nresult = f(tf.ones([2, 4]))\n",
                // The mask leaves only the first dimension open.
                "import numpy as np\nimport tensorflow as tf\ndef f(x):\n    kept = tf.boolean_mask(x, x[:, 0] > 0)\n    return tf.reduce_sum(kept, axis=0) + np.ones(kept.shape[1], np.float32)\nresult = f(tf.constant([[1.0, 2.0], [-1.0, 3.0]]))\n",
                "import numpy as np\nimport tensorflow as tf\nBATCHES = tf.data.Dataset.from_tensor_slices(tf.ones([10, 3])).batch(4, drop_remainder=True)\ndef f(x):\n    total = tf.constant(0.0)\n    for batch in BATCHES:\n        total += tf.reduce_sum(batch * x) + np.zeros(batch.shape[0], np.float32).sum()\n    return total\nresult = f(tf.ones([3]))\n",
                "import numpy as np\nimport tensorflow as tf\nBATCHES = tf.data.Dataset.from_tensor_slices(tf.ones([10, 3])).batch(4)\ndef f(x):\n    total = tf.constant(0.0)\n    for batch in BATCHES:\n        total += tf.reduce_sum(batch * x) + np.zeros(batch.shape[1], np.float32).sum()\n    return total\nresult = f(tf.ones([3]))\n",
            ],
            examplesRunInTensorFlow: true),
        // TF 2.21 framework/ops.py Graph.name_scope: a truthy `name` is matched against
        // _VALID_SCOPE_NAME_REGEX while a graph is built, so a number, `True` or a dtype raises
        // "TypeError: expected string or bytes-like object, got 'int'" (or 'bool', 'DType');
        // eager execution never reads op names. A falsy one (`0`, `False`) is skipped by
        // `if name:`. Where each op takes `name` by position: Analysis/OpNameSlots.swift.
        FailureRule(
            code: 17, name: "HAS_INVALID_NAME_ARGUMENTS", isClassic: false,
            condition: { $0[.invalidNameArguments] == .yes },
            explanation: { "a graph rejects an op name that is not a string: " + reasons($0, .invalidNameArguments) },
            triggering: [
                "import tensorflow as tf\ndef f(x):\n    return tf.sqrt(x, 2)\nresult = f(tf.ones([2]))\n",
                "import tensorflow as tf\ndef f(x):\n    return tf.abs(x, 3) + 1.0\nresult = f(tf.ones([2]))\n",
                "import tensorflow as tf\ndef f(x):\n    return tf.math.log(x, tf.float32)\nresult = f(tf.ones([2]))\n",
                "import tensorflow as tf\ndef f(x):\n    return tf.add(x, x, name=1)\nresult = f(tf.ones([2]))\n",
                "import tensorflow as tf\ndef f(x):\n    return tf.reduce_sum(x, 0, False, True)\nresult = f(tf.ones([2]))\n",
                // In a callee: it is traced into f's graph.
                "import tensorflow as tf\ndef g(x):\n    return tf.nn.relu(x, 1)\ndef f(x):\n    return g(x) * 2.0\nresult = f(tf.ones([2]))\n",
            ],
            nonTriggering: [
                "import tensorflow as tf\ndef f(x):\n    return tf.sqrt(x, \"root\")\nresult = f(tf.ones([2]))\n",
                "import tensorflow as tf\nNAME = \"total\"\ndef f(x):\n    return tf.reduce_sum(x, name=NAME)\nresult = f(tf.ones([2]))\n",
                "import tensorflow as tf\ndef f(x):\n    return tf.reduce_sum(x, name=None)\nresult = f(tf.ones([2]))\n",
                // The axis, not the name: reduce_sum(input_tensor, axis, keepdims, name).
                "import tensorflow as tf\ndef f(x):\n    return tf.reduce_sum(x, 0)\nresult = f(tf.ones([2]))\n",
                // tf.cast(x, dtype, name): the dtype is in its own slot.
                "import tensorflow as tf\ndef f(x):\n    return tf.cast(x, tf.int32)\nresult = f(tf.ones([2]))\n",
                // A falsy name is no name: `if name:` skips it.
                "import tensorflow as tf\ndef f(x):\n    return tf.sqrt(x, 0)\nresult = f(tf.ones([2]))\n",
            ],
            examplesRunInTensorFlow: true),
        // Keras 3 builds a layer on its first call (keras/src/layers/layer.py Layer.__call__ ->
        // _maybe_build), so a variable list read before it is empty on the first call. Eagerly that
        // first step updates nothing (tape.gradient of an empty list is empty). TF 2.21 does not
        // capture that empty list, contrary to the usual story: a first trace that creates
        // variables is followed by a second one with creation forbidden (polymorphic_function.py
        // Function._call -> _initialize, then _no_variable_creation_config), and that trace reads
        // the built model's list. So the hybrid trains from its first call and the eager function
        // from its second: hybridizing changes what it computes (the examples' losses differ).
        // With `apply_gradients(zip(grads, variables))` the empty first call raises both ways.
        FailureRule(
            code: 19, name: "HAS_STALE_VARIABLE_READS", isClassic: false,
            condition: { $0[.staleVariableReads] == .yes },
            explanation: { "it reads a variable list before the call that builds the model, so its first eager step updates nothing while a graph's does: " + reasons($0, .staleVariableReads) },
            triggering: [
                "import keras\nimport tensorflow as tf\nmodel = keras.Sequential([keras.layers.Dense(1)])\nopt = keras.optimizers.SGD(0.1)\ndef f(x, y):\n    variables = model.trainable_variables\n    with tf.GradientTape() as tape:\n        loss = tf.reduce_mean((model(x) - y) ** 2)\n    grads = tape.gradient(loss, variables)\n    for g, v in zip(grads, variables):\n        v.assign_sub(0.1 * g)\n    return loss\nx = tf.ones([4, 2])\ny = tf.fill([4, 1], 3.0)\nresult = [float(f(x, y)) for _ in range(3)]\n",
                "import keras\nimport tensorflow as tf\nmodel = keras.Sequential([keras.layers.Dense(1)])\nopt = keras.optimizers.SGD(0.1)\ndef f(x, y):\n    weights = model.trainable_weights\n    with tf.GradientTape() as tape:\n        loss = tf.reduce_mean((model(x) - y) ** 2)\n    opt.apply(tape.gradient(loss, weights), weights)\n    return loss\nx = tf.ones([4, 2])\ny = tf.fill([4, 1], 3.0)\nresult = [float(f(x, y)) for _ in range(3)]\n",
                // Built through a callee that calls the model it is given.
                "import keras\nimport tensorflow as tf\nmodel = keras.Sequential([keras.layers.Dense(1)])\nopt = keras.optimizers.SGD(0.1)\ndef forward(m, x):\n    return m(x)\ndef f(x, y):\n    variables = model.variables\n    with tf.GradientTape() as tape:\n        loss = tf.reduce_mean((forward(model, x) - y) ** 2)\n    opt.apply(tape.gradient(loss, variables), variables)\n    return loss\nx = tf.ones([4, 2])\ny = tf.fill([4, 1], 3.0)\nresult = [float(f(x, y)) for _ in range(3)]\n",
            ],
            nonTriggering: [
                // The usual Keras step: the list read after the forward pass.
                "import keras\nimport tensorflow as tf\nmodel = keras.Sequential([keras.layers.Dense(1)])\nopt = keras.optimizers.SGD(0.1)\ndef f(x, y):\n    with tf.GradientTape() as tape:\n        loss = tf.reduce_mean((model(x) - y) ** 2)\n    variables = model.trainable_variables\n    opt.apply_gradients(zip(tape.gradient(loss, variables), variables))\n    return loss\nx = tf.ones([4, 2])\ny = tf.fill([4, 1], 3.0)\nresult = [float(f(x, y)) for _ in range(3)]\n",
                // Built by module code before any call.
                "import keras\nimport tensorflow as tf\nmodel = keras.Sequential([keras.layers.Dense(1)])\nopt = keras.optimizers.SGD(0.1)\nmodel.build((None, 2))\ndef f(x, y):\n    variables = model.trainable_variables\n    with tf.GradientTape() as tape:\n        loss = tf.reduce_mean((model(x) - y) ** 2)\n    opt.apply_gradients(zip(tape.gradient(loss, variables), variables))\n    return loss\nx = tf.ones([4, 2])\ny = tf.fill([4, 1], 3.0)\nresult = [float(f(x, y)) for _ in range(3)]\n",
                // Built at construction: its input shape is known.
                "import keras\nimport tensorflow as tf\nmodel = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])\nopt = keras.optimizers.SGD(0.1)\ndef f(x, y):\n    variables = model.trainable_variables\n    with tf.GradientTape() as tape:\n        loss = tf.reduce_mean((model(x) - y) ** 2)\n    opt.apply_gradients(zip(tape.gradient(loss, variables), variables))\n    return loss\nx = tf.ones([4, 2])\ny = tf.fill([4, 1], 3.0)\nresult = [float(f(x, y)) for _ in range(3)]\n",
                // Called before the list is read.
                "import keras\nimport tensorflow as tf\nmodel = keras.Sequential([keras.layers.Dense(1)])\nopt = keras.optimizers.SGD(0.1)\ndef f(x, y):\n    model(x)\n    variables = model.trainable_variables\n    with tf.GradientTape() as tape:\n        loss = tf.reduce_mean((model(x) - y) ** 2)\n    opt.apply_gradients(zip(tape.gradient(loss, variables), variables))\n    return loss\nx = tf.ones([4, 2])\ny = tf.fill([4, 1], 3.0)\nresult = [float(f(x, y)) for _ in range(3)]\n",
            ],
            examplesRunInTensorFlow: true),
        FailureRule(
            code: 20, name: "HAS_TENSOR_PARAMETER_ITERATION", isClassic: false,
            condition: { $0[.tensorIteration] == .yes },
            explanation: { "a Python loop over a tensor unrolls into the graph, or fails on unknown shapes: " + reasons($0, .tensorIteration) },
            triggering: ["import tensorflow as tf\ndef f(x):\n    total = 0.0\n    for row in x:\n        total += tf.reduce_sum(row)\n    return total\nf(tf.ones([2, 2]))\n"],
            nonTriggering: ["import tensorflow as tf\ndef f(x):\n    total = 0.0\n    for i in tf.range(3):\n        total += tf.reduce_sum(x)\n    return total\nf(tf.ones([2, 2]))\n"]),
        // TF 2.21: eagerly a binary op converts a numpy operand to its tensor partner's dtype on
        // every call (ops/math_ops.py binary_op_wrapper -> convert_to_tensor with the partner's
        // dtype as hint); tf.function converts a numpy array or scalar argument at the call
        // boundary to a tensor of its own dtype (core/function/trace_type/trace_type_builder.py
        // from_value: TENSOR(ndarray.shape, ndarray.dtype)), so the op raises "TypeError: Input
        // 'y' of 'Mul' Op has type float64 that does not match type float32 of argument 'x'".
        // A Python number stays a Python value under a bare tf.function; only an input signature
        // fixes its dtype (InputSignature then uses a single partner's). Analysis/DTypeCoercions.swift.
        FailureRule(
            code: 22, name: "HAS_CONFLICTING_EAGER_DTYPE_COERCIONS", isClassic: false,
            condition: { $0[.conflictingDTypeCoercions] == .yes },
            explanation: { "a graph fixes an argument's dtype where eager ops convert it afresh: " + reasons($0, .conflictingDTypeCoercions) },
            triggering: [
                "import numpy as np\nimport tensorflow as tf\ndef f(x, scale):\n    return x * scale\nresult = f(tf.ones([2]), np.array([2.0, 3.0]))\n",
                "import numpy as np\nimport tensorflow as tf\ndef f(x, scale):\n    return scale * x\nresult = f(tf.ones([2]), np.array([2.0, 3.0]))\n",
                "import numpy as np\nimport tensorflow as tf\ndef f(x, eps):\n    return tf.add(x, eps)\nresult = f(tf.ones([2]), np.float64(0.5))\n",
                "import numpy as np\nimport tensorflow as tf\ndef f(ids, offset):\n    return ids + offset\nresult = f(tf.constant([1, 2]), np.arange(2))\n",
                // One call site that breaks is enough, whatever the others pass.
                "import numpy as np\nimport tensorflow as tf\ndef f(x, scale):\n    return x * scale\nsame = f(tf.ones([2]), np.array([1.0, 2.0], dtype=np.float32))\nresult = f(tf.ones([2]), np.array([2.0, 3.0]))\n",
                // Passed on to a helper that is traced into f's graph.
                "import numpy as np\nimport tensorflow as tf\ndef g(x, w):\n    return x * w\ndef f(x, weights):\n    return g(x, weights) + 1.0\nresult = f(tf.ones([2]), np.array([2.0, 3.0]))\n",
                // Two numpy arguments: numpy promotes eagerly; a graph holds a float32 and an int64 tensor.
                "import numpy as np\nimport tensorflow as tf\ndef f(a, b):\n    return tf.reduce_sum(a * b)\nresult = f(np.ones([2], dtype=np.float32), np.arange(2))\n",
            ],
            nonTriggering: [
                "import numpy as np\nimport tensorflow as tf\ndef f(x, scale):\n    return x * scale\nresult = f(tf.ones([2]), np.array([2.0, 3.0], dtype=np.float32))\n",
                "import numpy as np\nimport tensorflow as tf\ndef f(x, scale):\n    return x * scale\nresult = f(tf.ones([2]), np.float32(0.5))\n",
                // A Python number stays a Python value under a bare tf.function.
                "import tensorflow as tf\ndef f(x, y, k):\n    return x * k, y * k\nresult = f(tf.ones([2]), tf.ones([2], tf.int32), 2)\n",
                // A numpy value made in the body converts in a graph as it does eagerly.
                "import numpy as np\nimport tensorflow as tf\ndef f(x):\n    return x * np.float64(2.0)\nresult = f(tf.ones([2]))\n",
                "import numpy as np\nimport tensorflow as tf\ndef f(a, b):\n    return tf.reduce_sum(a * b)\nresult = f(np.ones([2]), np.ones([2]))\n",
                // The helper conflicts for another caller's float64; f passes float32 on.
                "import numpy as np\nimport tensorflow as tf\ndef g(x, w):\n    return x * w\ndef f(x, weights):\n    return g(x, weights) - 1.0\nother = g(tf.ones([2]), np.array([2.0, 3.0]))\nresult = f(tf.ones([2]), np.array([2.0, 3.0], dtype=np.float32))\n",
            ],
            examplesRunInTensorFlow: true),
        // Keras 3.15 backend/common/keras_tensor.py: KerasTensor.__tf_tensor__ raises ValueError
        // ("A KerasTensor cannot be used as input to a TensorFlow function") and __array__ "A
        // KerasTensor is symbolic ... You cannot convert it to a NumPy array": tf.function
        // converts its arguments at the call boundary, so a function that builds part of a
        // functional model cannot be one. A layer's own `call` is exempt: Layer.__call__ runs
        // it on backend placeholders (layers/layer.py compute_output_spec).
        FailureRule(
            code: 23, name: "HAS_KERAS_SYMBOLIC_ARGUMENTS", isClassic: false,
            condition: { $0[.kerasSymbolicArguments] == .yes },
            explanation: { "a tf.function cannot take a Keras symbolic tensor: " + reasons($0, .kerasSymbolicArguments) },
            triggering: [
                "import keras\nimport tensorflow as tf\ndef f(t):\n    return keras.layers.Dense(3)(t)\ninputs = keras.Input((4,))\nmodel = keras.Model(inputs, f(inputs))\nresult = model.output_shape\n",
                "import keras\nimport tensorflow as tf\ndef f(t):\n    return t * 2.0 + 1.0\ninputs = keras.Input((4,))\nhidden = keras.layers.Dense(8)(inputs)\nmodel = keras.Model(inputs, f(hidden))\nresult = model.output_shape\n",
                "import keras\nimport tensorflow as tf\ndef f(t):\n    return keras.layers.Dense(2)(t)\ninputs = keras.Input((4,))\nmodel = keras.Model(inputs, f(keras.ops.relu(inputs)))\nresult = model.output_shape\n",
                // A block applied twice: its own output is symbolic too.
                "import keras\nimport tensorflow as tf\nfrom keras import layers\ndef f(x, units):\n    x = layers.Dense(units)(x)\n    return layers.ReLU()(x)\ndef build():\n    inputs = keras.Input((4,))\n    return keras.Model(inputs, f(f(inputs, 8), 2))\nresult = build().output_shape\n",
            ],
            nonTriggering: [
                "import keras\nimport tensorflow as tf\ndef f(t):\n    return t * 2.0 + 1.0\nresult = f(tf.ones([1, 4]))\n",
                // The model runs on real tensors: its outputs are no longer symbolic.
                "import keras\nimport tensorflow as tf\ninputs = keras.Input((4,))\nmodel = keras.Model(inputs, keras.layers.Dense(3, kernel_initializer='ones')(inputs))\ndef f(t):\n    return tf.reduce_sum(model(t))\nresult = f(tf.ones([1, 4]))\n",
                "import keras\nimport tensorflow as tf\ninputs = keras.Input((4,))\ndense = keras.layers.Dense(3, kernel_initializer='ones')\nmodel = keras.Model(inputs, dense(inputs))\ndef f(x):\n    return model(x) * 2.0\nresult = f(tf.ones([2, 4]))\n",
            ],
            examplesRunInTensorFlow: true),
        FailureRule(
            code: 14, name: "NO_TENSOR_COMPUTATION", isClassic: false,
            condition: { $0[.tensorComputation] == .no },
            explanation: { _ in "it runs no TensorFlow operation, so a graph has nothing to run" },
            triggering: ["import tensorflow as tf\ndef f(x):\n    return [x, x]\nf(tf.ones([2]))\n"],
            nonTriggering: ["import tensorflow as tf\ndef f(x):\n    return tf.square(x)\nf(tf.ones([2]))\n"]),
        // TF 2.21 polymorphic_function.py: a Function called while another one traces runs its
        // Python body into the outer FuncGraph (`Function.__call__` runs only during the outer
        // trace, never on the outer's later calls), so a decorator of its own changes nothing
        // there (CoveredCallersTests counts it). Not a break, so its examples are not run in TensorFlow.
        FailureRule(
            code: 21, name: "HAS_COVERED_CALLERS", isClassic: false,
            condition: { $0[.coveredCallers] == .yes },
            explanation: { "it already runs inside its callers' graphs, so its own decorator buys nothing: " + reasons($0, .coveredCallers) },
            triggering: [
                "import tensorflow as tf\ndef f(x):\n    return tf.square(x)\n@tf.function\ndef g(x):\n    return f(x) + 1.0\ng(tf.ones([2]))\n",
                // Covered through a covered caller (the least fixpoint).
                "import tensorflow as tf\ndef f(x):\n    return tf.square(x)\ndef h(x):\n    return f(x) * 2.0\n@tf.function\ndef g(x):\n    return h(x) + f(x)\ng(tf.ones([2]))\n",
                // Every caller is hybrid, a method among them.
                "import tensorflow as tf\ndef f(x):\n    return tf.square(x)\nclass M:\n    @tf.function\n    def step(self, x):\n        return f(x)\n@tf.function\ndef g(x):\n    return f(x) - 1.0\nM().step(tf.ones([2]))\ng(tf.ones([2]))\n",
            ],
            nonTriggering: [
                // Module-level code calls it eagerly too.
                "import tensorflow as tf\ndef f(x):\n    return tf.square(x)\n@tf.function\ndef g(x):\n    return f(x) + 1.0\ng(tf.ones([2]))\nf(tf.ones([2]))\n",
                // An eager caller.
                "import tensorflow as tf\ndef f(x):\n    return tf.square(x)\ndef h(x):\n    return f(x) * 2.0\nh(tf.ones([2]))\n",
                // A test calls it eagerly.
                "import tensorflow as tf\ndef f(x):\n    return tf.square(x)\n@tf.function\ndef g(x):\n    return f(x) + 1.0\ndef test_f():\n    assert f(tf.ones([2])).shape == [2]\ng(tf.ones([2]))\n",
                // Used as a value: whoever receives it may call it eagerly.
                "import tensorflow as tf\ndef f(x):\n    return tf.square(x)\n@tf.function\ndef g(x):\n    return f(x) + 1.0\nHOOKS = [f]\ng(tf.ones([2]))\n",
                // A cycle of eager callers covers nothing.
                "import tensorflow as tf\ndef f(x, n=0):\n    return tf.square(x) if n > 2 else h(x, n)\ndef h(x, n):\n    return f(x, n + 1)\nf(tf.ones([2]))\n",
            ]),
    ]

    /// The static rules, then those only traces decide (SPEC §3's order ends with 30, 31).
    static let withTraceRules: [FailureRule] = rules + TracePreconditions.rules.map(\.failureRule)
}

/// `__init__` (and `__new__`, `__post_init__`) is never a hybridization target: it initialises
/// the object it was called to make, which a graph cannot do. Not one of SPEC §3's codes; it is
/// numbered past them so that it cannot be taken for one. When it holds it is the only failure
/// reported: the constructor's other facts say nothing a user could act on.
public enum ConstructorRule {
    /// The examples' subject is the function named `__init__` (a module-level one is no constructor).
    public static let rule = FailureRule(
        code: 32, name: "IS_CONSTRUCTOR", isClassic: true,
        condition: { $0.isConstructor },
        explanation: { _ in "a constructor initialises the object it was called to make; tf.function cannot stand in for it" },
        triggering: ["import tensorflow as tf\nclass M:\n    def __init__(self, x):\n        self.w = tf.Variable(x)\nM(tf.ones([2]))\n"],
        nonTriggering: ["import tensorflow as tf\ndef __init__(x):\n    return x * 2\n__init__(tf.ones([2]))\n"])
}

/// An abstract method (`@abstractmethod`, or a body that is only `raise NotImplementedError` or
/// `...`) does no work of its own: its overrides do, and an override replaces the base class's
/// attribute, decorator and all, so a `tf.function` on the abstract method never reaches them.
/// Adding one buys nothing; removing one is not proposed either (code 33, numbered past SPEC §3's
/// codes like 32): the overrides are where the decision belongs. On a hybrid it is informational.
public enum AbstractRule {
    /// The examples' subject is the method `Base.f`.
    public static let rule = FailureRule(
        code: 33, name: "IS_ABSTRACT", isClassic: true,
        condition: { $0.isAbstract },
        explanation: { facts in
            facts.hybrid == nil
                ? "an abstract method does no work of its own; its overrides do, and each is decided on its own"
                : "a tf.function on an abstract method does not reach its overrides (an override replaces the decorated attribute); "
                    + "the decorator is left for the overrides' authors to judge, not removed"
        },
        triggering: [
            "import abc\nimport tensorflow as tf\nclass Base(abc.ABC):\n    @abc.abstractmethod\n    def f(self, x):\n        return x\n",
            "import tensorflow as tf\nclass Base:\n    def f(self, x):\n        \"\"\"Computes the loss.\"\"\"\n        raise NotImplementedError\n",
            "import tensorflow as tf\nclass Base:\n    @tf.function\n    def f(self, x):\n        ...\n",
        ],
        nonTriggering: [
            "import tensorflow as tf\nclass Base:\n    def f(self, x):\n        if x is None:\n            raise NotImplementedError\n        return x * 2\n",
            "import tensorflow as tf\nclass Base:\n    def f(self, x):\n        raise ValueError(\"bad\")\n",
        ])
}
