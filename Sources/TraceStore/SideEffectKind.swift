/// The kinds of Python side effect, as `effects.kind` in a trace database names them (SPEC §8,
/// `observed_effects.kind`). Traces record them and the static analysis predicts them, in one
/// vocabulary, so that the two can be held against each other.
public enum SideEffectKind: String, Sendable, CaseIterable {
    case globalWrite = "global_write"
    case attributeWrite = "attribute_write"
    case itemWrite = "item_write"
    case print
    case io
    case logging
    case iterator
    /// Seen only by traces: whether a call creates `tf.Variable`s is decided by Keras at run time.
    case variableCreation = "variable_creation"
    /// Predicted only by the analysis: other state a library keeps in Python (the global random
    /// generator, threads, warning filters, process-wide configuration), which a run shows as
    /// nothing more specific.
    case libraryState = "library_state"
}
