import Analysis
import Decisions

/// SPEC §8 `--format json`: one JSON object per function, one per line, with the documented keys
/// in the documented order. Facts are true/false, or null for unknown.
public enum VerdictJSONLines {
    /// The facts SPEC §8 lists in the `facts` object, in its order, then those of 21 and 19 (reachable is internal).
    static let reportedFacts: [FactName] = [
        .tensorParameter, .primitiveParameter, .sideEffects, .recursive, .eagerOnlyCalls, .tensorIteration,
        .numpyOnParameters, .tensorComputation, .createsVariables, .varyingObjectParameters, .coveredCallers,
        .staleVariableReads,
        // Beyond SPEC §8's list: the facts behind the newer blockers 17, 22 and 23.
        .invalidNameArguments, .conflictingDTypeCoercions, .kerasSymbolicArguments,
    ]

    public static func render(_ verdicts: [Verdict]) -> String {
        verdicts.map { line(for: $0).text }.joined(separator: "\n")
    }

    static func line(for verdict: Verdict) -> JSONValue {
        let facts = verdict.facts
        let factValues: [(String, JSONValue)] = reportedFacts.map { name in
            switch facts[name] {
            case .yes: return (name.rawValue, .bool(true))
            case .no: return (name.rawValue, .bool(false))
            case .unknown: return (name.rawValue, .null)
            }
        }
        let evidence: [(String, JSONValue)] = reportedFacts.compactMap { name in
            facts.facts[name].map { (name.rawValue, .string($0.evidence.rawValue)) }
        }
        let failures: [JSONValue] = verdict.failures.map { failure in
            .object([("code", .number(failure.code)), ("name", .string(failure.name)),
                     ("severity", .string(failure.severity.rawValue)), ("reason", .string(failure.reason))])
        }
        let assumptions: [JSONValue] = facts.assumptions.map(assumption)
        return .object([
            ("file", .string(facts.file)),
            ("qualname", .string(facts.qualname)),
            ("line", .number(facts.line)),
            ("hybrid", .bool(facts.hybrid != nil)),
            ("facts", .object(factValues)),
            ("evidence", .object(evidence)),
            ("refactoring", .string(verdict.refactoring.rawValue)),
            ("passingPrecondition", verdict.passingPrecondition.map { .string($0) } ?? .null),
            ("failures", .array(failures)),
            ("transformations", .array(verdict.transformations.map { .string($0.rawValue) })),
            ("refactorable", .bool(verdict.refactorable)),
            ("assumptions", .array(assumptions)),
            ("reasons", .array(verdict.reasons.map { .string($0) })),
            // Beyond SPEC §8's keys: the body's own side effects, with the kinds trace databases
            // use, so that a run's `observed_effects` can be set beside them.
            ("effects", .array(facts.directEffects.map { effect in
                .object([("kind", .string(effect.kind.rawValue)), ("line", .number(effect.line)),
                         ("description", .string(effect.description))])
            })),
            // What traces derived (SPEC §6), null without traces or for a function none covers.
            ("trace", verdict.derived.map { derived(verdict, $0) } ?? .null),
        ])
    }

    /// SPEC §8's assumption keys, then the audit's evidence: what the traces showed, a
    /// counter-example when REJECTED, and the tests that reach the function.
    static func assumption(_ assumption: Assumption) -> JSONValue {
        .object([
            ("fact", .string(assumption.fact.rawValue)), ("assumed", .bool(assumption.assumed)),
            ("rule", .string(assumption.rule)), ("detail", .string(assumption.detail)),
            ("status", assumption.status.map { .string($0.rawValue) } ?? .null),  // null: no trace database
            ("evidence", .array(assumption.evidence.map { .string($0) })),
            ("counterExample", assumption.counterExample.map { .string($0) } ?? .null),
            ("tests", .array(assumption.tests.map { .string($0) })),
        ])
    }

    static func derived(_ verdict: Verdict, _ derived: TraceDerived) -> JSONValue {
        .object([
            ("calls", .number(derived.calls)),
            ("eagerCalls", .number(derived.eagerCalls)),
            ("inputSignature", derived.inputSignature.map { .string($0) } ?? .null),
            ("predictedTraces", .number(derived.predictedTraces)),
            ("predictedTracesIsLowerBound", .bool(derived.tracesAtLeast)),
            ("eagerSeconds", .decimal(derived.eagerSeconds)),
            ("eagerShare", derived.eagerShare.map { .decimal($0) } ?? .null),
            ("reconfiguration", verdict.reconfiguration.map { .string($0) } ?? .null),
            ("tests", .array(derived.tests.map { .string($0) })),
        ])
    }
}
