import Analysis

public enum Refactoring: String, Sendable {
    case convertEagerFunctionToHybrid = "CONVERT_EAGER_FUNCTION_TO_HYBRID"
    case optimizeHybridFunction = "OPTIMIZE_HYBRID_FUNCTION"
}

public enum Transformation: String, Sendable {
    case convertToHybrid = "CONVERT_TO_HYBRID"
    case convertToEager = "CONVERT_TO_EAGER"
    case reconfigure = "RECONFIGURE"
}

/// A failed precondition: its stable code and name (SPEC §3) and how loud it is.
public struct Failure: Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning, info }

    public var code: Int
    public var name: String
    public var severity: Severity
    public var reason: String
}

/// One function's decision: the refactoring it is considered for, whether a precondition
/// passed, every failure with its reason, and the edit to make.
public struct Verdict: Sendable {
    public var facts: FunctionFacts
    public var refactoring: Refactoring
    public var passingPrecondition: String?
    public var failures: [Failure]
    public var transformations: [Transformation]
    public var reasons: [String]
    /// What traces add (SPEC §6); nil without traces or for a function no trace covers.
    public var derived: TraceDerived?
    /// The argument a RECONFIGURE adds: `input_signature=[...]` (P4) or `reduce_retracing=True` (P7).
    public var reconfiguration: String?

    public init(facts: FunctionFacts, refactoring: Refactoring, passingPrecondition: String?, failures: [Failure],
                transformations: [Transformation], reasons: [String], derived: TraceDerived? = nil,
                reconfiguration: String? = nil) {
        self.facts = facts
        self.refactoring = refactoring
        self.passingPrecondition = passingPrecondition
        self.failures = failures
        self.transformations = transformations
        self.reasons = reasons
        self.derived = derived
        self.reconfiguration = reconfiguration
    }

    /// The verdict rests on an assumption no trace covers (SPEC §5 UNOBSERVED): no test can
    /// verify an edit of code that no test runs.
    public var restsOnUnobserved: Bool {
        passingPrecondition != nil && facts.assumptions.contains { $0.status == .unobserved && $0.rule == "keyword" }
    }

    /// SPEC §3: refactorable when no error-level failure holds and a transformation applies.
    /// Module-level `tf.function(g)` wrappers are reported, never edited.
    public var refactorable: Bool {
        passingPrecondition != nil && !failures.contains { $0.severity == .error } && !isWrapper
    }

    var isWrapper: Bool {
        if case .wrapper? = facts.hybrid?.form { return true }
        return false
    }
}
