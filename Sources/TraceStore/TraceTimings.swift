/// Time per function and test outcomes of one run, for comparing a run before an edit with a run
/// after it (`refactor --verify`, SPEC §7).
public struct FunctionTiming: Equatable, Sendable {
    public var file: String, qualname: String, line: Int
    /// Signatures with graph = 0: the Python body run eagerly.
    public var eagerCalls: Int, eagerNanoseconds: Int
    /// Signatures with graph = 1: the Python body run while TensorFlow traced a graph.
    public var graphTimeCalls: Int, graphTimeNanoseconds: Int
    /// hybrid_calls with traced = 0: calls through the tf.function wrapper that ran an existing graph.
    public var hybridSteadyCalls: Int, hybridSteadyNanoseconds: Int
    /// hybrid_calls with traced = 1: calls through the wrapper during which TensorFlow traced.
    public var hybridTracingCalls: Int, hybridTracingNanoseconds: Int
    /// hybrid_calls with traced = 2: a test's first call that ran an existing graph (warm-up).
    public var hybridWarmUpCalls = 0, hybridWarmUpNanoseconds = 0

    public init(
        file: String, qualname: String, line: Int, eagerCalls: Int = 0, eagerNanoseconds: Int = 0,
        graphTimeCalls: Int = 0, graphTimeNanoseconds: Int = 0, hybridSteadyCalls: Int = 0,
        hybridSteadyNanoseconds: Int = 0, hybridTracingCalls: Int = 0, hybridTracingNanoseconds: Int = 0
    ) {
        self.file = file
        self.qualname = qualname
        self.line = line
        self.eagerCalls = eagerCalls
        self.eagerNanoseconds = eagerNanoseconds
        self.graphTimeCalls = graphTimeCalls
        self.graphTimeNanoseconds = graphTimeNanoseconds
        self.hybridSteadyCalls = hybridSteadyCalls
        self.hybridSteadyNanoseconds = hybridSteadyNanoseconds
        self.hybridTracingCalls = hybridTracingCalls
        self.hybridTracingNanoseconds = hybridTracingNanoseconds
    }
}

/// A test of one run as pytest reported it; `outcome` and `duration` are nil if it never finished.
public struct TestOutcome: Equatable, Sendable {
    public var nodeid: String
    public var outcome: String?
    public var duration: Double?

    public init(nodeid: String, outcome: String?, duration: Double?) {
        self.nodeid = nodeid
        self.outcome = outcome
        self.duration = duration
    }
}

/// A row of `runs`; `endedAt` and `exitStatus` are nil while running or when the process died.
public struct RunSummary: Equatable, Sendable {
    public var id: Int
    public var command: String
    public var root: String
    public var startedAt: String
    public var endedAt: String?
    public var exitStatus: Int?

    public init(id: Int, command: String, root: String, startedAt: String, endedAt: String?, exitStatus: Int?) {
        self.id = id
        self.command = command
        self.root = root
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.exitStatus = exitStatus
    }
}

extension TraceDatabase {
    /// Every run of the database, in id order.
    public func runs() throws -> [RunSummary] {
        try connection.query("SELECT id, command, root, started_at, ended_at, exit_status FROM runs ORDER BY id").map { row in
            RunSummary(
                id: Int(row[0].integer ?? 0), command: row[1].text ?? "", root: row[2].text ?? "",
                startedAt: row[3].text ?? "", endedAt: row[4].text, exitStatus: row[5].integer.map { Int($0) })
        }
    }

    /// One timing per function the run recorded, ordered by file, line and qualname. A database
    /// older than schema version 3 has no hybrid calls: those counts are 0.
    public func functionTimings(run runID: Int) throws -> [FunctionTiming] {
        let run = SQLValue.integer(Int64(runID))
        var timings: [Int64: FunctionTiming] = [:]
        for row in try connection.query("SELECT id, file, qualname, line FROM functions WHERE run_id = ?", [run]) {
            guard let id = row[0].integer else { continue }
            timings[id] = FunctionTiming(file: row[1].text ?? "", qualname: row[2].text ?? "", line: Int(row[3].integer ?? 0))
        }
        for row in try connection.query(
            "SELECT function_id, graph, sum(calls), sum(total_ns) FROM signatures WHERE run_id = ? GROUP BY function_id, graph",
            [run])
        {
            guard let id = row[0].integer, timings[id] != nil else { continue }
            let calls = Int(row[2].integer ?? 0), nanoseconds = Int(row[3].integer ?? 0)
            if row[1].integer == 1 {
                timings[id]?.graphTimeCalls += calls
                timings[id]?.graphTimeNanoseconds += nanoseconds
            } else {
                timings[id]?.eagerCalls += calls
                timings[id]?.eagerNanoseconds += nanoseconds
            }
        }
        if schemaVersion >= 3 {
            for row in try connection.query(
                "SELECT function_id, traced, calls, total_ns FROM hybrid_calls WHERE run_id = ?", [run])
            {
                guard let id = row[0].integer, timings[id] != nil else { continue }
                let calls = Int(row[2].integer ?? 0), nanoseconds = Int(row[3].integer ?? 0)
                switch HybridCallPhase(rawValue: Int(row[1].integer ?? 0)) ?? .steady {
                case .traced:
                    timings[id]?.hybridTracingCalls += calls
                    timings[id]?.hybridTracingNanoseconds += nanoseconds
                case .warmUp:
                    timings[id]?.hybridWarmUpCalls += calls
                    timings[id]?.hybridWarmUpNanoseconds += nanoseconds
                case .steady:
                    timings[id]?.hybridSteadyCalls += calls
                    timings[id]?.hybridSteadyNanoseconds += nanoseconds
                }
            }
        }
        return timings.values.sorted { ($0.file, $0.line, $0.qualname) < ($1.file, $1.line, $1.qualname) }
    }

    /// The tests of one run, in the order they started.
    public func testOutcomes(run runID: Int) throws -> [TestOutcome] {
        try connection.query(
            "SELECT nodeid, outcome, duration FROM tests WHERE run_id = ? ORDER BY id", [.integer(Int64(runID))]
        ).map { row in
            let duration: Double?
            switch row[2] {
            case .real(let seconds): duration = seconds
            case .integer(let seconds): duration = Double(seconds)
            default: duration = nil
            }
            return TestOutcome(nodeid: row[0].text ?? "", outcome: row[1].text, duration: duration)
        }
    }
}
