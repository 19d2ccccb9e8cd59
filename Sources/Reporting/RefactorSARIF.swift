import Refactoring

/// `refactor --format sarif`: one result per edit planned, applied or kept (a note, its
/// transformation as the rule); skipped and reverted edits are not findings.
public enum RefactorSARIF {
    public static func render(_ report: RefactorReport, toolVersion: String) -> String {
        let rules = Array(VerdictSARIF.rules.prefix(3))
        let results: [JSONValue] = report.entries.compactMap { entry in
            guard entry.status != .skipped, entry.status != .reverted,
                let ruleIndex = rules.firstIndex(where: { $0.id == entry.transformation.rawValue })
            else { return nil }
            return .object([
                ("ruleId", .string(entry.transformation.rawValue)),
                ("ruleIndex", .number(ruleIndex)),
                ("level", .string("note")),
                ("message", .object([("text", .string("`\(entry.qualname)`: \(entry.reason)"))])),
                ("locations", .array([.object([("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(entry.location.file)), ("uriBaseId", .string("%SRCROOT%"))])),
                    ("region", .object([("startLine", .number(entry.location.line))])),
                ]))])])),
                ("properties", .object([
                    ("qualname", .string(entry.qualname)),
                    ("status", .string(entry.status.rawValue)),
                ])),
            ])
        }
        return VerdictSARIF.document(rules: rules, results: results, toolVersion: toolVersion)
    }
}
