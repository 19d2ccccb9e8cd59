/// SPEC §1: facts are true, false or unknown; an unknown never satisfies a safety condition.
public enum TriState: String, Sendable, Equatable {
    case yes = "true"
    case no = "false"
    case unknown

    public init(_ value: Bool) { self = value ? .yes : .no }
}

/// Where a fact came from (SPEC §1).
public enum Evidence: String, Sendable, Equatable {
    /// The analyzer proved it from the code.
    case `static`
    /// A type annotation said so.
    case hint
    /// Observed at run time.
    case trace
    /// Assumed from a keyword (SPEC §5).
    case speculative
}

/// One fact about a function, with its evidence and its reasons in words.
public struct Fact: Sendable, Equatable {
    public var value: TriState
    public var evidence: Evidence
    public var reasons: [String]

    public init(_ value: TriState, _ evidence: Evidence = .static, reasons: [String] = []) {
        self.value = value
        self.evidence = evidence
        self.reasons = reasons
    }
}

/// The facts of SPEC §2, by their stable names.
public enum FactName: String, CaseIterable, Sendable {
    case tensorParameter, primitiveParameter, sideEffects, recursive, eagerOnlyCalls, tensorIteration,
        numpyOnParameters, tensorComputation, createsVariables, varyingObjectParameters, coveredCallers, staleVariableReads, reachable,
        invalidNameArguments, conflictingDTypeCoercions, kerasSymbolicArguments
}

/// An assumption a rule made where analysis could not decide (SPEC §5); the audit holds it
/// against traces.
public struct Assumption: Sendable, Equatable {
    public var fact: FactName
    public var assumed: Bool
    /// `keyword` (SPEC §5 speculation) or `trace` (a `false` drawn from traces alone, §4.2).
    public var rule: String
    public var detail: String
    /// Nil until the audit holds the assumption against traces.
    public var status: AssumptionStatus?
    /// What the traces showed, in words: observed kinds, dtypes and shapes with counts, or the
    /// coverage of the traced calls behind a trace-only `false`.
    public var evidence: [String] = []
    /// A REJECTED assumption's counter-example: the test and the argument kinds it passed.
    public var counterExample: String?
    /// The tests that reach the function: those that called it, or (UNOBSERVED) those the call
    /// graph says would.
    public var tests: [String] = []

    public init(fact: FactName, assumed: Bool, rule: String, detail: String) {
        self.fact = fact
        self.assumed = assumed
        self.rule = rule
        self.detail = detail
    }
}

/// SPEC §5: what the traces say of an assumption.
public enum AssumptionStatus: String, Sendable, Equatable, CaseIterable {
    /// The traces observed the assumed value in every recorded call.
    case confirmed = "CONFIRMED"
    /// The traces observed the opposite; the verdict that rested on it is withdrawn.
    case rejected = "REJECTED"
    /// No trace covers the function.
    case unobserved = "UNOBSERVED"
}
