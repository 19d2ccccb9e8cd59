import Foundation
import TraceStore
import XCTest

@testable import hybridize

/// Trace databases that are locked, foreign, newer, read-only, or on a disk that fills up: one
/// clear line that names the file, exit status 3 (SPEC §8's environment errors), nothing lost.
final class TraceDatabaseFaultTests: XCTestCase {
    private let firstTest = ["pytest", "-q", "-p", "no:cacheprovider", "-k", "first"]

    /// Holds an exclusive lock on `path` from another process for `seconds`; returns once it holds it.
    private func lock(_ path: URL, for seconds: Double) throws -> Process {
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        holder.arguments = ["-c", """
            import sqlite3, sys, time
            connection = sqlite3.connect(sys.argv[1], isolation_level=None)
            connection.execute("BEGIN EXCLUSIVE")
            print("locked", flush=True)
            time.sleep(float(sys.argv[2]))
            connection.execute("COMMIT")
            """, path.path, String(seconds)]
        let output = Pipe()
        holder.standardOutput = output
        try holder.run()
        _ = output.fileHandleForReading.availableData  // "locked"
        return holder
    }

    func testALockedDatabaseIsWaitedForThenRefusedWithTheReason() throws {
        let project = try HybridizeRunner.project("crash_project")
        let path = project.appendingPathComponent("trace.sqlite")
        XCTAssertEqual(try HybridizeRunner.trace(firstTest, in: project).status, 0)

        let brief = try lock(path, for: 1.5)
        let waited = try HybridizeRunner.trace(firstTest, in: project)
        brief.waitUntilExit()
        XCTAssertEqual(waited.status, 0, "the lock was let go within the wait: \(waited.output)")
        XCTAssertEqual(try waited.database?.integer("SELECT count(*) FROM runs"), 2)

        let long = try lock(path, for: 30)
        defer { long.terminate() }
        let refused = try HybridizeRunner.run(
            ["trace", "--quiet", "--db", "trace.sqlite", "--"] + firstTest, in: project,
            environment: ["HYBRIDIZE_DATABASE_WAIT": "1"])
        XCTAssertEqual(refused.status, 3, refused.output)
        XCTAssertEqual(refused.output.split(separator: "\n").count, 1, refused.output)
        XCTAssertTrue(refused.output.contains(
            "\(path.path): locked by another process (a trace or merge still writing it?); gave up after waiting 1 s"),
                      refused.output)
        long.terminate()
        long.waitUntilExit()
        XCTAssertEqual(try TraceDatabase(readingFrom: path.path).runs().count, 2, "the refused run added nothing")
    }

