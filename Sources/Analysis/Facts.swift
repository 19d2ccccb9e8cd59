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
        numpyOnParameters, tensorComputation, createsVariables, varyingObjectParameters, reachable
}

/// An assumption a rule made where analysis could not decide (SPEC §5); the audit holds it
/// against traces.
public struct Assumption: Sendable, Equatable {
    public var fact: FactName
    public var assumed: Bool
    public var rule: String
    public var detail: String
}
