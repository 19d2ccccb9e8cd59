import Analysis

/// Turns facts into verdicts (SPEC §3): from the code alone, or with what traces derived (§6).
public enum DecisionMaker {
    public static func decide(_ facts: FunctionFacts) -> Verdict {
        decide(facts, derived: nil)
    }

    public static func decide(_ facts: FunctionFacts, derived: TraceDerived?) -> Verdict {
        var verdict = facts.hybrid == nil ? decideEager(facts) : decideHybrid(facts, derived: derived)
        verdict.derived = derived
        verdict.reasons += assumptionReasons(facts)
        return verdict
    }

    /// What the audit found of the assumptions the verdict rested on, in words.
    static func assumptionReasons(_ facts: FunctionFacts) -> [String] {
        facts.assumptions.compactMap { assumption in
            guard assumption.rule == "keyword", let status = assumption.status else { return nil }
            switch status {
            case .confirmed: return nil
            case .rejected:
                return "the keyword assumption (\(assumption.detail)) was REJECTED by the traces, so the verdict follows them: "
                    + (assumption.counterExample ?? assumption.evidence.first ?? "")
            case .unobserved:
                return "rests on an UNOBSERVED keyword assumption (\(assumption.detail)): no traced call reaches it"
                    + (assumption.tests.isEmpty ? "" : "; tests that would: " + assumption.tests.joined(separator: ", "))
            }
        }
    }

