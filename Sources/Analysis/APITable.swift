import Foundation

/// What a call to an API returns or does, as far as the analysis needs to know (SPEC §2).
///
/// An empty set is a definite answer: the call is known, returns nothing tensor-like and has no
/// effect the analysis cares about (`tf.nest.flatten`, `json.dumps`). A call the table does not
/// know gets `nil` from `APITable`, never an empty set.
public struct APIEffect: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Returns a `tf.Tensor` (or a tensor-like composite: `RaggedTensor`, `SparseTensor`,
    /// `TensorArray`, `LinearOperator`), or a list/tuple of them.
    public static let returnsTensor = APIEffect(rawValue: 1 << 0)
    /// Returns a `tf.Variable` (or `keras.Variable`), or a list of them.
    public static let returnsVariable = APIEffect(rawValue: 1 << 1)
    /// Returns a `tf.data.Dataset`.
    public static let returnsDataset = APIEffect(rawValue: 1 << 2)
    /// Returns a numpy array (or numpy scalar).
    public static let returnsNumpyArray = APIEffect(rawValue: 1 << 3)
    /// Returns a symbolic `keras.KerasTensor` (functional-model construction).
    public static let returnsKerasTensor = APIEffect(rawValue: 1 << 4)
    /// Returns a Keras object whose call returns tensors: a model, a layer, a loss, an
    /// initializer, a learning-rate schedule, a metric. `APITable.resultKind` tells them apart.
    public static let returnsModelOrLayer = APIEffect(rawValue: 1 << 5)
    /// Runs at least one TensorFlow op (the `tensorComputation` fact).
    public static let isTensorFlowOp = APIEffect(rawValue: 1 << 6)
    /// Cannot run while a graph is traced (the `eagerOnlyCalls` fact).
    public static let isEagerOnly = APIEffect(rawValue: 1 << 7)
    /// Changes TensorFlow state through an op that graph execution replays on every call
    /// (`Variable.assign*`, `tf.print`, summaries, asserts, iterator `get_next`). Not a Python
    /// side effect.
    public static let isStateOp = APIEffect(rawValue: 1 << 8)
    /// A Python side effect that graph execution would not replay: printing, logging, file or
    /// socket I/O, process-global configuration, global random state (the `sideEffects` fact).
    public static let isPythonSideEffect = APIEffect(rawValue: 1 << 9)
    /// A numpy or scipy function: applied to a parameter-derived tensor it is `numpyOnParameters`.
    public static let isNumpyCall = APIEffect(rawValue: 1 << 10)
    /// Changes an existing Python object in place: the receiver for a method (`ndarray.sort`,
    /// `model.compile`), the first positional argument for a function (`numpy.copyto`,
    /// `random.shuffle`). A side effect exactly when that object is not one the function created;
    /// the analyzer decides which. `out=` arguments of numpy ufuncs are likewise its business.
    public static let mutatesInPlace = APIEffect(rawValue: 1 << 11)

    /// The common case: a TF op that returns a tensor.
    public static let tensorOp: APIEffect = [.returnsTensor, .isTensorFlowOp]
    /// A TF op that changes TF state (replayed by the graph).
    public static let stateOp: APIEffect = [.isStateOp, .isTensorFlowOp]
    /// A numpy function returning an array.
    public static let numpyArrayCall: APIEffect = [.isNumpyCall, .returnsNumpyArray]

    public var description: String {
        let names: [(APIEffect, String)] = [
            (.returnsTensor, "returnsTensor"), (.returnsVariable, "returnsVariable"),
            (.returnsDataset, "returnsDataset"), (.returnsNumpyArray, "returnsNumpyArray"),
            (.returnsKerasTensor, "returnsKerasTensor"), (.returnsModelOrLayer, "returnsModelOrLayer"),
            (.isTensorFlowOp, "isTensorFlowOp"), (.isEagerOnly, "isEagerOnly"), (.isStateOp, "isStateOp"),
            (.isPythonSideEffect, "isPythonSideEffect"), (.isNumpyCall, "isNumpyCall"),
            (.mutatesInPlace, "mutatesInPlace"),
        ]
        return "[" + names.filter { contains($0.0) }.map(\.1).joined(separator: ", ") + "]"
    }
}

/// TensorFlow, Keras and numpy APIs by canonical dotted name, for the analysis (SPEC §2).
///
/// How the analyzer uses it:
/// - A call `f(...)` whose resolved name is `n`: `effect(ofFunction: n)`; the value it returns has
///   `resultKind(ofFunction: n)`.
/// - A method call `x.m(...)` (or property read `x.p`) where `x` has a known kind:
///   `effect(ofMethod: "m", onReceiverKind: kind)` and `resultKind(ofMethod:onReceiverKind:)`.
///   Builtins applied to such a value map to its dunder: `iter(x)` is `__iter__`, `next(x)` is
///   `__next__`, `x[i]` is `__getitem__`, `x(...)` is `__call__`, `a + b` is `__add__`.
/// - A `for` over a value of a known kind binds the loop variable to `elementKind(ofIterating:)`.
///   Elements of a `.dataset` are tensors (they make `tensorParameter` true); iterating a dataset
///   inside `tf.function` is lowered by AutoGraph to a dataset loop, so it is *not*
///   `tensorIteration`, which is only a Python `for` over a `.tensor`/`.variable` parameter.
/// - `bool(t)` and `complex(t)` on a tensor are eager-only (a symbolic tensor has no value to
///   convert); they are builtins, so the analyzer checks `eagerOnlyConversions`. `float(t)` and
///   `int(t)` are not: AutoGraph turns them into casts.
/// - `tf.py_function` and `tf.numpy_function` are the escape hatch: they are ordinary TF ops whose
///   Python body runs on every graph call, so eager-only calls and numpy calls *inside the function
///   they wrap* do not count against the caller.
public enum APITable {
    /// Python builtins that need a concrete value: applied to a tensor they fail while tracing
    /// (`OperatorNotAllowedInGraphError` / `TypeError` on a symbolic tensor, TF 2.21). `float`
    /// and `int` are not among them: AutoGraph, on by default in `tf.function`, rewrites them to
    /// `float_`/`int_`, which cast a tensor to float32/int32 (TF 2.21
    /// autograph/operators/py_builtins.py, `BUILTIN_FUNCTIONS_MAP`), so `int(tf.shape(x)[0])`
    /// traces. `bool` and `complex` are not rewritten, and a symbolic tensor refuses them.
    public static let eagerOnlyConversions: Set<String> = ["bool", "complex"]

    /// One spelling per API. Keras 3 is importable as `keras`, `tf.keras` (TF 2.16+ re-exports
    /// Keras 3 when it is installed; `tf.keras.layers.Dense is keras.layers.Dense` on TF 2.21 /
    /// Keras 3.15) and, for Keras 2 projects, `tf_keras`; all are looked up under `keras.`.
    /// `tensorflow.compat.v2.X` is `tensorflow.X`, and builtins are bare (`builtins.print` is `print`).
    public static func normalize(_ canonicalName: String) -> String {
        for (prefix, replacement) in aliasPrefixes where canonicalName.hasPrefix(prefix) {
            return replacement + canonicalName.dropFirst(prefix.count)
        }
        return canonicalName
    }

    /// What calling the function or class `canonicalName` does; `nil` when the table does not know it.
    /// Exact names win over prefix rules, and a longer prefix wins over a shorter one.
    public static func effect(ofFunction canonicalName: String) -> APIEffect? {
        if let known = knownEffects.answer(for: canonicalName) { return known }
        let name = normalize(canonicalName)
        let answer: APIEffect?
        if let exact = functions[name] {
            answer = exact
        } else if let rule = prefixRule(for: name) {
            answer = isClassName(name) ? rule.classEffect : rule.functionEffect
        } else {
            answer = nil
        }
        knownEffects.remember(answer, for: canonicalName)
        return answer
    }

