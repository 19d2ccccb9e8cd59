/// `refactor --verify` (SPEC §7): runs the project's command before and after the edits, finds
/// the edits that break a test or do not make their function faster, reverts them, and reports
/// the measured speedups. The files on disk end up holding only verified edits.
///
/// Bisection: an edit can only break a test that runs it, so the suspects for the tests broken
/// in a run are the edits whose functions those tests reached (in the run before the edits). Tests
/// that reached none of them (an import-time failure, say) leave every edit a suspect. Among m
/// suspects, with the other edits kept, a binary search over prefixes finds the smallest prefix
/// that breaks a test in ⌈log2 m⌉ runs; its last edit is a culprit and the tests that prefix
/// breaks are its own. Edits are taken to break tests independently, so the search goes on only
/// while some broken test is unexplained: at most 2 + k·⌈log2 n⌉ runs for k culprits among n
/// edits, SPEC's budget. A last run confirms the kept edits when the budget leaves room for it
/// (always, when the broken tests ran one edit each), and the report says whether it did.
public struct Verifier {
    /// Runs the command with `edits` applied on disk (all other planned edits reverted) and
    /// measures it; `label` says why, for the progress line.
    public typealias Runner = (_ edits: [PlannedEdit], _ label: String) throws -> RunMeasurement

    public struct Outcome: Sendable {
        public struct Decision: Sendable {
            public var edit: PlannedEdit
            public var kept: Bool
            /// Why it was kept or reverted, in words.
            public var why: String
            /// Nanoseconds per call before and after (steady state for a new hybrid).
            public var before: Double?
            public var after: Double?
            /// Nanoseconds per call that traced a graph (first calls and retraces), after.
            public var tracingAfter: Double?
            /// The calls the `after` time is an average of.
            public var callsAfter = 0
            public var brokenTests: [String]

            public var speedup: Double? {
                guard let before, let after, after > 0 else { return nil }
                return before / after
            }
        }

        public var decisions: [Decision]
        public var runs: Int
        /// The run budget of SPEC: 2 + k·⌈log2 n⌉ for n edits of which k were reverted for tests.
        public var budget: Int
        /// Edits the suite figures include that timing then reverted (the run that measured the
        /// suite held them): 0 when the figures describe exactly the kept edits.
        public var revertedAfterSuiteRun: Int
        /// A run held exactly the kept edits and passed; false when that was inferred instead
        /// (each broken test pinned on one reverted edit) because a confirming run would have
        /// gone past the budget.
        public var confirmed: Bool
        public var alreadyFailing: [String]
        /// Test time (pytest call phases of tests that passed in both) before and after.
        public var testSecondsBefore: Double
        public var testSecondsAfter: Double
        public var wallSecondsBefore: Double
        public var wallSecondsAfter: Double

        public var kept: [PlannedEdit] { decisions.filter(\.kept).map(\.edit) }
        /// Nil when no edit was kept: the files are as before, and any run with edits says nothing of them.
        public var suiteSpeedup: Double? {
            kept.isEmpty || testSecondsAfter <= 0 ? nil : testSecondsBefore / testSecondsAfter
        }
        /// Time of the kept functions before over after, each weighted by its calls after the edits.
        public var keptSpeedup: Double? {
            var before = 0.0, after = 0.0
            for decision in decisions where decision.kept {
                guard let b = decision.before, let a = decision.after else { continue }
                before += b * Double(decision.callsAfter)
                after += a * Double(decision.callsAfter)
            }
            return after > 0 ? before / after : nil
        }
    }

    let runner: Runner
    let progress: (String) -> Void
    /// Steady-state calls a new hybrid needs before its time per call counts.
    static let minimumSteadyCalls = 3

    public init(progress: @escaping (String) -> Void = { _ in }, runner: @escaping Runner) {
        self.runner = runner
        self.progress = progress
    }

