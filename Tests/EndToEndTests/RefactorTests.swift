import Foundation
import XCTest

/// `hybridize refactor` on copies of Examples/keras_training: the dry run, --check, --apply with
/// its journal and --undo, refusal of a changed file, an injected write failure, and real
/// `--verify` runs with TensorFlow in which a Keras model whose `call` builds its variables lazily
/// is hybridized, breaks the tests, and is found and reverted.
final class RefactorTests: XCTestCase {
    static let example = "Examples/keras_training"

    /// Every .py file of a project, by relative path.
    func sources(_ project: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: project.path)
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".py") { result[path] = try Data(contentsOf: project.appendingPathComponent(path)) }
        }
        return result
    }

    func jsonLines(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").filter { $0.hasPrefix("{") }.map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func testDryRunShowsAReasonedDiffAndWritesNothing() throws {
        let project = try HybridizeRunner.project(Self.example)
        let before = try sources(project)
        let dry = try HybridizeRunner.run(["refactor"], in: project)
        XCTAssertEqual(dry.status, 0, dry.output)
        XCTAssertTrue(dry.output.contains("--- a/trainer/train.py\n+++ b/trainer/train.py\n"), dry.output)
        XCTAssertTrue(dry.output.contains("CONVERT_TO_HYBRID accuracy: P1"), dry.output)
        XCTAssertTrue(dry.output.contains("@@ -8,12 +8,14 @@ CONVERT_TO_HYBRID compute_loss: P1"), dry.output)
        XCTAssertTrue(dry.output.contains("\n+@tf.function\n def accuracy("), dry.output)
        XCTAssertTrue(dry.output.contains("(dry run; --apply writes the edits)"), dry.output)
        XCTAssertEqual(try sources(project), before, "a dry run changed a file")

        let check = try HybridizeRunner.run(["refactor", "--check"], in: project)
        XCTAssertEqual(check.status, 1, check.output)

        let json = try jsonLines(try HybridizeRunner.run(["refactor", "--format", "json"], in: project).output)
        XCTAssertFalse(json.isEmpty)
        XCTAssertTrue(json.allSatisfy { ($0["file"] as? String)?.hasPrefix("tests/") == false }, "a test was planned for an edit")
        XCTAssertTrue(json.contains { $0["qualname"] as? String == "accuracy" && $0["status"] as? String == "PLANNED" }, "\(json)")
        let sarif = try HybridizeRunner.run(["refactor", "--format", "sarif"], in: project)
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any], sarif.output)
        let results = try XCTUnwrap(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        XCTAssertEqual(results.count, json.filter { $0["status"] as? String == "PLANNED" }.count)
        XCTAssertTrue(results.allSatisfy { $0["ruleId"] as? String == "CONVERT_TO_HYBRID" || $0["ruleId"] as? String == "CONVERT_TO_EAGER"
            || $0["ruleId"] as? String == "RECONFIGURE" })
        XCTAssertEqual(try sources(project), before)
    }

    func testApplyThenUndoRestoresEveryByte() throws {
        let project = try HybridizeRunner.project(Self.example)
        let before = try sources(project)
        let applied = try HybridizeRunner.run(["refactor", "--apply"], in: project)
        XCTAssertEqual(applied.status, 0, applied.output)
        let after = try sources(project)
        XCTAssertNotEqual(after, before)
        let edited = after.keys.filter { after[$0] != before[$0] }.sorted()
        XCTAssertFalse(edited.contains { $0.hasPrefix("tests/") }, "\(edited)")
        XCTAssertTrue(String(decoding: after["trainer/train.py"] ?? Data(), as: UTF8.self).contains("@tf.function\ndef accuracy("))
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.appendingPathComponent(".hybridize/journal.json").path))
        // Nothing left to do: the applied edits are what the analysis now finds in place.
        XCTAssertEqual(try HybridizeRunner.run(["refactor", "--check"], in: project).status, 0)

        let undone = try HybridizeRunner.run(["refactor", "--undo"], in: project)
        XCTAssertEqual(undone.status, 0, undone.output)
        XCTAssertEqual(try sources(project), before, "undo did not restore the files exactly")
        let again = try HybridizeRunner.run(["refactor", "--undo"], in: project)
        XCTAssertEqual(again.status, 2, again.output)
        XCTAssertTrue(again.output.contains("nothing to undo"), again.output)
    }

    func testUndoRefusesAFileThatChangedAfterTheEdits() throws {
        let project = try HybridizeRunner.project(Self.example)
        XCTAssertEqual(try HybridizeRunner.run(["refactor", "--apply"], in: project).status, 0)
        let train = project.appendingPathComponent("trainer/train.py")
        let changed = try Data(contentsOf: train) + Data("\n# edited by hand\n".utf8)
        try changed.write(to: train)
        let snapshot = try sources(project)
        let undo = try HybridizeRunner.run(["refactor", "--undo"], in: project)
        XCTAssertEqual(undo.status, 2, undo.output)
        XCTAssertTrue(undo.output.contains("trainer/train.py"), undo.output)
        XCTAssertTrue(undo.output.contains("changed since"), undo.output)
        XCTAssertEqual(try sources(project), snapshot, "a refused undo changed files")
    }

    func testAFailedWriteLeavesTheOriginalsIntact() throws {
        let project = try HybridizeRunner.project(Self.example)
        let before = try sources(project)
        let result = try HybridizeRunner.run(["refactor", "--apply"], in: project,
                                             environment: ["HYBRIDIZE_FAIL_WRITE": "trainer/train.py"])
        XCTAssertEqual(result.status, 2, result.output)
        XCTAssertTrue(result.output.contains("trainer/train.py: cannot write"), result.output)
        XCTAssertEqual(try sources(project), before)
        let leftovers = FileManager.default.enumerator(atPath: project.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(leftovers ?? [], [])
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent(".hybridize/journal.json").path),
                       "a change set that was never written leaves no journal to undo")
        let undo = try HybridizeRunner.run(["refactor", "--undo"], in: project)
        XCTAssertEqual(undo.status, 2, undo.output)
        XCTAssertTrue(undo.output.contains("nothing to undo"), undo.output)

        // A journal that cannot be written stops the change set before any file is.
        let journalFolder = project.appendingPathComponent(".hybridize")
        try FileManager.default.createDirectory(at: journalFolder, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: journalFolder.path)
        let noJournal = try HybridizeRunner.runObeyingFileModes(["refactor", "--apply"], in: project)
        XCTAssertEqual(noJournal.status, 2, noJournal.output)
        XCTAssertTrue(noJournal.output.contains(".hybridize/journal.json: cannot write the journal: its folder is not writable"),
                      noJournal.output)
        XCTAssertEqual(try sources(project), before)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: journalFolder.path)

        // A damaged journal: --undo refuses it by name, and --apply replaces it.
        try FileManager.default.createDirectory(at: project.appendingPathComponent(".hybridize"), withIntermediateDirectories: true)
        try Data("{\"files\": [".utf8).write(to: project.appendingPathComponent(".hybridize/journal.json"))
        let damaged = try HybridizeRunner.run(["refactor", "--undo"], in: project)
        XCTAssertEqual(damaged.status, 2, damaged.output)
        XCTAssertTrue(damaged.output.contains("cannot undo: .hybridize/journal.json: not a journal this hybridize wrote"),
                      damaged.output)
        XCTAssertEqual(try sources(project), before)
        XCTAssertEqual(try HybridizeRunner.run(["refactor", "--apply"], in: project).status, 0)
        XCTAssertEqual(try HybridizeRunner.run(["refactor", "--undo"], in: project).status, 0)
        XCTAssertEqual(try sources(project), before)
    }

    /// SIGTERM while a verify run is tracing the tests: the trace child is stopped too (no orphan
    /// keeps running the suite), and the files go back to what was analysed.
    func testSigtermDuringVerifyStopsItsRunAndRestoresTheFiles() throws {
        let project = try HybridizeRunner.project(Self.example)
        let before = try sources(project)
        let run = try RunningHybridize(["refactor", "--verify", "--", "pytest", "-q", "-p", "no:cacheprovider"], in: project)
        let children = { () -> [String] in
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            return entries.compactMap { entry -> String? in
                guard Int(entry) != nil, let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return nil }
                let command = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
                return command.contains("trace --quiet --db") && command.contains("hybridize-verify-") ? entry : nil
            }
        }
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && children().isEmpty {
            Thread.sleep(forTimeInterval: 0.2)
        }
        let running = children()
        XCTAssertFalse(running.isEmpty, "a verify run started")
        Thread.sleep(forTimeInterval: 1)
        run.send(SIGTERM)
        let (status, text) = run.finish()
        XCTAssertEqual(status, 4, text)
        XCTAssertTrue(text.contains("verify was stopped by SIGTERM; the files are left as they were analysed"), text)
        XCTAssertEqual(try sources(project), before)
        XCTAssertTrue(running.allSatisfy { !FileManager.default.fileExists(atPath: "/proc/\($0)") }, "no orphaned trace run")
    }

    /// A file edited by hand while verify runs is refused by name, keeps that edit, and every
    /// other file goes back to what was analysed.
    func testAFileChangedDuringVerifyIsRefusedAndKeptWhileTheRestIsRestored() throws {
        let project = try HybridizeRunner.project(Self.example)
        let before = try sources(project)
        let run = try RunningHybridize(["refactor", "--verify", "--", "pytest", "-q", "-p", "no:cacheprovider"], in: project)
        let path = project.appendingPathComponent("trainer/train.py")
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, (try? Data(contentsOf: path)) == before["trainer/train.py"] {
            Thread.sleep(forTimeInterval: 0.1)
        }
        let edited = try XCTUnwrap(FileHandle(forWritingTo: path))
        edited.seekToEndOfFile()
        edited.write(Data("# changed by hand while verify ran\n".utf8))
        try edited.close()
        let (status, output) = run.finish()
        XCTAssertEqual(status, 2, output)
        XCTAssertTrue(output.contains("trainer/train.py: changed since it was analysed; refusing to edit it"), output)
        XCTAssertTrue(output.contains("trainer/train.py changed while verify ran and was left as it is"), output)
        let after = try sources(project)
        XCTAssertTrue(String(decoding: try XCTUnwrap(after["trainer/train.py"]), as: UTF8.self)
            .hasSuffix("# changed by hand while verify ran\n"))
        for (file, bytes) in before where file != "trainer/train.py" {
            XCTAssertEqual(after[file], bytes, "\(file) is back as analysed")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent(".hybridize/journal.json").path))
    }

    /// A suite that hangs cannot hang verify: --timeout stops each run, and what ran before the
    /// hang is still measured.
    func testVerifyTimeoutStopsEachRunOfAHangingSuite() throws {
        let project = try HybridizeRunner.project(Self.example)
        try """
            import time

            import tensorflow as tf

            from trainer.train import accuracy


            def test_accuracy_then_hang():
                for _ in range(5):
                    accuracy(tf.constant([1]), tf.constant([[0.0, 5.0]]))
                time.sleep(600)
            """.write(to: project.appendingPathComponent("tests/test_hang.py"), atomically: true, encoding: .utf8)
        let started = Date()
        let result = try HybridizeRunner.run(
            ["refactor", "--only", "accuracy", "--verify", "--timeout", "8", "--", "pytest", "-q", "-p", "no:cacheprovider",
             "tests/test_hang.py"], in: project)
        XCTAssertLessThan(Date().timeIntervalSince(started), 120, "two runs of at most 8 s and their start-up")
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("verify: 2 runs of the command"), result.output)
        XCTAssertTrue(result.output.contains("failing before the edits, not blamed on them: tests/test_hang.py::test_accuracy_then_hang"),
                      result.output)
        XCTAssertTrue(result.output.contains("accuracy: CONVERT_TO_HYBRID ("), "measured before the hang: \(result.output)")

        let alone = try HybridizeRunner.run(["refactor", "--timeout", "8"], in: project)
        XCTAssertEqual(alone.status, 2, alone.output)
        XCTAssertTrue(alone.output.contains("--timeout bounds each --verify run; add --verify"), alone.output)
    }

    /// A module reached through a symbolic link is analysed as Python imports it, but a rename over
    /// the link would turn it into a copy: its edits are skipped, and its target is edited once.
    func testASymbolicLinkIsAnalysedButNeverReplaced() throws {
        let project = try HybridizeRunner.project(Self.example)
        let link = project.appendingPathComponent("trainer/alias.py")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "train.py")
        try """
            import tensorflow as tf

            from trainer.alias import accuracy


            def test_accuracy_through_the_alias():
                assert float(accuracy(tf.constant([1]), tf.constant([[0.0, 5.0]]))) == 1.0
            """.write(to: project.appendingPathComponent("tests/test_alias.py"), atomically: true, encoding: .utf8)
        let plan = try HybridizeRunner.run(["refactor", "--format", "json"], in: project)
        XCTAssertEqual(plan.status, 0, plan.output)
        let alias = try XCTUnwrap(plan.output.split(separator: "\n").first { $0.contains("\"trainer/alias.py\"") }, plan.output)
        XCTAssertTrue(alias.contains("\"SKIPPED\"") && alias.contains("trainer/alias.py is a symbolic link"), String(alias))
        let applied = try HybridizeRunner.run(["refactor", "--apply"], in: project)
        XCTAssertEqual(applied.status, 0, applied.output)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), "train.py", "still a link")
        let edited = try String(contentsOf: project.appendingPathComponent("trainer/train.py"), encoding: .utf8)
        XCTAssertEqual(edited.components(separatedBy: "@tf.function\ndef accuracy").count, 2, "edited once: \(edited)")
    }

    /// A run killed between two renames (injected right after the second file of four) leaves a
    /// half-applied change set; --undo restores every file from whichever state it is in.
    func testUndoRepairsAChangeSetCutShort() throws {
        let project = try HybridizeRunner.project(Self.example)
        let before = try sources(project)
        let killed = try HybridizeRunner.run(["refactor", "--apply"], in: project,
                                             environment: ["HYBRIDIZE_CRASH_AFTER_WRITE": "trainer/helpers.py"])
        XCTAssertEqual(killed.status, 9, killed.output)
        let half = try sources(project)
        let changed = before.keys.filter { half[$0] != before[$0] }.sorted()
        XCTAssertEqual(changed, ["trainer/data.py", "trainer/helpers.py"], "renamed in sorted order up to the crash")

        let undo = try HybridizeRunner.run(["refactor", "--undo"], in: project)
        XCTAssertEqual(undo.status, 0, undo.output)
        XCTAssertTrue(undo.output.contains("undone: restored 2 files (trainer/data.py, trainer/helpers.py)"), undo.output)
        XCTAssertTrue(undo.output.contains("trainer/model.py, trainer/train.py had not been written yet"), undo.output)
        XCTAssertEqual(try sources(project), before, "every byte is back")
    }

    /// Without traces, the keyword speculation on `Classifier.call` (a Keras Model's `call`) makes
    /// it an edit. Keras 3 builds the model by running `call` in a scratch graph; as a tf.function
    /// that trace bakes in its first variables, and training fails ("No gradients provided"). The
    /// verify run sees the tests break, reverts that edit alone, and the tree it leaves passes.
    func testVerifyRevertsTheKerasCallThatBuildsVariablesLazily() throws {
        let project = try HybridizeRunner.project(Self.example)
        let result = try HybridizeRunner.run(
            ["refactor", "--only", "Classifier.call", "--only", "accuracy", "--format", "json", "--verify", "--",
             "pytest", "-q", "-p", "no:cacheprovider"], in: project)
        XCTAssertEqual(result.status, 0, result.output)
        let entries = try jsonLines(result.output)
        let call = try XCTUnwrap(entries.first { $0["qualname"] as? String == "Classifier.call" }, result.output)
        XCTAssertEqual(call["status"] as? String, "REVERTED", "\(call)")
        XCTAssertFalse((call["brokenTests"] as? [String] ?? []).isEmpty, "\(call)")
        let model = String(decoding: try Data(contentsOf: project.appendingPathComponent("trainer/model.py")), as: UTF8.self)
        XCTAssertFalse(model.contains("@tf.function"), "the reverted edit is still on disk")
        try assertFilesHoldExactlyTheKeptEdits(entries, in: project)
        let runs = try XCTUnwrap(result.output.split(separator: "\n").first { $0.contains("verify: run") } ?? "x")
        XCTAssertFalse(runs.isEmpty)
        // The tree it leaves passes the suite.
        let final = try HybridizeRunner.trace(["pytest", "-q", "-p", "no:cacheprovider"], in: project, database: "final.sqlite")
        XCTAssertEqual(final.status, 0, final.output)
    }

    /// With traces, the command comes from the database, the blocked functions (30, 31) are not
    /// tried, and every edit left on disk passed the tests and made its function faster.
    func testVerifyWithTracesKeepsOnlyPassingFasterEdits() throws {
        let project = try HybridizeRunner.project(Self.example)
        let traced = try HybridizeRunner.trace(["pytest", "-q", "-p", "no:cacheprovider"], in: project)
        XCTAssertEqual(traced.status, 0, traced.output)
        let result = try HybridizeRunner.run(["refactor", "--traces", "trace.sqlite", "--verify", "--format", "json"], in: project)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("verify: run 2: with all"), result.output)
        let entries = try jsonLines(result.output)
        XCTAssertFalse(entries.contains { $0["qualname"] as? String == "Classifier.call" }, "30 should block it: \(entries)")
        for entry in entries where entry["status"] as? String == "KEPT" {
            XCTAssertGreaterThan(entry["speedup"] as? Double ?? 0, 1, "\(entry)")
            XCTAssertNotNil(entry["nanosecondsPerTracingCallAfter"] as? Double, "\(entry)")
        }
        XCTAssertTrue(entries.allSatisfy { ["KEPT", "REVERTED", "SKIPPED"].contains($0["status"] as? String ?? "") }, "\(entries)")
        try assertFilesHoldExactlyTheKeptEdits(entries, in: project)
    }

    /// A decorator right above each KEPT function's `def`, and none above a REVERTED one.
    func assertFilesHoldExactlyTheKeptEdits(_ entries: [[String: Any]], in project: URL, line: UInt = #line) throws {
        for entry in entries {
            guard let file = entry["file"] as? String, let qualname = entry["qualname"] as? String,
                let status = entry["status"] as? String, status == "KEPT" || status == "REVERTED"
            else { continue }
            let text = String(decoding: try Data(contentsOf: project.appendingPathComponent(file)), as: UTF8.self)
            let name = qualname.split(separator: ".").last.map(String.init) ?? qualname
            let lines = text.components(separatedBy: "\n")
            let def = try XCTUnwrap(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("def \(name)(") }, line: line)
            let decorated = def > 0 && lines[def - 1].trimmingCharacters(in: .whitespaces) == "@tf.function"
            XCTAssertEqual(decorated, status == "KEPT", "\(file) \(qualname) is \(status)", line: line)
        }
    }
}
