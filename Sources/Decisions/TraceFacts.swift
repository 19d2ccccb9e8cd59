import Analysis
import TraceStore

/// What traces add to a verdict beyond the facts (SPEC §6): a derived input signature, the number
/// of graph traces the observed calls would cause, and the function's share of eager time.
public struct TraceDerived: Sendable {
    public var calls: Int
    public var eagerCalls: Int
    /// `[tf.TensorSpec(shape=[None, 4], dtype=tf.float32)]`, when every call passed only tensors
    /// or arrays of one dtype per parameter.
    public var inputSignature: String?
    /// Why no signature could be derived, in words (nil when one was).
    public var noSignatureReason: String?
    /// Graph traces that tf.function would make for the observed eager calls (distinct shapes,
    /// dtypes, literal values and object identities); for a hybrid, the traces observed.
    public var predictedTraces: Int
    /// Whether object identities make `predictedTraces` a lower bound.
    public var tracesAtLeast: Bool
    /// Distinct shapes seen per tensor parameter, for P4/P7's "retraced for varying shapes".
    public var shapeClasses: Int
    /// The dimensions whose size differed between observed calls, per tensor parameter (nil:
    /// its rank differed): what a derived signature or `reduce_retracing` makes `None`.
    public var varyingDimensions: [String: Set<Int>?] = [:]
    public var eagerSeconds: Double
    /// `eagerSeconds` over the traced tests' time; nil when the run had no timed tests.
    public var eagerShare: Double?
    public var tests: [String]
    /// Each tensor parameter's generalised shape (nil: unknown rank), as the signature has it.
    public var signatureShapes: [String: [Int?]?] = [:]
}

/// SPEC §4: folds what traces observed into a function's static facts. A definite static fact
/// stands; an unknown one is decided by the traces, with the call count and a test; a static
/// `false` is overruled when the traces saw the opposite; speculation only fills what is left.
/// A `false` drawn from traces alone is itself an assumption (§4.2), reported with coverage.
public struct TraceFacts {
    public let evidence: TraceEvidence
    public let countingBools: Bool

    public init(evidence: TraceEvidence, countingBools: Bool = false) {
        self.evidence = evidence
        self.countingBools = countingBools
    }

    public func apply(to input: FunctionFacts) -> (facts: FunctionFacts, derived: TraceDerived?) {
        var facts = input
        guard let observed = evidence.function(file: facts.file, qualname: facts.qualname, line: facts.line),
            observed.calls > 0
        else {
            for index in facts.assumptions.indices {
                facts.assumptions[index].status = .unobserved
                facts.assumptions[index].evidence = ["no traced call reaches \(facts.qualname)"]
                facts.assumptions[index].tests = facts.reachingTests
            }
            return (facts, nil)
        }
        let calls = Self.passed(observed, receiver: facts.receiverName)
        let tests = observed.tests
        decideTensorParameter(&facts, calls, tests)
        decidePrimitiveParameter(&facts, calls, observed)
        decideSideEffects(&facts, observed)
        if facts[.recursive] == .unknown {
            facts.facts[.recursive] = Fact(.no, .trace, reasons: [
                "no call of itself in \(observed.calls) traced calls" + Self.example(tests)
            ])
            addTraceNegative(&facts, .recursive, observed)
        }
        decideVariableCreation(&facts, observed)
        decideStaleVariableReads(&facts, observed)
        decideVaryingObjects(&facts, observed)
        decideKerasSymbolicArguments(&facts, calls)
        decideDTypeCoercions(&facts, calls)
        facts.facts[.reachable] = Fact(.yes, .trace, reasons: ["\(observed.calls) traced calls" + Self.example(tests)])
        for index in facts.assumptions.indices where facts.assumptions[index].tests.isEmpty {
            facts.assumptions[index].tests = Array(tests.prefix(5))
        }
        return (facts, derive(facts, observed, calls, tests))
    }

    // MARK: Parameters