    public func verify(_ edits: [PlannedEdit]) throws -> Outcome {
        var runs = 0
        func run(_ subset: [PlannedEdit], _ label: String) throws -> RunMeasurement {
            runs += 1
            progress("run \(runs): \(label)")
            return try runner(subset, label)
        }
        let before = try run([], "before the edits")
        let alreadyFailing = before.outcomes.filter { $0.value != "passed" && $0.value != "skipped" }.map(\.key).sorted()
        var kept = edits
        var reverted: [(PlannedEdit, [String])] = []
        let withAll = try run(kept, "with all \(kept.count) edits")
        // The run that measures the kept edits: one that held exactly them, else the run with all.
        var measuredKept = withAll
        var unexplained = before.broken(in: withAll)
        var confirmed = unexplained.isEmpty
        let log2n = ceilLog2(edits.count)
        while !unexplained.isEmpty, !kept.isEmpty {
            let suspects = suspectsFor(unexplained, among: kept, before: before, failing: withAll)
            let good = kept.filter { edit in !suspects.contains { $0.id == edit.id } }
            // The smallest prefix of the suspects that breaks a test: its last edit is a culprit,
            // and the tests that prefix breaks are the culprit's.
            var low = 0, high = suspects.count
            var brokenAtHigh = unexplained
            var passingAtLow: (RunMeasurement, Set<FunctionLocation>)?
            while high - low > 1 {
                let middle = (low + high) / 2
                let subset = good + suspects[0..<middle]
                let measured = try run(subset, "bisecting: \(subset.count) of \(kept.count) edits")
                let broken = before.broken(in: measured)
                if broken.isEmpty {
                    low = middle
                    passingAtLow = (measured, Set(subset.map(\.id)))
                } else {
                    high = middle
                    brokenAtHigh = broken
                }
            }
            let culprit = suspects[high - 1]
            let blamed = brokenAtHigh.intersection(unexplained)
            reverted.append((culprit, blamed.sorted()))
            kept.removeAll { $0.id == culprit.id }
            // A test broken by one edit is explained; what is left needs another culprit.
            unexplained.subtract(blamed)
            if let (measured, set) = passingAtLow, set == Set(kept.map(\.id)) {
                measuredKept = measured
                confirmed = true
                unexplained = []
            } else if kept.isEmpty {
                measuredKept = before
                confirmed = true
            } else if unexplained.isEmpty, runs < 2 + reverted.count * log2n {
                // Every broken test is explained; within the run budget, a last run checks that
                // the kept edits indeed pass together.
                let measured = try run(kept, "confirming \(kept.count) edits")
                unexplained = before.broken(in: measured)
                if unexplained.isEmpty {
                    measuredKept = measured
                    confirmed = true
                }
            }
        }
        let current = measuredKept
        var decisions = reverted.map { edit, tests in
            Outcome.Decision(edit: edit, kept: false,
                             why: "breaks \(Self.list(tests)), passing before the edits; reverted",
                             before: nil, after: nil, tracingAfter: nil, brokenTests: tests)
        }
        for edit in kept {
            decisions.append(timed(edit, before: before, after: current))
        }
        let passedInBoth = before.outcomes.keys.filter { before.outcomes[$0] == "passed" && current.outcomes[$0] == "passed" }
        let testBefore = passedInBoth.reduce(0) { $0 + (before.durations[$1] ?? 0) }
        let testAfter = passedInBoth.reduce(0) { $0 + (current.durations[$1] ?? 0) }
        return Outcome(
            decisions: decisions.sorted { $0.edit.location < $1.edit.location }, runs: runs,
            budget: 2 + reverted.count * log2n,
            revertedAfterSuiteRun: decisions.filter { !$0.kept && $0.brokenTests.isEmpty }.count,
            confirmed: confirmed, alreadyFailing: alreadyFailing,
            testSecondsBefore: testBefore, testSecondsAfter: testAfter,
            wallSecondsBefore: before.wallSeconds, wallSecondsAfter: current.wallSeconds)
    }