    /// Answers already given: the analysis asks about the same few thousand names in every
    /// round, and a miss walks the prefix rules (on the Keras sources this saved half a second).
    private static let knownEffects = EffectCache()

    private final class EffectCache: @unchecked Sendable {
        private let lock = NSLock()
        private var answers: [String: APIEffect?] = [:]

        func answer(for name: String) -> APIEffect?? {
            lock.lock()
            defer { lock.unlock() }
            return answers[name]
        }

        func remember(_ answer: APIEffect?, for name: String) {
            lock.lock()
            answers[name] = answer
            lock.unlock()
        }
    }

    /// What calling method (or reading property) `name` on a value of `kind` does.
    public static func effect(ofMethod name: String, onReceiverKind kind: ReceiverKind) -> APIEffect? {
        methods[kind]?[name]
    }

    /// The kind of the value a call to `canonicalName` returns, so its methods can be looked up.
    public static func resultKind(ofFunction canonicalName: String) -> ReceiverKind? {
        let name = normalize(canonicalName)
        if let kind = functionResultKinds[name] { return kind }
        if isClassName(name),
           let match = classResultKindPrefixes.filter({ name.hasPrefix($0.key) }).max(by: { $0.key.count < $1.key.count }) {
            return match.value
        }
        return effect(ofFunction: name).flatMap(kind(returnedBy:))
    }

    /// The kind of the value `receiver.name(...)` (or the property `receiver.name`) returns.
    public static func resultKind(ofMethod name: String, onReceiverKind kind: ReceiverKind) -> ReceiverKind? {
        if let special = methodResultKinds[kind]?[name] { return special }
        return effect(ofMethod: name, onReceiverKind: kind).flatMap(APITable.kind(returnedBy:))
    }

    /// The kind of each element a Python `for` over a value of `kind` binds.
    public static func elementKind(ofIterating kind: ReceiverKind) -> ReceiverKind? {
        switch kind {
        case .dataset, .datasetIterator, .tensor, .variable: return .tensor
        case .numpyArray: return .numpyArray
        case .kerasModel, .kerasLayer, .kerasMetric, .optimizer, .gradientTape: return nil
        }
    }

    // MARK: - Lookup machinery

    private static let aliasPrefixes: [(String, String)] = [
        ("tensorflow.keras.", "keras."),
        ("tensorflow.python.keras.", "keras."),
        ("tensorflow.compat.v2.keras.", "keras."),
        ("keras._tf_keras.keras.", "keras."),
        ("keras.api.", "keras."),
        ("tf_keras.", "keras."),
        ("tensorflow.compat.v2.", "tensorflow."),
        ("builtins.", ""),
    ]

    static let functions: [String: APIEffect] = merge(functionGroups)

    static let methods: [ReceiverKind: [String: APIEffect]] = methodGroups.mapValues(merge)

    private static let sortedPrefixRules: [PrefixRule] = prefixRules.sorted { $0.prefix.count > $1.prefix.count }

    private static func prefixRule(for name: String) -> PrefixRule? {
        sortedPrefixRules.first { name.hasPrefix($0.prefix) }
    }

    /// Python spells classes in CamelCase: `keras.layers.Dense` constructs, `keras.layers.add` computes.
    private static func isClassName(_ name: String) -> Bool {
        guard let last = name.split(separator: ".").last, let first = last.first else { return false }
        return first.isUppercase
    }

    private static func kind(returnedBy effect: APIEffect) -> ReceiverKind? {
        if effect.contains(.returnsVariable) { return .variable }
        if effect.contains(.returnsDataset) { return .dataset }
        if effect.contains(.returnsModelOrLayer) { return .kerasLayer }
        if effect.contains(.returnsTensor) || effect.contains(.returnsKerasTensor) { return .tensor }
        if effect.contains(.returnsNumpyArray) { return .numpyArray }
        return nil
    }

    private static func merge(_ groups: [APIGroup]) -> [String: APIEffect] {
        var table: [String: APIEffect] = [:]
        for group in groups {
            for name in group.names {
                let key = group.module.isEmpty ? name : group.module + "." + name
                table[key, default: []].formUnion(group.effect)
            }
        }
        return table
    }
}

extension APITable {
    /// The kind of a value whose methods the table knows.
    public enum ReceiverKind: String, CaseIterable, Sendable {
        /// `tf.Tensor` (eager or symbolic), `RaggedTensor`, `SparseTensor`, `keras.KerasTensor`.
        case tensor
        case variable
        case dataset
        /// What `iter(dataset)` returns (`OwnedIterator` in TF 2.21).
        case datasetIterator
        case kerasModel
        /// A Keras layer, or any other Keras object whose call returns tensors and has no state worth
        /// tracking: a loss object, an initializer, a regularizer, a learning-rate schedule.
        case kerasLayer
        /// A `keras.metrics.Metric`: calling it updates its state variables, then returns the result.
        case kerasMetric
        case optimizer
        case numpyArray
        case gradientTape
    }
}

/// Names under `module` that share one effect.
struct APIGroup: Sendable {
    let effect: APIEffect
    let module: String
    let names: [String]

    init(_ effect: APIEffect, _ module: String = "", _ names: [String]) {
        self.effect = effect
        self.module = module
        self.names = names
    }
}

/// Everything under `prefix` not named exactly. Classes (CamelCase last component) and functions
/// may differ: `keras.losses.MeanSquaredError` builds a loss object, `keras.losses.mean_squared_error`
/// computes a tensor. A `nil` side means unknown.
struct PrefixRule: Sendable {
    let prefix: String
    let classEffect: APIEffect?
    let functionEffect: APIEffect?

    init(_ prefix: String, _ effect: APIEffect) {
        self.init(prefix, classes: effect, functions: effect)
    }

    init(_ prefix: String, classes: APIEffect?, functions: APIEffect?) {
        self.prefix = prefix
        classEffect = classes
        functionEffect = functions
    }
}

// MARK: - Functions by exact name
//
// Seen on TF 2.21, Keras 3.15, numpy 2.4 (the hybridize venv). Anything under a prefix rule
// (next section) is listed here only when it differs from the rule.

