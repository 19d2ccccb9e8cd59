import TraceStore
import XCTest

@testable import Decisions

/// SPEC §3 code 22: a numpy argument in a derived signature takes the dtype of the one tensor
/// dtype it meets in binary ops; eagerly each op converted it to that dtype, and under a
/// TensorSpec of that dtype tf.function does the same at the call (checked in TF 2.21: a
/// float64 array passed to a float32 TensorSpec multiplies a float32 tensor fine, while its own
/// dtype would raise "Input 'y' of 'Mul' Op has type float64 that does not match type float32").
final class InputSignaturePartnerTests: XCTestCase {
    private func observed(_ param: String, _ kind: String, _ dtype: String, _ shape: String) -> ParamObservation {
        ParamObservation(param: param, kind: kind, dtype: dtype, shape: shape, elements: nil, value: nil)
    }

    func testANumpyArgumentTakesItsSinglePartnersDType() {
        let calls = [
            [observed("x", "Tensor", "float32", "[8, 4]"), observed("scale", "ndarray", "float64", "[4]")],
            [observed("x", "Tensor", "float32", "[16, 4]"), observed("scale", "ndarray", "float64", "[4]")],
        ]
        let derived = InputSignature.derive(calls, partners: ["x": ["scale"], "scale": ["x"]])
        XCTAssertEqual(derived.spelling,
                       "[tf.TensorSpec(shape=[None, 4], dtype=tf.float32), tf.TensorSpec(shape=[4], dtype=tf.float32)]")
        // Without a partner the array keeps its own dtype.
        XCTAssertEqual(InputSignature.derive(calls).spelling,
                       "[tf.TensorSpec(shape=[None, 4], dtype=tf.float32), tf.TensorSpec(shape=[4], dtype=tf.float64)]")
    }

    func testPartnersOfTwoDTypesLeaveNoSignature() {
        let calls = [[
            observed("x", "Tensor", "float32", "[4]"), observed("ids", "Tensor", "int32", "[4]"),
            observed("scale", "ndarray", "float64", "[4]"),
        ]]
        let derived = InputSignature.derive(calls, partners: ["scale": ["x", "ids"], "x": ["scale"], "ids": ["scale"]])
        XCTAssertNil(derived.spelling)
        XCTAssertEqual(derived.problem?.contains("several dtypes (float32, int32)"), true, "\(derived)")
    }

    func testVaryingDimensionsAreCountedFromBothEnds() {
        let calls = [[observed("x", "Tensor", "float32", "[2, 3]")], [observed("x", "Tensor", "float32", "[4, 3]")]]
        XCTAssertEqual(InputSignature.varyingDimensions(calls)["x"], .some([0, -2]))
        let ranks = [[observed("x", "Tensor", "float32", "[2]")], [observed("x", "Tensor", "float32", "[2, 3]")]]
        XCTAssertEqual(InputSignature.varyingDimensions(ranks)["x"], .some(nil))
    }
}
