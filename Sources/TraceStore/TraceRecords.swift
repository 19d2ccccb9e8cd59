/// What a run is, as stored in `runs`.
public struct RunInfo: Sendable {
    public var command: String
    public var root: String
    public var pythonVersion: String?
    public var tensorflowVersion: String?
    public var hook: String
    public var shard: String?
    public var startedAt: String

    public init(
        command: String, root: String, pythonVersion: String?, tensorflowVersion: String?,
        hook: String, shard: String?, startedAt: String
    ) {
        self.command = command
        self.root = root
        self.pythonVersion = pythonVersion
        self.tensorflowVersion = tensorflowVersion
        self.hook = hook
        self.shard = shard
        self.startedAt = startedAt
    }
}

/// One parameter of a distinct call signature.
public struct ParamObservation: Hashable, Sendable {
    public var param: String
    public var kind: String
    public var dtype: String?
    public var shape: String?
    public var elements: String?
    public var value: String?

    public init(param: String, kind: String, dtype: String?, shape: String?, elements: String?, value: String?) {
        self.param = param
        self.kind = kind
        self.dtype = dtype
        self.shape = shape
        self.elements = elements
        self.value = value
    }
}

/// The rows a tracer flushes in one transaction. Counts are cumulative for the run, so writing a
/// row twice is harmless and a crash between flushes loses only what came after the last one.
public struct TraceBatch: Sendable {
    public struct Function: Sendable {
        public var id: Int, file: String, qualname: String, line: Int, params: [String]
        public init(id: Int, file: String, qualname: String, line: Int, params: [String]) {
            self.id = id; self.file = file; self.qualname = qualname; self.line = line; self.params = params
        }
    }
    public struct Signature: Sendable {
        public var id: Int, functionID: Int, graph: Bool, calls: Int, totalNanoseconds: Int, maxNanoseconds: Int
        /// Present the first time the signature is flushed only.
        public var params: [ParamObservation]?
        public init(id: Int, functionID: Int, graph: Bool, calls: Int, totalNanoseconds: Int,
                    maxNanoseconds: Int, params: [ParamObservation]?) {
            self.id = id; self.functionID = functionID; self.graph = graph; self.calls = calls
            self.totalNanoseconds = totalNanoseconds; self.maxNanoseconds = maxNanoseconds; self.params = params
        }
    }
    public struct SignatureTest: Sendable {
        public var signatureID: Int, testID: Int, calls: Int
        public init(signatureID: Int, testID: Int, calls: Int) {
            self.signatureID = signatureID; self.testID = testID; self.calls = calls
        }
    }
    public struct Identities: Sendable {
        public var functionID: Int, param: String, kind: String, distinctObjects: Int, saturated: Bool, calls: Int
        public init(functionID: Int, param: String, kind: String, distinctObjects: Int, saturated: Bool, calls: Int) {
            self.functionID = functionID; self.param = param; self.kind = kind
            self.distinctObjects = distinctObjects; self.saturated = saturated; self.calls = calls
        }
    }
    public struct Values: Sendable {
        public var functionID: Int, param: String, distinctValues: Int, saturated: Bool
        public init(functionID: Int, param: String, distinctValues: Int, saturated: Bool) {
            self.functionID = functionID; self.param = param; self.distinctValues = distinctValues; self.saturated = saturated
        }
    }
    public struct Effect: Sendable {
        public var id: Int, functionID: Int, kind: String, target: String, line: Int
        public var viaFunctionID: Int?, count: Int, firstTestID: Int?
        /// Of `count`: on calls after the function's first (per receiver), and on graph-time calls.
        public var repeatCount: Int, graphCount: Int
        public init(id: Int, functionID: Int, kind: String, target: String, line: Int,
                    viaFunctionID: Int?, count: Int, repeatCount: Int = 0, graphCount: Int = 0, firstTestID: Int?) {
            self.id = id; self.functionID = functionID; self.kind = kind; self.target = target; self.line = line
            self.viaFunctionID = viaFunctionID; self.count = count; self.firstTestID = firstTestID
            self.repeatCount = repeatCount; self.graphCount = graphCount
        }
    }
    public struct Edge: Sendable {
        public var callerID: Int, calleeID: Int, line: Int, calls: Int
        public init(callerID: Int, calleeID: Int, line: Int, calls: Int) {
            self.callerID = callerID; self.calleeID = calleeID; self.line = line; self.calls = calls
        }
    }
    public struct Test: Sendable {
        public var id: Int, nodeID: String, outcome: String?, duration: Double?
        public init(id: Int, nodeID: String, outcome: String?, duration: Double?) {
            self.id = id; self.nodeID = nodeID; self.outcome = outcome; self.duration = duration
        }
    }

    /// Line coverage per function (`trace --coverage`): cumulative, like every other row.
    public struct Lines: Sendable {
        public var functionID: Int, executable: Int, covered: [Int]
        public init(functionID: Int, executable: Int, covered: [Int]) {
            self.functionID = functionID; self.executable = executable; self.covered = covered
        }
    }

    /// Calls through a tf.function wrapper (`Function.__call__`), split by phase.
    public struct HybridCalls: Sendable {
        public var functionID: Int, phase: HybridCallPhase, calls: Int, totalNanoseconds: Int, maxNanoseconds: Int
        public init(functionID: Int, phase: HybridCallPhase, calls: Int, totalNanoseconds: Int, maxNanoseconds: Int) {
            self.functionID = functionID; self.phase = phase; self.calls = calls
            self.totalNanoseconds = totalNanoseconds; self.maxNanoseconds = maxNanoseconds
        }
    }

    public var functions: [Function] = []
    public var lines: [Lines] = []
    public var signatures: [Signature] = []
    public var signatureTests: [SignatureTest] = []
    public var identities: [Identities] = []
    public var values: [Values] = []
    public var effects: [Effect] = []
    public var edges: [Edge] = []
    public var tests: [Test] = []
    public var hybridCalls: [HybridCalls] = []

    public init() {}

    public var isEmpty: Bool {
        functions.isEmpty && signatures.isEmpty && signatureTests.isEmpty && identities.isEmpty
            && values.isEmpty && effects.isEmpty && edges.isEmpty && tests.isEmpty && lines.isEmpty
            && hybridCalls.isEmpty
    }
}

/// The `traced` column of `hybrid_calls`: what a call through a tf.function wrapper did.
public enum HybridCallPhase: Int, Sendable, Hashable {
    /// Ran an existing graph: the steady state a `tf.function` is for.
    case steady = 0
    /// TensorFlow ran the Python body to build a graph (a first call, a retrace).
    case traced = 1
    /// The first call of the function in a test that ran an existing graph. Reseeding (as test
    /// fixtures do with `tf.random.set_seed` or `keras.utils.set_random_seed`) clears TensorFlow's
    /// kernel caches (`context._set_global_seed` calls `TFE_ContextClearCaches`, TF 2.21), so that
    /// call pays tens of milliseconds of re-instantiation that later calls do not.
    case warmUp = 2
}