extension APITable {
    static let functionGroups: [APIGroup] = [
        // Top-level tf ops: each builds (graph) or runs (eager) ops and returns tensors; `unstack`,
        // `split`, `meshgrid`, `unique`, `shape_n`, `identity_n` return lists or tuples of tensors.
        // The control-flow constructs (`cond`, `while_loop`, `map_fn`, `scan`, `case`) lower to ops.
        APIGroup(.tensorOp, "tensorflow", [
            "constant", "convert_to_tensor", "zeros", "ones", "zeros_like", "ones_like", "fill",
            "range", "linspace", "eye", "identity", "identity_n", "reshape", "transpose", "concat",
            "stack", "parallel_stack", "unstack", "split", "gather", "gather_nd", "where", "cast",
            "saturate_cast", "bitcast", "complex", "matmul", "einsum", "tensordot", "scalar_mul",
            "reduce_sum", "reduce_mean", "reduce_max", "reduce_min", "reduce_prod", "reduce_all",
            "reduce_any", "reduce_logsumexp", "argmax", "argmin", "add", "add_n", "subtract",
            "multiply", "divide", "truediv", "realdiv", "truncatediv", "truncatemod", "negative",
            "abs", "exp", "sqrt", "square", "pow", "floor", "round", "sign", "sigmoid", "tanh",
            "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "asinh", "acosh",
            "atanh", "maximum", "minimum", "clip_by_value", "clip_by_norm", "clip_by_global_norm",
            "norm", "one_hot", "squeeze", "expand_dims", "tile", "pad", "repeat", "reverse",
            "reverse_sequence", "roll", "slice", "strided_slice", "broadcast_to",
            "broadcast_dynamic_shape", "shape", "shape_n", "size", "rank", "sort", "argsort",
            "searchsorted", "unique", "unique_with_counts", "unravel_index", "cumsum", "equal",
            "not_equal", "less", "less_equal", "greater", "greater_equal", "logical_and",
            "logical_or", "logical_not", "tensor_scatter_nd_add", "tensor_scatter_nd_sub",
            "tensor_scatter_nd_min", "tensor_scatter_nd_max", "tensor_scatter_nd_update",
            "scatter_nd", "boolean_mask", "sequence_mask", "dynamic_partition", "dynamic_stitch",
            "edit_distance", "eig", "eigvals", "matrix_square_root", "approx_top_k", "as_string",
            "batch_to_space", "space_to_batch", "space_to_batch_nd",
            "required_space_to_batch_paddings", "extract_volume_patches", "fingerprint",
            "histogram_fixed_width", "histogram_fixed_width_bins", "meshgrid", "guarantee_const",
            "stop_gradient", "ensure_shape", "random_index_shuffle", "timestamp", "conv",
            "conv2d_backprop_filter_v2", "conv2d_backprop_input_v2", "fftnd", "ifftnd", "rfftnd",
            "irfftnd", "gradients", "hessians", "cond", "case", "switch_case", "while_loop",
            "map_fn", "scan", "foldl", "foldr", "vectorized_map", "tuple",
            // Composite tensors: constructing one packs component tensors.
            "SparseTensor", "IndexedSlices", "TensorArray",
            // The escape hatch: an op whose Python body runs on every graph call (see type doc).
            "py_function", "numpy_function",
        ]),
        // `tf.RaggedTensor` has no public constructor; these classmethods build one from tensors.
        APIGroup(.tensorOp, "tensorflow.RaggedTensor", [
            "from_tensor", "from_sparse", "from_row_splits", "from_row_lengths", "from_row_starts",
            "from_row_limits", "from_value_rowids", "from_uniform_row_length",
            "from_nested_row_splits", "from_nested_row_lengths", "from_nested_value_rowids",
        ]),
        // Ops returning an `Operation` rather than a tensor.
        APIGroup(.isTensorFlowOp, "tensorflow", ["no_op", "group"]),
        // Creating a variable runs VarHandleOp and an initializer op; its value is a `.variable`.
        APIGroup([.returnsVariable, .isTensorFlowOp], "tensorflow", ["Variable"]),
        APIGroup([.returnsVariable, .isTensorFlowOp], "keras", ["Variable"]),
        APIGroup([.returnsVariable, .isTensorFlowOp], "tensorflow.io", ["match_filenames_once"]),
        // TF state ops, replayed by the graph on each call: `tf.print` is PrintV2, the asserts are
        // Assert ops (and no-ops when the condition is static). Not Python side effects (SPEC §2).
        APIGroup(.stateOp, "tensorflow", [
            "print", "Assert", "assert_equal", "assert_greater", "assert_less", "assert_rank",
        ]),
        // Writes a file through the WriteFile op (replayed by the graph), unlike Python `open`.
        APIGroup(.stateOp, "tensorflow.io", ["write_file"]),
        // No op, no effect: decorators, scopes, type objects, static queries. `tf.function` itself
        // only wraps; `tf.GradientTape()` returns a `.gradientTape` (see `functionResultKinds`).
        APIGroup([], "tensorflow", [
            "function", "GradientTape", "Module", "name_scope", "device", "init_scope",
            "control_dependencies", "custom_gradient", "recompute_grad", "grad_pass_through",
            "executing_eagerly", "inside_function", "is_tensor", "is_symbolic_tensor",
            "get_current_name_scope", "TensorShape", "TensorSpec", "RaggedTensorSpec",
            "SparseTensorSpec", "IndexedSlicesSpec", "TensorArraySpec", "TypeSpec", "DType",
            "DeviceSpec", "as_dtype", "type_spec_from_value", "broadcast_static_shape",
            "make_tensor_proto", "get_logger", "constant_initializer", "zeros_initializer",
            "ones_initializer", "random_normal_initializer", "random_uniform_initializer",
            "no_gradient", "variable_creator_scope", "CriticalSection", "UnconnectedGradients",
            "VariableAggregation", "VariableSynchronization", "AggregationMethod",
        ]),
        // `get_static_value` constant-folds at trace time (None if it cannot); `make_ndarray`
        // decodes a TensorProto. Both produce numpy values without running an op.
        APIGroup(.returnsNumpyArray, "tensorflow", ["get_static_value", "make_ndarray"]),
        // Process-global registries: changed once while tracing, never by the graph.
        APIGroup(.isPythonSideEffect, "tensorflow", [
            "register_tensor_conversion_function", "load_library", "load_op_library",
        ]),

        // tf.random: `set_seed` sets the global seed on the eager context, or the FuncGraph's seed
        // when called while tracing (random_seed.py, TF 2.21): it happens at trace time only, so a
        // hybrid function would not reset the random sequence on each call. Python state, then.
        APIGroup(.isPythonSideEffect, "tensorflow.random", ["set_seed", "set_global_generator"]),
        APIGroup([], "tensorflow.random", ["get_global_generator"]),
        // A Generator owns a state variable; its draws are methods on an object the table does
        // not track.
        APIGroup(.isTensorFlowOp, "tensorflow.random", [
            "Generator", "Generator.from_seed", "Generator.from_non_deterministic_state",
            "Generator.from_state", "Generator.from_key_counter", "experimental.Generator",
        ]),
        APIGroup(.returnsNumpyArray, "tensorflow.random", ["create_rng_state"]),

        // tf.debugging: asserts are Assert ops (prefix rule); these toggle process-wide settings.
        APIGroup(.tensorOp, "tensorflow.debugging", ["check_numerics"]),
        APIGroup(.isPythonSideEffect, "tensorflow.debugging", [
            "enable_check_numerics", "disable_check_numerics", "set_log_device_placement",
            "enable_traceback_filtering", "disable_traceback_filtering",
        ]),
        APIGroup([], "tensorflow.debugging", [
            "get_log_device_placement", "is_traceback_filtering_enabled", "is_numeric_tensor",
            "assert_proper_iterable", "assert_same_float_dtype",
        ]),

        // tf.summary: writes are ops on a writer resource (prefix rule); the trace_* functions
        // drive the profiler from Python and run only once while tracing.
        APIGroup(.isPythonSideEffect, "tensorflow.summary", ["trace_on", "trace_off", "trace_export"]),
        APIGroup(.isTensorFlowOp, "tensorflow.summary", ["create_file_writer"]),
        APIGroup([], "tensorflow.summary", ["create_noop_writer", "record_if", "SummaryWriter"]),
        APIGroup(.tensorOp, "tensorflow.summary", ["should_record_summaries"]),

        // tf.io: parsing/decoding are ops (prefix rule); these are Python-level writers or configs.
        APIGroup(.isPythonSideEffect, "tensorflow.io", ["TFRecordWriter", "write_graph"]),
        APIGroup([], "tensorflow.io", [
            "FixedLenFeature", "FixedLenSequenceFeature", "VarLenFeature", "SparseFeature",
            "RaggedFeature", "TFRecordOptions",
        ]),
        // tf.io.gfile is Python file I/O (prefix rule) except path arithmetic.
        APIGroup([], "tensorflow.io.gfile", ["join"]),

        // tf.config: setters change process-global runtime state; getters only read it.
        // `run_functions_eagerly` in particular changes how every tf.function runs.
        APIGroup(.isPythonSideEffect, "tensorflow.config", [
            "run_functions_eagerly", "experimental_run_functions_eagerly", "set_visible_devices",
            "set_logical_device_configuration", "set_soft_device_placement",
            "experimental_connect_to_cluster", "experimental_connect_to_host",
            "experimental.set_memory_growth", "experimental.set_visible_devices",
            "experimental.set_virtual_device_configuration", "experimental.enable_op_determinism",
            "experimental.enable_tensor_float_32_execution", "experimental.set_device_policy",
            "experimental.set_synchronous_execution", "experimental.reset_memory_stats",
            "experimental.enable_mlir_bridge", "experimental.disable_mlir_bridge",
            "threading.set_inter_op_parallelism_threads", "threading.set_intra_op_parallelism_threads",
            "optimizer.set_jit", "optimizer.set_experimental_options",
        ]),
        APIGroup([], "tensorflow.config", [
            "list_physical_devices", "list_logical_devices", "get_visible_devices",
            "get_logical_device_configuration", "get_soft_device_placement",
            "functions_run_eagerly", "experimental_functions_run_eagerly",
            "experimental.list_physical_devices", "experimental.list_logical_devices",
            "experimental.get_memory_growth", "experimental.get_visible_devices",
            "experimental.get_device_details", "experimental.get_memory_info",
            "experimental.tensor_float_32_execution_enabled", "LogicalDeviceConfiguration",
        ]),

        // tf.data: building a dataset creates dataset ops (in a graph too); `.dataset` values.
        APIGroup([.returnsDataset, .isTensorFlowOp], "tensorflow.data", [
            "TFRecordDataset", "TextLineDataset", "FixedLengthRecordDataset",
        ]),
        APIGroup([.returnsDataset, .isTensorFlowOp], "tensorflow.data.experimental", [
            "make_csv_dataset", "make_batched_features_dataset", "CsvDataset", "SqlDataset",
            "RandomDataset", "Counter", "from_list", "sample_from_datasets", "choose_from_datasets",
            "load",
        ]),
        APIGroup(.tensorOp, "tensorflow.data.experimental", [
            "get_single_element", "cardinality", "get_next_as_optional",
        ]),
        APIGroup(.isPythonSideEffect, "tensorflow.data.experimental", ["enable_debug_mode"]),
        APIGroup([], "tensorflow.data", [
            "Options", "DatasetSpec", "IteratorSpec", "ThreadingOptions", "AUTOTUNE",
            "INFINITE_CARDINALITY", "UNKNOWN_CARDINALITY",
        ]),

        // Checkpoints and SavedModels are Python-driven file I/O (saved_model.save refuses to run
        // inside a tf.function on TF 2.21).
        APIGroup(.isPythonSideEffect, "tensorflow.saved_model", ["save", "load", "contains_saved_model"]),
        APIGroup(.isPythonSideEffect, "tensorflow.train", [
            "latest_checkpoint", "list_variables", "load_checkpoint", "load_variable",
            "checkpoints_iterator", "get_checkpoint_state",
        ]),
        APIGroup([], "tensorflow.train", [
            "Checkpoint", "CheckpointManager", "CheckpointOptions", "ExponentialMovingAverage",
            "Example", "SequenceExample", "Feature", "Features", "FeatureList", "FeatureLists",
            "BytesList", "FloatList", "Int64List",
        ]),
        // `autograph.trace` prints while tracing only (ag_logging.py, TF 2.21).
        APIGroup(.isPythonSideEffect, "tensorflow.autograph", ["trace", "set_verbosity"]),
        APIGroup([], "tensorflow.autograph", ["to_code", "to_graph", "experimental.do_not_convert"]),
        // tf.experimental.numpy is TF ops (prefix rule); switching numpy behaviour on patches
        // `tf.Tensor` process-wide.
        APIGroup(.isPythonSideEffect, "tensorflow.experimental.numpy", ["experimental_enable_numpy_behavior"]),
        APIGroup(.tensorOp, "tensorflow.dtypes", ["cast", "saturate_cast", "complex"]),

        // MARK: Keras (Keras 3.15; `tf.keras`/`tf_keras` normalise to `keras`)
        // `keras.Input` returns a symbolic KerasTensor for functional-model construction.
        APIGroup(.returnsKerasTensor, "keras", ["Input", "KerasTensor"]),
        APIGroup(.returnsKerasTensor, "keras.layers", ["Input"]),
        APIGroup([], "keras", ["InputSpec", "Optimizer", "name_scope", "device", "StatelessScope",
                               "SymbolicScope", "RematScope", "DTypePolicy", "FloatDTypePolicy"]),
        APIGroup([], "keras.layers", ["InputSpec", "serialize", "deserialize"]),
        // Models and layers: calling one returns tensors (`resultKind` tells model from layer).
        APIGroup(.returnsModelOrLayer, "keras", ["Model", "Sequential", "Layer", "Loss", "Metric",
                                                "Function", "Initializer", "Regularizer"]),
        APIGroup(.returnsModelOrLayer, "keras.models", ["Model", "Sequential", "clone_model", "model_from_json"]),
        // Loading reads the file system (and may download weights).
        APIGroup([.returnsModelOrLayer, .isPythonSideEffect], "keras.models", ["load_model"]),
        APIGroup([.returnsModelOrLayer, .isPythonSideEffect], "keras.saving", ["load_model"]),
        APIGroup(.isPythonSideEffect, "keras.models", ["save_model"]),
        APIGroup(.isPythonSideEffect, "keras.saving", ["save_model", "save_weights", "load_weights"]),
        APIGroup([], "keras.saving", [
            "register_keras_serializable", "serialize_keras_object", "deserialize_keras_object",
            "get_registered_name", "get_registered_object", "get_custom_objects",
            "custom_object_scope", "CustomObjectScope",
        ]),
        // keras.ops on the TF backend run TF ops; these return Python or numpy values instead.
        // `convert_to_numpy` raises on a symbolic tensor (keras/src/ops/core.py, Keras 3.15).
        APIGroup([.returnsNumpyArray, .isEagerOnly], "keras.ops", ["convert_to_numpy"]),
        APIGroup([], "keras.ops", ["is_tensor", "dtype", "custom_gradient", "vectorize"]),
        // keras.random draws advance a SeedGenerator's state variable (the global one when
        // `seed=None`): a variable assign, replayed by the graph.
        APIGroup([], "keras.random", ["SeedGenerator"]),
        // Lookup helpers that return a Keras object or a config, no tensors.
        APIGroup([], "keras.losses", ["get", "serialize", "deserialize"]),
        APIGroup([], "keras.metrics", ["get", "serialize", "deserialize"]),
        APIGroup([], "keras.activations", ["get", "serialize", "deserialize"]),
        APIGroup([], "keras.initializers", ["get", "serialize", "deserialize"]),
        APIGroup([], "keras.regularizers", ["get", "serialize", "deserialize"]),
        APIGroup([], "keras.constraints", ["get", "serialize", "deserialize"]),
        APIGroup([], "keras.optimizers", ["get", "serialize", "deserialize"]),
        APIGroup([], "keras.mixed_precision", ["LossScaleOptimizer", "DTypePolicy", "Policy",
                                               "dtype_policy", "global_policy"]),
        APIGroup(.isPythonSideEffect, "keras.mixed_precision", ["set_global_policy", "set_dtype_policy"]),
        // Process-global Keras state: the session's name uids and graph, global seeds, config.
        // `set_random_seed` seeds Python's `random`, numpy and TF at once.
        APIGroup(.isPythonSideEffect, "keras.utils", [
            "set_random_seed", "clear_session", "plot_model", "model_to_dot", "get_file",
            "load_img", "save_img", "enable_interactive_logging", "disable_interactive_logging",
        ]),
        // Scan a directory (I/O, and they print "Found N files") and return a tf.data pipeline.
        APIGroup([.returnsDataset, .isPythonSideEffect], "keras.utils", [
            "image_dataset_from_directory", "text_dataset_from_directory",
            "audio_dataset_from_directory",
        ]),
        APIGroup([.returnsDataset, .isTensorFlowOp], "keras.utils", ["timeseries_dataset_from_array", "split_dataset"]),
        // TensorFlow Datasets: `load` downloads and prepares the data, then returns a tf.data
        // pipeline.
        APIGroup([.returnsDataset, .isPythonSideEffect], "tensorflow_datasets", ["load"]),
        // Keras 3.15 `to_categorical` uses keras.ops on a backend tensor, numpy otherwise.
        APIGroup(.tensorOp, "keras.utils", ["to_categorical"]),
        APIGroup(.numpyArrayCall, "keras.utils", ["pad_sequences", "img_to_array", "array_to_img"]),
        APIGroup([], "keras.utils", [
            "Progbar", "PyDataset", "Sequence", "is_keras_tensor", "register_keras_serializable",
            "serialize_keras_object", "deserialize_keras_object", "custom_object_scope",
            "get_custom_objects", "get_registered_name", "get_registered_object",
            "pack_x_y_sample_weight", "unpack_x_y_sample_weight", "standardize_dtype",
            "get_source_inputs",
        ]),
        APIGroup(.isPythonSideEffect, "keras.backend", [
            "clear_session", "set_epsilon", "set_floatx", "set_image_data_format",
        ]),
        APIGroup([], "keras.backend", [
            "backend", "epsilon", "floatx", "image_data_format", "is_keras_tensor", "get_uid",
            "is_float_dtype", "is_int_dtype", "result_type", "standardize_dtype",
        ]),
        // Keras 2 backend (tf_keras 2.x, normalised to keras.backend): `get_value`/`eval` call
        // `.numpy()`; `set_value` assigns the variable.
        APIGroup([.returnsNumpyArray, .isEagerOnly], "keras.backend", ["get_value", "batch_get_value", "eval"]),
        APIGroup(.stateOp, "keras.backend", ["set_value", "batch_set_value"]),
        APIGroup(.tensorOp, "keras.backend", ["constant", "cast", "mean", "sum", "square", "sqrt", "abs"]),
        APIGroup([], "keras.config", [
            "backend", "epsilon", "floatx", "image_data_format", "dtype_policy",
            "is_interactive_logging_enabled", "is_traceback_filtering_enabled",
            "is_flash_attention_enabled", "is_nnx_enabled", "max_epochs", "max_steps_per_epoch",
        ]),

        // MARK: Python side effects (SPEC §2: state graph execution would not replay)
        // Builtins are bare names (normalize drops `builtins.`).
        APIGroup(.isPythonSideEffect, "", ["print", "open", "input", "breakpoint", "exit", "quit"]),
        // Reads count too: a traced graph would keep what they saw at trace time.
        APIGroup(.isPythonSideEffect, "os", [
            "remove", "unlink", "rename", "renames", "replace", "mkdir", "makedirs", "rmdir",
            "removedirs", "chdir", "chmod", "chown", "symlink", "link", "truncate", "write", "read",
            "system", "popen", "putenv", "unsetenv", "listdir", "scandir", "walk", "stat", "utime",
            "_exit", "kill", "fsync",
        ]),
        APIGroup(.isPythonSideEffect, "os.path", [
            "exists", "isfile", "isdir", "islink", "getsize", "getmtime", "getctime", "getatime",
        ]),
        APIGroup([], "os.path", [
            "join", "basename", "dirname", "split", "splitext", "normpath", "expanduser",
            "abspath", "relpath", "isabs",
        ]),
        APIGroup([], "os", ["getenv", "environ.get", "getpid", "cpu_count", "fspath"]),
        APIGroup(.isPythonSideEffect, "sys", [
            "stdout.write", "stderr.write", "stdout.flush", "stderr.flush", "exit",
            "setrecursionlimit",
        ]),
        APIGroup(.isPythonSideEffect, "json", ["dump", "load"]),
        APIGroup([], "json", ["dumps", "loads"]),
        APIGroup(.isPythonSideEffect, "pickle", ["dump", "load"]),
        APIGroup([], "pickle", ["dumps", "loads"]),
        APIGroup(.isPythonSideEffect, "time", ["sleep"]),
        // Threads and worker pools run Python on their own: inside a graph they would run once,
        // at trace time, and TensorFlow's graph context is thread-local, so a worker thread sees
        // eager mode with symbolic tensors (TF 2.21, framework/ops.py `_DefaultGraphStack`).
        // Making one is taken as starting it: nobody makes a thread to leave it idle.
        APIGroup(.isPythonSideEffect, "threading", ["Thread", "Timer"]),
        APIGroup(.isPythonSideEffect, "concurrent.futures", ["ThreadPoolExecutor", "ProcessPoolExecutor"]),
        APIGroup(.isPythonSideEffect, "multiprocessing", ["Process", "Pool"]),
        APIGroup(.isPythonSideEffect, "warnings", ["warn", "filterwarnings", "simplefilter", "resetwarnings"]),
        APIGroup(.isPythonSideEffect, "pdb", ["set_trace"]),
        APIGroup(.isPythonSideEffect, "urllib.request", ["urlopen", "urlretrieve"]),
        APIGroup(.isPythonSideEffect, "wandb", ["init", "log", "finish", "save", "watch"]),
        // Logging configuration and loggers themselves are inert; emitting is the effect.
        APIGroup([], "logging", ["getLogger", "getLevelName", "Logger", "Formatter", "LoggerAdapter"]),
        // Python's `random` and `shuffle` mutate the list argument besides the global RNG.
        APIGroup([.isPythonSideEffect, .mutatesInPlace], "random", ["shuffle"]),
        APIGroup([], "random", ["Random"]),

        // MARK: numpy / scipy (numpy 2.4): every function is a numpy call (prefix rule)
        // File I/O through numpy.
        APIGroup([.isNumpyCall, .isPythonSideEffect], "numpy", ["save", "savez", "savez_compressed", "savetxt"]),
        APIGroup([.isNumpyCall, .isPythonSideEffect, .returnsNumpyArray], "numpy", [
            "load", "loadtxt", "genfromtxt", "fromfile", "memmap",
        ]),
        // Process-global numpy settings; `info`/`show_config` print.
        APIGroup([.isNumpyCall, .isPythonSideEffect], "numpy", [
            "set_printoptions", "seterr", "seterrcall", "setbufsize", "info", "show_config",
        ]),
        // Scoped settings, undone on exit.
        APIGroup(.isNumpyCall, "numpy", ["printoptions", "errstate", "get_printoptions", "geterr"]),
        // Write into their first argument.
        // Module constants, not calls.
        APIGroup([], "numpy", ["pi", "e", "inf", "nan", "newaxis", "euler_gamma"]),
        // Scalar types: calling one converts its argument (a numpy call), but read as an attribute
        // (`dtype=np.float32`) the name is a type, not an array, so no `returnsNumpyArray`.
        APIGroup(.isNumpyCall, "numpy", [
            "dtype", "float16", "float32", "float64", "half", "single", "double", "longdouble",
            "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "intp",
            "uintp", "int_", "bool_", "bool", "complex64", "complex128", "str_", "bytes_",
            "object_", "number", "integer", "floating", "generic",
        ]),
        APIGroup([.isNumpyCall, .mutatesInPlace], "numpy", [
            "copyto", "place", "put", "put_along_axis", "putmask", "fill_diagonal",
        ]),
        // Legacy `numpy.random.*` functions draw from the module-global RandomState (prefix rule);
        // these own their state instead, or only read it.
        APIGroup(.isNumpyCall, "numpy.random", ["default_rng", "get_state", "get_bit_generator"]),
        APIGroup([.isNumpyCall, .isPythonSideEffect], "numpy.random", ["seed", "set_state", "set_bit_generator"]),
        APIGroup([.isNumpyCall, .isPythonSideEffect, .mutatesInPlace], "numpy.random", ["shuffle"]),
        APIGroup([.isNumpyCall, .isPythonSideEffect], "scipy.io", ["savemat", "wavfile.write", "mmwrite"]),
        APIGroup([.isNumpyCall, .isPythonSideEffect, .returnsNumpyArray], "scipy.io", [
            "loadmat", "wavfile.read", "mmread",
        ]),
    ]
}

