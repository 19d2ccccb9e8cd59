/// Everything the analysis concluded about one function (SPEC §2), with the evidence and the
/// reasons behind each fact, and the assumptions it had to make.
public struct FunctionFacts: Sendable {
    public var file: String
    public var qualname: String
    public var line: Int
    public var hybrid: HybridDecoration?
    public var facts: [FactName: Fact]
    public var assumptions: [Assumption]
    /// A pytest test or fixture: an entry point of the suite, reported like any function but not
    /// a finding, since nobody wants their tests decorated.
    public var isTestCode = false
    /// Part of a test suite: a test or fixture, or anything else in a test suite's files (its
    /// helpers and models). Never edited, and listed only when asked for.
    public var isInTestSuite: Bool { isTestCode || TestFiles.contains(file) }
    /// The side effects of the function's own body (its callees' are in the `sideEffects` fact's
    /// reasons), by kind and line: what a trace can confirm or contradict.
    public var directEffects: [StaticEffect] = []
    /// A method (not a staticmethod): its first parameter is the receiver, which callers do not pass.
    public var receiverName: String?
    /// `__init__` (or `__new__`, `__post_init__`): it initialises the object it was called to make.
    public var isConstructor = false
    /// Abstract: `@abstractmethod`, or a body that is only `raise NotImplementedError` or `...`
    /// (after a docstring). Its overrides carry the work.
    public var isAbstract = false
    /// `call` of a class descending from a Keras `Layer` (a `Model` is one): Keras builds such a
    /// layer by running this method.
    public var isKerasCall = false
    /// Tests and fixtures that reach it through the call graph, when asked for (SPEC §5: an
    /// UNOBSERVED assumption says which tests would reach the function).
    public var reachingTests: [String] = []
    /// Dimensions of parameters the body reads from their static shape as Python ints: what an
    /// input signature must not leave `None` (SPEC §3, 18).
    public var staticAxisReads: [StaticAxisRead] = []
    /// 19 left unknown: the line of the call that builds the object whose variable list the body
    /// read before it. Variables a trace saw created on that line were the object's own.
    public var variableListBuildLine: Int?

    /// The parameters each parameter meets as the other operand of a binary op: traces hold
    /// their observed dtypes against each other (code 22), and a signature gives a numpy
    /// argument its single partner's dtype.
    public var binaryPartners: [String: Set<String>] = [:]

    /// The dimensions of each tensor parameter's shape that numpy calls read as Python ints (nil:
    /// any of them), with the first line: static under a bare tf.function, `None` where traces
    /// saw them vary and a signature or `reduce_retracing` relaxes them (code 16 for P4/P7).
    public var numpyShapeReads: [String: NumpyShapeRead] = [:]

    public subscript(_ name: FactName) -> TriState { facts[name]?.value ?? .unknown }
}

/// Dimensions of a parameter's shape that a numpy call reads, and where.
public struct NumpyShapeRead: Sendable, Equatable {
    /// nil: the whole shape, a slice of it, or an index not known statically.
    public var dimensions: Set<Int>?
    public var line: Int

    public init(dimensions: Set<Int>?, line: Int) {
        self.dimensions = dimensions
        self.line = line
    }
}
