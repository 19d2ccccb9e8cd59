/// What one or more trace databases observed, per function, read once for the verdicts and the
/// audit (SPEC §4–6). Functions are keyed as SPEC §1 identifies them, so runs and databases of the
/// same project merge: the same signature seen in two runs is one signature with both counts.
public struct TraceEvidence: Sendable {
    public struct FunctionKey: Hashable, Sendable, Comparable, CustomStringConvertible {
        public var file: String
        public var qualname: String
        public var line: Int

        public init(file: String, qualname: String, line: Int) {
            self.file = file
            self.qualname = qualname
            self.line = line
        }

        public var description: String { "\(file):\(line) \(qualname)" }

        public static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.file, lhs.line, lhs.qualname) < (rhs.file, rhs.line, rhs.qualname)
        }
    }

    /// One distinct call signature: what each parameter received, and how often.
    public struct Signature: Sendable {
        public var inGraph: Bool
        public var calls: Int
        public var totalNanoseconds: Int
        public var params: [ParamObservation]
        /// pytest node ids of the tests that made these calls, with their counts, commonest first.
        public var tests: [(test: String, calls: Int)]
    }

    public struct Effect: Sendable {
        public var kind: String
        public var target: String
        public var line: Int
        /// The callee that did it, when the function did not do it itself.
        public var via: FunctionKey?
        public var count: Int
        public var repeatCount: Int
        public var graphCount: Int
        public var firstTest: String?
    }

    /// Distinct objects a non-tensor, non-primitive parameter received.
    public struct Identities: Sendable {
        public var param: String
        public var kind: String
        public var distinctObjects: Int
        public var saturated: Bool
        public var calls: Int
    }

    public struct Function: Sendable {
        public var key: FunctionKey
        public var params: [String]
        public var signatures: [Signature] = []
        public var effects: [Effect] = []
        public var identities: [Identities] = []
        /// Distinct literal values per parameter, and whether the count saturated.
        public var distinctValues: [String: (count: Int, saturated: Bool)] = [:]
        /// Line coverage (`trace --coverage`): the function's own executable lines and those run.
        public var executableLines = 0
        public var coveredLines: Set<Int> = []
        public var hasCoverage = false

        public var calls: Int { signatures.reduce(0) { $0 + $1.calls } }
        public var eagerCalls: Int { signatures.filter { !$0.inGraph }.reduce(0) { $0 + $1.calls } }
        public var graphCalls: Int { signatures.filter(\.inGraph).reduce(0) { $0 + $1.calls } }
        public var eagerNanoseconds: Int { signatures.filter { !$0.inGraph }.reduce(0) { $0 + $1.totalNanoseconds } }

        /// Tests that called it, commonest first (ranked once, when every database is read).
        public internal(set) var tests: [String] = []

        func rankedTests() -> [String] {
            var counts: [String: Int] = [:]
            for signature in signatures {
                for (test, calls) in signature.tests { counts[test, default: 0] += calls }
            }
            return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
        }
    }

    public struct Edge: Hashable, Sendable {
        public var caller: FunctionKey
        public var callee: FunctionKey
        public var line: Int
    }

    public private(set) var functions: [FunctionKey: Function] = [:]
    public private(set) var edges: [Edge: Int] = [:]
    /// Outcome of each test id, last run wins.
    public private(set) var testOutcomes: [String: String] = [:]
    /// Seconds the tests took (pytest's call phases), for shares of eager time.
    public private(set) var testSeconds: Double = 0
    /// The command of the most recent run, as typed.
    public private(set) var command: String?
    public private(set) var runs = 0

    public init() {}

    /// Reads every run of every database; the first error (named by its path) stops the load.
    public init(databases paths: [String]) throws {
        for path in paths {
            try load(TraceDatabase(readingFrom: path))
        }
        functions = functions.mapValues { function in
            var ranked = function
            ranked.tests = function.rankedTests()
            return ranked
        }
        byName = Dictionary(functions.values.map { (NameKey(file: $0.key.file, qualname: $0.key.qualname), $0) },
                            uniquingKeysWith: { first, _ in first })
    }

    public func function(_ key: FunctionKey) -> Function? { functions[key] }

    /// Finds a function by file and qualname when its def line moved since the trace (an edit
    /// above it): the qualname is unique in a file but for redefinitions.
    public func function(file: String, qualname: String, line: Int) -> Function? {
        if let exact = functions[FunctionKey(file: file, qualname: qualname, line: line)] { return exact }
        return byName[NameKey(file: file, qualname: qualname)]
    }

    private struct NameKey: Hashable {
        var file: String
        var qualname: String
    }

    private var byName: [NameKey: Function] = [:]

    private struct SignatureKey: Hashable {
        var function: FunctionKey
        var inGraph: Bool
        var params: [ParamObservation]
    }

    private mutating func load(_ database: TraceDatabase) throws {
        let rows = { (sql: String) throws -> [[SQLValue]] in try database.rows(sql) }
        var keys: [RunLocal: FunctionKey] = [:]
        for row in try rows("SELECT run_id, id, file, qualname, line, params FROM functions") {
            let key = FunctionKey(file: row[2].text ?? "", qualname: row[3].text ?? "", line: Int(row[4].integer ?? 0))
            keys[RunLocal(row[0], row[1])] = key
            if functions[key] == nil {
                let params = (row[5].text ?? "").split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                functions[key] = Function(key: key, params: params.filter { !$0.isEmpty })
            }
        }
        var tests: [RunLocal: String] = [:]
        for row in try rows("SELECT run_id, id, nodeid, outcome, duration FROM tests ORDER BY run_id, id") {
            let nodeID = row[2].text ?? "?"
            tests[RunLocal(row[0], row[1])] = nodeID
            if let outcome = row[3].text { testOutcomes[nodeID] = outcome }
            if case .real(let seconds) = row[4] { testSeconds += seconds }
        }
        for row in try rows("SELECT command FROM runs ORDER BY id") {
            command = row[0].text ?? command
            runs += 1
        }
        var testsOfSignature: [RunLocal: [(String, Int)]] = [:]
        for row in try rows("SELECT run_id, signature_id, test_id, calls FROM signature_tests") {
            guard let test = tests[RunLocal(row[0], row[2])] else { continue }
            testsOfSignature[RunLocal(row[0], row[1]), default: []].append((test, Int(row[3].integer ?? 0)))
        }
        var merged: [SignatureKey: Int] = [:]
        var current: (local: RunLocal, function: FunctionKey, signature: Signature)?
        func finish() {
            guard let (local, function, made) = current else { return }
            var signature = made
            signature.tests = testsOfSignature[local] ?? []
            let key = SignatureKey(function: function, inGraph: signature.inGraph, params: signature.params)
            if let index = merged[key] {
                functions[function]?.signatures[index].calls += signature.calls
                functions[function]?.signatures[index].totalNanoseconds += signature.totalNanoseconds
                functions[function]?.signatures[index].tests += signature.tests
            } else if functions[function] != nil {
                merged[key] = functions[function]?.signatures.count
                functions[function]?.signatures.append(signature)
            }
            current = nil
        }
        for row in try rows(
            """
            SELECT s.run_id, s.id, s.function_id, s.graph, s.calls, s.total_ns,
                   p.param, p.kind, p.dtype, p.shape, p.elements, p.value
            FROM signatures s LEFT JOIN signature_params p ON p.run_id = s.run_id AND p.signature_id = s.id
            ORDER BY s.run_id, s.id, p.position
            """)
        {
            let local = RunLocal(row[0], row[1])
            if current?.local != local {
                finish()
                guard let function = keys[RunLocal(row[0], row[2])] else { continue }
                current = (local, function, Signature(
                    inGraph: row[3].integer == 1, calls: Int(row[4].integer ?? 0),
                    totalNanoseconds: Int(row[5].integer ?? 0), params: [], tests: []))
            }
            if let param = row[6].text {
                current?.signature.params.append(
                    ParamObservation(param: param, kind: row[7].text ?? "?", dtype: row[8].text, shape: row[9].text,
                                     elements: row[10].text, value: row[11].text))
            }
        }
        finish()
        for row in try rows("SELECT run_id, function_id, param, kind, distinct_objects, saturated, calls FROM param_identities") {
            guard let key = keys[RunLocal(row[0], row[1])] else { continue }
            let param = row[2].text ?? "?", kind = row[3].text ?? "?"
            let observed = Identities(param: param, kind: kind, distinctObjects: Int(row[4].integer ?? 0),
                                      saturated: row[5].integer == 1, calls: Int(row[6].integer ?? 0))
            guard var function = functions[key] else { continue }
            if let index = function.identities.firstIndex(where: { $0.param == param && $0.kind == kind }) {
                // Runs are separate processes: their objects are distinct from each other's.
                function.identities[index].distinctObjects += observed.distinctObjects
                function.identities[index].saturated = function.identities[index].saturated || observed.saturated
                function.identities[index].calls += observed.calls
            } else {
                function.identities.append(observed)
            }
            functions[key] = function
        }
        for row in try rows("SELECT run_id, function_id, param, distinct_values, saturated FROM param_values") {
            guard let key = keys[RunLocal(row[0], row[1])], let param = row[2].text else { continue }
            let old = functions[key]?.distinctValues[param] ?? (0, false)
            functions[key]?.distinctValues[param] = (max(old.count, Int(row[3].integer ?? 0)), old.saturated || row[4].integer == 1)
        }
        let counts = database.schemaVersion >= 2 ? "e.repeat_count, e.graph_count" : "0, 0"
        for row in try rows(
            "SELECT e.run_id, e.function_id, e.kind, e.target, e.line, e.via_function_id, e.count, e.first_test_id, \(counts) FROM effects e")
        {
            guard let key = keys[RunLocal(row[0], row[1])] else { continue }
            let via = row[5].integer.flatMap { keys[RunLocal(row[0], .integer($0))] }
            let effect = Effect(
                kind: row[2].text ?? "?", target: row[3].text ?? "?", line: Int(row[4].integer ?? 0), via: via,
                count: Int(row[6].integer ?? 0), repeatCount: Int(row[8].integer ?? 0), graphCount: Int(row[9].integer ?? 0),
                firstTest: row[7].integer.flatMap { tests[RunLocal(row[0], .integer($0))] })
            guard var function = functions[key] else { continue }
            if let index = function.effects.firstIndex(where: {
                $0.kind == effect.kind && $0.target == effect.target && $0.line == effect.line && $0.via == effect.via
            }) {
                function.effects[index].count += effect.count
                function.effects[index].repeatCount += effect.repeatCount
                function.effects[index].graphCount += effect.graphCount
            } else {
                function.effects.append(effect)
            }
            functions[key] = function
        }
        for row in try rows("SELECT run_id, caller_id, callee_id, line, calls FROM edges") {
            guard let caller = keys[RunLocal(row[0], row[1])], let callee = keys[RunLocal(row[0], row[2])] else { continue }
            edges[Edge(caller: caller, callee: callee, line: Int(row[3].integer ?? 0)), default: 0] += Int(row[4].integer ?? 0)
        }
        if database.schemaVersion >= 2 {
            for row in try rows("SELECT run_id, function_id, executable, covered FROM function_lines") {
                guard let key = keys[RunLocal(row[0], row[1])], var function = functions[key] else { continue }
                function.hasCoverage = true
                function.executableLines = max(function.executableLines, Int(row[2].integer ?? 0))
                for line in (row[3].text ?? "").split(separator: ",") {
                    if let number = Int(line) { function.coveredLines.insert(number) }
                }
                functions[key] = function
            }
        }
    }
}

/// A row's run id and run-local id.
private struct RunLocal: Hashable {
    var run: Int64
    var id: Int64
    init(_ run: SQLValue, _ id: SQLValue) {
        self.run = run.integer ?? 0
        self.id = id.integer ?? 0
    }
}