// MARK: - Functions by prefix

extension APITable {
    static let prefixRules: [PrefixRule] = [
        // Whole tf op modules: every public function builds ops and returns tensors (TF 2.21).
        // Classes there (`tf.linalg.LinearOperatorFullMatrix`, `tf.sparse.SparseTensor`) are
        // tensor-like composites built from tensors.
        PrefixRule("tensorflow.math.", .tensorOp),
        PrefixRule("tensorflow.nn.", .tensorOp),
        PrefixRule("tensorflow.linalg.", .tensorOp),
        PrefixRule("tensorflow.random.", .tensorOp),
        PrefixRule("tensorflow.image.", .tensorOp),
        PrefixRule("tensorflow.signal.", .tensorOp),
        PrefixRule("tensorflow.strings.", .tensorOp),
        PrefixRule("tensorflow.sparse.", .tensorOp),
        PrefixRule("tensorflow.ragged.", .tensorOp),
        PrefixRule("tensorflow.bitwise.", .tensorOp),
        PrefixRule("tensorflow.sets.", .tensorOp),
        PrefixRule("tensorflow.audio.", .tensorOp),
        PrefixRule("tensorflow.quantization.", .tensorOp),
        PrefixRule("tensorflow.raw_ops.", .tensorOp),
        PrefixRule("tensorflow.io.", .tensorOp),
        // tf.experimental.numpy is implemented with TF ops, not numpy: not a numpy call.
        PrefixRule("tensorflow.experimental.numpy.", .tensorOp),
        // Lookup tables are resources initialised and queried by ops.
        PrefixRule("tensorflow.lookup.", .isTensorFlowOp),
        // Summary writes, debugging asserts: ops on TF state, replayed by the graph.
        PrefixRule("tensorflow.summary.", .stateOp),
        PrefixRule("tensorflow.debugging.", .stateOp),
        // tf.debugging.experimental.enable_dump_debug_info & co. configure the process.
        PrefixRule("tensorflow.debugging.experimental.", .isPythonSideEffect),
        // tf.io.gfile is a Python file API (GFile objects, listdir, makedirs...).
        PrefixRule("tensorflow.io.gfile.", .isPythonSideEffect),
        // The profiler starts/stops from Python and writes trace files.
        PrefixRule("tensorflow.profiler.", .isPythonSideEffect),
        // tf.nest and keras.tree rearrange Python structures; no op of their own.
        // Enum-like classes inside op modules: read as attributes (`method=tf.image.ResizeMethod.AREA`),
        // never tensors.
        PrefixRule("tensorflow.image.ResizeMethod", []),
        PrefixRule("tensorflow.random.Algorithm", []),
        PrefixRule("tensorflow.nest.", []),
        PrefixRule("keras.tree.", []),
        PrefixRule("tensorflow.dtypes.", []),
        PrefixRule("tensorflow.errors.", []),
        // Every `Dataset` classmethod (from_tensor_slices, from_tensors, range, zip, from_generator,
        // list_files, load, counter, random, choose_from_datasets, sample_from_datasets) builds a
        // dataset; most other tf.data.experimental names return a transformation for `.apply`.
        PrefixRule("tensorflow.data.Dataset.", [.returnsDataset, .isTensorFlowOp]),
        PrefixRule("tensorflow.data.experimental.", classes: [], functions: []),

        // keras.ops run backend (TF) ops on the TF backend; keras.random draws advance a
        // SeedGenerator variable (Keras 3.15).
        PrefixRule("keras.ops.", .tensorOp),
        PrefixRule("keras.random.", [.returnsTensor, .isTensorFlowOp, .isStateOp]),
        PrefixRule("keras.activations.", classes: nil, functions: .tensorOp),
        // Layers construct objects; the lowercase merge functions (add, concatenate, dot,
        // average, maximum, minimum, multiply, subtract) build a layer and call it at once.
        PrefixRule("keras.layers.", classes: .returnsModelOrLayer, functions: .tensorOp),
        // Loss and metric classes are callable objects; lowercase names compute directly.
        PrefixRule("keras.losses.", classes: .returnsModelOrLayer, functions: .tensorOp),
        PrefixRule("keras.metrics.", classes: .returnsModelOrLayer, functions: .tensorOp),
        // In Keras 3 the lowercase initializer/regularizer/constraint names are class aliases
        // (`keras.initializers.zeros is keras.initializers.Zeros`): all build callable objects.
        PrefixRule("keras.initializers.", .returnsModelOrLayer),
        PrefixRule("keras.regularizers.", .returnsModelOrLayer),
        PrefixRule("keras.constraints.", .returnsModelOrLayer),
        // Optimizer construction creates no variables until `build`/first `apply`.
        PrefixRule("keras.optimizers.", classes: [], functions: nil),
        PrefixRule("keras.optimizers.schedules.", classes: .returnsModelOrLayer, functions: nil),
        PrefixRule("keras.callbacks.", classes: [], functions: nil),
        // Application constructors return models and, with the default `weights="imagenet"`,
        // download and read a weights file.
        PrefixRule("keras.applications.", classes: [.returnsModelOrLayer, .isPythonSideEffect], functions: nil),
        // `load_data` downloads and reads numpy files.
        PrefixRule("keras.datasets.", [.returnsNumpyArray, .isPythonSideEffect]),
        PrefixRule("keras.config.set_", .isPythonSideEffect),
        PrefixRule("keras.config.enable_", .isPythonSideEffect),
        PrefixRule("keras.config.disable_", .isPythonSideEffect),

        // Python side effects by module.
        PrefixRule("logging.", .isPythonSideEffect),
        PrefixRule("absl.logging.", .isPythonSideEffect),
        PrefixRule("shutil.", .isPythonSideEffect),
        PrefixRule("subprocess.", .isPythonSideEffect),
        PrefixRule("socket.", .isPythonSideEffect),
        PrefixRule("requests.", classes: [], functions: .isPythonSideEffect),
        // Python's module-level `random` functions share one global generator.
        PrefixRule("random.", .isPythonSideEffect),
        // pyplot keeps global figure state; savefig/show do I/O.
        PrefixRule("matplotlib.pyplot.", .isPythonSideEffect),
        PrefixRule("mlflow.log_", .isPythonSideEffect),

        // numpy and scipy: every function is a numpy call; most return arrays. Classes
        // (`numpy.float32`, `numpy.ndarray`) convert their argument to numpy too.
        PrefixRule("numpy.", .numpyArrayCall),
        PrefixRule("scipy.", .numpyArrayCall),
        // The legacy module-level draws advance numpy's global RandomState: state a traced graph
        // would freeze at trace time. Generator classes own their state.
        PrefixRule("numpy.random.", classes: .isNumpyCall, functions: [.isNumpyCall, .returnsNumpyArray, .isPythonSideEffect]),
        // Assertions return nothing.
        PrefixRule("numpy.testing.", .isNumpyCall),
    ]

