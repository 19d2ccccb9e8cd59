import Analysis
import Decisions

/// Of several functions in one call chain that could become hybrid, edit the outermost (SPEC §3,
/// 21 HAS_COVERED_CALLERS): a `tf.function` called from inside another one is inlined into the
/// caller's graph (TF 2.21 traces the inner Function's Python body into the outer FuncGraph), so
/// its own decorator buys nothing. Coverage is `CallerCoverage`, as the verdicts compute it, with
/// the functions this plan makes hybrid counted as hybrid.
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
        // The verdicts' own computation, with what this plan makes hybrid counted as hybrid.
        let covered = Set(CallerCoverage(callers: callers, graphBound: hybrid.union(converted), candidates: converted).covered.keys)
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