    /// The traced signatures with only what callers pass: a method's receiver left out. A hybrid's
    /// body runs only while tf.function traces it, so its calls are graph-time; an eager function's
    /// graph-time calls (Dataset.map, Keras building a layer) take symbolic tensors and count too.
    typealias Calls = [TraceEvidence.Signature]

    static func passed(_ observed: TraceEvidence.Function, receiver: String?) -> Calls {
        observed.signatures.map { signature in
            guard let receiver, signature.params.first?.param == receiver else { return signature }
            var passed = signature
            passed.params.removeFirst()
            return passed
        }
    }

    static func describe(_ parameter: ParamObservation) -> String {
        var text = parameter.kind
        if let dtype = parameter.dtype { text += " " + dtype }
        if let shape = parameter.shape { text += " " + shape }
        if let elements = parameter.elements, !elements.isEmpty { text += " of " + elements }
        if let value = parameter.value { text += " " + value }
        return text
    }

    /// `x`: Tensor float32 [8, 4] ×12, Tensor float32 [16, 4] ×4
    static func summary(_ signatures: Calls, limit: Int = 3) -> String {
        var order: [String] = []
        var counts: [String: [String: Int]] = [:]
        var kindsOrder: [String: [String]] = [:]
        for signature in signatures {
            for parameter in signature.params {
                if counts[parameter.param] == nil { order.append(parameter.param) }
                let text = describe(parameter)
                if counts[parameter.param]?[text] == nil { kindsOrder[parameter.param, default: []].append(text) }
                counts[parameter.param, default: [:]][text, default: 0] += signature.calls
            }
        }
        return order.map { name in
            let texts = kindsOrder[name] ?? []
            let shown = texts.prefix(limit).map { "\($0) ×\(counts[name]?[$0] ?? 0)" }
            return "`\(name)`: " + shown.joined(separator: ", ") + (texts.count > limit ? ", …" : "")
        }.joined(separator: "; ")
    }

    static func example(_ tests: [String]) -> String {
        tests.first.map { " (e.g. \($0))" } ?? ""
    }

    private func decideTensorParameter(_ facts: inout FunctionFacts, _ calls: Calls, _ tests: [String]) {
        let withTensor = calls.filter { $0.params.contains(where: ObservedKind.isTensorLike) }
        let without = calls.filter { !$0.params.contains(where: ObservedKind.isTensorLike) }
        let tensorCalls = withTensor.reduce(0) { $0 + $1.calls }
        let current = facts.facts[.tensorParameter] ?? Fact(.unknown)
        for index in facts.assumptions.indices where facts.assumptions[index].fact == .tensorParameter {
            if without.isEmpty {
                facts.assumptions[index].status = .confirmed
                facts.assumptions[index].evidence = ["\(tensorCalls) traced calls, each with a tensor: " + Self.summary(withTensor)]
            } else if let counter = without.max(by: { $0.calls < $1.calls }) {
                facts.assumptions[index].status = .rejected
                let passed = counter.params
                let test = counter.tests.first?.test ?? tests.first ?? "a traced call"
                facts.assumptions[index].counterExample = test + " passed "
                    + (passed.isEmpty ? "no arguments" : passed.map { "`\($0.param)`: \(Self.describe($0))" }.joined(separator: ", "))
                facts.assumptions[index].evidence = [
                    "\(without.reduce(0) { $0 + $1.calls }) of \(calls.reduce(0) { $0 + $1.calls }) traced calls passed no tensor: " + Self.summary(without)
                ]
            }
        }
        let isDefinite = current.value != .unknown && (current.evidence == .static || current.evidence == .hint)
        if isDefinite && !(current.value == .no && tensorCalls > 0) { return }
        if tensorCalls > 0 {
            let missed = current.value == .no ? "traces saw tensors the analysis did not: " : ""
            facts.facts[.tensorParameter] = Fact(.yes, .trace, reasons: [
                missed + Self.summary(withTensor) + " in \(tensorCalls) traced calls" + Self.example(withTensor.first.map { $0.tests.map(\.test) } ?? tests)
            ])
        } else {
            facts.facts[.tensorParameter] = Fact(.no, .trace, reasons: [
                "no traced call passed a tensor: " + Self.summary(calls) + Self.example(tests)
            ])
        }
    }

