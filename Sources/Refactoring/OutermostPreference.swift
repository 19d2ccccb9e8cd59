import Decisions

/// Of several functions in one call chain that could become hybrid, edit the outermost (SPEC §3,
/// 21 HAS_COVERED_CALLERS): a `tf.function` called from inside another one is inlined into the
/// caller's graph (TF 2.21 traces the inner Function's Python body into the outer FuncGraph), so
/// its own decorator buys nothing. A function is covered when it has callers and every one is
/// hybrid, already or by this plan, or itself covered (the least fixpoint); a module-level, test
/// or unresolved caller breaks coverage.
struct OutermostPreference {
    let callers: [FunctionLocation: [FunctionLocation?]]
    /// Functions that stay hybrid whatever the plan does: decorated, and not being made eager.
    let hybrid: Set<FunctionLocation>

    init(callers: [FunctionLocation: [FunctionLocation?]], verdicts: [Verdict]) {
        self.callers = callers
        hybrid = Set(verdicts.filter { $0.facts.hybrid != nil && !($0.refactorable && $0.transformations.contains(.convertToEager)) }
            .map { FunctionLocation(file: $0.facts.file, line: $0.facts.line) })
    }

    func filter(_ edits: [PlannedEdit]) -> (kept: [PlannedEdit], covered: [SkippedEdit]) {
        let converted = Set(edits.filter { $0.transformation == .convertToHybrid }.map(\.location))
        let graphBound = hybrid.union(converted)
        // Least fixpoint: start from nothing covered, add what the covered set now covers.
        var covered: Set<FunctionLocation> = []
        var changed = true
        while changed {
            changed = false
            for location in converted where !covered.contains(location) {
                guard let callers = callers[location], !callers.isEmpty else { continue }
                let allInsideGraphs = callers.allSatisfy { caller in
                    guard let caller, caller != location else { return false }
                    return graphBound.contains(caller)
                }
                if allInsideGraphs {
                    covered.insert(location)
                    changed = true
                }
            }
        }
        // A covered function whose callers are hybrid only through this plan stays eager; the
        // outermost caller carries the decorator.
        var kept: [PlannedEdit] = []
        var skipped: [SkippedEdit] = []
        for edit in edits {
            if covered.contains(edit.location) {
                let names = (callers[edit.location] ?? []).compactMap { $0?.description }.sorted()
                skipped.append(SkippedEdit(
                    location: edit.location, qualname: edit.qualname, transformation: edit.transformation,
                    why: "21 HAS_COVERED_CALLERS: every caller (\(names.joined(separator: ", "))) runs inside a graph, "
                        + "which inlines this function; the outermost one carries the decorator"))
            } else {
                kept.append(edit)
            }
        }
        return (kept, skipped)
    }
}