    /// Kinds that `kind(returnedBy:)` cannot infer from the effect alone.
    static let functionResultKinds: [String: ReceiverKind] = [
        "tensorflow.GradientTape": .gradientTape,
        "keras.Model": .kerasModel,
        "keras.Sequential": .kerasModel,
        "keras.models.Model": .kerasModel,
        "keras.models.Sequential": .kerasModel,
        "keras.models.clone_model": .kerasModel,
        "keras.models.model_from_json": .kerasModel,
        "keras.models.load_model": .kerasModel,
        "keras.saving.load_model": .kerasModel,
        "keras.Optimizer": .optimizer,
        "keras.optimizers.get": .optimizer,
        "keras.optimizers.deserialize": .optimizer,
        "keras.mixed_precision.LossScaleOptimizer": .optimizer,
        "keras.Metric": .kerasMetric,
        "keras.metrics.get": .kerasMetric,
    ]

    /// Kinds of the objects CamelCase names under a module construct (longest prefix wins).
    static let classResultKindPrefixes: [String: ReceiverKind] = [
        "keras.optimizers.": .optimizer,
        "keras.optimizers.schedules.": .kerasLayer,
        "keras.metrics.": .kerasMetric,
        "keras.applications.": .kerasModel,
    ]
}

// MARK: - Methods by receiver kind

