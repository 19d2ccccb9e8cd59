import Foundation
import XCTest

/// 18 HAS_UNRESOLVED_STATICALLY_READ_AXES with real traces, on Fixtures/axes_project: two hybrids
/// retraced for batches of 2 and 4 rows. The signature the traces support is `[None, 3]`;
/// `flatten` reads `x.shape[0]` into arithmetic, so P4 is withheld and the reason names the line
/// and the axis; `flatten_dynamic` reads the batch with `tf.shape`, gets P4, and its edited code
/// runs under the signature.
final class UnresolvedAxesTests: XCTestCase {
    func testAStaticReadOfTheBatchAxisWithholdsTheSignatureAndADynamicOneGetsIt() throws {
        let project = try HybridizeRunner.project("axes_project")
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try HybridizeRunner.trace(["python", "run.py"], in: project)
        XCTAssertEqual(run.status, 0, run.output)
        let analyzed = try HybridizeRunner.run(["analyze", "lab", "--traces", "trace.sqlite", "--format", "json"], in: project)
        XCTAssertEqual(analyzed.status, 0, analyzed.output)
        let byName = try HybridizeRunner.verdictsByQualname(analyzed.output)
        let flatten = try XCTUnwrap(byName["flatten"], analyzed.output)
        XCTAssertTrue(flatten["passingPrecondition"] is NSNull, "\(flatten)")
        let failure = try XCTUnwrap((flatten["failures"] as? [[String: Any]])?.first, "\(flatten)")
        XCTAssertEqual(failure["code"] as? Int, 18)
        let reason = failure["reason"] as? String ?? ""
        XCTAssertTrue(reason.contains("line 8") && reason.contains("`rows`") && reason.contains("axis 0 of `x`"), reason)
        XCTAssertEqual(byName["flatten_dynamic"]?["passingPrecondition"] as? String, "P4", "\(byName)")

        let refactored = try HybridizeRunner.run(["refactor", "lab", "--traces", "trace.sqlite", "--apply"], in: project)
        XCTAssertEqual(refactored.status, 0, refactored.output)
        let source = try String(contentsOf: project.appendingPathComponent("lab/layers.py"), encoding: .utf8)
        XCTAssertTrue(source.contains("@tf.function(input_signature=[tf.TensorSpec(shape=[None, 3], dtype=tf.float32)])\ndef flatten_dynamic"),
                      source)
        XCTAssertTrue(source.contains("@tf.function\ndef flatten(x)"), source)
        let rerun = try HybridizeRunner.trace(["python", "run.py"], in: project, database: "after.sqlite")
        XCTAssertEqual(rerun.status, 0, "the edited code runs under its signature: " + rerun.output)
    }
}
