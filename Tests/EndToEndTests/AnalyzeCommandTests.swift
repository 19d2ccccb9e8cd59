import Foundation
import XCTest

/// `hybridize analyze --format json`: SPEC §8's keys, in order, one object per line.
final class AnalyzeCommandTests: XCTestCase {
    func testJsonLinesHaveTheDocumentedKeysInOrderAndVerdictsWithReasons() throws {
        let project = try HybridizeRunner.project("Examples/keras_training")
        let result = try HybridizeRunner.run(["analyze", "--format", "json"], in: project)
        XCTAssertEqual(result.status, 0, result.output)
        let lines = result.output.split(separator: "\n").filter { $0.hasPrefix("{") }
        XCTAssertGreaterThan(lines.count, 30)
        let keys = ["file", "qualname", "line", "hybrid", "facts", "evidence", "refactoring", "passingPrecondition",
                    "failures", "transformations", "refactorable", "assumptions", "reasons"]
        for line in lines {
            var position = line.startIndex
            for key in keys {
                guard let found = line.range(of: "\"\(key)\":", range: position..<line.endIndex) else {
                    return XCTFail("key \(key) missing or out of order in \(line)")
                }
                position = found.upperBound
            }
        }
        let objects = try lines.map { try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let loss = try XCTUnwrap(objects.first { $0["qualname"] as? String == "compute_loss" })
        XCTAssertEqual(loss["passingPrecondition"] as? String, "P1")
        XCTAssertEqual(loss["transformations"] as? [String], ["CONVERT_TO_HYBRID"])
        XCTAssertEqual((loss["facts"] as? [String: Any])?["tensorParameter"] as? Bool, true)
        let report = try XCTUnwrap(objects.first { $0["qualname"] as? String == "report" })
        let failures = try XCTUnwrap(report["failures"] as? [[String: Any]])
        XCTAssertTrue(failures.contains { $0["code"] as? Int == 4 && ($0["reason"] as? String)?.contains("print") == true })
        let fast = try XCTUnwrap(objects.first { $0["qualname"] as? String == "fast_dot" })
        XCTAssertEqual(fast["hybrid"] as? Bool, true)
        XCTAssertEqual(fast["refactoring"] as? String, "OPTIMIZE_HYBRID_FUNCTION")
    }
}
