/// What one traced run of the project's command measured: each test's outcome, and the time per
/// call of the functions the plan edits, eager and hybrid apart (SPEC §7).
public struct RunMeasurement: Sendable {
    /// Time of one function's calls in one run.
    public struct Timing: Sendable, Equatable {
        public var eagerCalls = 0, eagerNanoseconds = 0
        /// Calls through the tf.function wrapper that ran an existing graph.
        public var steadyCalls = 0, steadyNanoseconds = 0
        /// Calls through the wrapper that traced a graph first (first calls and retraces).
        public var tracingCalls = 0, tracingNanoseconds = 0
        /// A test's first call that ran an existing graph: after a fixture reseeds, TensorFlow
        /// rebuilds its kernel caches there, which a training loop pays once, not per step.
        public var warmUpCalls = 0, warmUpNanoseconds = 0

        public init(eagerCalls: Int = 0, eagerNanoseconds: Int = 0, steadyCalls: Int = 0, steadyNanoseconds: Int = 0,
                    tracingCalls: Int = 0, tracingNanoseconds: Int = 0) {
            self.eagerCalls = eagerCalls
            self.eagerNanoseconds = eagerNanoseconds
            self.steadyCalls = steadyCalls
            self.steadyNanoseconds = steadyNanoseconds
            self.tracingCalls = tracingCalls
            self.tracingNanoseconds = tracingNanoseconds
        }

        public var eagerPerCall: Double? { eagerCalls > 0 ? Double(eagerNanoseconds) / Double(eagerCalls) : nil }
        public var steadyPerCall: Double? { steadyCalls > 0 ? Double(steadyNanoseconds) / Double(steadyCalls) : nil }
        public var tracingPerCall: Double? { tracingCalls > 0 ? Double(tracingNanoseconds) / Double(tracingCalls) : nil }
        /// Every call through the wrapper, tracing and warm-up included: what retracing costs shows here.
        public var hybridPerCall: Double? {
            let calls = steadyCalls + tracingCalls + warmUpCalls
            return calls > 0 ? Double(steadyNanoseconds + tracingNanoseconds + warmUpNanoseconds) / Double(calls) : nil
        }
        var hybridCalls: Int { steadyCalls + tracingCalls + warmUpCalls }
    }

    /// pytest node id → outcome (`passed`, `failed`, `skipped`, `error`; nil when it never finished).
    public var outcomes: [String: String?]
    /// Seconds per test, as pytest measured the call phase.
    public var durations: [String: Double]
    /// By file and qualname: line numbers move when an edit adds a line.
    public var timings: [FunctionName: Timing]
    /// Which functions each test reached eagerly (tests by node id).
    public var testsReaching: [FunctionName: Set<String>]
    public var exitStatus: Int32
    public var wallSeconds: Double

    public init(outcomes: [String: String?], durations: [String: Double], timings: [FunctionName: Timing],
                testsReaching: [FunctionName: Set<String>], exitStatus: Int32, wallSeconds: Double) {
        self.outcomes = outcomes
        self.durations = durations
        self.timings = timings
        self.testsReaching = testsReaching
        self.exitStatus = exitStatus
        self.wallSeconds = wallSeconds
    }

    /// Tests that passed (or were skipped) here and, in `later`, failed, errored, never finished
    /// or vanished (an edit that breaks an import loses the tests of that module).
    public func broken(in later: RunMeasurement) -> Set<String> {
        Set(outcomes.compactMap { nodeid, outcome -> String? in
            guard outcome == "passed" else { return nil }
            let after = later.outcomes[nodeid] ?? nil
            return after == "passed" ? nil : nodeid
        })
    }
}

/// A function by file and qualname, stable across edits that move its line.
public struct FunctionName: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var qualname: String

    public init(file: String, qualname: String) {
        self.file = file
        self.qualname = qualname
    }

    public var description: String { "\(file)::\(qualname)" }
}
