import Refactoring

/// `refactor --format json`: one object per function the refactoring concerns, in a fixed key
/// order: where, which transformation, its status and why, and the measured times after `--verify`.
public enum RefactorJSONLines {
    public static func render(_ report: RefactorReport) -> String {
        report.entries.map { entry(for: $0).text }.joined(separator: "\n")
    }

    /// What a `--verify` run measured, kept under the project (`.hybridize/verify.json`) for
    /// `hybridize report`: every entry, and the run's totals.
    public static func verifyRecord(_ report: RefactorReport, recordedAt: String) -> String {
        let verification = report.verification
        return JSONValue.object([
            ("recordedAt", .string(recordedAt)),
            ("runs", verification.map { .number($0.runs) } ?? .null),
            ("budget", verification.map { .number($0.budget) } ?? .null),
            ("confirmed", verification.map { .bool($0.confirmed) } ?? .null),
            ("keptSpeedup", verification?.keptSpeedup.map(JSONValue.decimal) ?? .null),
            ("suiteSpeedup", verification?.suiteSpeedup.map(JSONValue.decimal) ?? .null),
            ("revertedAfterSuiteRun", verification.map { .number($0.revertedAfterSuiteRun) } ?? .null),
            ("testSecondsBefore", verification.map { .decimal($0.testSecondsBefore) } ?? .null),
            ("testSecondsAfter", verification.map { .decimal($0.testSecondsAfter) } ?? .null),
            ("entries", .array(report.entries.map(entry(for:)))),
        ]).text
    }

    static func entry(for entry: RefactorReport.Entry) -> JSONValue {
            JSONValue.object([
                ("file", .string(entry.location.file)),
                ("qualname", .string(entry.qualname)),
                ("line", .number(entry.location.line)),
                ("transformation", .string(entry.transformation.rawValue)),
                ("passingPrecondition", entry.precondition.map(JSONValue.string) ?? .null),
                ("status", .string(entry.status.rawValue)),
                ("reason", .string(entry.reason)),
                ("why", entry.why.map(JSONValue.string) ?? .null),
                ("nanosecondsPerCallBefore", entry.nanosecondsBefore.map(JSONValue.decimal) ?? .null),
                ("nanosecondsPerCallAfter", entry.nanosecondsAfter.map(JSONValue.decimal) ?? .null),
                ("nanosecondsPerTracingCallAfter", entry.tracingNanosecondsAfter.map(JSONValue.decimal) ?? .null),
                ("speedup", entry.speedup.map(JSONValue.decimal) ?? .null),
                ("brokenTests", .array(entry.brokenTests.map(JSONValue.string))),
            ])
    }
}
