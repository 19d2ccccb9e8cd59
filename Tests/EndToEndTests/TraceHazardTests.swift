import Foundation
import XCTest

/// Codes 22 and 23 from what only traces see (SPEC §4.3): in `symbolic_project` a KerasTensor
/// comes from a factory looked up by name and a numpy array's dtype from parsed text, so static
/// analysis types neither; the tracer records `KerasTensor` and `ndarray float64`, and the
/// verdicts follow. TensorFlow confirms both hazards on the hybridized code.
final class TraceHazardTests: XCTestCase {
    private func verdicts(in project: URL, traces: [String]) throws -> [String: [String: Any]] {
        let result = try HybridizeRunner.run(["analyze", "--format", "json"] + (traces.isEmpty ? [] : ["--traces"] + traces), in: project)
        XCTAssertEqual(result.status, 0, result.output)
        return try HybridizeRunner.verdictsByQualname(result.output)
    }

    private func codes(_ verdict: [String: Any]?) -> [Int] {
        ((verdict?["failures"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? Int }
    }

    func testTracesSeeKerasTensorsAndNumpyDTypesThatTheCodeHides() throws {
        let project = try HybridizeRunner.project("symbolic_project")
        defer { try? FileManager.default.removeItem(at: project) }
        let statically = try verdicts(in: project, traces: [])
        XCTAssertFalse(codes(statically["block"]).contains(23), "\(statically["block"] ?? [:])")
        XCTAssertEqual(statically["rescale"]?["passingPrecondition"] as? String, "P1", "static analysis alone is fooled")

        let run = try HybridizeRunner.trace(["python", "main.py"], in: project)
        XCTAssertEqual(run.status, 0, run.output)
        let traced = try verdicts(in: project, traces: ["trace.sqlite"])
        XCTAssertEqual(codes(traced["block"]), [23], "\(traced["block"] ?? [:])")
        XCTAssertEqual((traced["block"]?["evidence"] as? [String: String])?["kerasSymbolicArguments"], "trace")
        XCTAssertEqual(codes(traced["rescale"]), [22], "\(traced["rescale"] ?? [:])")
        XCTAssertEqual((traced["rescale"]?["evidence"] as? [String: String])?["conflictingDTypeCoercions"], "trace")

        // TensorFlow 2.21 / Keras 3 on the code the edit would have made.
        for (function, message) in [
            ("block", "A KerasTensor is symbolic"), ("rescale", "has type float64 that does not match type float32"),
        ] {
            let hybridized = try HybridizeRunner.trace(["python", "check_hybridized.py", function], in: project,
                                                       database: "check-\(function).sqlite")
            XCTAssertNotEqual(hybridized.status, 0, hybridized.output)
            XCTAssertTrue(hybridized.output.contains(message), function + ": " + hybridized.output)
        }
    }

    /// Code 16 for P4/P7: numpy reads `x.shape[0]`, which the traces saw vary. A bare
    /// tf.function traces each batch size concretely, but a signature (P4) or reduce_retracing
    /// (P7) makes that dimension None, and numpy then fails; the fixed dimension is fine.
    func testNoSignatureOrRelaxationWhereNumpyReadsAVaryingDimension() throws {
        let project = try HybridizeRunner.project("relaxed_shapes_project")
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try HybridizeRunner.trace(["python", "run.py"], in: project)
        XCTAssertEqual(run.status, 0, run.output)
        let traced = try verdicts(in: project, traces: ["trace.sqlite"])
        let rows = try XCTUnwrap(traced["pad_rows"])
        XCTAssertEqual(codes(rows), [13], "\(rows)")
        XCTAssertTrue((rows["reasons"] as? [String] ?? []).contains { $0.hasPrefix("no P4/P7: line 13 reads the shape of `x` with numpy") },
                      "\(rows)")
        XCTAssertEqual(traced["pad_columns"]?["passingPrecondition"] as? String, "P4", "\(traced["pad_columns"] ?? [:])")

        // The edits keep the program running; relaxing pad_rows as P7 would breaks it in TF 2.21.
        let refactor = try HybridizeRunner.run(["refactor", "--traces", "trace.sqlite", "--apply"], in: project)
        XCTAssertEqual(refactor.status, 0, refactor.output)
        let edited = try HybridizeRunner.trace(["python", "run.py"], in: project, database: "edited.sqlite")
        XCTAssertEqual(edited.status, 0, edited.output)
        let relaxed = try HybridizeRunner.trace(["python", "run.py", "--relax"], in: project, database: "relaxed.sqlite")
        XCTAssertNotEqual(relaxed.status, 0, relaxed.output)
        XCTAssertTrue(relaxed.output.contains("Use () not None as shape arguments"), relaxed.output)
    }
}
