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
        let bump = try XCTUnwrap(objects.first { $0["qualname"] as? String == "bump_step" })
        let effects = try XCTUnwrap(bump["effects"] as? [[String: Any]])
        XCTAssertEqual(effects.first?["kind"] as? String, "global_write", "the kinds of observed_effects: \(effects)")
        let report = try XCTUnwrap(objects.first { $0["qualname"] as? String == "report" })
        let failures = try XCTUnwrap(report["failures"] as? [[String: Any]])
        XCTAssertTrue(failures.contains { $0["code"] as? Int == 4 && ($0["reason"] as? String)?.contains("print") == true })
        let fast = try XCTUnwrap(objects.first { $0["qualname"] as? String == "fast_dot" })
        XCTAssertEqual(fast["hybrid"] as? Bool, true)
        XCTAssertEqual(fast["refactoring"] as? String, "OPTIMIZE_HYBRID_FUNCTION")
    }

    /// The static verdicts on the example's library code, each the trait its README gives the
    /// function. (`fresh_step` passes statically: that it makes variables on every call is what
    /// traces add, as code 30.)
    func testExampleVerdictsMatchTheTraitsItsReadmeDescribes() throws {
        let project = try HybridizeRunner.project("Examples/keras_training")
        let result = try HybridizeRunner.run(["analyze", "--format", "json"], in: project)
        XCTAssertEqual(result.status, 0, result.output)
        var verdicts: [String: (precondition: String?, codes: [Int])] = [:]
        for line in result.output.split(separator: "\n") where line.hasPrefix("{") {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard let file = object["file"] as? String, file.hasPrefix("trainer/"), let name = object["qualname"] as? String else {
                continue
            }
            let codes = (object["failures"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? Int }
            verdicts[name] = (object["passingPrecondition"] as? String, codes)
        }
        let passing = ["normalize", "compute_loss", "accuracy", "train_step", "row_sum", "fresh_step", "Scale.call", "Classifier.call"]
        for name in passing {
            XCTAssertEqual(verdicts[name]?.precondition, "P1", "\(name): \(String(describing: verdicts[name]))")
        }
        let blockedBy: [String: Int] = [
            "record_loss": 4, "bump_step": 4, "report": 4, "log_metric": 4, "save_metrics": 4, "next_batch": 4,
            "Tracker.update": 4, "parallel_sums": 4, "fit": 4, "make_optimizer": 6, "synthetic_data": 6, "evaluate": 15,
            "scale": 12, "make_dataset": 12, "tree_sum": 8, "mutual_even": 8, "mutual_odd": 8, "iterate_rows": 20,
            "numpy_norm": 16, "fast_dot": 13,
        ]
        for (name, code) in blockedBy {
            XCTAssertTrue(verdicts[name]?.codes.contains(code) == true, "\(name) should report \(code): \(String(describing: verdicts[name]))")
            XCTAssertNil(verdicts[name]?.precondition, name)
        }
    }

    /// `--format sarif` is SARIF 2.1.0 whose results are the edits the example's library code is
    /// ready for (not its tests), and `--check` turns findings into exit status 1.
    func testSarifListsReadyEditsAndCheckFailsOnFindings() throws {
        let project = try HybridizeRunner.project("Examples/keras_training")
        let result = try HybridizeRunner.run(["analyze", "--format", "sarif", "--check"], in: project)
        XCTAssertEqual(result.status, 1, "findings under --check: \(result.output)")
        let start = try XCTUnwrap(result.output.firstIndex(of: "{"))
        let sarif = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.output[start...].utf8)) as? [String: Any])
        XCTAssertEqual(sarif["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((sarif["runs"] as? [[String: Any]])?.first)
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        var flagged: [String: String] = [:]
        for finding in results {
            let ruleIndex = try XCTUnwrap(finding["ruleIndex"] as? Int)
            XCTAssertEqual(rules[ruleIndex]["id"] as? String, finding["ruleId"] as? String)
            let location = try XCTUnwrap((finding["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let uri = try XCTUnwrap((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
            XCTAssertTrue(uri.hasPrefix("trainer/"), "tests and fixtures are not findings: \(uri)")
            XCTAssertGreaterThan((location["region"] as? [String: Any])?["startLine"] as? Int ?? 0, 0)
            let name = try XCTUnwrap((finding["properties"] as? [String: Any])?["qualname"] as? String)
            flagged[name] = finding["ruleId"] as? String
        }
        XCTAssertEqual(flagged["compute_loss"], "CONVERT_TO_HYBRID")
        XCTAssertEqual(flagged["train_step"], "CONVERT_TO_HYBRID")
        XCTAssertNil(flagged["report"], "a function that cannot be converted is not a finding")
        let quiet = try HybridizeRunner.run(["analyze", "--format", "sarif"], in: project)
        XCTAssertEqual(quiet.status, 0, "without --check, findings do not fail the run")
    }

    /// The table piped to a file keeps each reason whole, and ends with counts of outcomes and of
    /// the commonest blockers.
    func testTableKeepsReasonsWholeWhenPipedAndSummarises() throws {
        let project = try HybridizeRunner.project("Examples/keras_training")
        let result = try HybridizeRunner.run(["analyze"], in: project)
        XCTAssertEqual(result.status, 0, result.output)
        let lines = result.output.split(separator: "\n").map(String.init)
        let scale = try XCTUnwrap(lines.first { $0.hasPrefix("trainer/helpers.py:101") })
        XCTAssertTrue(scale.contains("12 HAS_PRIMITIVE_PARAMETERS") && scale.contains("tests/test_helpers.py:112 passes float"), scale)
        let summary = try XCTUnwrap(lines.last { $0.contains(" functions: ") })
        XCTAssertTrue(summary.contains("ready for an edit") && summary.contains("commonest blockers: "), summary)
        XCTAssertTrue(summary.contains("4 HAS_PYTHON_SIDE_EFFECTS ("), summary)
    }

    func testAPathThatNamesNothingIsAUsageError() throws {
        let project = try HybridizeRunner.project("Examples/keras_training")
        for command in ["analyze", "callgraph"] {
            let result = try HybridizeRunner.run([command, "trainer", "no_such_folder"], in: project)
            XCTAssertEqual(result.status, 2, "\(command): \(result.output)")
            XCTAssertTrue(result.output.contains("no such file or folder: no_such_folder"), result.output)
        }
    }

    func testAFolderWithoutPythonIsAUsageErrorThatNamesIt() throws {
        let project = try HybridizeRunner.project("Examples/keras_training")
        let empty = project.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Data("no code here\n".utf8).write(to: empty.appendingPathComponent("README.txt"))
        for command in [["analyze"], ["audit"], ["callgraph"], ["refactor"], ["report"]] {
            let result = try HybridizeRunner.run(command + ["notes"], in: project)
            XCTAssertEqual(result.status, 2, "\(command): \(result.output)")
            XCTAssertTrue(result.output.contains("no Python file in notes"), "\(command): \(result.output)")
        }
        // Beside a folder that has Python, the empty one is still named.
        let mixed = try HybridizeRunner.run(["analyze", "trainer", "notes"], in: project)
        XCTAssertEqual(mixed.status, 2, mixed.output)
        XCTAssertTrue(mixed.output.contains("no Python file in notes"), mixed.output)
    }
}
