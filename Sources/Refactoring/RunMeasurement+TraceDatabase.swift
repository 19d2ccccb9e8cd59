import TraceStore

extension RunMeasurement {
    /// The last run of the trace database at `path`: outcomes, per-function time, and which
    /// tests reached each function (eagerly or while a graph was traced).
    public static func read(database path: String, wallSeconds: Double, exitStatus: Int32) throws -> RunMeasurement {
        let database = try TraceDatabase(readingFrom: path)
        guard let run = try database.runs().last else {
            return RunMeasurement(outcomes: [:], durations: [:], timings: [:], testsReaching: [:],
                                  exitStatus: exitStatus, wallSeconds: wallSeconds)
        }
        var outcomes: [String: String?] = [:]
        var durations: [String: Double] = [:]
        for test in try database.testOutcomes(run: run.id) {
            outcomes[test.nodeid] = test.outcome
            durations[test.nodeid] = test.duration
        }
        var timings: [FunctionName: Timing] = [:]
        for timing in try database.functionTimings(run: run.id) {
            let name = FunctionName(file: timing.file, qualname: timing.qualname)
            var sum = timings[name] ?? Timing()
            sum.eagerCalls += timing.eagerCalls
            sum.eagerNanoseconds += timing.eagerNanoseconds
            sum.steadyCalls += timing.hybridSteadyCalls
            sum.steadyNanoseconds += timing.hybridSteadyNanoseconds
            sum.tracingCalls += timing.hybridTracingCalls
            sum.tracingNanoseconds += timing.hybridTracingNanoseconds
            sum.warmUpCalls += timing.hybridWarmUpCalls
            sum.warmUpNanoseconds += timing.hybridWarmUpNanoseconds
            timings[name] = sum
        }
        var reaching: [FunctionName: Set<String>] = [:]
        for (key, function) in try TraceEvidence(databases: [path]).functions {
            let tests = function.signatures.flatMap { $0.tests.map(\.test) }
            reaching[FunctionName(file: key.file, qualname: key.qualname), default: []].formUnion(tests)
        }
        return RunMeasurement(outcomes: outcomes, durations: durations, timings: timings, testsReaching: reaching,
                              exitStatus: exitStatus, wallSeconds: wallSeconds)
    }
}
