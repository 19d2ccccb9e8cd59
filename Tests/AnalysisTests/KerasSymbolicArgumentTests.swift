import XCTest

@testable import Analysis
@testable import Decisions

/// Code 23's exemption: Keras 3 runs a layer's `call` on backend placeholders while it builds a
/// functional model (layers/layer.py `compute_output_spec`), so a hybrid `call` builds fine
/// (checked in TF 2.21: `Scale()(keras.Input((4,)))` with `@tf.function` on `Scale.call`).
final class KerasSymbolicArgumentTests: XCTestCase {
    func testALayersOwnCallIsExemptAndAHelperIsNot() throws {
        let project = try ProjectFixture(["model.py": """
            import keras
            import tensorflow as tf

            class Scale(keras.layers.Layer):
                def call(self, x):
                    return x * 2.0

            def shift(t):
                return t + 1.0

            inputs = keras.Input((4,))
            model = keras.Model(inputs, shift(Scale()(inputs)))
            """]).project
        let facts = FactsAnalyzer(project: project).analyze()
        let call = try XCTUnwrap(facts.first { $0.qualname == "Scale.call" })
        XCTAssertNotEqual(call[.kerasSymbolicArguments], .yes, "\(call.facts[.kerasSymbolicArguments]?.reasons ?? [])")
        let shift = try XCTUnwrap(facts.first { $0.qualname == "shift" })
        XCTAssertEqual(shift[.kerasSymbolicArguments], .yes)
        XCTAssertEqual(DecisionMaker.decide(shift).failures.map(\.code), [23])
    }
}
