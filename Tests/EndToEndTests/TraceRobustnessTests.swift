import Foundation
import TraceStore
import XCTest

/// Runs that end badly, shards and merges, scripts and modules, and environment errors.
final class TraceRobustnessTests: XCTestCase {
    func testOsExitKeepsEverythingAndRecordsTheStatus() throws {
        let project = try HybridizeRunner.project("crash_project")
        let result = try HybridizeRunner.trace(
            ["pytest", "-q", "-p", "no:cacheprovider", "-k", "first or second or os_exit"], in: project)
        XCTAssertEqual(result.status, 4, "SPEC §8: the traced command failed")
        XCTAssertTrue(result.output.contains("the traced command called os._exit(7)"), result.output)
        let database = try XCTUnwrap(result.database)
        XCTAssertEqual(try database.calls(of: "compute").first?.calls, 3, "calls up to os._exit are kept")
        XCTAssertEqual(try database.integer("SELECT count(*) FROM tests WHERE outcome = 'passed'"), 2)
        XCTAssertEqual(try database.integer("SELECT exit_status FROM runs"), 7)
    }

    func testSegfaultLeavesAValidDatabaseUpToTheLastBatch() throws {
        let project = try HybridizeRunner.project("crash_project")
        let result = try HybridizeRunner.trace(
            ["pytest", "-q", "-p", "no:cacheprovider", "-k", "first or second or segfault"], in: project)
        XCTAssertEqual(result.status, SIGSEGV, "the process dies of the signal, as the command did")
        XCTAssertTrue(result.output.contains("hybridize: the traced command crashed (fatal signal)"), result.output)
        let database = try XCTUnwrap(result.database)
        XCTAssertEqual(try database.rows("PRAGMA integrity_check").first?.first?.text, "ok")
        XCTAssertEqual(try database.integer("SELECT count(*) FROM tests WHERE outcome = 'passed'"), 2,
                       "every test finished before the crash is in the database")
        XCTAssertGreaterThanOrEqual(try database.calls(of: "compute").first?.calls ?? 0, 2)
        XCTAssertEqual(try database.rows("SELECT ended_at FROM runs").first?.first, .null, "the run did not end")
    }

    func testKilledRunKeepsWhatWasTracedASecondBefore() throws {
        let project = try HybridizeRunner.project("crash_project")
        let run = try RunningHybridize(
            ["trace", "--quiet", "--db", "trace.sqlite", "--", "pytest", "-q", "-p", "no:cacheprovider", "-k", "blocks"],
            in: project)
        let path = project.appendingPathComponent("trace.sqlite").path
        // The test calls compute and then blocks: no call returns and no test ends, so only the
        // once-a-second flush can make the call durable.
        XCTAssertTrue(RunningHybridize.waitForCalls(of: "compute", count: 1, in: path),
                      "the call was flushed while the test was still running")
        run.send(SIGKILL)
        _ = run.finish()
        let database = try TraceDatabase(path: path)
        XCTAssertEqual(try database.rows("PRAGMA integrity_check").first?.first?.text, "ok")
        XCTAssertEqual(try database.calls(of: "compute").first?.calls, 1)
        XCTAssertEqual(try database.rows("SELECT nodeid FROM tests").first?.first?.text, "tests/test_crash.py::test_blocks")
    }

    func testSignalsStopTheRunWithAMessageAndACompleteDatabase() throws {
        for (signal, words) in [(SIGINT, "interrupted by SIGINT"), (SIGTERM, "stopped by SIGTERM")] {
            let project = try HybridizeRunner.project("crash_project")
            let run = try RunningHybridize(
                ["trace", "--quiet", "--db", "trace.sqlite", "--", "pytest", "-q", "-p", "no:cacheprovider",
                 "-k", "first or blocks"],
                in: project)
            let path = project.appendingPathComponent("trace.sqlite").path
            // Signalled once test_blocks has called compute and sleeps.
            XCTAssertTrue(RunningHybridize.waitForCalls(of: "compute", count: 2, in: path), "test_blocks started")
            run.send(signal)
            let (status, text) = run.finish()
            XCTAssertEqual(status, 4, text)
            XCTAssertTrue(text.contains("hybridize: the traced command was \(words); trace.sqlite keeps every call"), text)
            let database = try TraceDatabase(path: path)
            XCTAssertEqual(try database.rows("PRAGMA integrity_check").first?.first?.text, "ok")
            XCTAssertEqual(try database.calls(of: "compute").first?.calls, 2)
            XCTAssertEqual(try database.integer("SELECT exit_status FROM runs"), 128 + Int(signal))
            XCTAssertEqual(try database.integer("SELECT count(*) FROM runs WHERE ended_at IS NOT NULL"), 1)
            XCTAssertEqual(try database.rows("SELECT nodeid, outcome FROM tests ORDER BY id").map { $0.compactMap(\.text) },
                           [["tests/test_crash.py::test_first", "passed"], ["tests/test_crash.py::test_blocks", "interrupted"]])
        }
    }

