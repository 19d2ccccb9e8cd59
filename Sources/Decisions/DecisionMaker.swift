import Analysis

/// Turns facts into verdicts (SPEC §3), static-only: no trace database.
public enum DecisionMaker {
    public static func decide(_ facts: FunctionFacts) -> Verdict {
        facts.hybrid == nil ? decideEager(facts) : decideHybrid(facts)
    }

    static func decideEager(_ facts: FunctionFacts) -> Verdict {
        var failures: [Failure] = []
        var newerReported = false
        for rule in EagerPreconditions.rules where rule.condition(facts) {
            if !rule.isClassic {
                if newerReported { continue }
                newerReported = true
            }
            failures.append(Failure(code: rule.code, name: rule.name, severity: .error, reason: rule.explanation(facts)))
        }
        let passes = failures.isEmpty && facts[.tensorParameter] == .yes && facts[.primitiveParameter] == .no
            && facts[.sideEffects] == .no && facts[.recursive] == .no
        var reasons = failures.map { "\($0.code) \($0.name): \($0.reason)" }
        if passes {
            reasons = ["P1: " + (facts.facts[.tensorParameter]?.reasons.first ?? "it takes tensors")
                + "; no Python literals, no side effects, not recursive"]
        }
        return Verdict(
            facts: facts, refactoring: .convertEagerFunctionToHybrid, passingPrecondition: passes ? "P1" : nil,
            failures: failures, transformations: passes ? [.convertToHybrid] : [], reasons: reasons)
    }

    static func decideHybrid(_ facts: FunctionFacts) -> Verdict {
        var verdict = Verdict(facts: facts, refactoring: .optimizeHybridFunction, passingPrecondition: nil, failures: [],
                              transformations: [], reasons: [])
        if facts[.sideEffects] == .yes {
            let reason = "its side effects run only while tf.function traces it, not on later calls: "
                + (facts.facts[.sideEffects]?.reasons.joined(separator: "; ") ?? "")
            verdict.failures = [Failure(code: 4, name: "HAS_PYTHON_SIDE_EFFECTS", severity: .warning, reason: reason)]
            verdict.reasons = ["warning: " + reason]
            return verdict
        }
        let sideEffectFree = facts[.sideEffects] == .no
        if sideEffectFree && facts[.tensorParameter] == .no {
            verdict.passingPrecondition = "P2"
            verdict.reasons = ["P2: no tensor goes in, so the graph buys nothing: "
                + (facts.facts[.tensorParameter]?.reasons.joined(separator: "; ") ?? "")]
        } else if sideEffectFree && facts[.tensorParameter] == .yes && facts[.primitiveParameter] == .yes {
            verdict.passingPrecondition = "P3"
            verdict.reasons = ["P3: it retraces on every new literal: "
                + (facts.facts[.primitiveParameter]?.reasons.joined(separator: "; ") ?? "")]
        } else if facts[.tensorComputation] == .no {
            verdict.passingPrecondition = "P6"
            verdict.reasons = ["P6: it runs no TensorFlow operation"]
        }
        if verdict.passingPrecondition != nil {
            verdict.transformations = [.convertToEager]
        } else {
            verdict.failures = [Failure(code: 13, name: "HAS_NO_PRIMITIVE_PARAMETERS", severity: .info,
                                        reason: "already a well-formed hybrid function")]
            verdict.reasons = ["13 HAS_NO_PRIMITIVE_PARAMETERS: already a well-formed hybrid function"]
        }
        if verdict.isWrapper {
            verdict.reasons.append("made hybrid by a module-level tf.function(...) wrapper: reported, not edited")
        }
        return verdict
    }
}
