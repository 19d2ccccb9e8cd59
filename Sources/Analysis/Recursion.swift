/// Functions that can reach themselves through the call graph, directly or mutually: the strongly
/// connected components (Tarjan's algorithm, iterative so deep graphs cannot overflow the stack).
/// Edges to the subclass overrides a call through `self` may dispatch to are left out: they give
/// a base class's `self.call(x)` every override in the project, and in Keras that closes one
/// cycle through `Layer.__call__` over most layers, which nests calls over distinct layer objects
/// rather than recursing. Recursion along what the caller's own class resolves is still found.
public struct Recursion: Sendable {
    /// For each recursive function, the other members of its cycle (empty for direct recursion).
    public private(set) var cycles: [Int: [Int]] = [:]

    public init(graph: CallGraph, functionCount: Int) {
        var successors: [[Int]] = Array(repeating: [], count: functionCount)
        var selfLoops: Set<Int> = []
        for edge in graph.edges {
            guard case .project(let callee) = edge.callee, !edge.throughOverride else { continue }
            successors[edge.caller].append(callee)
            if callee == edge.caller { selfLoops.insert(callee) }
        }
        var indexOf = Array(repeating: -1, count: functionCount)
        var lowlink = Array(repeating: 0, count: functionCount)
        var onStack = Array(repeating: false, count: functionCount)
        var stack: [Int] = []
        var counter = 0
        for start in 0..<functionCount where indexOf[start] < 0 {
            var work: [(node: Int, next: Int)] = [(start, 0)]
            indexOf[start] = counter
            lowlink[start] = counter
            counter += 1
            stack.append(start)
            onStack[start] = true
            while var frame = work.popLast() {
                if frame.next < successors[frame.node].count {
                    let successor = successors[frame.node][frame.next]
                    frame.next += 1
                    work.append(frame)
                    if indexOf[successor] < 0 {
                        indexOf[successor] = counter
                        lowlink[successor] = counter
                        counter += 1
                        stack.append(successor)
                        onStack[successor] = true
                        work.append((successor, 0))
                    } else if onStack[successor] {
                        lowlink[frame.node] = min(lowlink[frame.node], indexOf[successor])
                    }
                    continue
                }
                if let parent = work.last {
                    lowlink[parent.node] = min(lowlink[parent.node], lowlink[frame.node])
                }
                if lowlink[frame.node] == indexOf[frame.node] {
                    var component: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component.append(member)
                        if member == frame.node { break }
                    }
                    if component.count > 1 {
                        for member in component { cycles[member] = component.filter { $0 != member }.sorted() }
                    } else if selfLoops.contains(frame.node) {
                        cycles[frame.node] = []
                    }
                }
            }
        }
    }

    public func isRecursive(_ function: Int) -> Bool { cycles[function] != nil }
}
