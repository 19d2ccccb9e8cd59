import Analysis
import Decisions

/// SPEC §8 `--format json`: one JSON object per function, one per line, with the documented keys
/// in the documented order. Facts are true/false, or null for unknown.
public enum VerdictJSONLines {
    /// The facts SPEC §8 lists in the `facts` object, in its order (reachable is internal).
    static let reportedFacts: [FactName] = [
        .tensorParameter, .primitiveParameter, .sideEffects, .recursive, .eagerOnlyCalls, .tensorIteration,
        .numpyOnParameters, .tensorComputation, .createsVariables, .varyingObjectParameters,
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
        let assumptions: [JSONValue] = facts.assumptions.map { assumption in
            .object([("fact", .string(assumption.fact.rawValue)), ("assumed", .bool(assumption.assumed)),
                     ("rule", .string(assumption.rule)), ("detail", .string(assumption.detail)),
                     ("status", .null)])  // null: no trace database was given
        }
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
        ])
    }
}