    func testTimeoutStopsAHangingTestAndKeepsTheDatabase() throws {
        let project = try HybridizeRunner.project("crash_project")
        let result = try HybridizeRunner.trace(
            ["pytest", "-q", "-p", "no:cacheprovider", "-k", "first or blocks"], in: project, options: ["--timeout", "3"])
        XCTAssertEqual(result.status, 4, result.output)
        XCTAssertTrue(result.output.contains("the traced command was stopped by --timeout after 3 s"), result.output)
        XCTAssertTrue(result.output.contains("1 passed"), "pytest still summarises: \(result.output)")
        let database = try XCTUnwrap(result.database)
        XCTAssertEqual(try database.calls(of: "compute").first?.calls, 2)
        XCTAssertEqual(try database.integer("SELECT exit_status FROM runs"), 124)
        XCTAssertEqual(try database.rows("SELECT outcome FROM tests ORDER BY id").map { $0.first?.text },
                       ["passed", "interrupted"])

        let invalid = try HybridizeRunner.trace(["pytest"], in: project, options: ["--timeout", "0"])
        XCTAssertEqual(invalid.status, 2, invalid.output)
        XCTAssertTrue(invalid.output.contains("--timeout wants a number of seconds above 0"), invalid.output)
    }

    func testACommandThatIgnoresTheTimeoutIsEndedAfterTheGracePeriod() throws {
        let project = try HybridizeRunner.project("crash_project")
        let result = try HybridizeRunner.trace(
            ["pytest", "-q", "-p", "no:cacheprovider", "-k", "first or swallows"], in: project,
            options: ["--timeout", "2", "--grace", "2"])
        XCTAssertEqual(result.status, 4, result.output)
        XCTAssertTrue(result.output.contains(
            "the traced command was stopped by --timeout after 2 s but did not end within 2 s; ended it"), result.output)
        let database = try XCTUnwrap(result.database)
        XCTAssertEqual(try database.rows("PRAGMA integrity_check").first?.first?.text, "ok")
        XCTAssertEqual(try database.calls(of: "compute").first?.calls, 2, "flushed while the test ignored the timeout")
        XCTAssertEqual(try database.integer("SELECT exit_status FROM runs WHERE ended_at IS NOT NULL"), 124)
    }

    /// SIGTERM while the interpreter's thread is stuck in C code that holds the GIL: Python can
    /// never raise, so the watchdog ends the run after the grace period, with what was flushed.
    func testASignalEndsACommandStuckInCodeThatHoldsTheGIL() throws {
        let project = try HybridizeRunner.project("crash_project")
        try """
            import ctypes
            import time

            import app

            app.compute(1)
            time.sleep(1.5)  # the flush timer writes the call
            print("holding the GIL", flush=True)
            # A mutex locked twice through PyDLL: the GIL stays held and no signal ends the wait.
            mutex = ctypes.create_string_buffer(64)
            libc = ctypes.PyDLL(None)
            libc.pthread_mutex_lock(mutex)
            libc.pthread_mutex_lock(mutex)
            """.write(to: project.appendingPathComponent("stuck.py"), atomically: true, encoding: .utf8)
        let run = try RunningHybridize(["trace", "--quiet", "--grace", "2", "--db", "trace.sqlite", "--", "stuck.py"], in: project)
        let path = project.appendingPathComponent("trace.sqlite").path
        XCTAssertTrue(RunningHybridize.waitForCalls(of: "compute", count: 1, in: path))
        Thread.sleep(forTimeInterval: 1)
        run.send(SIGTERM)
        let (status, output) = run.finish()
        XCTAssertEqual(status, 4, output)
        XCTAssertTrue(output.contains("the traced command was stopped by SIGTERM but did not end within 2 s; ended it"), output)
        let database = try TraceDatabase(readingFrom: path)
        XCTAssertEqual(try database.rows("PRAGMA integrity_check").first?.first?.text, "ok")
        XCTAssertEqual(try database.calls(of: "compute").first?.calls, 1)
        XCTAssertEqual(try database.integer("SELECT exit_status FROM runs WHERE ended_at IS NOT NULL"), 143)
    }