    /// Keep or revert a passing edit by its function's time per call. A new hybrid is judged by
    /// its steady-state calls (those that ran an existing graph); its first calls, which trace,
    /// are reported apart. A removed or reconfigured decorator is judged by every call, since
    /// retracing is what those edits save.
    func timed(_ edit: PlannedEdit, before: RunMeasurement, after: RunMeasurement) -> Outcome.Decision {
        let name = FunctionName(file: edit.location.file, qualname: edit.qualname)
        let old = before.timings[name] ?? RunMeasurement.Timing()
        let new = after.timings[name] ?? RunMeasurement.Timing()
        var decision = Outcome.Decision(edit: edit, kept: false, why: "", before: nil, after: nil,
                                        tracingAfter: new.tracingPerCall, brokenTests: [])
        switch edit.transformation {
        case .convertToHybrid:
            decision.before = old.eagerPerCall
            decision.after = new.steadyPerCall
            decision.callsAfter = new.steadyCalls
        case .convertToEager:
            decision.before = old.hybridPerCall
            decision.after = new.eagerPerCall
            decision.callsAfter = new.eagerCalls
        case .reconfigure:
            decision.before = old.hybridPerCall
            decision.after = new.hybridPerCall
            decision.callsAfter = new.hybridCalls
        }
        // One or two calls decide nothing: a test's odd shape, a cold kernel. A new hybrid needs
        // a few steady-state calls to be judged faster.
        if edit.transformation == .convertToHybrid, new.steadyCalls > 0, new.steadyCalls < Self.minimumSteadyCalls {
            decision.why = "only \(new.steadyCalls) call\(new.steadyCalls == 1 ? "" : "s") ran a warm graph: too few to measure a speedup; reverted"
            return decision
        }
        guard let speedup = decision.speedup else {
            if old.eagerCalls + old.hybridCalls == 0 && new.eagerCalls + new.hybridCalls == 0 {
                decision.kept = edit.restsOnUnobserved
                decision.why = "no test calls it, so nothing measured it"
                    + (decision.kept ? "; kept because --include-unobserved asked for it" : "; reverted")
            } else if edit.transformation == .convertToHybrid, new.steadyCalls == 0 {
                decision.why = "no call ran a warm graph (traced: \(new.tracingCalls), a test's first run of one: \(new.warmUpCalls)): "
                    + "no steady state to measure; reverted"
            } else {
                decision.why = "not measured on both sides; reverted"
            }
            return decision
        }
        decision.kept = speedup > 1
        decision.why = String(format: "%.2fx per call", speedup) + (decision.kept ? "" : ": not faster; reverted")
        return decision
    }

    /// The kept edits the broken tests could have tripped over: those whose function one of them
    /// reached. When a broken test reached none (it broke at import, or it was not traced), all.
    func suspectsFor(_ broken: Set<String>, among kept: [PlannedEdit], before: RunMeasurement, failing: RunMeasurement) -> [PlannedEdit] {
        var suspects: [PlannedEdit] = []
        for test in broken {
            let reached = kept.filter { testsReach($0, test, before: before) || testsReach($0, test, before: failing) }
            if reached.isEmpty { return kept }
            for edit in reached where !suspects.contains(where: { $0.id == edit.id }) { suspects.append(edit) }
        }
        // Least implicated first: the search walks prefixes, so the likeliest culprit, last, is
        // found with the run that also leaves the rest verified.
        let weight = { (edit: PlannedEdit) in broken.filter { self.testsReach(edit, $0, before: before) }.count }
        return suspects.sorted { (weight($0), $0.location) < (weight($1), $1.location) }
    }

    /// At most two test ids, then how many more.
    static func list(_ tests: [String]) -> String {
        guard !tests.isEmpty else { return "the tests" }
        let shown = tests.prefix(2).joined(separator: ", ")
        return tests.count > 2 ? shown + " and \(tests.count - 2) more" : shown
    }

    func testsReach(_ edit: PlannedEdit, _ test: String, before: RunMeasurement) -> Bool {
        before.testsReaching[FunctionName(file: edit.location.file, qualname: edit.qualname)]?.contains(test) ?? false
    }
}

func ceilLog2(_ n: Int) -> Int {
    var power = 1, exponent = 0
    while power < n { power *= 2; exponent += 1 }
    return exponent
}
