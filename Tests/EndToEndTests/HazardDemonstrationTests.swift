import Decisions
import Foundation
import XCTest

/// The hazards behind the static rules are TensorFlow's, not ours: every rule whose examples are
/// whole programs (`FailureRule.examplesRunInTensorFlow`) has them run in the embedded
/// interpreter with real TensorFlow, once as written and once with `f` hybridized. A triggering
/// example must run eagerly and break as a hybrid; a non-triggering one must run the same both ways.
final class HazardDemonstrationTests: XCTestCase {
    struct Example: Encodable {
        var id: String
        var source: String
        var decorator: String
        var triggers: Bool
    }

    struct Outcome: Decodable {
        var ok: Bool
        var error: String?
        var result: String?
    }

    struct Result: Decodable {
        var id: String
        var eager: Outcome
        var hybrid: Outcome
    }

    /// `# hybridized as: EXPR` in an example names the decorator its edit would add.
    static func decorator(of source: String) -> String {
        for line in source.split(separator: "\n") {
            if let marker = line.range(of: "# hybridized as: ") {
                return String(line[marker.upperBound...]).trimmingCharacters(in: .whitespaces)
            }
        }
        return "tf.function"
    }

    /// Every rule that shows its hazard with whole programs: the eager rules that say so, and 18,
    /// whose examples hybridize with the input signature a RECONFIGURE would add.
    static var demonstrated: [(code: Int, name: String, triggering: [String], nonTriggering: [String])] {
        let axes = SignaturePreconditions.unresolvedAxes
        return EagerPreconditions.rules.filter(\.examplesRunInTensorFlow).map { ($0.code, $0.name, $0.triggering, $0.nonTriggering) }
            + [(axes.code, axes.name, axes.triggering, axes.nonTriggering)]
    }

    static var examples: [Example] {
        demonstrated.flatMap { rule in
            rule.triggering.enumerated().map {
                Example(id: "\(rule.code) \(rule.name) triggering #\($0.offset + 1)", source: $0.element,
                        decorator: decorator(of: $0.element), triggers: true)
            } + rule.nonTriggering.enumerated().map {
                Example(id: "\(rule.code) \(rule.name) non-triggering #\($0.offset + 1)", source: $0.element,
                        decorator: decorator(of: $0.element), triggers: false)
            }
        }
    }

    func testTriggeringExamplesBreakOnceHybridizedAndTheOthersDoNot() throws {
        let examples = Self.examples
        XCTAssertFalse(examples.isEmpty)
        let project = try HybridizeRunner.project("hazard_examples")
        defer { try? FileManager.default.removeItem(at: project) }
        try JSONEncoder().encode(examples).write(to: project.appendingPathComponent("examples.json"))
        let run = try HybridizeRunner.trace(["python", "run_examples.py", "examples.json", "results.json"], in: project)
        XCTAssertEqual(run.status, 0, run.output)
        let results = try JSONDecoder().decode(
            [Result].self, from: Data(contentsOf: project.appendingPathComponent("results.json")))
        XCTAssertEqual(results.map(\.id), examples.map(\.id))
        for (example, result) in zip(examples, results) {
            let context = "\(example.id) (\(example.decorator)):\n\(example.source)\neager: \(result.eager)\nhybrid: \(result.hybrid)"
            XCTAssertTrue(result.eager.ok, "every example runs eagerly: " + context)
            let broke = !result.hybrid.ok || result.hybrid.result != result.eager.result
            if example.triggers {
                XCTAssertTrue(broke, "hybridizing a triggering example must break it: " + context)
                // A name the example forgot to import breaks the hybrid for the example's sake, not TensorFlow's.
                XCTAssertFalse(result.hybrid.error?.hasPrefix("NameError") == true, "the example itself is broken: " + context)
            } else {
                XCTAssertFalse(broke, "hybridizing a non-triggering example must change nothing: " + context)
            }
        }
    }
}
