import Foundation
import XCTest

/// 19 HAS_STALE_VARIABLE_READS decided by traces (SPEC §4.2) on Fixtures/stale_project: two
/// identical steps read a model's variable list before their forward pass. Static analysis cannot
/// tell whether the model they are given is built by then; the traces can: `train_step`'s first
/// call created the model's variables on the line of its forward pass (19), `tuned_step` was given
/// a model built with `keras.Input`, and only its optimizer created variables (no 19).
final class StaleVariableReadsTests: XCTestCase {
    func testTracesDecideWhetherTheModelWasBuiltByTheStep() throws {
        let byName = try HybridizeRunner.tracedVerdicts(ofFixture: "stale_project")
        func stale(_ name: String) -> Any? { (byName[name]?["facts"] as? [String: Any])?["staleVariableReads"] }
        func evidence(_ name: String) -> Any? { (byName[name]?["evidence"] as? [String: Any])?["staleVariableReads"] }
        func failures(_ name: String) -> [[String: Any]] { byName[name]?["failures"] as? [[String: Any]] ?? [] }

        XCTAssertEqual(stale("train_step") as? Bool, true, "\(byName)")
        XCTAssertEqual(evidence("train_step") as? String, "trace")
        let reason = try XCTUnwrap(failures("train_step").first { $0["code"] as? Int == 19 }?["reason"] as? String, "\(byName)")
        XCTAssertTrue(reason.contains("line 6") && reason.contains("line 8"), reason)
        XCTAssertEqual(stale("tuned_step") as? Bool, false, "\(byName)")
        XCTAssertFalse(failures("tuned_step").contains { $0["code"] as? Int == 19 })
    }
}
