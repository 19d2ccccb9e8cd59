import Decisions
import XCTest

@testable import Refactoring

/// The bisection of `--verify`, over a runner whose tests break exactly when given edits are
/// applied (the end-to-end tests run it with TensorFlow; this checks the search itself on every
/// placement of the culprits, against SPEC's run budget).
final class VerifierTests: XCTestCase {
    func edit(_ index: Int) -> PlannedEdit {
        PlannedEdit(location: FunctionLocation(file: "m.py", line: 10 * index + 1), qualname: "f\(index)",
                    transformation: .convertToHybrid, precondition: "P1", reason: "", restsOnUnobserved: false,
                    edits: [], needsImport: false, firstLine: 10 * index + 1)
    }

    /// Test `t<i>` runs function `f<i>`, and `t_all` runs them all; a culprit breaks its own test.
    /// Hybrid calls are twice as fast as eager ones.
    func measurement(applied: [PlannedEdit], culprits: Set<Int>, count: Int, attributed: Bool) -> RunMeasurement {
        var outcomes: [String: String?] = ["t_all": "passed"]
        var reaching: [FunctionName: Set<String>] = [:]
        var timings: [FunctionName: RunMeasurement.Timing] = [:]
        let appliedIndices = Set(applied.map { Int($0.qualname.dropFirst()) ?? -1 })
        for index in 0..<count {
            let name = FunctionName(file: "m.py", qualname: "f\(index)")
            let broken = appliedIndices.contains(index) && culprits.contains(index)
            outcomes["t\(index)"] = broken ? "failed" : "passed"
            reaching[name] = attributed ? ["t\(index)"] : []
            timings[name] = appliedIndices.contains(index)
                ? RunMeasurement.Timing(steadyCalls: 10, steadyNanoseconds: 1_000, tracingCalls: 1, tracingNanoseconds: 50_000)
                : RunMeasurement.Timing(eagerCalls: 10, eagerNanoseconds: 2_000)
        }
        if !attributed, !appliedIndices.isDisjoint(with: culprits) { outcomes["t_all"] = "failed" }
        return RunMeasurement(outcomes: outcomes, durations: [:], timings: timings, testsReaching: reaching,
                              exitStatus: 0, wallSeconds: 1)
    }

    func verify(count: Int, culprits: Set<Int>, attributed: Bool) throws -> Verifier.Outcome {
        let edits = (0..<count).map(edit)
        return try Verifier { applied, _ in
            self.measurement(applied: applied, culprits: culprits, count: count, attributed: attributed)
        }.verify(edits)
    }

    func testRevertsExactlyTheCulpritsWithinTheRunBudget() throws {
        for attributed in [true, false] {
            for count in 1...9 {
                var placements: [Set<Int>] = [[], [0], [count - 1], [count / 2]]
                if count >= 3 { placements += [[0, count - 1], [1, count / 2 + 1]] }
                for culprits in placements {
                    let outcome = try verify(count: count, culprits: culprits, attributed: attributed)
                    let reverted = Set(outcome.decisions.filter { !$0.kept }.map { Int($0.edit.qualname.dropFirst()) ?? -1 })
                    XCTAssertEqual(reverted, culprits, "n=\(count) culprits=\(culprits) attributed=\(attributed)")
                    XCTAssertLessThanOrEqual(outcome.runs, 2 + culprits.count * ceilLog2(count),
                                             "n=\(count) culprits=\(culprits) attributed=\(attributed)")
                    if attributed {
                        // Broken tests that each ran one edit need no search: the budget leaves
                        // room for a run that confirms the kept edits together.
                        XCTAssertTrue(outcome.confirmed, "n=\(count) culprits=\(culprits) runs=\(outcome.runs)")
                    }
                }
            }
        }
    }

    func testKeptEditsCarryTheirMeasuredSpeedup() throws {
        let outcome = try verify(count: 3, culprits: [1], attributed: true)
        let kept = outcome.decisions.filter(\.kept)
        XCTAssertEqual(kept.map(\.edit.qualname), ["f0", "f2"])
        for decision in kept {
            XCTAssertEqual(decision.speedup ?? 0, 2, accuracy: 1e-9)
            XCTAssertEqual(decision.tracingAfter ?? 0, 50_000, accuracy: 1e-9)
        }
        XCTAssertEqual(outcome.keptSpeedup ?? 0, 2, accuracy: 1e-9)
        XCTAssertTrue(outcome.decisions.first { !$0.kept }?.why.contains("breaks t1") ?? false)
    }

    func testATestFailingBeforeTheEditsIsNotBlamedOnThem() throws {
        let edits = [edit(0)]
        let outcome = try Verifier { applied, _ in
            var measured = self.measurement(applied: applied, culprits: [], count: 1, attributed: true)
            measured.outcomes["t_flaky"] = "failed"
            return measured
        }.verify(edits)
        XCTAssertEqual(outcome.alreadyFailing, ["t_flaky"])
        XCTAssertEqual(outcome.decisions.map(\.kept), [true])
        XCTAssertEqual(outcome.runs, 2)
    }
}