    /// Two shards started together on one new file: its creation is serialised, and their
    /// flushes take turns.
    func testShardsWritingOneDatabaseAtOnceBothLand() throws {
        let project = try HybridizeRunner.project("crash_project")
        let selection = ["pytest", "-q", "-p", "no:cacheprovider", "-k", "first or second or threads"]
        let runs = try (1...2).map { index -> Process in
            let process = Process()
            process.executableURL = HybridizeRunner.binary
            process.arguments = ["trace", "--quiet", "--db", "shared.sqlite", "--shard", "\(index)/2", "--"] + selection
            process.currentDirectoryURL = project
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        let statuses = runs.map { process -> Int32 in
            process.waitUntilExit()
            return process.terminationStatus
        }
        XCTAssertEqual(statuses, [0, 0])
        let database = try TraceDatabase(readingFrom: project.appendingPathComponent("shared.sqlite").path)
        XCTAssertEqual(try database.runs().count, 2)
        XCTAssertEqual(try database.rows("SELECT nodeid FROM tests ORDER BY nodeid").compactMap { $0.first?.text },
                       ["tests/test_crash.py::test_first", "tests/test_crash.py::test_second", "tests/test_crash.py::test_threads"])
        XCTAssertEqual(try database.calls(of: "compute").first?.calls, 5, "1 + 1 + 3 threads, each counted once")
    }

    func testForeignCorruptAndNewerDatabasesAreRefusedByEveryCommand() throws {
        let project = try HybridizeRunner.project("crash_project")
        try Data(repeating: 0x5A, count: 4_096).write(to: project.appendingPathComponent("junk.sqlite"))
        do {
            let newer = try TraceDatabase(path: project.appendingPathComponent("newer.sqlite").path)
            _ = try newer.rows("PRAGMA user_version = 99")
        }
        let made = Process()
        made.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        made.arguments = ["-c", "import sqlite3; c = sqlite3.connect('foreign.sqlite'); c.execute('CREATE TABLE runs (x)'); c.commit()"]
        made.currentDirectoryURL = project
        try made.run()
        made.waitUntilExit()
        let reasons = [
            "junk.sqlite": "not an SQLite database", "newer.sqlite": "schema version 99 is newer than this hybridize",
            "foreign.sqlite": "not a hybridize trace database",
        ]
        for (file, reason) in reasons.sorted(by: { $0.key < $1.key }) {
            let before = try Data(contentsOf: project.appendingPathComponent(file))
            for command in [
                ["trace", "--quiet", "--db", file, "--"] + firstTest, ["trace", "merge", "out.sqlite", file],
                ["analyze", ".", "--traces", file], ["audit", ".", "--traces", file],
                ["refactor", ".", "--traces", file], ["report", ".", "--traces", file, "--output", "r.html"],
            ] {
                let result = try HybridizeRunner.run(command, in: project)
                let shown = "\(command.prefix(2).joined(separator: " ")) on \(file)"
                XCTAssertEqual(result.status, 3, "\(shown): \(result.output)")
                XCTAssertTrue(result.output.contains(file) && result.output.contains(reason), "\(shown): \(result.output)")
                XCTAssertEqual(result.output.split(separator: "\n").count, 1, "\(shown): one line: \(result.output)")
            }
            XCTAssertEqual(try Data(contentsOf: project.appendingPathComponent(file)), before, "\(file) is untouched")
        }
    }

    func testMergeChecksEveryInputFirstAndNeverCountsARunTwice() throws {
        let project = try HybridizeRunner.project("crash_project")
        let selection = ["pytest", "-q", "-p", "no:cacheprovider", "-k", "first or second"]
        XCTAssertEqual(try HybridizeRunner.trace(selection, in: project, database: "one.sqlite", options: ["--shard", "1/2"]).status, 0)
        XCTAssertEqual(try HybridizeRunner.trace(selection, in: project, database: "two.sqlite", options: ["--shard", "2/2"]).status, 0)
        try Data(repeating: 0x5A, count: 4_096).write(to: project.appendingPathComponent("junk.sqlite"))

        let bad = try HybridizeRunner.run(["trace", "merge", "all.sqlite", "one.sqlite", "junk.sqlite"], in: project)
        XCTAssertEqual(bad.status, 3, bad.output)
        XCTAssertTrue(bad.output.contains("junk.sqlite: not an SQLite database"), bad.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("all.sqlite").path),
                       "nothing is merged when one input is bad")

        for (arguments, words) in [(["one.sqlite", "one.sqlite"], "one.sqlite is the database merged into"),
                                   (["all.sqlite", "one.sqlite", "./one.sqlite"], "./one.sqlite is given twice")] {
            let refused = try HybridizeRunner.run(["trace", "merge"] + arguments, in: project)
            XCTAssertEqual(refused.status, 2, refused.output)
            XCTAssertTrue(refused.output.contains(words), refused.output)
        }

        let merged = try HybridizeRunner.run(["trace", "merge", "all.sqlite", "one.sqlite", "two.sqlite"], in: project,
                                             database: "all.sqlite")
        XCTAssertEqual(merged.status, 0, merged.output)
        let again = try HybridizeRunner.run(["trace", "merge", "all.sqlite", "two.sqlite"], in: project, database: "all.sqlite")
        XCTAssertEqual(again.status, 0, again.output)
        XCTAssertTrue(again.output.contains("merged 0 runs") && again.output.contains("skipped runs already in all.sqlite: two.sqlite (1)"),
                      again.output)
        XCTAssertEqual(try again.database?.integer("SELECT count(*) FROM runs"), 2)
        XCTAssertEqual(try again.database?.calls(of: "compute").first?.calls, 2)
    }