extension APITable {
    /// Operators `tf.Tensor` overloads with TF ops (`Tensor.OVERLOADABLE_OPERATORS`, TF 2.21);
    /// `tf.Variable` forwards the same set to its value. `__eq__`/`__ne__` are elementwise in TF 2.
    static let tensorOperators = [
        "__getitem__", "__abs__", "__neg__", "__invert__", "__round__", "__add__", "__radd__",
        "__sub__", "__rsub__", "__mul__", "__rmul__", "__truediv__", "__rtruediv__", "__div__",
        "__rdiv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__pow__", "__rpow__",
        "__matmul__", "__rmatmul__", "__and__", "__rand__", "__or__", "__ror__", "__xor__",
        "__rxor__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
    ]

    /// Static metadata, known while tracing without running an op (`shape` is a `TensorShape`).
    static let tensorMetadata = [
        "shape", "get_shape", "set_shape", "dtype", "ndim", "name", "ref", "experimental_ref",
        "device", "graph", "op", "consumers", "value_index",
    ]

    /// Layer and model API shared by `.kerasLayer` and `.kerasModel` (keras/src/layers/layer.py,
    /// Keras 3.15). Properties are listed as if they were methods.
    static let layerMethods: [APIGroup] = [
        // Calling a built layer runs its ops and returns tensors (KerasTensors on symbolic input).
        APIGroup(.tensorOp, "", ["__call__", "call", "stateless_call", "compute_mask"]),
        APIGroup(.returnsKerasTensor, "", ["symbolic_call", "compute_output_spec", "input", "output"]),
        APIGroup(.returnsVariable, "", [
            "trainable_variables", "trainable_weights", "non_trainable_variables",
            "non_trainable_weights", "weights", "variables", "metrics_variables",
        ]),
        // Losses collected by `add_loss` during the last call.
        APIGroup(.returnsTensor, "", ["losses"]),
        // `get_weights` is `[v.numpy() for v in self.weights]` (layer.py:772, Keras 3.15).
        APIGroup([.returnsNumpyArray, .isEagerOnly], "", ["get_weights"]),
        // `set_weights` assigns each variable.
        APIGroup(.stateOp, "", ["set_weights", "reset_states"]),
        // Python attribute writes on the layer; building also creates its variables, which a
        // trace must not do after the first call (SPEC code 30).
        APIGroup(.mutatesInPlace, "", ["build", "add_loss", "quantize", "enable_lora", "build_from_config"]),
        APIGroup([.returnsVariable, .mutatesInPlace], "", ["add_weight", "add_variable"]),
        APIGroup([], "", [
            "get_config", "count_params", "compute_output_shape", "name", "dtype", "built",
            "trainable", "input_spec", "dtype_policy", "compute_dtype", "variable_dtype",
            "supports_masking", "get_build_config", "from_config", "metrics",
        ]),
    ]

