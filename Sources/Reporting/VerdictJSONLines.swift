import Analysis
import Decisions
import Foundation

/// SPEC §8 `--format json`: one JSON object per function, one per line, with the documented keys
/// in the documented order. Facts are true/false, or null for unknown.
public enum VerdictJSONLines {
    struct Line: Encodable {
        struct Failure: Encodable {
            var code: Int
            var name: String
            var severity: String
            var reason: String
        }

        struct Assumption: Encodable {
            var fact: String
            var assumed: Bool
            var rule: String
            var detail: String
            var status: String?

            func encode(to encoder: Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(fact, forKey: .fact)
                try container.encode(assumed, forKey: .assumed)
                try container.encode(rule, forKey: .rule)
                try container.encode(detail, forKey: .detail)
                try container.encode(status, forKey: .status)  // null when no trace database was given
            }

            enum CodingKeys: String, CodingKey { case fact, assumed, rule, detail, status }
        }

        var file: String
        var qualname: String
        var line: Int
        var hybrid: Bool
        var facts: OrderedFacts
        var evidence: OrderedEvidence
        var refactoring: String
        var passingPrecondition: String?
        var failures: [Failure]
        var transformations: [String]
        var refactorable: Bool
        var assumptions: [Assumption]
        var reasons: [String]

        enum CodingKeys: String, CodingKey {
            case file, qualname, line, hybrid, facts, evidence, refactoring, passingPrecondition, failures,
                transformations, refactorable, assumptions, reasons
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(qualname, forKey: .qualname)
            try container.encode(line, forKey: .line)
            try container.encode(hybrid, forKey: .hybrid)
            try container.encode(facts, forKey: .facts)
            try container.encode(evidence, forKey: .evidence)
            try container.encode(refactoring, forKey: .refactoring)
            try container.encode(passingPrecondition, forKey: .passingPrecondition)
            try container.encode(failures, forKey: .failures)
            try container.encode(transformations, forKey: .transformations)
            try container.encode(refactorable, forKey: .refactorable)
            try container.encode(assumptions, forKey: .assumptions)
            try container.encode(reasons, forKey: .reasons)
        }
    }

    /// The facts object, keys in SPEC §2's order.
    struct OrderedFacts: Encodable {
        var values: [(FactName, TriState)]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for (name, value) in values {
                switch value {
                case .yes: try container.encode(true, forKey: Key(stringValue: name.rawValue))
                case .no: try container.encode(false, forKey: Key(stringValue: name.rawValue))
                case .unknown: try container.encodeNil(forKey: Key(stringValue: name.rawValue))
                }
            }
        }
    }

    struct OrderedEvidence: Encodable {
        var values: [(FactName, Evidence)]

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: OrderedFacts.Key.self)
            for (name, evidence) in values {
                try container.encode(evidence.rawValue, forKey: OrderedFacts.Key(stringValue: name.rawValue))
            }
        }
    }

    /// The facts SPEC §8 lists in the `facts` object (reachable is internal).
    static let reportedFacts: [FactName] = [
        .tensorParameter, .primitiveParameter, .sideEffects, .recursive, .eagerOnlyCalls, .tensorIteration,
        .numpyOnParameters, .tensorComputation, .createsVariables, .varyingObjectParameters,
    ]

    public static func render(_ verdicts: [Verdict]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return verdicts.compactMap { verdict -> String? in
            let facts = verdict.facts
            let line = Line(
                file: facts.file, qualname: facts.qualname, line: facts.line, hybrid: facts.hybrid != nil,
                facts: OrderedFacts(values: reportedFacts.map { ($0, facts[$0]) }),
                evidence: OrderedEvidence(values: reportedFacts.compactMap { name in
                    facts.facts[name].map { (name, $0.evidence) }
                }),
                refactoring: verdict.refactoring.rawValue, passingPrecondition: verdict.passingPrecondition,
                failures: verdict.failures.map { .init(code: $0.code, name: $0.name, severity: $0.severity.rawValue, reason: $0.reason) },
                transformations: verdict.transformations.map(\.rawValue), refactorable: verdict.refactorable,
                assumptions: facts.assumptions.map {
                    .init(fact: $0.fact.rawValue, assumed: $0.assumed, rule: $0.rule, detail: $0.detail, status: nil)
                },
                reasons: verdict.reasons)
            guard let data = try? encoder.encode(line) else { return nil }
            return String(decoding: data, as: UTF8.self)
        }.joined(separator: "\n")
    }
}
