/// Python's method resolution order over the project's classes: the C3 linearisation (Python
/// 2.3 and later), so that under multiple inheritance `class D(B, C)` finds a method of `C` before
/// one of `B`'s base `A`, and `super()` in `B` continues with `C` for a `D`. Library bases take
/// no part: a method they define is not a node of the project's graph.
struct MethodResolutionOrder {
    private var orders: [Int: [ClassNode]] = [:]
    private var subclasses: [Int: [ClassNode]] = [:]

    init(classes: [ClassNode], bases: (ClassNode) -> [ClassNode]) {
        for node in classes {
            _ = linearize(node, bases: bases, visiting: [])
        }
        // Every project class below each one, at any depth, in index order.
        for node in classes {
            for ancestor in (orders[node.id] ?? [node]).dropFirst() {
                subclasses[ancestor.id, default: []].append(node)
            }
        }
    }

    /// The classes a method lookup on an instance of `node` visits, `node` first.
    func order(of node: ClassNode) -> [ClassNode] { orders[node.id] ?? [node] }

    /// The project classes that descend from `node`, directly or not.
    func subclasses(of node: ClassNode) -> [ClassNode] { subclasses[node.id] ?? [] }

    private mutating func linearize(_ node: ClassNode, bases: (ClassNode) -> [ClassNode], visiting: Set<Int>) -> [ClassNode] {
        if let known = orders[node.id] { return known }
        // A cycle through an import alias (`class A(B)` and `class B(A)` in two modules) is not
        // Python, but must not hang the analysis.
        guard !visiting.contains(node.id) else { return [node] }
        let direct = bases(node)
        var sequences = direct.map { linearize($0, bases: bases, visiting: visiting.union([node.id])) }
        sequences.append(direct)
        let order = [node] + (Self.merge(sequences) ?? Self.depthFirst(direct, sequences: sequences))
        orders[node.id] = order
        return order
    }

    /// C3's merge: repeatedly take the first head that is in no other sequence's tail.
    private static func merge(_ sequences: [[ClassNode]]) -> [ClassNode]? {
        var remaining = sequences.filter { !$0.isEmpty }
        var merged: [ClassNode] = []
        while !remaining.isEmpty {
            let head = remaining.lazy.map { $0[0] }.first { candidate in
                !remaining.contains { $0.dropFirst().contains { $0 === candidate } }
            }
            // No consistent order: Python raises TypeError at the class statement.
            guard let next = head else { return nil }
            merged.append(next)
            remaining = remaining.map { $0.first === next ? Array($0.dropFirst()) : $0 }.filter { !$0.isEmpty }
        }
        return merged
    }

    /// An order for a hierarchy Python would reject: each base's order in turn, without repeats.
    private static func depthFirst(_ direct: [ClassNode], sequences: [[ClassNode]]) -> [ClassNode] {
        var seen: Set<Int> = []
        return sequences.dropLast().flatMap { $0 }.filter { seen.insert($0.id).inserted }
    }
}