    static let methodGroups: [ReceiverKind: [APIGroup]] = [
        .tensor: [
            APIGroup(.tensorOp, "", tensorOperators),
            APIGroup([], "", tensorMetadata),
            // EagerTensor only: a symbolic tensor has no value (`.numpy()` raises
            // AttributeError while tracing, TF 2.21); `cpu()`/`gpu()` copy eager tensors.
            APIGroup([.returnsNumpyArray, .isEagerOnly], "", ["numpy", "__array__"]),
            APIGroup([.returnsTensor, .isEagerOnly], "", ["cpu", "gpu"]),
            // Python scalar conversions, when spelled as methods (see `eagerOnlyConversions`).
            APIGroup(.isEagerOnly, "", ["__float__", "__int__", "__index__", "__complex__", "__bool__", "__nonzero__"]),
            // Iterating a tensor unstacks it along the first axis (AutoGraph lowers a `for` over
            // a tensor to a while loop in a graph): see `elementKind` and `tensorIteration`.
            APIGroup(.isTensorFlowOp, "", ["__iter__"]),
            // RaggedTensor / SparseTensor accessors and conversions.
            APIGroup(.tensorOp, "", [
                "to_tensor", "to_sparse", "to_list", "values", "flat_values", "row_splits",
                "row_lengths", "nested_row_splits", "value_rowids", "nrows", "bounding_shape",
                "with_values", "with_flat_values", "merge_dims", "indices", "dense_shape",
            ]),
        ],
        .variable: [
            APIGroup(.tensorOp, "", tensorOperators),
            APIGroup([], "", tensorMetadata + [
                "trainable", "initial_value", "initializer", "constraint", "aggregation",
                "synchronization", "path",
            ]),
            // Resource-variable updates are AssignVariableOp & co.: TF state, replayed by the graph.
            // They return the updated variable (or an op in a graph), usable as a tensor.
            APIGroup([.isStateOp, .isTensorFlowOp, .returnsTensor], "", [
                "assign", "assign_add", "assign_sub", "scatter_update", "scatter_add",
                "scatter_sub", "scatter_mul", "scatter_div", "scatter_max", "scatter_min",
                "scatter_nd_update", "scatter_nd_add", "scatter_nd_sub", "scatter_nd_max",
                "scatter_nd_min", "batch_scatter_update", "count_up_to",
            ]),
            APIGroup(.tensorOp, "", ["read_value", "value", "sparse_read", "gather_nd", "initialized_value"]),
            APIGroup([.returnsNumpyArray, .isEagerOnly], "", ["numpy", "__array__"]),
            APIGroup(.isEagerOnly, "", ["__float__", "__int__", "__index__", "__complex__", "__bool__", "__nonzero__"]),
            APIGroup(.isTensorFlowOp, "", ["__iter__"]),
        ],
        .dataset: [
            // Transformations return new datasets and create dataset ops (dataset_ops.py, TF 2.21).
            APIGroup([.returnsDataset, .isTensorFlowOp], "", [
                "map", "batch", "shuffle", "prefetch", "repeat", "take", "skip", "filter", "cache",
                "unbatch", "padded_batch", "ragged_batch", "sparse_batch", "interleave", "flat_map",
                "zip", "concatenate", "apply", "enumerate", "window", "shard", "scan", "take_while",
                "unique", "ignore_errors", "group_by_window", "bucket_by_sequence_length",
                "rejection_resample", "rebatch", "snapshot", "with_options", "from_tensor_slices",
                "from_tensors", "range", "from_generator", "list_files", "load", "counter",
                "random", "choose_from_datasets", "sample_from_datasets",
            ]),
            // Consume the dataset inside ops; fine in a graph.
            APIGroup(.tensorOp, "", ["reduce", "get_single_element", "cardinality", "fingerprint"]),
            // `save` is the SaveDataset op when called without checkpoint_args (save_op.py, TF 2.21).
            APIGroup(.stateOp, "", ["save"]),
            // Creates an iterator resource (`iter(ds)`); AutoGraph turns `for x in ds` into a loop.
            APIGroup(.isTensorFlowOp, "", ["__iter__"]),
            // Raises RuntimeError unless executing eagerly (dataset_ops.py, TF 2.21).
            APIGroup(.isEagerOnly, "", ["as_numpy_iterator"]),
            APIGroup([], "", ["element_spec", "options"]),
        ],
        .datasetIterator: [
            // IteratorGetNext on the iterator resource: a TF op that advances TF state, replayed
            // by the graph; not the Python-iterator side effect of SPEC §2.
            APIGroup([.returnsTensor, .isTensorFlowOp, .isStateOp], "", [
                "__next__", "next", "get_next", "get_next_as_optional",
            ]),
            APIGroup([], "", ["element_spec", "__iter__", "output_shapes", "output_types", "output_classes"]),
        ],
        .kerasLayer: layerMethods,
        .kerasModel: layerMethods + [
            // Training loops drive the model from Python, call `.numpy()` on results and print
            // progress bars (fit/evaluate/predict, Keras 3.15): they cannot run inside a trace.
            APIGroup([.isEagerOnly, .isPythonSideEffect, .isStateOp], "", [
                "fit", "fit_generator",
            ]),
            APIGroup([.isEagerOnly, .isPythonSideEffect], "", ["evaluate", "evaluate_generator"]),
            APIGroup([.isEagerOnly, .isPythonSideEffect, .returnsNumpyArray], "", ["predict", "predict_generator"]),
            APIGroup([.isEagerOnly, .isStateOp], "", ["train_on_batch", "test_on_batch"]),
            APIGroup([.isEagerOnly, .returnsNumpyArray], "", ["predict_on_batch"]),
            // The step functions are what fit() itself traces: ops, with metric and weight updates.
            APIGroup([.returnsTensor, .isTensorFlowOp, .isStateOp], "", [
                "train_step", "test_step", "compute_metrics",
            ]),
            APIGroup(.tensorOp, "", ["predict_step", "compute_loss", "stateless_compute_loss"]),
            APIGroup(.stateOp, "", ["reset_metrics"]),
            // Python-level configuration of the model object.
            APIGroup(.mutatesInPlace, "", ["compile", "add", "pop", "compile_from_config"]),
            // Prints the table (summary) or does file I/O.
            APIGroup(.isPythonSideEffect, "", [
                "summary", "save", "save_weights", "load_weights", "export",
            ]),
            APIGroup(.returnsKerasTensor, "", ["inputs", "outputs"]),
            APIGroup([], "", [
                "get_layer", "layers", "optimizer", "to_json", "metrics_names", "get_compile_config",
                "get_metrics_result", "compiled", "run_eagerly", "jit_compile", "distribute_strategy",
            ]),
        ],
        .kerasMetric: [
            // Metric state lives in variables: update/reset are assigns (metric.py, Keras 3.15);
            // `__call__` is `update_state` then `result`.
            APIGroup(.stateOp, "", ["update_state", "reset_state", "reset_states"]),
            APIGroup([.returnsTensor, .isTensorFlowOp, .isStateOp], "", ["__call__"]),
            APIGroup(.tensorOp, "", ["result", "stateless_update_state", "stateless_result", "stateless_reset_state"]),
            APIGroup(.returnsVariable, "", ["variables", "weights"]),
            APIGroup([], "", ["get_config", "name", "dtype"]),
        ],
        .optimizer: [
            // Update slot variables, the weights and `iterations` (base_optimizer.py, Keras 3.15);
            // `apply_gradients` returns `self._iterations`. `minimize` is tf_keras (Keras 2) only.
            APIGroup(.stateOp, "", [
                "apply", "update_step", "assign", "assign_add", "assign_sub",
                "finalize_variable_values", "set_weights", "minimize",
            ]),
            APIGroup([.isStateOp, .isTensorFlowOp, .returnsVariable], "", ["apply_gradients"]),
            APIGroup(.tensorOp, "", ["stateless_apply", "scale_loss", "learning_rate", "lr"]),
            APIGroup(.returnsVariable, "", ["variables", "iterations"]),
            // Creates the slot variables on first use (a trace must not: SPEC code 30).
            APIGroup(.mutatesInPlace, "", ["build", "exclude_from_weight_decay"]),
            APIGroup([.returnsVariable, .mutatesInPlace], "", ["add_variable", "add_variable_from_reference"]),
            APIGroup([], "", ["get_config", "name", "built"]),
        ],
        .gradientTape: [
            // Gradient computation builds/runs the backward ops (backprop.py, TF 2.21).
            APIGroup(.tensorOp, "", ["gradient", "jacobian", "batch_jacobian"]),
            APIGroup(.returnsVariable, "", ["watched_variables"]),
            // Tape bookkeeping is local to the tape object.
            APIGroup([], "", ["watch", "reset", "stop_recording", "__enter__", "__exit__"]),
        ],
        .numpyArray: [
            // ndarray methods (numpy 2.4) are numpy calls like the functions they mirror.
            APIGroup(.numpyArrayCall, "", [
                "all", "any", "argmax", "argmin", "argpartition", "argsort", "astype", "choose",
                "clip", "compress", "conj", "conjugate", "copy", "cumprod", "cumsum", "diagonal",
                "dot", "flatten", "max", "mean", "min", "nonzero", "prod", "ravel", "repeat",
                "reshape", "round", "searchsorted", "squeeze", "std", "sum", "swapaxes", "take",
                "trace", "transpose", "var", "view", "getfield", "byteswap", "T", "mT", "real",
                "imag", "__getitem__",
            ]),
            // Python values out.
            APIGroup(.isNumpyCall, "", ["item", "tolist", "tobytes", "dumps", "shape", "dtype", "ndim", "size"]),
            // In place.
            APIGroup([.isNumpyCall, .mutatesInPlace], "", [
                "fill", "sort", "partition", "put", "resize", "setfield", "setflags", "__setitem__",
            ]),
            APIGroup([.isNumpyCall, .isPythonSideEffect], "", ["tofile", "dump"]),
            APIGroup(.isNumpyCall, "", ["__iter__"]),
        ],
    ]

    /// Method results whose kind the effect alone does not say.
    static let methodResultKinds: [ReceiverKind: [String: ReceiverKind]] = [
        .dataset: ["__iter__": .datasetIterator],
        .datasetIterator: ["__iter__": .datasetIterator],
        .gradientTape: ["__enter__": .gradientTape],
        .kerasModel: [
            "get_layer": .kerasLayer, "layers": .kerasLayer, "optimizer": .optimizer,
            "metrics": .kerasMetric,
        ],
        .kerasLayer: ["metrics": .kerasMetric],
    ]
}
