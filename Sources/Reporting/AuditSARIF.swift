import Analysis
import Decisions

/// `audit --format sarif`: one result per assumption. REJECTED is a warning (the verdict it bore
/// was withdrawn), UNOBSERVED a note (nothing verifies it), CONFIRMED a passing result. Each
/// carries a `partialFingerprints` entry made from what identifies the assumption (file, qualname,
/// fact, rule, keyword) and not its line, so a result keeps its identity while code moves.
public enum AuditSARIF {
    static let rules: [(id: String, name: String, text: String)] = [
        ("ASSUMPTION_CONFIRMED", "AssumptionConfirmed", "The traces observed the assumed value in every recorded call."),
        ("ASSUMPTION_REJECTED", "AssumptionRejected", "The traces observed the opposite of an assumption; the verdict that rested on it is withdrawn."),
        ("ASSUMPTION_UNOBSERVED", "AssumptionUnobserved", "No trace covers the function, so nothing confirms the assumption its verdict rests on."),
    ]

    public static func render(_ verdicts: [Verdict], toolVersion: String) -> String {
        var results: [JSONValue] = []
        for verdict in verdicts {
            for assumption in verdict.facts.assumptions {
                guard let status = assumption.status else { continue }
                results.append(result(verdict, assumption, status))
            }
        }
        return VerdictSARIF.document(rules: rules, results: results, toolVersion: toolVersion)
    }

    static func result(_ verdict: Verdict, _ assumption: Assumption, _ status: AssumptionStatus) -> JSONValue {
        let index: Int
        let level: String
        let kind: String
        switch status {
        case .confirmed: (index, level, kind) = (0, "none", "pass")
        case .rejected: (index, level, kind) = (1, "warning", "fail")
        case .unobserved: (index, level, kind) = (2, "note", "review")
        }
        let facts = verdict.facts
        var message = "`\(facts.qualname)`: \(assumption.fact.rawValue)=\(assumption.assumed) "
            + (assumption.rule == "keyword" ? "(assumed from the keyword \(assumption.detail))" : "(from traces alone)")
            + " is \(status.rawValue)"
        if let counter = assumption.counterExample { message += ": " + counter }
        else if let first = assumption.evidence.first { message += ": " + first }
        let identity = [facts.file, facts.qualname, assumption.fact.rawValue, assumption.rule,
                        assumption.rule == "keyword" ? assumption.detail : ""].joined(separator: "\u{0}")
        return .object([
            ("ruleId", .string(rules[index].id)),
            ("ruleIndex", .number(index)),
            ("kind", .string(kind)),
            ("level", .string(level)),
            ("message", .object([("text", .string(message))])),
            ("locations", .array([.object([("physicalLocation", .object([
                ("artifactLocation", .object([("uri", .string(facts.file)), ("uriBaseId", .string("%SRCROOT%"))])),
                ("region", .object([("startLine", .number(facts.line))])),
            ]))])])),
            ("partialFingerprints", .object([("hybridizeAssumption/v1", .string(fingerprint(identity)))])),
            ("properties", .object([
                ("qualname", .string(facts.qualname)),
                ("fact", .string(assumption.fact.rawValue)),
                ("status", .string(status.rawValue)),
                ("tests", .array(assumption.tests.map { .string($0) })),
            ])),
        ])
    }

    /// 64-bit FNV-1a, as 16 hex digits: stable across runs and machines, unlike Swift's Hasher.
    static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
