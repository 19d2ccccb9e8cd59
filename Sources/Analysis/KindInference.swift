import PythonSyntax

/// Tensor inference: the kind of every parameter, local and return value of every function,
/// from type hints, literals, the API table (which TensorFlow, Keras and numpy calls return
/// tensors, datasets, variables) and, across functions, from the arguments callers pass and the
/// values callees return, iterated to a fixpoint.
public final class KindInference {
    public struct ParameterKind: Sendable, Equatable {
        public var kind: ValueKind
        public var evidence: Evidence
        /// Lines of the call sites (or annotation) the kind came from, for reasons.
        public var sources: [String]
        /// Whether some caller supplied it (a defaulted parameter no caller supplies is exempt
        /// from the primitive-parameter rule).
        public var suppliedByCaller: Bool
    }

    let index: ProjectIndex
    let hierarchy: ClassHierarchy
    let fixtures: PytestFixtures
    private(set) var resolvers: [Int: CallResolver] = [:]
    /// Kinds from annotations, read once: every propagation round starts from them.
    var hints: [Int: [String: ParameterKind]] = [:]
    public internal(set) var parameters: [Int: [String: ParameterKind]] = [:]
    public internal(set) var returns: [Int: ValueKind] = [:]
    /// The wrappers project decorators put around each decorated function, by function id.
    public internal(set) var wrappers: [Int: [Int]] = [:]
    /// What the name of each decorated function holds: its outermost decorator's wrappers.
    public internal(set) var decoratedValues: [Int: [Int]] = [:]
    /// What a generator yields (a pytest fixture that yields its value, say).
    var yields: [Int: ValueKind] = [:]
    /// Functions some resolved call site calls with arguments bound to their parameters.
    public internal(set) var called: Set<Int> = []
    /// Rounds it took to settle, for benchmarks and tests.
    public internal(set) var rounds = 0
    /// Whether the fixpoint was reached. The join is monotone over a lattice of finite height
    /// (`ValueKind.joined`), so it always is; `maximumRounds` only guards the tool against a
    /// future kind that breaks monotonicity, which a test would then catch.
    public internal(set) var settled = false
    static let maximumRounds = 64
    var locals: [Int: [String: ValueKind]] = [:]
    var comprehensions: [Int: [Comprehension.Generator]] = [:]
    var moduleGlobals: [String: [String: ValueKind]] = [:]
    /// `self.name = value` in any method, by class: what `self.name` holds in the others.
    var attributes: [Int: [String: ValueKind]] = [:]
    /// Tests and fixtures, with their `parametrize` values: pytest calls them.
    lazy var pytestFunctions: [(FunctionNode, [String: [Expression]])] = index.functions
        .filter { fixtures.isRunByPytest($0) }
        .map { ($0, PytestFixtures.parametrizedValues(of: $0, index: index)) }
    /// What each function's call sites passed in the last round it was looked at.
    var contributions: [Int: Contribution] = [:]

    public init(index: ProjectIndex, hierarchy: ClassHierarchy) {
        self.index = index
        self.hierarchy = hierarchy
        fixtures = PytestFixtures(index: index)
        for function in index.functions {
            resolvers[function.id] = CallResolver(index: index, function: function)
        }
        for function in index.functions {
            hints[function.id] = hintedParameters(of: function)
        }
        parameters = hints
        settle()
    }

    /// Callers' arguments and callees' returns flow both ways, and function values resolve
    /// calls that bind more arguments, so kinds are iterated to a fixpoint.
    /// After the first round only the functions whose inputs changed are looked at again: those
    /// whose parameters changed, callers of those whose return changed, functions nested in, or
    /// in the module of, one whose locals changed, and methods of classes whose attributes
    /// changed. On the Keras sources this is what keeps later rounds cheap.
    private func settle() {
        let dependents = Dependents(index: index)
        var dirty = Set(index.functions.map(\.id))
        var remerge = dirty
        var callers: [Int: Set<Int>] = [:]
        var framework = Contribution()
        while !dirty.isEmpty {
            guard rounds < Self.maximumRounds else { return }
            rounds += 1
            let attributesBefore = attributes
            var next: Set<Int> = []
            for function in index.functions where dirty.contains(function.id) {
                let before = (locals[function.id], returns[function.id])
                inferBody(of: function)
                if before.0 != locals[function.id] { next.formUnion(dependents.ofLocals(function)) }
                if before.1 != returns[function.id] { next.formUnion(callers[function.id] ?? []) }
            }
            for function in index.functions where dirty.contains(function.id) {
                let contribution = arguments(passedBy: function)
                let previous = contributions[function.id]
                guard contribution != previous else { continue }
                for callee in previous?.callees.subtracting(contribution.callees) ?? [] {
                    callers[callee]?.remove(function.id)
                }
                for callee in contribution.callees { callers[callee, default: []].insert(function.id) }
                // Only the callees whose callers passed something new need merging again.
                remerge.formUnion(contribution.callees)
                remerge.formUnion(previous?.callees ?? [])
                called.formUnion(contribution.callees)
                contributions[function.id] = contribution
            }
            let frameworkNow = frameworkArguments()
            for callee in Set(frameworkNow.passed.keys).union(framework.passed.keys)
            where frameworkNow.passed[callee] != framework.passed[callee] {
                remerge.insert(callee)
            }
            framework = frameworkNow
            called.formUnion(framework.callees)
            for (owner, held) in attributes where attributesBefore[owner] != held {
                next.formUnion(dependents.ofAttributes(ofClass: owner))
            }
            // Nested functions read their enclosing function's parameters too.
            for id in mergeArguments(into: remerge, callers: callers, framework: framework) {
                next.insert(id)
                next.formUnion(dependents.ofLocals(index.functions[id]))
            }
            remerge = []
            // Callers of a newly wrapped function pass their arguments to the wrapper too.
            let wrappedBefore = wrappers
            findWrappers()
            for (id, found) in wrappers where wrappedBefore[id] != found {
                next.formUnion(callers[id] ?? [])
            }
            dirty = next
        }
        settled = true
    }
}

/// Which functions' inferred kinds read what another function's inference writes.
private struct Dependents {
    private var nested: [Int: [Int]] = [:]
    private var inModule: [String: [Int]] = [:]
    private var methodsOfClassAndSubclasses: [Int: [Int]] = [:]

    init(index: ProjectIndex) {
        for function in index.functions {
            inModule[function.module.description, default: []].append(function.id)
            var outer = function.enclosing
            while let current = outer {
                nested[current.id, default: []].append(function.id)
                outer = current.enclosing
            }
        }
        var methods: [Int: [Int]] = [:]
        for function in index.functions {
            if let owner = function.owningClass { methods[owner.id, default: []].append(function.id) }
        }
        // A method reads `self.x` from its class and its project base classes.
        for node in index.classes {
            var pending = [node]
            var seen: Set<Int> = []
            while let current = pending.popLast() {
                guard seen.insert(current.id).inserted else { continue }
                methodsOfClassAndSubclasses[current.id, default: []] += methods[node.id] ?? []
                pending += index.projectBases(of: current)
            }
        }
    }

    /// Those that read `function`'s locals: what it encloses, or its whole module for a module body.
    func ofLocals(_ function: FunctionNode) -> [Int] {
        function.kind == .moduleBody ? inModule[function.module.description] ?? [] : nested[function.id] ?? []
    }

    func ofAttributes(ofClass id: Int) -> [Int] { methodsOfClassAndSubclasses[id] ?? [] }
}
