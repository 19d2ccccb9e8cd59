import Analysis
import Decisions

/// The terminal summary of `analyze`: one row per function, its verdict, and its first reason.
public enum VerdictTable {
    public static func render(_ verdicts: [Verdict]) -> String {
        let rows = verdicts.map { verdict -> [String] in
            let facts = verdict.facts
            let outcome: String
            if let passing = verdict.passingPrecondition {
                outcome = "\(passing) → " + verdict.transformations.map(\.rawValue).joined(separator: ", ")
            } else {
                outcome = verdict.failures.map { "\($0.code)\($0.severity == .warning ? "!" : "")" }.joined(separator: ",")
            }
            return ["\(facts.file):\(facts.line)", facts.qualname, facts.hybrid == nil ? "eager" : "hybrid", outcome,
                    verdict.reasons.first.map { String($0.prefix(100)) } ?? ""]
        }
        let header = ["location", "function", "kind", "verdict", "why"]
        let widths = (0..<4).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func format(_ row: [String]) -> String {
            (0..<4).map { row[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + row[4]
        }
        let passing = verdicts.filter(\.refactorable).count
        return ([format(header)] + rows.map(format)).joined(separator: "\n")
            + "\n\n\(verdicts.count) functions, \(passing) refactorable (! marks a warning)"
    }
}
