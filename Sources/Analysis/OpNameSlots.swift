import PythonSyntax

/// Where TensorFlow's ops take their `name` argument, for SPEC §3 code 17: graph construction
/// turns a truthy `name` into a name scope and matches it against a regular expression
/// (TF 2.21 framework/ops.py `Graph.name_scope`: `_VALID_SCOPE_NAME_REGEX.match(name)`), so a
/// number, `True` or a `tf.<dtype>` there raises "TypeError: expected string or bytes-like
/// object", while eager execution never reads op names. A falsy one (`0`, `False`) is skipped by
/// the same `if name:`.
enum OpNameSlots {
    /// The positional index of `name`, by the op's normalized dotted name.
    static func position(ofNameIn op: String) -> Int? { positions[op] }

    /// The dtypes `tf.<dtype>` names (TF 2.21 dtypes.py).
    static let dtypeNames: Set<String> = [
        "float16", "float32", "float64", "bfloat16", "half", "double", "int8", "int16", "int32", "int64", "uint8",
        "uint16", "uint32", "uint64", "bool", "string", "complex64", "complex128", "qint8", "qint16", "qint32",
        "quint8", "quint16", "resource", "variant",
    ]

    private static let positions: [String: Int] = Dictionary(
        slots.flatMap { slot in slot.functions.map { (slot.module + "." + $0, slot.index) } },
        uniquingKeysWith: { first, _ in first })

