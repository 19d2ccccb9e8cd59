/// `refactor --verify` (SPEC §7): runs the project's command before and after the edits, finds
/// the edits that break a test or do not make their function faster, reverts them, and reports
/// the measured speedups. The files on disk end up holding only verified edits.
///
/// Bisection: an edit can only break a test that runs it, so the suspects for the tests broken
/// in a run are the edits whose functions those tests reached (in the run before the edits). Tests
/// that reached none of them (an import-time failure, say) leave every edit a suspect. Among m
/// suspects, with the other edits kept, a binary search over prefixes finds the first culprit in
/// ⌈log2 m⌉ runs; the kept edits are then run once more, which either confirms them or starts the
/// next search. With one suspect per culprit that is 2 + k runs for k culprits, within the
/// 2 + k·⌈log2 n⌉ of SPEC's budget for n ≥ 2 edits.
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
        public var alreadyFailing: [String]
        /// Test time (pytest call phases of tests that passed in both) before and after.
        public var testSecondsBefore: Double
        public var testSecondsAfter: Double
        public var wallSecondsBefore: Double
        public var wallSecondsAfter: Double

        public var kept: [PlannedEdit] { decisions.filter(\.kept).map(\.edit) }
        public var suiteSpeedup: Double? { testSecondsAfter > 0 ? testSecondsBefore / testSecondsAfter : nil }
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
        var current = try run(kept, "with all \(kept.count) edits")
        var currentSet = Set(kept.map(\.id))
        // Runs that passed, by the set of edits they held: one that equals the kept set needs no rerun.
        var broken = before.broken(in: current)
        while !broken.isEmpty, !kept.isEmpty {
            let suspects = suspectsFor(broken, among: kept, before: before, failing: current)
            let good = kept.filter { edit in !suspects.contains { $0.id == edit.id } }
            var low = 0, high = suspects.count
            var lastPassing: (RunMeasurement, Set<FunctionLocation>)?
            while high - low > 1 {
                let middle = (low + high) / 2
                let subset = good + suspects[0..<middle]
                let measured = try run(subset, "bisecting: \(subset.count) of \(kept.count) edits")
                if before.broken(in: measured).isEmpty {
                    low = middle
                    lastPassing = (measured, Set(subset.map(\.id)))
                } else {
                    high = middle
                }
            }
            let culprit = suspects[high - 1]
            reverted.append((culprit, broken.filter { testsReach(culprit, $0, before: before) }.sorted()))
            kept.removeAll { $0.id == culprit.id }
            let keptSet = Set(kept.map(\.id))
            if let (measured, set) = lastPassing, set == keptSet {
                current = measured
                currentSet = set
                broken = []
            } else if kept.isEmpty {
                current = before
                currentSet = []
                broken = []
            } else {
                current = try run(kept, "confirming \(kept.count) edits")
                currentSet = keptSet
                broken = before.broken(in: current)
            }
        }
        if !broken.isEmpty {
            // Every edit reverted and tests still differ: the suite is flaky, not the edits.
            progress("tests that differ with no edit left: \(broken.sorted().joined(separator: ", "))")
        }
        precondition(currentSet == Set(kept.map(\.id)))
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
        let n = edits.count
        let log2n = ceilLog2(n)
        return Outcome(
            decisions: decisions.sorted { $0.edit.location < $1.edit.location }, runs: runs,
            budget: 2 + reverted.count * log2n, alreadyFailing: alreadyFailing,
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
            decision.callsAfter = new.steadyCalls + new.tracingCalls
        }
        guard let speedup = decision.speedup else {
            if old.eagerCalls + old.steadyCalls + old.tracingCalls == 0 && new.eagerCalls + new.steadyCalls + new.tracingCalls == 0 {
                decision.kept = edit.restsOnUnobserved
                decision.why = "no test calls it, so nothing measured it"
                    + (decision.kept ? "; kept because --include-unobserved asked for it" : "; reverted")
            } else if edit.transformation == .convertToHybrid, new.steadyCalls == 0 {
                decision.why = "every call traced a new graph (\(new.tracingCalls) traces), none reused one: no speedup to measure; reverted"
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
