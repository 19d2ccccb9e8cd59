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
    /// The side effects of the function's own body (its callees' are in the `sideEffects` fact's
    /// reasons), by kind and line: what a trace can confirm or contradict.
    public var directEffects: [StaticEffect] = []

    public subscript(_ name: FactName) -> TriState { facts[name]?.value ?? .unknown }
}
