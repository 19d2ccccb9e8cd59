import Refactoring

/// `refactor --format json`: one object per function the refactoring concerns, in a fixed key
/// order: where, which transformation, its status and why, and the measured times after `--verify`.
public enum RefactorJSONLines {
    public static func render(_ report: RefactorReport) -> String {
        report.entries.map { entry in
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
            ]).text
        }.joined(separator: "\n")
    }
}
