import Analysis
import Decisions

/// The terminal summary of `analyze`: one row per function, its verdict, and its first reason,
/// then a count of outcomes and of the commonest blockers.
public enum VerdictTable {
    /// `width`: the terminal's columns, to cut each reason to one line; nil (output to a file or a
    /// pipe) keeps reasons whole, for grep.
    public static func render(_ verdicts: [Verdict], width: Int? = nil) -> String {
        let rows = verdicts.map { verdict -> [String] in
            let facts = verdict.facts
            let outcome: String
            if let passing = verdict.passingPrecondition {
                outcome = "\(passing) → " + verdict.transformations.map(\.rawValue).joined(separator: ", ")
            } else {
                outcome = verdict.failures.map { "\($0.code)\($0.severity == .warning ? "!" : "")" }.joined(separator: ",")
            }
            return ["\(facts.file):\(facts.line)", facts.qualname, facts.hybrid == nil ? "eager" : "hybrid", outcome,
                    verdict.reasons.first ?? ""]
        }
        let header = ["location", "function", "kind", "verdict", "why"]
        let widths = (0..<4).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let reasonWidth = width.map { max(20, $0 - widths.reduce(0, +) - 8) }
        func format(_ row: [String]) -> String {
            var reason = row[4]
            if let reasonWidth, reason.count > reasonWidth { reason = String(reason.prefix(reasonWidth - 1)) + "…" }
            return (0..<4).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + reason
        }
        return ([format(header)] + rows.map(format)).joined(separator: "\n") + "\n\n" + summary(of: verdicts)
    }

    /// `72 functions: 8 ready for an edit, 1 already a well-formed hybrid, 63 not; commonest
    /// blockers: 4 HAS_PYTHON_SIDE_EFFECTS (28), ...`
    static func summary(of verdicts: [Verdict]) -> String {
        let ready = verdicts.filter(\.refactorable).count
        let optimal = verdicts.filter { !$0.refactorable && $0.failures.allSatisfy { $0.severity == .info } && !$0.failures.isEmpty }.count
        let warnings = verdicts.filter { $0.failures.contains { $0.severity == .warning } }.count
        var blockers: [Int: (name: String, count: Int)] = [:]
        for verdict in verdicts where !verdict.refactorable {
            for failure in verdict.failures where failure.severity == .error {
                blockers[failure.code, default: (failure.name, 0)].count += 1
            }
        }
        let readyTests = verdicts.filter { $0.refactorable && $0.facts.isTestCode }.count
        var parts = ["\(verdicts.count) function\(verdicts.count == 1 ? "" : "s"): \(ready) ready for an edit"
            + (readyTests > 0 ? " (\(readyTests) of them tests or fixtures, which are not findings)" : "")]
        if optimal > 0 { parts.append(optimal == 1 ? "1 already a well-formed hybrid" : "\(optimal) already well-formed hybrids") }
        if warnings > 0 { parts.append("\(warnings) hybrid\(warnings == 1 ? "" : "s") with Python side effects (marked !)") }
        parts.append("\(verdicts.count - ready - optimal - warnings) blocked")
        let commonest = blockers.sorted { ($0.value.count, -$0.key) > ($1.value.count, -$1.key) }.prefix(4)
            .map { "\($0.key) \($0.value.name) (\($0.value.count))" }
        return parts.joined(separator: ", ") + (commonest.isEmpty ? "" : "; commonest blockers: " + commonest.joined(separator: ", "))
    }
}
