import Foundation
import XCTest

/// 21 HAS_COVERED_CALLERS on Fixtures/covered_project, with real TensorFlow: an outer
/// `tf.function` calls a hybrid `inner` and an eager `helper`. Called five times, the outer runs
/// the Python of both only once, while it traces: `inner`'s own `Function.__call__` never runs
/// again, its graph is a call inside the outer one, and `helper`'s ops are in the outer graph
/// itself. So `helper` fails with 21 (a decorator of its own would buy nothing) and `inner`
/// reports 21 for information only.
final class CoveredCallersTests: XCTestCase {
    func testFunctionsCalledOnlyInsideAGraphRunTheirPythonOnceAndAreCovered() throws {
        let project = try HybridizeRunner.project("covered_project")
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try HybridizeRunner.trace(["python", "count_inlining.py", "inlining.json"], in: project)
        XCTAssertEqual(run.status, 0, run.output)
        let measured = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: project.appendingPathComponent("inlining.json"))) as? [String: Any])
        let calls = try XCTUnwrap(measured["pythonCalls"] as? [String: Int], "\(measured)")
        XCTAssertEqual(calls["outer"], 5, "\(measured)")
        XCTAssertEqual(calls["inner"], 1, "inner's Function.__call__ runs only while the outer traces: \(measured)")
        XCTAssertEqual(calls["helper"], 1, "\(measured)")
        XCTAssertEqual(measured["innerTracingCount"] as? Int, 1)
        let ops = try XCTUnwrap(measured["outerOps"] as? [String])
        XCTAssertTrue(ops.contains("PartitionedCall"), "inner is a function call inside the outer graph: \(ops)")
        XCTAssertTrue(ops.contains("Relu"), "helper's ops are the outer graph's own: \(ops)")

        // The package alone: the counting script wraps both functions, which is no part of it.
        let analyzed = try HybridizeRunner.run(["analyze", "lab", "--traces", "trace.sqlite", "--format", "json"], in: project)
        XCTAssertEqual(analyzed.status, 0, analyzed.output)
        let failures = try HybridizeRunner.verdictsByQualname(analyzed.output).mapValues { $0["failures"] as? [[String: Any]] ?? [] }
        let helper = try XCTUnwrap(failures["helper"]?.first { $0["code"] as? Int == 21 }, "\(failures)")
        XCTAssertEqual(helper["severity"] as? String, "error")
        XCTAssertTrue((helper["reason"] as? String)?.contains("`outer`") == true, "\(helper)")
        let inner = try XCTUnwrap(failures["inner"]?.first { $0["code"] as? Int == 21 }, "\(failures)")
        XCTAssertEqual(inner["severity"] as? String, "info")
        XCTAssertFalse(failures["outer"]?.contains { $0["code"] as? Int == 21 } ?? true, "module code calls outer eagerly")
    }
}