    static func decideEager(_ facts: FunctionFacts) -> Verdict {
        // A constructor or an abstract method is the only failure reported: its other facts say
        // nothing a user could act on.
        if let rule = [ConstructorRule.rule, AbstractRule.rule].first(where: { $0.condition(facts) }) {
            let failure = Failure(code: rule.code, name: rule.name, severity: .error, reason: rule.explanation(facts))
            return Verdict(
                facts: facts, refactoring: .convertEagerFunctionToHybrid, passingPrecondition: nil, failures: [failure],
                transformations: [], reasons: ["\(failure.code) \(failure.name): \(failure.reason)"])
        }
        var failures: [Failure] = []
        var newerReported = false
        for rule in EagerPreconditions.withTraceRules where rule.condition(facts) {
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

    static func decideHybrid(_ facts: FunctionFacts, derived: TraceDerived?) -> Verdict {
        var verdict = Verdict(facts: facts, refactoring: .optimizeHybridFunction, passingPrecondition: nil, failures: [],
                              transformations: [], reasons: [])
        if AbstractRule.rule.condition(facts) {
            let rule = AbstractRule.rule
            verdict.failures = [Failure(code: rule.code, name: rule.name, severity: .info, reason: rule.explanation(facts))]
            verdict.reasons = ["\(rule.code) \(rule.name): \(rule.explanation(facts))"]
            return verdict
        }
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
        } else if sideEffectFree && facts[.tensorComputation] == .no {
            // Removing the decorator makes the body run on every call instead of once per
            // trace, so its side effects must be known to be none, as for P2 and P3.
            verdict.passingPrecondition = "P6"
            verdict.reasons = ["P6: it runs no TensorFlow operation"]
        }
        let relaxedRead = derived.flatMap { relaxedNumpyRead(facts, derived: $0) }
        let reconfiguration = verdict.passingPrecondition == nil && sideEffectFree && relaxedRead == nil
            ? derived.flatMap { reconfigure(facts, derived: $0) } : nil
        switch reconfiguration {
        case .edit(let precondition, let argument, let reason)?:
            verdict.passingPrecondition = precondition
            verdict.reconfiguration = argument
            verdict.transformations = [.reconfigure]
            verdict.reasons = [reason]
        case .blocked(let failure)?:
            verdict.failures = [failure]
            verdict.reasons = ["\(failure.code) \(failure.name): \(failure.reason)"]
        case nil where verdict.passingPrecondition != nil:
            verdict.transformations = [.convertToEager]
        case nil where facts[.sideEffects] == .unknown && (facts[.tensorParameter] == .no || facts[.tensorComputation] == .no):
            // It would be a removal (P2 or P6) if its side effects were known to be none: say
            // why it stays (no entry point reaches it, or a call nothing resolves).
            let reason = "removing tf.function would run its body on every call instead of once per trace, and its side effects "
                + "cannot be decided: " + (facts.facts[.sideEffects]?.reasons.joined(separator: "; ") ?? "")
            verdict.failures = [Failure(code: 3, name: "UNDETERMINABLE_SIDE_EFFECTS", severity: .info, reason: reason)]
            verdict.reasons = ["3 UNDETERMINABLE_SIDE_EFFECTS: " + reason]
        case nil:
            verdict.failures = [Failure(code: 13, name: "HAS_NO_PRIMITIVE_PARAMETERS", severity: .info,
                                        reason: "already a well-formed hybrid function")]
            verdict.reasons = ["13 HAS_NO_PRIMITIVE_PARAMETERS: already a well-formed hybrid function"]
            if let relaxedRead, let derived, derived.predictedTraces > 1 {
                verdict.reasons.append("no P4/P7: " + relaxedRead)
            }
        }
        if facts[.coveredCallers] == .yes {
            // SPEC §3: informational for a hybrid; it never turns one into a removal by itself.
            let reason = "its decorator is redundant where it is called: "
                + (facts.facts[.coveredCallers]?.reasons.joined(separator: "; ") ?? "")
            verdict.failures.append(Failure(code: 21, name: "HAS_COVERED_CALLERS", severity: .info, reason: reason))
            verdict.reasons.append("21 HAS_COVERED_CALLERS: " + reason)
        }
        if verdict.isWrapper {
            verdict.reasons.append("made hybrid by a module-level tf.function(...) wrapper: reported, not edited")
        }
        return verdict
    }

    /// SPEC §3 code 16 for P4 and P7: a numpy call reads a dimension of a parameter's shape that
    /// traces saw vary. Under a bare tf.function it is a Python int (each shape is traced
    /// concretely), but a derived signature or `reduce_retracing=True` makes it `None`, and
    /// numpy fails on it (TF 2.21, reduce_retracing's second trace: "TypeError: Use () not None
    /// as shape arguments" from `np.zeros(x.shape[0])`).
    static func relaxedNumpyRead(_ facts: FunctionFacts, derived: TraceDerived) -> String? {
        for (parameter, read) in facts.numpyShapeReads.sorted(by: { $0.key < $1.key }) {
            guard let varying = derived.varyingDimensions[parameter] else { continue }
            let clash: Bool
            if let dimensions = read.dimensions, let varying {
                clash = !dimensions.isDisjoint(with: varying)
            } else {
                clash = true
            }
            guard clash else { continue }
            let which = varying.map { $0.filter { $0 >= 0 }.sorted().map(String.init).joined(separator: ", ") }.map { "dimension \($0)" } ?? "its rank"
            return "line \(read.line) reads the shape of `\(parameter)` with numpy, and traces saw \(which) vary: "
                + "a signature or reduce_retracing=True would make it None there"
        }
        return nil
    }

    /// What traces make of a hybrid's decorator: an argument to add, or 18 blocking it.
    enum Reconfiguration {
        case edit(precondition: String, argument: String, reason: String)
        case blocked(Failure)
    }

    /// P4 and P7 (SPEC §3): a hybrid the traces saw retraced for varying shapes gets a signature
    /// generalised from them, or, where none can be derived, `reduce_retracing=True`. A signature
    /// from a single observed shape would pin that shape and fail the next batch size, so P4 wants
    /// the retracing it removes. 18 blocks both where the body reads a dimension they leave `None`
    /// as a Python int (`reduce_retracing` relaxes the same dimensions).
    static func reconfigure(_ facts: FunctionFacts, derived: TraceDerived) -> Reconfiguration? {
        guard let hybrid = facts.hybrid, derived.predictedTraces > 1, derived.shapeClasses > 1 else { return nil }
        let arguments = hybrid.arguments
        if arguments.contains(.inputSignature) { return nil }
        let rule = SignaturePreconditions.unresolvedAxes
        let unresolved = rule.unresolvedReads(facts, shapes: derived.signatureShapes)
        let signature = derived.inputSignature
        let wantsSignature = signature != nil && facts[.tensorParameter] == .yes && facts[.primitiveParameter] == .no
            && facts[.recursive] == .no
        if !unresolved.isEmpty, wantsSignature || !arguments.contains(.reduceRetracing) {
            let relaxed = signature ?? "that reduce_retracing=True relaxes the shapes to"
            return .blocked(Failure(
                code: rule.code, name: rule.name, severity: .error,
                reason: "traced \(derived.predictedTraces) times for \(derived.shapeClasses) shapes, but "
                    + rule.explanation(unresolved, signature: relaxed)))
        }
        if let signature, wantsSignature {
            return .edit(precondition: "P4", argument: "input_signature=\(signature)",
                         reason: "P4: traced \(derived.predictedTraces) times for \(derived.shapeClasses) shapes; one signature covers them all: \(signature)")
        }
        if arguments.contains(.reduceRetracing) { return nil }
        return .edit(precondition: "P7", argument: "reduce_retracing=True",
                     reason: "P7: traced \(derived.predictedTraces) times for \(derived.shapeClasses) shapes, and no signature can be derived ("
                        + (derived.noSignatureReason ?? "?") + "): let TensorFlow relax the shapes")
    }
}