    /// Read with `inspect.signature` from TensorFlow 2.21's public modules: every function whose
    /// `name` parameter can be passed by position, grouped by module and by its index.
    private static let slots: [(module: String, index: Int, functions: [String])] = [
        ("tensorflow", 0, [
            "no_op", "timestamp"
        ]),
        ("tensorflow", 1, [
            "abs", "acos", "acosh", "add_n", "asin", "asinh", "atan", "atanh", "check_pinned", "cos", "cosh", "eig",
            "eigvals", "exp", "floor", "guarantee_const", "identity", "identity_n", "logical_not",
            "matrix_square_root", "negative", "parallel_stack", "rank", "round", "sigmoid", "sign", "sin", "sinh",
            "sqrt", "square", "stop_gradient", "tan", "tanh"
        ]),
        ("tensorflow", 2, [
            "add", "atan2", "bitcast", "broadcast_to", "cast", "complex", "concat", "divide", "dynamic_stitch",
            "ensure_shape", "equal", "expand_dims", "fill", "fingerprint", "greater", "greater_equal", "less",
            "less_equal", "logical_and", "logical_or", "maximum", "minimum", "multiply", "not_equal", "ones",
            "ones_like", "pow", "ragged_fill_empty_rows_grad", "realdiv", "reshape", "reverse", "saturate_cast",
            "scalar_mul", "shape", "shape_n", "size", "squeeze", "stack", "subtract", "tile", "truediv",
            "truncatediv", "truncatemod", "tuple", "unique", "unique_with_counts", "unravel_index", "zeros",
            "zeros_like"
        ]),
        ("tensorflow", 3, [
            "Assert", "argmax", "argmin", "assert_rank", "batch_to_space", "boolean_mask", "clip_by_global_norm",
            "clip_by_norm", "clip_by_value", "cond", "constant", "convert_to_tensor", "dynamic_partition",
            "edit_distance", "fftnd", "gather_nd", "gradients", "ifftnd", "import_graph_def", "linspace",
            "py_function", "reduce_all", "reduce_any", "reduce_logsumexp", "reduce_max", "reduce_mean",
            "reduce_min", "reduce_prod", "reduce_sum", "repeat", "required_space_to_batch_paddings", "roll",
            "sequence_mask", "slice", "sort", "space_to_batch", "space_to_batch_nd", "switch_case",
            "tensor_scatter_nd_update", "tensordot", "transpose", "unstack", "where"
        ]),
        ("tensorflow", 4, [
            "argsort", "assert_equal", "assert_greater", "assert_less", "case", "cumsum", "extract_volume_patches",
            "eye", "hessians", "histogram_fixed_width", "histogram_fixed_width_bins", "irfftnd", "norm",
            "numpy_function", "pad", "ragged_fill_empty_rows", "random_index_shuffle", "range", "reverse_sequence",
            "rfftnd", "scatter_nd", "searchsorted", "split", "tensor_scatter_nd_add", "tensor_scatter_nd_max",
            "tensor_scatter_nd_min", "tensor_scatter_nd_sub"
        ]),
        ("tensorflow", 5, [
            "gather"
        ]),
        ("tensorflow", 6, [
            "as_string", "foldl", "foldr", "one_hot"
        ]),
        ("tensorflow", 7, [
            "approx_top_k", "map_fn"
        ]),
        ("tensorflow", 8, [
            "scan", "while_loop"
        ]),
        ("tensorflow", 9, [
            "conv", "conv2d_backprop_filter_v2", "conv2d_backprop_input_v2"
        ]),
        ("tensorflow", 10, [
            "strided_slice"
        ]),
        ("tensorflow", 11, [
            "matmul"
        ]),
        ("tensorflow.bitwise", 1, [
            "invert"
        ]),
        ("tensorflow.bitwise", 2, [
            "bitwise_and", "bitwise_or", "bitwise_xor", "left_shift", "right_shift"
        ]),
        ("tensorflow.dtypes", 2, [
            "cast", "complex", "saturate_cast"
        ]),
        ("tensorflow.image", 1, [
            "decode_gif", "grayscale_to_rgb", "hsv_to_rgb", "is_jpeg", "rgb_to_grayscale", "rgb_to_hsv",
            "total_variation", "transpose"
        ]),
        ("tensorflow.image", 2, [
            "adjust_hue", "adjust_saturation", "decode_bmp", "encode_png", "extract_jpeg_shape", "rot90"
        ]),
        ("tensorflow.image", 3, [
            "adjust_jpeg_quality", "convert_image_dtype", "decode_image", "decode_jxl", "decode_png", "decode_webp",
            "draw_bounding_boxes", "psnr", "random_crop", "stateless_random_crop"
        ]),
        ("tensorflow.image", 5, [
            "extract_patches", "non_max_suppression", "non_max_suppression_overlaps", "resize"
        ]),
        ("tensorflow.image", 6, [
            "crop_and_resize", "extract_glimpse", "non_max_suppression_padded", "non_max_suppression_with_scores"
        ]),
        ("tensorflow.image", 7, [
            "decode_jpeg"
        ]),
        ("tensorflow.image", 8, [
            "combined_non_max_suppression", "decode_and_crop_jpeg", "generate_bounding_box_proposals",
            "sample_distorted_bounding_box", "stateless_sample_distorted_bounding_box"
        ]),
        ("tensorflow.image", 10, [
            "encode_jpeg"
        ]),
        ("tensorflow.io", 1, [
            "decode_base64", "decode_gif", "decode_json_example", "is_jpeg", "match_filenames_once",
            "matching_files", "read_file", "serialize_tensor"
        ]),
        ("tensorflow.io", 2, [
            "decode_bmp", "decode_compressed", "encode_base64", "encode_png", "extract_jpeg_shape", "parse_tensor",
            "serialize_many_sparse", "serialize_sparse", "write_file", "write_graph"
        ]),
        ("tensorflow.io", 3, [
            "decode_image", "decode_jxl", "decode_png", "decode_webp", "deserialize_many_sparse", "parse_example",
            "parse_single_example"
        ]),
        ("tensorflow.io", 4, [
            "decode_raw", "parse_sequence_example", "parse_single_sequence_example"
        ]),
        ("tensorflow.io", 5, [
            "encode_proto"
        ]),
        ("tensorflow.io", 6, [
            "decode_csv"
        ]),
        ("tensorflow.io", 7, [
            "decode_jpeg", "decode_proto"
        ]),
        ("tensorflow.io", 8, [
            "decode_and_crop_jpeg"
        ]),
        ("tensorflow.io", 10, [
            "encode_jpeg"
        ]),
        ("tensorflow.linalg", 1, [
            "adjoint", "cholesky", "det", "diag", "diag_part", "eig", "eigh", "eigvals", "eigvalsh", "expm",
            "global_norm", "logdet", "logm", "matrix_transpose", "slogdet", "sqrtm", "tensor_diag",
            "tensor_diag_part", "trace"
        ]),
        ("tensorflow.linalg", 2, [
            "cholesky_solve", "cross", "inv", "lu", "qr", "set_diag"
        ]),
        ("tensorflow.linalg", 3, [
            "band_part", "l2_normalize", "lu_matrix_inverse", "lu_reconstruct", "matrix_rank", "normalize", "pinv",
            "solve", "svd", "tensordot", "tridiagonal_matmul"
        ]),
        ("tensorflow.linalg", 4, [
            "banded_triangular_solve", "eye", "lstsq", "lu_solve", "norm", "triangular_solve"
        ]),
        ("tensorflow.linalg", 5, [
            "tridiagonal_solve"
        ]),
        ("tensorflow.linalg", 6, [
            "eigh_tridiagonal", "matvec"
        ]),
        ("tensorflow.linalg", 11, [
            "matmul"
        ]),
        ("tensorflow.math", 1, [
            "abs", "acos", "acosh", "add_n", "angle", "asin", "asinh", "atan", "atanh", "bessel_i0", "bessel_i0e",
            "bessel_i1", "bessel_i1e", "ceil", "conj", "cos", "cosh", "digamma", "erf", "erfc", "erfcinv", "erfinv",
            "exp", "expm1", "floor", "imag", "invert_permutation", "is_finite", "is_inf", "is_nan",
            "is_non_decreasing", "is_strictly_increasing", "lbeta", "lgamma", "log", "log1p", "log_sigmoid",
            "logical_not", "ndtri", "negative", "real", "reciprocal", "reciprocal_no_nan", "rint", "round", "rsqrt",
            "sigmoid", "sign", "sin", "sinh", "softplus", "softsign", "sqrt", "square", "tan", "tanh",
            "zero_fraction"
        ]),
        ("tensorflow.math", 2, [
            "add", "atan2", "divide", "divide_no_nan", "equal", "floordiv", "floormod", "greater", "greater_equal",
            "igamma", "igammac", "less", "less_equal", "log_softmax", "logical_and", "logical_or", "logical_xor",
            "maximum", "minimum", "mod", "multiply", "multiply_no_nan", "nextafter", "not_equal", "polygamma",
            "polyval", "pow", "scalar_mul", "segment_max", "segment_mean", "segment_min", "segment_prod",
            "segment_sum", "softmax", "squared_difference", "subtract", "truediv", "xdivy", "xlog1py", "xlogy",
            "zeta"
        ]),
        ("tensorflow.math", 3, [
            "accumulate_n", "argmax", "argmin", "betainc", "in_top_k", "l2_normalize", "reduce_all", "reduce_any",
            "reduce_euclidean_norm", "reduce_logsumexp", "reduce_max", "reduce_mean", "reduce_min", "reduce_prod",
            "reduce_std", "reduce_sum", "reduce_variance", "unsorted_segment_max", "unsorted_segment_mean",
            "unsorted_segment_min", "unsorted_segment_prod", "unsorted_segment_sqrt_n", "unsorted_segment_sum"
        ]),
        ("tensorflow.math", 4, [
            "count_nonzero", "cumprod", "cumsum", "cumulative_logsumexp", "sobol_sample", "top_k"
        ]),
        ("tensorflow.math", 5, [
            "bincount", "confusion_matrix"
        ]),
        ("tensorflow.math", 6, [
            "approx_max_k", "approx_min_k"
        ]),
        ("tensorflow.nn", 1, [
            "ctc_unique_labels", "elu", "l2_loss", "relu", "relu6", "selu", "sigmoid", "softplus", "softsign",
            "tanh", "zero_fraction"
        ]),
        ("tensorflow.nn", 2, [
            "collapse_repeated", "crelu", "gelu", "leaky_relu", "log_softmax", "sigmoid_cross_entropy_with_logits",
            "softmax", "sparse_softmax_cross_entropy_with_logits"
        ]),
        ("tensorflow.nn", 3, [
            "bias_add", "depth_to_space", "embedding_lookup", "in_top_k", "l2_normalize", "log_poisson_loss",
            "softmax_cross_entropy_with_logits", "space_to_batch", "space_to_depth",
            "weighted_cross_entropy_with_logits"
        ]),
        ("tensorflow.nn", 4, [
            "atrous_conv2d", "compute_accidental_hits", "dropout", "moments", "normalize_moments",
            "sufficient_statistics", "top_k", "weighted_moments"
        ]),
        ("tensorflow.nn", 5, [
            "all_candidate_sampler", "atrous_conv2d_transpose", "avg_pool", "avg_pool1d", "avg_pool2d",
            "avg_pool3d", "embedding_lookup_sparse", "fractional_avg_pool", "fractional_max_pool",
            "local_response_normalization", "lrn", "max_pool", "max_pool1d", "max_pool2d", "max_pool3d"
        ]),
        ("tensorflow.nn", 6, [
            "approx_max_k", "approx_min_k", "batch_normalization", "conv1d", "conv2d", "conv3d", "convolution",
            "depthwise_conv2d", "dilation2d", "erosion2d", "learned_unigram_candidate_sampler",
            "safe_embedding_lookup_sparse"
        ]),
        ("tensorflow.nn", 7, [
            "batch_norm_with_global_normalization", "conv1d_transpose", "conv2d_transpose", "conv3d_transpose",
            "conv_transpose", "ctc_loss", "depthwise_conv2d_backprop_filter", "depthwise_conv2d_backprop_input",
            "max_pool_with_argmax", "pool", "separable_conv2d"
        ]),
        ("tensorflow.nn", 9, [
            "nce_loss"
        ]),
        ("tensorflow.nn", 10, [
            "sampled_softmax_loss"
        ]),
        ("tensorflow.nn", 12, [
            "fixed_unigram_candidate_sampler"
        ]),
        ("tensorflow.ragged", 1, [
            "cross", "row_splits_to_segment_ids"
        ]),
        ("tensorflow.ragged", 2, [
            "boolean_mask", "stack"
        ]),
        ("tensorflow.ragged", 3, [
            "cross_hashed", "segment_ids_to_row_splits", "stack_dynamic_partitions"
        ]),
        ("tensorflow.ragged", 4, [
            "constant", "range"
        ]),
        ("tensorflow.random", 2, [
            "shuffle"
        ]),
        ("tensorflow.random", 4, [
            "categorical", "poisson", "stateless_categorical", "stateless_poisson"
        ]),
        ("tensorflow.random", 5, [
            "all_candidate_sampler", "gamma", "normal", "stateless_binomial", "stateless_gamma", "stateless_normal",
            "stateless_truncated_normal", "stateless_uniform", "truncated_normal", "uniform"
        ]),
        ("tensorflow.random", 6, [
            "learned_unigram_candidate_sampler", "log_uniform_candidate_sampler",
            "stateless_parameterized_truncated_normal", "uniform_candidate_sampler"
        ]),
        ("tensorflow.random", 12, [
            "fixed_unigram_candidate_sampler"
        ]),
        ("tensorflow.signal", 1, [
            "fft", "fft2d", "fft3d", "ifft", "ifft2d", "ifft3d", "mfccs_from_log_mel_spectrograms"
        ]),
        ("tensorflow.signal", 2, [
            "fftshift", "ifftshift", "inverse_stft_window_fn", "irfft", "irfft2d", "irfft3d", "overlap_and_add",
            "rfft", "rfft2d", "rfft3d", "vorbis_window"
        ]),
        ("tensorflow.signal", 3, [
            "hamming_window", "hann_window", "inverse_mdct", "kaiser_bessel_derived_window", "kaiser_window"
        ]),
        ("tensorflow.signal", 4, [
            "fftnd", "ifftnd", "irfftnd", "rfftnd"
        ]),
        ("tensorflow.signal", 5, [
            "dct", "idct", "inverse_stft", "mdct"
        ]),
        ("tensorflow.signal", 6, [
            "frame", "linear_to_mel_weight_matrix", "stft"
        ]),
        ("tensorflow.sparse", 1, [
            "cross", "from_dense", "reorder", "softmax"
        ]),
        ("tensorflow.sparse", 2, [
            "expand_dims", "fill_empty_rows", "mask", "maximum", "minimum", "reshape", "to_indicator", "transpose"
        ]),
        ("tensorflow.sparse", 3, [
            "concat", "cross_hashed", "eye", "slice", "split", "to_dense"
        ]),
        ("tensorflow.sparse", 4, [
            "reduce_max", "reduce_sum", "segment_mean", "segment_sqrt_n", "segment_sum", "sparse_dense_matmul"
        ]),
        ("tensorflow.sparse", 6, [
            "bincount"
        ]),
        ("tensorflow.strings", 1, [
            "bytes_split", "strip", "unicode_script"
        ]),
        ("tensorflow.strings", 2, [
            "join", "length", "lower", "regex_full_match", "to_hash_bucket", "to_hash_bucket_fast", "to_number",
            "upper"
        ]),
        ("tensorflow.strings", 3, [
            "split", "to_hash_bucket_strong"
        ]),
        ("tensorflow.strings", 4, [
            "format", "reduce_join", "regex_replace", "substr", "unicode_encode", "unicode_split",
            "unicode_split_with_offsets", "unsorted_segment_join"
        ]),
        ("tensorflow.strings", 5, [
            "unicode_decode", "unicode_decode_with_offsets"
        ]),
        ("tensorflow.strings", 6, [
            "as_string", "ngrams", "unicode_transcode"
        ]),
    ]
}

