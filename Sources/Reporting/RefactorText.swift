import Foundation
import Refactoring

/// `refactor`'s terminal output: the diff, then one line per function with its status and why,
/// then, after `--verify`, the measured speedups.
public enum RefactorText {
    public static func render(_ report: RefactorReport) -> String {
        var output = report.diff
        if !output.isEmpty { output += "\n" }
        for entry in report.entries {
            var line = "\(entry.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) "
                + "\(entry.location.file):\(entry.location.line) \(entry.qualname): \(entry.transformation.rawValue)"
            if let why = entry.why, entry.status != .skipped {
                line += " (\(why))"
            } else if entry.status == .skipped {
                line += " — \(entry.reason)"
            }
            if let before = entry.nanosecondsBefore, let after = entry.nanosecondsAfter {
                line += String(format: " — %@ → %@ per call", duration(before), duration(after))
                if let tracing = entry.tracingNanosecondsAfter { line += ", first call (tracing) " + duration(tracing) }
            }
            output += line + "\n"
        }
        let counts = Dictionary(grouping: report.entries, by: \.status).mapValues(\.count)
        let summary = [RefactorReport.Status.planned, .applied, .kept, .reverted, .skipped].compactMap { status in
            counts[status].map { "\($0) \(status.rawValue.lowercased())" }
        }
        output += "refactor: " + (summary.isEmpty ? "nothing to edit" : summary.joined(separator: ", "))
        if !report.applied, report.verification == nil, counts[.planned] != nil { output += " (dry run; --apply writes the edits)" }
        output += "\n"
        if let verification = report.verification {
            output += "verify: \(verification.runs) runs of the command (budget 2 + k·⌈log2 n⌉ = \(verification.budget))"
            if !verification.confirmed {
                output += "; the kept edits were not run together (each broken test was pinned on one reverted edit, and a confirming run would pass the budget)"
            }
            if !verification.alreadyFailing.isEmpty {
                output += "; failing before the edits, not blamed on them: " + verification.alreadyFailing.joined(separator: ", ")
            }
            output += "\n"
            if let kept = verification.keptSpeedup {
                output += String(format: "speedup of the kept functions: %.2fx per call\n", kept)
            }
            if let suite = verification.suiteSpeedup {
                output += String(format: "speedup of the suite: %.2fx (tests %.2f s → %.2f s; whole run %.1f s → %.1f s)",
                                 suite, verification.testSecondsBefore, verification.testSecondsAfter,
                                 verification.wallSecondsBefore, verification.wallSecondsAfter)
                if verification.revertedAfterSuiteRun > 0 {
                    output += ", measured with \(verification.revertedAfterSuiteRun) more edit\(verification.revertedAfterSuiteRun == 1 ? "" : "s") that timing then reverted"
                }
                output += "\n"
            } else if verification.kept.isEmpty {
                output += "speedup of the suite: none kept, the files are as they were\n"
            }
        }
        return output
    }

    static func duration(_ nanoseconds: Double) -> String {
        switch nanoseconds {
        case ..<1_000: String(format: "%.0f ns", nanoseconds)
        case ..<1_000_000: String(format: "%.1f µs", nanoseconds / 1_000)
        case ..<1_000_000_000: String(format: "%.2f ms", nanoseconds / 1_000_000)
        default: String(format: "%.2f s", nanoseconds / 1_000_000_000)
        }
    }
}
