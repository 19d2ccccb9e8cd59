
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
    /// Every function's rank in a depth-first post-order over what it calls (from the callers
    /// found so far): callees come first, cycles in some order.
    private func calleesFirst(callers: [Int: Set<Int>]) -> [Int: Int] {
        var callees: [Int: [Int]] = [:]
        for (callee, those) in callers {
            for caller in those { callees[caller, default: []].append(callee) }
        }
        var position: [Int: Int] = [:]
        var visited = Set<Int>()
        for start in index.functions.map(\.id) where !visited.contains(start) {
            visited.insert(start)
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            while let top = stack.last {
                let children = callees[top.node] ?? []
                if top.next < children.count {
                    stack[stack.count - 1].next += 1
                    let child = children[top.next]
                    if visited.insert(child).inserted { stack.append((child, 0)) }
                } else {
                    position[top.node] = position.count
                    stack.removeLast()
                }
            }
        }
        return position
    }

    private func settle() {
        let dependents = Dependents(index: index)
        var dirty = Set(index.functions.map(\.id))
        var remerge = dirty
        var callers: [Int: Set<Int>] = [:]
        var framework = Contribution()
        var position: [Int: Int] = [:]
        while !dirty.isEmpty {
            guard rounds < Self.maximumRounds else { return }
            rounds += 1
            let attributesBefore = attributes
            var next: Set<Int> = []
            // Callees before their callers: a return that changes is then seen by its callers in
            // the same round rather than the next (on the Keras sources, a third fewer rounds).
            if rounds == 2 { position = calleesFirst(callers: callers) }
            let ordered = position.isEmpty ? dirty.sorted() : dirty.sorted { (position[$0] ?? $0) < (position[$1] ?? $1) }
            var rank: [Int: Int] = [:]
            for (offset, id) in ordered.enumerated() { rank[id] = offset }
            for function in ordered.map({ index.functions[$0] }) {
                let before = (locals[function.id], returns[function.id])
                inferBody(of: function)
                if before.0 != locals[function.id] {
                    let now = locals[function.id] ?? [:]
                    let changed = Set(now.keys.filter { before.0?[$0] != now[$0] })
                    next.formUnion(dependents.ofLocals(function, names: changed))
                }
                if before.1 != returns[function.id], let own = rank[function.id] {
                    // A caller still to come in this round reads the new return already (its
                    // body and its arguments are looked at after this); the others look again.
                    for caller in callers[function.id] ?? [] where (rank[caller] ?? -1) <= own {
                        next.insert(caller)
                    }
                }
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
                let before = attributesBefore[owner] ?? [:]
                let changed = Set(held.keys.filter { before[$0] != held[$0] })
                next.formUnion(dependents.ofAttributes(changed, ofClass: owner))
            }
            // Nested functions read their enclosing function's parameters too.
            for id in mergeArguments(into: remerge, callers: callers, framework: framework) {
                next.insert(id)
                let function = index.functions[id]
                next.formUnion(dependents.ofLocals(function, names: Set(function.parameters.map(\.name))))
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
    /// The `self.name` attributes each method reads: a change to one attribute of a class
    /// concerns only the methods that read it (on the Keras sources, dirtying every method of
    /// every `Layer` subclass whenever one attribute of `Layer` changed was a third of the work).
    private var attributesRead: [Int: Set<String>] = [:]
    /// The names each function's code mentions: a change to one variable of an enclosing scope
    /// (a module global, an outer function's local) concerns only the functions that name it.
    private var namesMentioned: [Int: Set<String>] = [:]

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
            // One walk over the code finds the names it mentions and, for a method, the
            // `self.name` attributes it reads.
            let receiver = function.owningClass == nil ? nil : function.receiverName
            var names: Set<String> = []
            var attributes: Set<String> = []
            let visit = { (inner: Expression) in
                switch inner.kind {
                case .name(let name): names.insert(name)
                case .attribute(let base, let name): if let receiver, case .name(receiver) = base.kind { attributes.insert(name) }
                default: break
                }
            }
            for expression in function.decorators + function.parameters.compactMap(\.defaultValue) {
                expression.forEachSubexpression(enteringLambdas: true, visit)
            }
            var pending = [function.body]
            while let statements = pending.popLast() {
                for statement in statements {
                    for expression in statement.directExpressions { expression.forEachSubexpression(enteringLambdas: true, visit) }
                    pending += statement.nestedBodies
                }
            }
            namesMentioned[function.id] = names
            guard let owner = function.owningClass else { continue }
            methods[owner.id, default: []].append(function.id)
            if receiver != nil { attributesRead[function.id] = attributes }
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

    /// Those that read the `names` among `function`'s locals: what it encloses, or the rest of
    /// its module for a module body, where they mention one of the names.
    func ofLocals(_ function: FunctionNode, names: Set<String>) -> [Int] {
        let readers = function.kind == .moduleBody ? inModule[function.module.description] ?? [] : nested[function.id] ?? []
        return readers.filter { !(namesMentioned[$0] ?? []).isDisjoint(with: names) }
    }

    func ofAttributes(_ names: Set<String>, ofClass id: Int) -> [Int] {
        (methodsOfClassAndSubclasses[id] ?? []).filter { !(attributesRead[$0] ?? []).isDisjoint(with: names) }
    }
}