/// SPEC §3 code 17: a `name` argument a graph rejects.
struct InvalidNameArgument {
    let resolver: NameResolver
    let module: ModuleName

    /// What is wrong with the `name` that `call` of `op` passes, in words; nil when nothing is.
    func problem(in call: Call, op: String) -> String? {
        if let keyword = call.keywords.first(where: { $0.name == "name" }), let what = rejected(keyword.value) {
            return "passes \(what) as `name=` to `\(op)`"
        }
        guard let position = OpNameSlots.position(ofNameIn: op), position < call.arguments.count,
            !call.arguments.prefix(position + 1).contains(where: { if case .starred = $0.kind { return true } else { return false } }),
            let what = rejected(call.arguments[position])
        else { return nil }
        return "passes \(what) as argument \(position + 1) of `\(op)`, where the op takes its name"
    }

    /// A value a graph's name scope rejects: a truthy number or bool, or a dtype.
    private func rejected(_ value: Expression) -> String? {
        switch value.kind {
        case .constant(.int(let text)) where Int(text) != 0: return "the number \(text)"
        case .constant(.float(let number)) where number != 0: return "the number \(number)"
        case .constant(.complex(let text)): return "the number \(text)"
        case .constant(.bool(true)): return "`True`"
        case .unary("USub", let operand): return rejected(operand)
        default:
            guard let dotted = resolver.qualifiedName(of: value, in: module).map(APITable.normalize),
                dotted.hasPrefix("tensorflow."), let last = dotted.split(separator: ".").last,
                OpNameSlots.dtypeNames.contains(String(last))
            else { return nil }
            return "the dtype `tf.\(last)`"
        }
    }
}