    func testReadOnlyFilesAndFoldersAreReadButNotWritten() throws {
        let project = try HybridizeRunner.project("crash_project")
        let shared = project.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        XCTAssertEqual(try HybridizeRunner.trace(firstTest, in: project, database: "shared/trace.sqlite").status, 0)
        let database = shared.appendingPathComponent("trace.sqlite").path
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: database)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: shared.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: shared.path) }

        // Read: a WAL database whose folder cannot hold its -shm file is read as immutable.
        let audit = try HybridizeRunner.runObeyingFileModes(["analyze", "app.py", "--traces", "shared/trace.sqlite", "--format", "json"],
                                            in: project)
        XCTAssertEqual(audit.status, 0, audit.output)
        XCTAssertTrue(audit.output.contains("\"tensorParameter\":\"trace\"") || audit.output.contains("trace"), audit.output)

        let append = try HybridizeRunner.runObeyingFileModes(["trace", "--quiet", "--db", "shared/trace.sqlite", "--"] + firstTest, in: project)
        XCTAssertEqual(append.status, 3, append.output)
        XCTAssertTrue(append.output.contains("shared/trace.sqlite"), append.output)
        XCTAssertTrue(append.output.contains("read-only") || append.output.contains("writable"), append.output)

        let create = try HybridizeRunner.runObeyingFileModes(["trace", "--quiet", "--db", "shared/new.sqlite", "--"] + firstTest, in: project)
        XCTAssertEqual(create.status, 3, create.output)
        XCTAssertTrue(create.output.contains("cannot open or create it: is the folder \(shared.path) there and writable?"),
                      create.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: shared.appendingPathComponent("new.sqlite").path))
    }

    func testADiskThatFillsUpKeepsTheEarlierBatchesAndSaysSo() throws {
        let project = try HybridizeRunner.project("crash_project")
        // Distinct array shapes make distinct signatures, so the database grows batch by batch.
        try """
            import time
            import numpy as np

            def step(x):
                return x

            for phase in range(25):
                for length in range(phase * 400, (phase + 1) * 400):
                    step(np.zeros(length))
                time.sleep(0.25)
            print("made", 25 * 400)
            """.write(to: project.appendingPathComponent("grow.py"), atomically: true, encoding: .utf8)
        // RLIMIT_FSIZE stands in for a full disk: writes past 600 KiB fail with EFBIG (the
        // embedded interpreter ignores SIGXFSZ, as python3 does).
        let (status, output) = try ChildProcess.capture(
            executable: "/bin/sh",
            arguments: ["-c", "ulimit -f 600 && exec \"$0\" trace --quiet --db trace.sqlite -- grow.py",
                        HybridizeRunner.binary.path],
            in: project)
        XCTAssertEqual(status, 3, output)
        XCTAssertTrue(output.contains("made 10000"), "the command itself ran to its end: \(output)")
        XCTAssertTrue(output.contains("could not write to the disk: is it full, or a file size limit reached?")
                      || output.contains("the disk is full"), output)
        XCTAssertTrue(output.contains("could not be written to trace.sqlite; it keeps every batch written before"), output)
        let database = try TraceDatabase(readingFrom: project.appendingPathComponent("trace.sqlite").path)
        XCTAssertEqual(try database.rows("PRAGMA integrity_check").first?.first?.text, "ok")
        let kept = try database.integer("SELECT count(*) FROM observed_calls WHERE qualname = 'step'")
        XCTAssertGreaterThan(kept, 400, "the batches before the disk filled up")
        XCTAssertLessThan(kept, 10_000)
    }
}
