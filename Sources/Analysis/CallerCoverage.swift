/// SPEC §3, 21 HAS_COVERED_CALLERS: which functions run only inside graphs. A `tf.function` called
/// while another one traces is not called as a function of its own: TF 2.21 traces its Python
/// body into the caller's FuncGraph (polymorphic_function.py `Function.__call__` runs only while
/// the outer function traces), so a decorator of its own buys nothing there.
///
/// A function is covered when it has known callers and every one runs inside a graph: it is
/// graph-bound (hybrid), or itself covered. The least fixpoint: nothing is covered until some
/// caller proves it, so a cycle of eager functions covers nothing. A caller that is module-level
/// code, a test, or not known (nil) breaks coverage, and so does a call of the function by itself.
/// One computation for the verdicts (hybrid = decorated) and for refactor's outermost preference
/// (hybrid = decorated and staying so, or made hybrid by the same plan).
public struct CallerCoverage<Node: Hashable> {
    /// The covered functions, each with its callers.
    public private(set) var covered: [Node: [Node]] = [:]

    public init(callers: [Node: [Node?]], graphBound: Set<Node>, candidates: some Sequence<Node>) {
        let candidates = Array(candidates)
        var changed = true
        while changed {
            changed = false
            for node in candidates where covered[node] == nil {
                guard let known = callers[node], !known.isEmpty else { continue }
                var inside: [Node] = []
                for caller in known {
                    guard let caller, caller != node, graphBound.contains(caller) || covered[caller] != nil else {
                        inside = []
                        break
                    }
                    inside.append(caller)
                }
                if !inside.isEmpty {
                    covered[node] = inside
                    changed = true
                }
            }
        }
    }

    public func isCovered(_ node: Node) -> Bool { covered[node] != nil }
}
