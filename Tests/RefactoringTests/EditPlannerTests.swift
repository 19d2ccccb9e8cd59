import Decisions
import XCTest

@testable import Analysis
@testable import Refactoring

/// What the planner leaves alone: a tf.function used as a value (it may be a SavedModel
/// signature), test files, and a function whose every caller runs inside a graph.
final class EditPlannerTests: XCTestCase {
    func plan(_ source: String, path: String = "pkg/serve.py", callers: [FunctionLocation: [FunctionLocation?]] = [:],
              _ edits: [(String, Transformation)]) throws -> EditPlanner.Plan {
        let fixture = RoundTripTests.Case(
            name: "inline", input: Array(source.utf8), expected: [],
            edits: edits.map { (transformation: $0.1, qualname: $0.0, argument: nil) })
        return try RoundTripTests.plan(fixture, path: path, callers: callers)
    }

    func testKeepsTheDecoratorOfATFFunctionUsedAsAValue() throws {
        let source = """
            import tensorflow as tf

            def export_signature():
                @tf.function(input_signature=[tf.TensorSpec([None], tf.float32)])
                def serving(x):
                    return x
                return serving

            @tf.function
            def plain(x):
                return x
            """
        let plan = try plan(source, [("export_signature.<locals>.serving", .convertToEager), ("plain", .convertToEager)])
        XCTAssertEqual(plan.edits.map(\.qualname), ["plain"])
        XCTAssertEqual(plan.skipped.map(\.qualname), ["export_signature.<locals>.serving"])
        XCTAssertTrue(plan.skipped.first?.why.contains("used as a value") ?? false)
    }

    func testNeverEditsTestFiles() throws {
        let source = "import tensorflow as tf\n\ndef step(x):\n    return tf.square(x)\n"
        for path in ["tests/helpers.py", "pkg/model_test.py", "test_model.py", "conftest.py"] {
            XCTAssertTrue(try plan(source, path: path, [("step", .convertToHybrid)]).edits.isEmpty, path)
        }
        XCTAssertEqual(try plan(source, path: "pkg/testing_utils.py", [("step", .convertToHybrid)]).edits.count, 1)
    }

    func testEditsOnlyTheOutermostOfAChain() throws {
        let source = """
            import tensorflow as tf

            def loss(x):
                return tf.reduce_sum(x)

            def step(x):
                return loss(x) * 2

            def evaluate(x):
                return loss(x)
            """
        let loss = FunctionLocation(file: "pkg/serve.py", line: 3)
        let step = FunctionLocation(file: "pkg/serve.py", line: 6)
        let evaluate = FunctionLocation(file: "pkg/serve.py", line: 9)
        // `loss` is covered once `step` is hybrid; a module-level caller (nil) breaks coverage.
        let covered = try plan(source, callers: [loss: [step], step: [nil]], [("loss", .convertToHybrid), ("step", .convertToHybrid)])
        XCTAssertEqual(covered.edits.map(\.qualname), ["step"])
        XCTAssertTrue(covered.skipped.first?.why.hasPrefix("21 HAS_COVERED_CALLERS") ?? false)
        let open = try plan(source, callers: [loss: [step, evaluate], step: [nil], evaluate: [nil]],
                            [("loss", .convertToHybrid), ("step", .convertToHybrid)])
        XCTAssertEqual(open.edits.map(\.qualname), ["loss", "step"], "an eager caller (evaluate) still gains from loss's decorator")
    }
}
