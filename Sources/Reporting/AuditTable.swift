import Analysis
import Decisions

/// The terminal report of `audit`: every assumption grouped by status, each with its evidence in
/// words, then where the traced time went (SPEC §6's time profile, ranked by expected gain).
public enum AuditTable {
    public static func render(_ verdicts: [Verdict], width: Int? = nil) -> String {
        var sections: [String] = []
        var counts: [AssumptionStatus: Int] = [:]
        for status in AssumptionStatus.allCases {
            let entries = verdicts.flatMap { verdict in
                verdict.facts.assumptions.filter { $0.status == status }.map { (verdict, $0) }
            }
            counts[status] = entries.count
            guard !entries.isEmpty else { continue }
            var lines = ["\(status.rawValue) (\(entries.count))"]
            for (verdict, assumption) in entries {
                let facts = verdict.facts
                let subject = "\(facts.file):\(facts.line)  \(facts.qualname)  \(assumption.fact.rawValue)=\(assumption.assumed)"
                    + (assumption.rule == "keyword" ? " (keyword \(assumption.detail))" : " (from traces alone, \(assumption.detail))")
                lines.append("  " + subject)
                for line in assumption.evidence { lines.append(cut("      " + line, width)) }
                if let counter = assumption.counterExample { lines.append(cut("      counter-example: " + counter, width)) }
                if status == .rejected {
                    lines.append(cut("      verdict now: " + outcome(verdict) + " — " + (verdict.reasons.first ?? ""), width))
                }
                if status != .confirmed || assumption.rule == "keyword", !assumption.tests.isEmpty {
                    let label = status == .unobserved ? "tests that would reach it: " : "tests: "
                    lines.append(cut("      " + label + assumption.tests.joined(separator: ", "), width))
                }
            }
            sections.append(lines.joined(separator: "\n"))
        }
        let profile = timeProfile(verdicts, width: width)
        if !profile.isEmpty { sections.append(profile) }
        let total = counts.values.reduce(0, +)
        let summary = "\(total) assumption\(total == 1 ? "" : "s"): " + AssumptionStatus.allCases.map {
            "\(counts[$0] ?? 0) \($0.rawValue.lowercased())"
        }.joined(separator: ", ")
        return (sections + [summary]).joined(separator: "\n\n")
    }

    static func outcome(_ verdict: Verdict) -> String {
        if let passing = verdict.passingPrecondition {
            return "\(passing) → " + verdict.transformations.map(\.rawValue).joined(separator: ", ")
        }
        return verdict.failures.map { "\($0.code) \($0.name)" }.joined(separator: ", ")
    }

    /// The functions that held the most eager time, with their verdicts: what an edit would gain.
    static func timeProfile(_ verdicts: [Verdict], width: Int?, limit: Int = 10) -> String {
        let timed = verdicts.filter { ($0.derived?.eagerSeconds ?? 0) > 0 }
            .sorted { ($0.derived?.eagerSeconds ?? 0) > ($1.derived?.eagerSeconds ?? 0) }
        guard !timed.isEmpty else { return "" }
        var lines = ["TIME PROFILE (eager time in traced calls, callees included)"]
        for verdict in timed.prefix(limit) {
            guard let derived = verdict.derived else { continue }
            let share = derived.eagerShare.map { String(format: " %5.1f%%", $0 * 100) } ?? ""
            let traces = "\(derived.tracesAtLeast ? "≥" : "")\(derived.predictedTraces) trace\(derived.predictedTraces == 1 ? "" : "s")"
            lines.append(cut(String(format: "  %8.3f s", derived.eagerSeconds) + share + "  \(verdict.facts.qualname)  "
                + "\(derived.eagerCalls) calls, \(traces) if hybrid  " + outcome(verdict), width))
        }
        return lines.joined(separator: "\n")
    }

    static func cut(_ line: String, _ width: Int?) -> String {
        guard let width, line.count > width else { return line }
        return String(line.prefix(max(20, width) - 1)) + "…"
    }
}