    private func decidePrimitiveParameter(_ facts: inout FunctionFacts, _ calls: Calls, _ observed: TraceEvidence.Function) {
        // One value is one trace: a literal retraces only when its value changes (a default, or a
        // constant every caller passes, costs a single graph).
        var valuesByParam: [String: Set<String>] = [:]
        var callsByParam: [String: Int] = [:]
        for signature in calls {
            for parameter in signature.params where ObservedKind.isRetracingLiteral(parameter, countingBools: countingBools) {
                valuesByParam[parameter.param, default: []].insert(parameter.value ?? parameter.kind)
                callsByParam[parameter.param, default: 0] += signature.calls
            }
        }
        let varying = valuesByParam.keys.sorted().compactMap { name -> String? in
            let distinct = max(valuesByParam[name]?.count ?? 0, observed.distinctValues[name]?.count ?? 0)
            guard distinct > 1 else { return nil }
            let shown = (valuesByParam[name] ?? []).sorted().prefix(4).joined(separator: ", ")
            return "`\(name)` received \(distinct) distinct Python values (\(shown)) in \(callsByParam[name] ?? 0) traced calls"
        }
        let current = facts.facts[.primitiveParameter] ?? Fact(.unknown)
        let isDefinite = current.value != .unknown && (current.evidence == .static || current.evidence == .hint)
        let tests = observed.tests
        if isDefinite, current.value == .yes, !varying.isEmpty {
            // The code already shows literals; the traces say which ones actually vary.
            facts.facts[.primitiveParameter]?.reasons.insert(
                varying.joined(separator: "; ") + ": each new value retraces the graph" + Self.example(tests), at: 0)
            return
        }
        if isDefinite && !(current.value == .no && !varying.isEmpty) { return }
        if !varying.isEmpty {
            facts.facts[.primitiveParameter] = Fact(.yes, .trace, reasons: [
                varying.joined(separator: "; ") + ": each new value retraces the graph" + Self.example(tests)
            ])
        } else {
            let constant = valuesByParam.keys.sorted().map { "`\($0)` is always \(valuesByParam[$0]?.first ?? "?")" }
            facts.facts[.primitiveParameter] = Fact(.no, .trace, reasons: [
                "no literal argument changed value in \(observed.calls) traced calls"
                    + (constant.isEmpty ? "" : " (" + constant.joined(separator: ", ") + ": one value, one trace)")
            ])
            if current.value == .unknown { addTraceNegative(&facts, .primitiveParameter, observed) }
        }
    }

    // MARK: Side effects and variables

    static func describe(_ effect: TraceEvidence.Effect) -> String {
        let via = effect.via.map { " in \($0.qualname)" } ?? ""
        let what: String
        switch SideEffectKind(rawValue: effect.kind) {
        case .globalWrite?: what = "writes the global `\(effect.target)`"
        case .attributeWrite?: what = "writes `\(effect.target)`"
        case .itemWrite?: what = "changes the items of `\(effect.target)`"
        case .print?: what = "prints to \(effect.target)"
        case .io?: what = "does I/O on \(effect.target)"
        case .logging?: what = "logs to \(effect.target)"
        case .iterator?: what = "advances the iterator `\(effect.target)`"
        case .variableCreation?: what = "creates the variable `\(effect.target)`"
        default: what = "\(effect.kind) \(effect.target)"
        }
        return what + via + " (line \(effect.line), \(effect.count)×" + (effect.firstTest.map { ", first in \($0)" } ?? "") + ")"
    }

