import Foundation
import TraceStore
import XCTest

@testable import Analysis
@testable import Decisions

/// 18 HAS_UNRESOLVED_STATICALLY_READ_AXES, from its own examples (each under the signature its
/// `# hybridized as:` line names) and in the verdict of a hybrid that traces show retraced.
final class SignaturePreconditionTests: XCTestCase {
    let rule = SignaturePreconditions.unresolvedAxes

    /// `tf.TensorSpec([None, 3])` on the `# hybridized as:` line, one shape per parameter of `f`.
    func shapes(in source: String, parameters: [String]) throws -> [String: [Int?]?] {
        let line = try XCTUnwrap(source.split(separator: "\n").first { $0.contains("# hybridized as:") }, source)
        let pattern = try NSRegularExpression(pattern: #"TensorSpec\((?:shape=)?(\[[^\]]*\])"#)
        let text = String(line)
        let specs = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
        var result: [String: [Int?]?] = [:]
        for (name, spec) in zip(parameters, specs) { result[name] = InputSignature.parse(spec) }
        return result
    }

    func testTheRuleTriggersOnItsExamplesAndOnlyThere() throws {
        XCTAssertFalse(rule.triggering.isEmpty || rule.nonTriggering.isEmpty)
        for (examples, triggers) in [(rule.triggering, true), (rule.nonTriggering, false)] {
            for example in examples {
                let facts = try ProjectFixture.factsOfF(in: example)
                let unresolved = rule.unresolvedReads(facts, shapes: try shapes(in: example, parameters: ["x"]))
                XCTAssertEqual(!unresolved.isEmpty, triggers,
                               "\(example)\nreads: \(facts.staticAxisReads)\nunresolved: \(unresolved)")
            }
        }
    }

    func testReadsNameTheLineTheAxisAndTheUse() throws {
        let facts = try ProjectFixture.factsOfF(in: rule.triggering[0])
        XCTAssertTrue(facts.staticAxisReads.contains(StaticAxisRead(parameter: "x", axis: 0, line: 4, use: "`*` arithmetic")),
                      "\(facts.staticAxisReads)")
        let unpacked = try ProjectFixture.factsOfF(in: rule.triggering[6])
        XCTAssertEqual(Set(unpacked.staticAxisReads.map(\.axis)), [0, 1], "\(unpacked.staticAxisReads)")
        let throughCallee = try ProjectFixture.factsOfF(in: rule.triggering[5])
        XCTAssertTrue(throughCallee.staticAxisReads.contains { $0.parameter == "x" && $0.axis == 0 && $0.line == 6 && $0.use.contains("`rows_times`") },
                      "\(throughCallee.staticAxisReads)")
    }

    /// A hybrid traced for two batch sizes: P4 would add `[None, 3]`, which the reshape cannot trace.
    private func verdict(of body: String) throws -> Verdict {
        let source = "import tensorflow as tf\n@tf.function\ndef f(x):\n" + body + "f(tf.ones([2, 3]))\nf(tf.ones([4, 3]))\n"
        let facts = try ProjectFixture.factsOfF(in: source)
        let calls: [[ParamObservation]] = [2, 4].map { rows in
            [ParamObservation(param: "x", kind: "Tensor", dtype: "float32", shape: "[\(rows), 3]", elements: nil, value: nil)]
        }
        let signature = InputSignature.derive(calls)
        XCTAssertEqual(signature.spelling, "[tf.TensorSpec(shape=[None, 3], dtype=tf.float32)]")
        let derived = TraceDerived(
            calls: 2, eagerCalls: 0, inputSignature: signature.spelling, noSignatureReason: nil, predictedTraces: 2,
            tracesAtLeast: false, shapeClasses: signature.shapeClasses, eagerSeconds: 0, eagerShare: nil, tests: [],
            signatureShapes: signature.shapes)
        return DecisionMaker.decide(facts, derived: derived)
    }

    func testAStaticReadOfTheVaryingAxisWithholdsP4() throws {
        let blocked = try verdict(of: "    n = x.shape[0]\n    return tf.reshape(x, [n * 3])\n")
        XCTAssertNil(blocked.passingPrecondition, "\(blocked.reasons)")
        XCTAssertEqual(blocked.failures.map(\.code), [18])
        let reason = try XCTUnwrap(blocked.failures.first?.reason)
        XCTAssertTrue(reason.contains("line 5") && reason.contains("axis 0 of `x`") && reason.contains("[None, 3]"), reason)
        XCTAssertFalse(blocked.refactorable)

        let dynamic = try verdict(of: "    return tf.reshape(x, [tf.shape(x)[0] * 3])\n")
        XCTAssertEqual(dynamic.passingPrecondition, "P4", "\(dynamic.reasons)")
        let staticAxis = try verdict(of: "    return tf.reshape(x, [-1, x.shape[1]])\n")
        XCTAssertEqual(staticAxis.passingPrecondition, "P4", "axis 1 stays 3 in the signature: \(staticAxis.reasons)")
    }
}
