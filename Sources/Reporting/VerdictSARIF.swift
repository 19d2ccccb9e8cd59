import Analysis
import Decisions

/// SPEC §8 `--format sarif`: SARIF 2.1.0 for code-scanning UIs. A result is something to act on:
/// an edit a function is ready for (a note, with its transformation as the rule), or a hybrid
/// function whose Python side effects run only while tracing (a warning). Functions that merely
/// cannot be converted are not findings, nor are pytest tests and fixtures; `--format json`
/// lists them all with their reasons.
public enum VerdictSARIF {
    /// The rules a result can name: the three transformations and the warning.
    static let rules: [(id: String, name: String, text: String)] = [
        (Transformation.convertToHybrid.rawValue, "ConvertToHybrid",
         "Decorate this eager function with @tf.function: it takes tensors, has no Python side effects, and nothing in it blocks a graph."),
        (Transformation.convertToEager.rawValue, "ConvertToEager",
         "Remove @tf.function: the graph buys nothing here or retraces on every new Python value."),
        (Transformation.reconfigure.rawValue, "Reconfigure",
         "Add an argument to @tf.function (an input signature or reduce_retracing) so that it stops retracing."),
        ("HAS_PYTHON_SIDE_EFFECTS", "HybridWithPythonSideEffects",
         "This @tf.function has Python side effects: they run only while TensorFlow traces it, not on later calls."),
    ]

    public static func render(_ verdicts: [Verdict], toolVersion: String) -> String {
        document(rules: rules, results: verdicts.compactMap(result(for:)), toolVersion: toolVersion)
    }

    /// A SARIF 2.1.0 log with one run of hybridize: its rules, and results that name them by index.
    static func document(rules: [(id: String, name: String, text: String)], results: [JSONValue], toolVersion: String) -> String {
        let ruleObjects: [JSONValue] = rules.map { rule in
            .object([
                ("id", .string(rule.id)), ("name", .string(rule.name)),
                ("shortDescription", .object([("text", .string(rule.text))])),
            ])
        }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("hybridize")), ("version", .string(toolVersion)),
                ("rules", .array(ruleObjects)),
            ]))])),
            ("originalUriBaseIds", .object([("%SRCROOT%", .object([("description", .object([("text", .string("the project root"))]))]))])),
            ("results", .array(results)),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ]).text
    }

    /// Whether a verdict is a finding (what `--check` fails on).
    public static func isFinding(_ verdict: Verdict) -> Bool { result(for: verdict) != nil }

    static func result(for verdict: Verdict) -> JSONValue? {
        guard !verdict.facts.isTestCode else { return nil }
        let ruleID: String
        let level: String
        let message: String
        if let warning = verdict.failures.first(where: { $0.severity == .warning }) {
            ruleID = warning.name
            level = "warning"
            message = "`\(verdict.facts.qualname)`: \(warning.reason)"
        } else if verdict.refactorable, let transformation = verdict.transformations.first {
            ruleID = transformation.rawValue
            level = "note"
            message = "`\(verdict.facts.qualname)`: " + (verdict.reasons.first ?? "passes \(verdict.passingPrecondition ?? "its preconditions")")
        } else {
            return nil
        }
        guard let ruleIndex = rules.firstIndex(where: { $0.id == ruleID }) else { return nil }
        return .object([
            ("ruleId", .string(ruleID)),
            ("ruleIndex", .number(ruleIndex)),
            ("level", .string(level)),
            ("message", .object([("text", .string(message))])),
            ("locations", .array([.object([("physicalLocation", .object([
                ("artifactLocation", .object([("uri", .string(verdict.facts.file)), ("uriBaseId", .string("%SRCROOT%"))])),
                ("region", .object([("startLine", .number(verdict.facts.line))])),
            ]))])])),
            ("properties", .object([
                ("qualname", .string(verdict.facts.qualname)),
                ("refactoring", .string(verdict.refactoring.rawValue)),
                ("failures", .array(verdict.failures.map { .number($0.code) })),
            ])),
        ])
    }
}
