import Analysis

/// A blocker of a signature edit (SPEC §3, OPTIMIZE_HYBRID_FUNCTION): 18
/// HAS_UNRESOLVED_STATICALLY_READ_AXES. Its examples are whole programs whose `f` the edit would
/// hybridize with the signature on their `# hybridized as:` line; each triggering one runs
/// eagerly and fails to trace under that signature, each non-triggering one runs the same both
/// ways (`HazardDemonstrationTests`).
public struct SignatureRule: Sendable {
    public var code: Int
    public var name: String
    public var triggering: [String]
    public var nonTriggering: [String]

    /// The body's static axis reads that a signature with these shapes (by parameter; nil for an
    /// unknown rank) leaves `None`. A parameter the signature does not describe is not checked.
    public func unresolvedReads(_ facts: FunctionFacts, shapes: [String: [Int?]?]) -> [StaticAxisRead] {
        facts.staticAxisReads.filter { read in
            guard let shape = shapes[read.parameter] else { return false }
            return read.isUnresolved(in: shape)
        }
    }

    /// In words, for the verdict: which line reads which axis, and what takes it.
    public func explanation(_ reads: [StaticAxisRead], signature: String) -> String {
        let shown = reads.prefix(3).map { read in
            "line \(read.line) uses \(read.spelling) (axis \(read.axis) of `\(read.parameter)`) as a Python int in \(read.use)"
        }
        return "the signature \(signature) leaves that axis None, so the trace fails: " + shown.joined(separator: "; ")
            + (reads.count > 3 ? "; …" : "")
    }
}

public enum SignaturePreconditions {
    // TF 2.21: under `input_signature=[tf.TensorSpec([None, 3])]` the traced `x.shape` is
    // TensorShape([None, 3]) (tensor_shape.py: an unknown Dimension reads as None), and every use
    // of that None as an int fails while tracing: `None * 3` raises TypeError ("unsupported
    // operand type(s)"), tf.reshape/tf.zeros/tf.fill fail to convert [None, ...] to a tensor
    // (constant_op.py), tf.range raises "None values not supported", tf.image.resize "'size' must
    // be a 1-D int32 Tensor", np.zeros "Use () not None as shape arguments". `reduce_retracing=True`
    // relaxes the same varying dimensions to None on the second shape (polymorphic_function.py,
    // trace_type relaxation), so it fails the same way: 18 blocks P7 as well as P4. P1 adds a bare
    // `@tf.function` (EditPlanner/DecoratorEditor emit no signature), which traces each concrete
    // shape, so 18 never concerns it.
    public static let unresolvedAxes = SignatureRule(
        code: 18, name: "HAS_UNRESOLVED_STATICALLY_READ_AXES",
        triggering: [
            "import tensorflow as tf\n# hybridized as: tf.function(input_signature=[tf.TensorSpec([None, 3])])\ndef f(x):\n    return tf.reshape(x, [x.shape[0] * 3])\nresult = f(tf.ones([2, 3]))\n",
            "import tensorflow as tf\n# hybridized as: tf.function(input_signature=[tf.TensorSpec([None, 3])])\ndef f(x):\n    return tf.cast(tf.range(x.shape[0]), tf.float32) + tf.reduce_sum(x)\nresult = f(tf.ones([2, 3]))\n",
            "import tensorflow as tf\n# hybridized as: tf.function(input_signature=[tf.TensorSpec([None, 3])])\ndef f(x):\n    return x + tf.zeros([x.shape[0], 3])\nresult = f(tf.ones([2, 3]))\n",
            "import numpy as np\nimport tensorflow as tf\n# hybridized as: tf.function(input_signature=[tf.TensorSpec([None, 3])])\ndef f(x):\n    return x * np.ones((x.shape[0], 3), dtype=np.float32)\nresult = f(tf.ones([2, 3]))\n",
            // Through a local, into a slice bound by arithmetic.
            "import tensorflow as tf\n# hybridized as: tf.function(input_signature=[tf.TensorSpec([None, 3])])\ndef f(x):\n    half = x.shape[0] // 2\n    return x[:half]\nresult = f(tf.ones([4, 3]))\n",
            // In a callee it passes the parameter to.
            "import tensorflow as tf\ndef rows_times(t, k):\n    return t.shape[0] * k\n# hybridized as: tf.function(input_signature=[tf.TensorSpec([None, 3])])\ndef f(x):\n    return tf.reshape(x, [rows_times(x, 3)])\nresult = f(tf.ones([2, 3]))\n",
            // Unpacked from the shape; the last axis counted from the end.
            "import tensorflow as tf\n# hybridized as: tf.function(input_signature=[tf.TensorSpec([None, 3])])\ndef f(x):\n    batch, features = x.shape\n    return tf.reshape(x, [batch * features])\nresult = f(tf.ones([2, 3]))\n",
            "import tensorflow as tf\n# hybridized as: tf.function(input_signature=[tf.TensorSpec([None, None])])\ndef f(x):\n    return tf.image.resize(x[None, :, :, None], [x.shape[-2], x.shape[-1] * 2])\nresult = f(tf.ones([2, 3]))\n",
        ],
        nonTriggering: [
            // Dynamic reads are tensors: they trace whatever the signature.
            "import tensorflow as tf\n# hybridized as: tf.function(input_signature=[tf.TensorSpec([None, 3])])\ndef f(x):\n    return tf.reshape(x, [tf.shape(x)[0] * 3])\nresult = f(tf.ones([2, 3]))\n",
            "import tensorflow as tf\n# hybridized as: tf.function(input_signature=[tf.TensorSpec([None, 3])])\ndef f(x):\n    return tf.cast(tf.range(tf.size(x)), tf.float32) * tf.cast(tf.rank(x), tf.float32)\nresult = f(tf.ones([2, 3]))\n",
            // The axis the signature keeps static.
            "import tensorflow as tf\n# hybridized as: tf.function(input_signature=[tf.TensorSpec([None, 3])])\ndef f(x):\n    return tf.reshape(x, [-1, x.shape[1] * 2])\nresult = f(tf.ones([2, 3]))\n",
            "import tensorflow as tf\n# hybridized as: tf.function(input_signature=[tf.TensorSpec([None, 3])])\ndef f(x):\n    return x + tf.zeros([x.shape[-1]])\nresult = f(tf.ones([2, 3]))\n",
            // A callee that reads the static axis only.
            "import tensorflow as tf\ndef width(t):\n    return t.shape[1] * 2\n# hybridized as: tf.function(input_signature=[tf.TensorSpec([None, 3])])\ndef f(x):\n    return tf.reshape(x, [-1, width(x)])\nresult = f(tf.ones([2, 3]))\n",
            // A bare slice bound: `x[:None]` slices to the end.
            "import tensorflow as tf\n# hybridized as: tf.function(input_signature=[tf.TensorSpec([None, 3])])\ndef f(x):\n    return x[: x.shape[0]] * 2.0\nresult = f(tf.ones([2, 3]))\n",
            // Checked for None and replaced by a dynamic read.
            "import tensorflow as tf\n# hybridized as: tf.function(input_signature=[tf.TensorSpec([None, 3])])\ndef f(x):\n    n = x.shape[0]\n    if n is None:\n        n = tf.shape(x)[0]\n    return tf.reshape(x, [n * 3])\nresult = f(tf.ones([2, 3]))\n",
        ])
}