    private func decideSideEffects(_ facts: inout FunctionFacts, _ observed: TraceEvidence.Function) {
        let python = observed.effects.filter { $0.kind != SideEffectKind.variableCreation.rawValue }
        // Lazy initialisation, such as a Keras optimizer building its slots, happens on the first
        // call only, and tf.function runs the Python of that first call when it traces it: an
        // effect never seen on a later call (per receiver, for a method) is replayed faithfully.
        let firstOnly = observed.calls > 1
        let counted = python.filter { $0.repeatCount > 0 || !firstOnly }
            .sorted { ($0.repeatCount, $0.count) > ($1.repeatCount, $1.count) }
        let initial = python.filter { $0.repeatCount == 0 && firstOnly }
        let current = facts.facts[.sideEffects] ?? Fact(.unknown)
        if current.value == .yes { return }
        if let first = counted.first {
            let missed = current.value == .no ? "the analysis missed it: " : ""
            facts.facts[.sideEffects] = Fact(.yes, .trace, reasons: [
                missed + "traces saw it " + Self.describe(first)
                    + (counted.count > 1 ? " and \(counted.count - 1) more effect\(counted.count > 2 ? "s" : "")" : "")
            ])
            return
        }
        let lazy = initial.isEmpty ? "" : "; only on first calls, which the first trace replays: "
            + initial.prefix(2).map(Self.describe).joined(separator: ", ")
        if current.value == .unknown {
            facts.facts[.sideEffects] = Fact(.no, .trace, reasons: [
                "no Python side effect in \(observed.calls) traced calls" + lazy + Self.example(observed.tests)
            ])
            addTraceNegative(&facts, .sideEffects, observed)
        } else if !lazy.isEmpty {
            facts.facts[.sideEffects]?.reasons.append("traces agree" + lazy)
        }
    }

    private func decideVariableCreation(_ facts: inout FunctionFacts, _ observed: TraceEvidence.Function) {
        let creations = observed.effects.filter { $0.kind == SideEffectKind.variableCreation.rawValue }
        let later = creations.filter { $0.repeatCount > 0 }
        let names = { (effects: [TraceEvidence.Effect]) -> String in
            let targets = Array(Set(effects.map(\.target))).sorted()
            return targets.prefix(4).map { "`\($0)`" }.joined(separator: ", ") + (targets.count > 4 ? ", …" : "")
        }
        if let first = later.first {
            let count = later.reduce(0) { $0 + $1.repeatCount }
            facts.facts[.createsVariables] = Fact(.yes, .trace, reasons: [
                "it creates variables (\(names(later)), line \(first.line)) on \(count) calls after its first"
                    + (facts.receiverName != nil ? " on the same object" : "")
                    + (first.firstTest.map { ", first in \($0)" } ?? "")
                    + ": tf.function allows variable creation only while tracing its first call"
            ])
        } else if facts.isKerasCall, let first = creations.first {
            // Keras 3 builds a layer without its own build() by running call() symbolically
            // (keras/src/layers/layer.py _maybe_build -> compute_output_spec): variables the
            // sublayers declare there come to life in call(), which a tf.function would trace.
            facts.facts[.createsVariables] = Fact(.yes, .trace, reasons: [
                "Keras builds this layer by running its call, which creates variables (\(names(creations)), line \(first.line)"
                    + (first.graphCount > 0 ? ", while Keras traced it symbolically" : "")
                    + (first.firstTest.map { ", first in \($0)" } ?? "") + ")"
            ])
        } else if creations.isEmpty {
            facts.facts[.createsVariables] = Fact(.no, .trace, reasons: ["no variable created in \(observed.calls) traced calls"])
        } else {
            facts.facts[.createsVariables] = Fact(.no, .trace, reasons: [
                "it creates variables (\(names(creations))) on its first call only"
                    + (facts.receiverName != nil ? " per object" : "")
                    + ", which tf.function allows"
            ])
        }
    }