    func testThreadsAreTracedAndChildProcessesAreReportedUntraced() throws {
        let project = try HybridizeRunner.project("crash_project")
        let result = try HybridizeRunner.trace(
            ["pytest", "-q", "-p", "no:cacheprovider", "-k", "threads or children"], in: project)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains(
            "hybridize: 3 child processes ran untraced (2 forked, 1 subprocess): the calls made in them are not in trace.sqlite"),
                      result.output)
        let database = try XCTUnwrap(result.database)
        XCTAssertEqual(try database.rows("PRAGMA integrity_check").first?.first?.text, "ok")
        XCTAssertEqual(try database.calls(of: "compute").first?.calls, 3,
                       "the three threads' calls; the pool workers and the subprocess wrote nothing")
        XCTAssertEqual(try database.integer("SELECT count(*) FROM tests WHERE outcome = 'passed'"), 2,
                       "SIGTERM from Pool.terminate ends the forked workers, not the session")
    }

    func testACommandThatCannotImportFailsWithItsReason() throws {
        let project = try HybridizeRunner.project("crash_project")
        try "import missing_dependency\n".write(
            to: project.appendingPathComponent("tests/test_broken.py"), atomically: true, encoding: .utf8)
        let collection = try HybridizeRunner.trace(["pytest", "-q", "-p", "no:cacheprovider", "tests/test_broken.py"],
                                                   in: project)
        XCTAssertEqual(collection.status, 4, collection.output)
        XCTAssertTrue(collection.output.contains("No module named 'missing_dependency'"), collection.output)
        XCTAssertTrue(collection.output.contains("the traced command failed with exit status 2"), collection.output)
        XCTAssertEqual(try collection.database?.rows("PRAGMA integrity_check").first?.first?.text, "ok")

        let module = try HybridizeRunner.trace(["-m", "no_such_module"], in: project, database: "module.sqlite")
        XCTAssertEqual(module.status, 4, module.output)
        XCTAssertTrue(module.output.contains("No module named no_such_module"), module.output)
        XCTAssertEqual(try module.database?.integer("SELECT exit_status FROM runs"), 1)
    }

    /// Python 3.11 recurses without the C stack; the hook puts every level back on it.
    func testDeepRecursionIsTracedWhereItRunsUntraced() throws {
        let project = try HybridizeRunner.project("crash_project")
        try """
            import sys
            sys.setrecursionlimit(60_000)

            def down(n):
                return 0 if n == 0 else 1 + down(n - 1)

            print("depth", down(50_000))
            """.write(to: project.appendingPathComponent("deep.py"), atomically: true, encoding: .utf8)
        let result = try HybridizeRunner.trace(["deep.py"], in: project)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("depth 50000"), result.output)
        XCTAssertEqual(try result.database?.integer("SELECT sum(calls) FROM observed_calls WHERE qualname = 'down'"), 50_001)
    }

    func testShardsPartitionTheSuiteAndMergeBackIntoOne() throws {
        let project = try HybridizeRunner.project("crash_project")
        let selection = ["pytest", "-q", "-p", "no:cacheprovider", "-k", "first or second"]
        let first = try HybridizeRunner.trace(selection, in: project, database: "one.sqlite", options: ["--shard", "1/2"])
        let second = try HybridizeRunner.trace(selection, in: project, database: "two.sqlite", options: ["--shard", "2/2"])
        XCTAssertEqual(first.status, 0, first.output)
        XCTAssertEqual(second.status, 0, second.output)
        let tests = { (database: TraceDatabase?) in
            try database?.rows("SELECT nodeid FROM tests").compactMap { $0.first?.text } ?? []
        }
        let one = try tests(first.database)
        let two = try tests(second.database)
        XCTAssertEqual(one.count, 1)
        XCTAssertEqual(two.count, 1)
        XCTAssertEqual(Set(one + two), ["tests/test_crash.py::test_first", "tests/test_crash.py::test_second"])
        XCTAssertEqual(try first.database?.rows("SELECT shard FROM runs").first?.first?.text, "1/2")

        let merged = try HybridizeRunner.run(["trace", "merge", "all.sqlite", "one.sqlite", "two.sqlite"], in: project,
                                             database: "all.sqlite")
        XCTAssertEqual(merged.status, 0, merged.output)
        let database = try XCTUnwrap(merged.database)
        XCTAssertEqual(try database.integer("SELECT count(*) FROM runs"), 2)
        XCTAssertEqual(Set(try tests(database)), Set(one + two))
        XCTAssertEqual(try database.calls(of: "compute").first?.calls, 2, "the stable view sums both shards")
    }

    /// What a merge must keep: the stable views (which sum over runs), the tests with their
    /// outcomes, and the call graph by function name.
    private static let rowsOfASuite = [
        "SELECT * FROM observed_calls ORDER BY 1, 2, 3, 4, 5, 6, 7",
        "SELECT * FROM observed_effects ORDER BY 1, 2, 3, 4, 5, 6",
        "SELECT nodeid, outcome FROM tests ORDER BY 1",
        """
        SELECT a.file, a.qualname, b.file, b.qualname, e.line, SUM(e.calls) FROM edges e
        JOIN functions a ON a.run_id = e.run_id AND a.id = e.caller_id
        JOIN functions b ON b.run_id = e.run_id AND b.id = e.callee_id
        GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        """,
        """
        SELECT f.file, f.qualname, t.nodeid, SUM(st.calls) FROM signature_tests st
        JOIN signatures s ON s.run_id = st.run_id AND s.id = st.signature_id
        JOIN functions f ON f.run_id = s.run_id AND f.id = s.function_id
        JOIN tests t ON t.run_id = st.run_id AND t.id = st.test_id
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        """,
    ]

    func testFourShardsMergedHoldTheRowsOfOneUnshardedRun() throws {
        let project = try HybridizeRunner.project("shard_project")
        defer { try? FileManager.default.removeItem(at: project) }
        let suite = ["pytest", "-q", "-p", "no:cacheprovider"]
        let whole = try HybridizeRunner.trace(suite, in: project, database: "whole.sqlite")
        XCTAssertEqual(whole.status, 4, "one test fails on purpose: \(whole.output)")
        var shards: [String] = []
        for index in 1...4 {
            let name = "shard\(index).sqlite"
            let shard = try HybridizeRunner.trace(suite, in: project, database: name, options: ["--shard", "\(index)/4"])
            XCTAssertTrue([0, 4].contains(shard.status), shard.output)
            shards.append(name)
        }
        let merged = try HybridizeRunner.run(["trace", "merge", "merged.sqlite"] + shards, in: project,
                                             database: "merged.sqlite")
        XCTAssertEqual(merged.status, 0, merged.output)
        let one = try XCTUnwrap(whole.database)
        let many = try XCTUnwrap(merged.database)
        XCTAssertEqual(try one.integer("SELECT count(*) FROM tests"), 200)
        for query in Self.rowsOfASuite {
            let expected = try one.rows(query)
            XCTAssertFalse(expected.isEmpty, query)
            XCTAssertEqual(try many.rows(query), expected, query)
        }
        // Collection imports the test module in every shard; its 60 make_case calls count once.
        XCTAssertEqual(try many.calls(of: "make_case").first?.calls, 60 + 16)
        // Each test's calls, written as the test ends: sell runs n % 5 + 1 times in test_sell[n].
        let sellsPerTest = try one.rows(
            """
            SELECT SUM(st.calls) FROM signature_tests st
            JOIN signatures s ON s.run_id = st.run_id AND s.id = st.signature_id
            JOIN functions f ON f.run_id = s.run_id AND f.id = s.function_id
            JOIN tests t ON t.run_id = st.run_id AND t.id = st.test_id
            WHERE f.qualname = 'sell' GROUP BY t.nodeid ORDER BY t.nodeid
            """
        ).compactMap { $0.first?.integer }
        XCTAssertEqual(sellsPerTest.count, 60)
        XCTAssertEqual(sellsPerTest.reduce(0, +), 180)
    }

    func testScriptAndModuleRunWithTheirOwnArgvAndStatus() throws {
        let project = try HybridizeRunner.project("effects_project")
        let script = try HybridizeRunner.trace(["run_script.py", "3", "extra"], in: project)
        XCTAssertEqual(script.status, 4, script.output)
        XCTAssertTrue(script.output.contains("the traced command failed with exit status 3"), script.output)
        let database = try XCTUnwrap(script.database)
        XCTAssertEqual(try database.integer("SELECT exit_status FROM runs"), 3, "the command's own status is kept")
        XCTAssertEqual(try database.effects(of: "bump").map(\.target), ["COUNTER"])
        let argv = try database.rows(
            """
            SELECT p.kind, p.value FROM signature_params p
            JOIN signatures s ON s.run_id = p.run_id AND s.id = p.signature_id
            JOIN functions f ON f.run_id = s.run_id AND f.id = s.function_id WHERE f.qualname = 'remember'
            """
        ).first?.compactMap(\.text)
        XCTAssertEqual(argv, ["list", "['3', 'extra']"], "sys.argv as the script sees it")
        XCTAssertEqual(try database.rows("SELECT nodeid, outcome FROM tests").first?.compactMap(\.text),
                       ["<script run_script.py>", "failed"])

        let module = try HybridizeRunner.trace(["-m", "shop"], in: project, database: "module.sqlite")
        XCTAssertEqual(module.status, 0, module.output)
        XCTAssertTrue(module.output.contains("x is module"))
        XCTAssertEqual(try module.database?.effects(of: "shout").map(\.kind), ["print"])
    }

    func testIncludeGlobsAndInterpreterFromTheEnvironment() throws {
        let project = try HybridizeRunner.project("crash_project")
        let narrowed = try HybridizeRunner.trace(
            ["pytest", "-q", "-p", "no:cacheprovider", "-k", "first"], in: project, options: ["--include", "tests/*"])
        XCTAssertEqual(narrowed.status, 0, narrowed.output)
        let files = try XCTUnwrap(narrowed.database).rows("SELECT DISTINCT file FROM functions").compactMap { $0.first?.text }
        XCTAssertEqual(files, ["tests/test_crash.py"], "app.py is outside --include")

        // VIRTUAL_ENV names the interpreter when no --python is given.
        let python = try Self.bootstrapPython()
        let venv = URL(fileURLWithPath: python).deletingLastPathComponent().deletingLastPathComponent().path
        let viaEnvironment = try HybridizeRunner.run(
            ["trace", "--quiet", "--db", "env.sqlite", "--", "pytest", "-q", "-p", "no:cacheprovider", "-k", "first"],
            in: project, database: "env.sqlite", environment: ["VIRTUAL_ENV": venv])
        XCTAssertEqual(viaEnvironment.status, 0, viaEnvironment.output)
        XCTAssertEqual(try viaEnvironment.database?.calls(of: "compute").first?.calls, 1)
    }

    private static func bootstrapPython() throws -> String {
        let process = Process()
        process.executableURL = HybridizeRunner.repository.appendingPathComponent("Runtime/bootstrap")
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init) ?? ""
    }

    func testUsageAndEnvironmentErrorsHaveTheirExitCodes() throws {
        let project = try HybridizeRunner.project("crash_project")
        let noCommand = try HybridizeRunner.run(["trace"], in: project)
        XCTAssertEqual(noCommand.status, 2, noCommand.output)
        XCTAssertTrue(noCommand.output.contains("no command to trace"), noCommand.output)
        let noScript = try HybridizeRunner.run(["trace", "--", "absent.py"], in: project)
        XCTAssertEqual(noScript.status, 2, noScript.output)
        XCTAssertTrue(noScript.output.contains("no such script: absent.py"), noScript.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("hybridize-trace.sqlite").path),
                       "no run is recorded for a command that cannot start")
        let badShard = try HybridizeRunner.run(["trace", "--shard", "3/2", "--", "pytest"], in: project)
        XCTAssertEqual(badShard.status, 2, badShard.output)
        let noPython = try HybridizeRunner.run(["trace", "--python", "/nonexistent/bin/python", "--", "pytest"], in: project)
        XCTAssertEqual(noPython.status, 3, noPython.output)
        XCTAssertEqual(noPython.output.split(separator: "\n").count, 1, "one clear line: \(noPython.output)")
        // A virtualenv without TensorFlow.
        let bare = FileManager.default.temporaryDirectory.appendingPathComponent("bare-venv-\(UUID().uuidString)")
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        make.arguments = ["-m", "venv", "--without-pip", bare.path]
        try make.run()
        make.waitUntilExit()
        let noTensorFlow = try HybridizeRunner.run(
            ["trace", "--python", bare.appendingPathComponent("bin/python").path, "--", "pytest"], in: project)
        XCTAssertEqual(noTensorFlow.status, 3, noTensorFlow.output)
        XCTAssertTrue(noTensorFlow.output.contains("TensorFlow is not installed"), noTensorFlow.output)
    }
}