    /// 19: the body reads a variable list before it calls the object, and the analysis could not
    /// tell whether the object is built by then. A first call that created variables built it.
    private func decideStaleVariableReads(_ facts: inout FunctionFacts, _ observed: TraceEvidence.Function) {
        guard facts[.staleVariableReads] == .unknown, let pattern = facts.facts[.staleVariableReads]?.reasons.first,
            let buildLine = facts.variableListBuildLine
        else { return }
        // Only variables created by that call: an optimizer building its slots on a first
        // `apply` is no sign of the model being built.
        let creations = observed.effects.filter { $0.kind == SideEffectKind.variableCreation.rawValue && $0.line == buildLine }
        if let first = creations.first {
            facts.facts[.staleVariableReads] = Fact(.yes, .trace, reasons: [
                (pattern.components(separatedBy: "; whether").first.map { $0 + ": " } ?? "")
                    + "traces saw its first call create variables (`\(first.target)`, line \(first.line)): the list it read was empty"
            ])
        } else {
            facts.facts[.staleVariableReads] = Fact(.no, .trace, reasons: [
                "no variable created by the call on line \(buildLine) in \(observed.calls) traced calls: the object was built before it read the list" + Self.example(observed.tests)
            ])
            addTraceNegative(&facts, .staleVariableReads, observed)
        }
    }

    private func decideVaryingObjects(_ facts: inout FunctionFacts, _ observed: TraceEvidence.Function) {
        // `self` is exempt: tf.function on a method keeps one Function per instance (TF 2.21,
        // polymorphic_function.py Function.__get__), so a new object per test is a new function.
        let varying = observed.identities.filter {
            $0.param != facts.receiverName && ObservedKind.isTracedByIdentity($0.kind) && $0.distinctObjects > 1
        }.sorted { $0.distinctObjects > $1.distinctObjects }
        if let first = varying.first {
            facts.facts[.varyingObjectParameters] = Fact(.yes, .trace, reasons: [
                "`\(first.param)` received \(first.distinctObjects)\(first.saturated ? "+" : "") different \(first.kind) objects in \(first.calls) calls"
                    + Self.example(observed.tests)
                    + ": each new object retraces the graph, and a retrace that creates variables fails"
            ])
        } else {
            facts.facts[.varyingObjectParameters] = Fact(.no, .trace, reasons: ["every object argument kept one identity"])
        }
    }

    /// SPEC §3 code 23: traces see a KerasTensor argument directly (the tracer names its kind
    /// `KerasTensor`). A definite static `true` stands; traces add what the analysis missed.
    private func decideKerasSymbolicArguments(_ facts: inout FunctionFacts, _ calls: Calls) {
        if facts[.kerasSymbolicArguments] == .yes { return }
        let symbolic = calls.filter { $0.params.contains { $0.kind == "KerasTensor" } }
        guard let first = symbolic.first, let parameter = first.params.first(where: { $0.kind == "KerasTensor" }) else { return }
        let count = symbolic.reduce(0) { $0 + $1.calls }
        let missed = facts[.kerasSymbolicArguments] == .no ? "the analysis missed it: " : ""
        facts.facts[.kerasSymbolicArguments] = Fact(.yes, .trace, reasons: [
            missed + "`\(parameter.param)` received \(Self.describe(parameter)) in \(count) traced calls"
                + Self.example(first.tests.map(\.test)) + ": a functional model being built"
        ])
    }

    /// SPEC §3 code 22 from observed dtypes: a numpy argument (array or scalar) of one dtype met
    /// in a binary op a tensor, or another numpy argument, of another. The pairs are the
    /// parameters the body combines (`FunctionFacts.binaryPartners`).
    private func decideDTypeCoercions(_ facts: inout FunctionFacts, _ calls: Calls) {
        if facts[.conflictingDTypeCoercions] == .yes || facts.binaryPartners.isEmpty { return }
        for signature in calls {
            let byName = Dictionary(signature.params.map { ($0.param, $0) }, uniquingKeysWith: { first, _ in first })
            for (name, partners) in facts.binaryPartners.sorted(by: { $0.key < $1.key }) {
                guard let observed = byName[name], let dtype = InputSignature.numpyDType(of: observed) else { continue }
                for partner in partners.sorted() {
                    guard let other = byName[partner],
                        let otherDType = InputSignature.numpyDType(of: other)
                            ?? (ObservedKind(other.kind) == .tensor ? other.dtype : nil),
                        otherDType != dtype
                    else { continue }
                    let missed = facts[.conflictingDTypeCoercions] == .no ? "the analysis missed it: " : ""
                    facts.facts[.conflictingDTypeCoercions] = Fact(.yes, .trace, reasons: [
                        missed + "`\(name)` received \(Self.describe(observed)) and meets `\(partner)`, \(Self.describe(other)), in a binary op"
                            + Self.example(signature.tests.map(\.test))
                            + ": tf.function makes `\(name)` a \(dtype) tensor where eager ops convert it to \(otherDType)"
                    ])
                    return
                }
            }
        }
    }

    /// §4.2: a `false` drawn from traces alone, listed as an assumption with its coverage.
    private func addTraceNegative(_ facts: inout FunctionFacts, _ fact: FactName, _ observed: TraceEvidence.Function) {
        var assumption = Assumption(fact: fact, assumed: false, rule: "trace", detail: "\(observed.calls) traced calls")
        assumption.status = .confirmed
        if observed.hasCoverage && observed.executableLines > 0 {
            let covered = min(observed.coveredLines.count, observed.executableLines)
            let percent = Int((Double(covered) / Double(observed.executableLines) * 100).rounded())
            assumption.evidence = ["traces show only the paths that ran: \(covered) of \(observed.executableLines) lines (\(percent)%) ran"]
        } else {
            assumption.evidence = ["traces show only the paths that ran (line coverage not recorded: trace --coverage)"]
        }
        assumption.tests = Array(observed.tests.prefix(5))
        facts.assumptions.append(assumption)
    }

    // MARK: Derived (SPEC §6)

    private func derive(_ facts: FunctionFacts, _ observed: TraceEvidence.Function, _ calls: Calls, _ tests: [String]) -> TraceDerived {
        let isHybrid = facts.hybrid != nil
        let relevant = isHybrid ? calls : calls.filter { !$0.inGraph }
        let signature = InputSignature.derive(relevant.map(\.params), partners: facts.binaryPartners)
        var distinct = Set(relevant.map(\.params)).count
        var atLeast = false
        if !isHybrid {
            // Past the bound the tracer keeps in signatures, values are counted per parameter.
            let passedNames = Set(relevant.flatMap { $0.params.map(\.param) })
            for (name, values) in observed.distinctValues where passedNames.contains(name)
                && (values.saturated || values.count > distinct)
            {
                distinct = max(distinct, values.count)
                atLeast = atLeast || values.saturated
            }
            for identity in observed.identities where identity.param != facts.receiverName
                && ObservedKind.isTracedByIdentity(identity.kind) && identity.distinctObjects > 1
            {
                distinct = max(distinct, identity.distinctObjects)
                atLeast = true
            }
            // On a method, `Function.__get__` makes one Function per instance (TF 2.21,
            // polymorphic_function.py), each tracing on its own: at least one trace per receiver.
            if let receiver = facts.receiverName,
                let receivers = observed.identities.first(where: { $0.param == receiver })?.distinctObjects, receivers > 1
            {
                atLeast = atLeast || (distinct > 1 && receivers != distinct)
                distinct = max(distinct, receivers)
            }
        }
        let traces = isHybrid ? observed.graphCalls : distinct
        let seconds = Double(observed.eagerNanoseconds) / 1e9
        return TraceDerived(
            calls: observed.calls, eagerCalls: observed.eagerCalls, inputSignature: signature.spelling,
            noSignatureReason: signature.problem, predictedTraces: traces, tracesAtLeast: atLeast,
            shapeClasses: signature.shapeClasses, varyingDimensions: InputSignature.varyingDimensions(relevant.map(\.params)),
            eagerSeconds: seconds,
            eagerShare: evidence.testSeconds > 0 ? seconds / evidence.testSeconds : nil, tests: Array(tests.prefix(5)),
            signatureShapes: signature.shapes)
    }
}
