import Foundation
import XCTest

@testable import TraceStore

final class TraceDatabaseTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tracestore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func testSchemaTwinMatchesTracesSchemaFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let onDisk = try String(contentsOf: root.appendingPathComponent("Traces/schema.sql"), encoding: .utf8)
        XCTAssertEqual(TraceSchema.sql + "\n", onDisk, "Traces/schema.sql and TraceSchema.sql drifted apart")
    }

    private func sampleBatch(calls: Int) -> TraceBatch {
        var batch = TraceBatch()
        batch.functions = [
            .init(id: 1, file: "pkg/train.py", qualname: "train_step", line: 10, params: ["model", "x"]),
            .init(id: 2, file: "pkg/helpers.py", qualname: "report", line: 3, params: ["loss"]),
        ]
        batch.tests = [.init(id: 1, nodeID: "tests/test_train.py::test_step", outcome: "passed", duration: 0.5)]
        batch.signatures = [
            .init(id: 1, functionID: 1, graph: false, calls: calls, totalNanoseconds: 1000 * calls, maxNanoseconds: 2000,
                  params: [
                    .init(param: "model", kind: "Classifier", dtype: nil, shape: nil, elements: nil, value: nil),
                    .init(param: "x", kind: "Tensor", dtype: "float32", shape: "[8, 4]", elements: nil, value: nil),
                  ]),
        ]
        batch.signatureTests = [.init(signatureID: 1, testID: 1, calls: calls)]
        batch.effects = [
            .init(id: 1, functionID: 2, kind: "print", target: "sys.stdout", line: 4, viaFunctionID: nil, count: 3,
                  firstTestID: 1)
        ]
        batch.edges = [.init(callerID: 1, calleeID: 2, line: 12, calls: calls)]
        return batch
    }

    func testBatchesAreCumulativeUpsertsVisibleThroughStableViews() throws {
        let database = try TraceDatabase(path: path("trace.sqlite"))
        let run = try database.beginRun(
            RunInfo(command: "pytest", root: "/p", pythonVersion: "3.11", tensorflowVersion: nil, hook: "frame-eval",
                    shard: nil, startedAt: "2026-11-25T00:00:00Z"))
        try database.write(sampleBatch(calls: 5), run: run)
        var later = sampleBatch(calls: 9)
        later.signatures[0].params = nil  // params are written once, with the signature's first flush
        try database.write(later, run: run)

        let calls = try database.observedCalls()
        XCTAssertEqual(calls.count, 2)
        let x = try XCTUnwrap(calls.first { $0.param == "x" })
        XCTAssertEqual(x, .init(file: "pkg/train.py", qualname: "train_step", line: 10, param: "x", kind: "Tensor",
                                dtype: "float32", shape: "[8, 4]", calls: 9))
        XCTAssertEqual(try database.observedEffects(),
                       [.init(file: "pkg/helpers.py", qualname: "report", line: 3, kind: "print", target: "sys.stdout",
                              effectLine: 4, count: 3)])
        XCTAssertEqual(try database.totals(run: run).calls, 9)
    }

    func testSecondRunIsAppendedAndMergeCopiesRunsWithNewIDs() throws {
        let first = try TraceDatabase(path: path("a.sqlite"))
        let info = RunInfo(command: "pytest", root: "/p", pythonVersion: nil, tensorflowVersion: nil,
                           hook: "frame-eval", shard: "1/2", startedAt: "t")
        let runA = try first.beginRun(info)
        try first.write(sampleBatch(calls: 2), run: runA)
        let runB = try first.beginRun(info)
        try first.write(sampleBatch(calls: 3), run: runB)
        XCTAssertNotEqual(runA, runB)
        XCTAssertEqual(try first.totals().runs, 2)

        let other = try TraceDatabase(path: path("b.sqlite"))
        var later = info
        later.startedAt = "u"
        try other.write(sampleBatch(calls: 4), run: try other.beginRun(later))

        let merged = try TraceDatabase(path: path("merged.sqlite"))
        XCTAssertEqual(try merged.merge(from: path("b.sqlite")), .init(merged: 1, alreadyPresent: 0))
        XCTAssertEqual(try merged.merge(from: path("a.sqlite")), .init(merged: 2, alreadyPresent: 0))
        XCTAssertEqual(try merged.merge(from: path("a.sqlite")), .init(merged: 0, alreadyPresent: 2),
                       "a shard merged twice would count its calls twice")
        XCTAssertEqual(try merged.totals().runs, 3)
        XCTAssertEqual(try merged.totals().calls, 4 + 2 + 3)
        // The stable view adds up the same function across runs.
        XCTAssertEqual(try merged.observedCalls().first { $0.param == "x" }?.calls, 9)
    }

    private func hybridBatch(steady: Int) -> TraceBatch {
        var batch = sampleBatch(calls: 4)
        batch.functions.append(.init(id: 3, file: "pkg/train.py", qualname: "fast_dot", line: 20, params: ["x"]))
        batch.signatures.append(
            .init(id: 2, functionID: 3, graph: true, calls: 2, totalNanoseconds: 9_000, maxNanoseconds: 5_000,
                  params: [.init(param: "x", kind: "Tensor", dtype: "float32", shape: "[4]", elements: nil, value: nil)]))
        batch.hybridCalls = [
            .init(functionID: 3, phase: .traced, calls: 2, totalNanoseconds: 80_000, maxNanoseconds: 50_000),
            .init(functionID: 3, phase: .steady, calls: steady, totalNanoseconds: 300 * steady, maxNanoseconds: 400),
        ]
        return batch
    }

    private let info = RunInfo(command: "pytest -q", root: "/p", pythonVersion: "3.11", tensorflowVersion: "2.21",
                               hook: "frame-eval", shard: nil, startedAt: "2026-11-25T00:00:00Z")

    private func fastDot(steady: Int) -> FunctionTiming {
        FunctionTiming(file: "pkg/train.py", qualname: "fast_dot", line: 20, graphTimeCalls: 2, graphTimeNanoseconds: 9_000,
                       hybridSteadyCalls: steady, hybridSteadyNanoseconds: 300 * steady,
                       hybridTracingCalls: 2, hybridTracingNanoseconds: 80_000)
    }

    func testHybridCallsAreCumulativeAndReadAsFunctionTimings() throws {
        let database = try TraceDatabase(path: path("trace.sqlite"))
        let run = try database.beginRun(info)
        try database.write(hybridBatch(steady: 3), run: run)
        try database.write(hybridBatch(steady: 7), run: run)
        try database.finishRun(run, exitStatus: 0, endedAt: "2026-11-25T00:01:00Z")
        try database.checkpoint()

        let reader = try TraceDatabase(readingFrom: path("trace.sqlite"))
        XCTAssertEqual(reader.schemaVersion, 3)
        XCTAssertEqual(try reader.runs(), [
            RunSummary(id: run, command: "pytest -q", root: "/p", startedAt: "2026-11-25T00:00:00Z",
                       endedAt: "2026-11-25T00:01:00Z", exitStatus: 0)
        ])
        XCTAssertEqual(try reader.functionTimings(run: run), [
            FunctionTiming(file: "pkg/helpers.py", qualname: "report", line: 3),
            FunctionTiming(file: "pkg/train.py", qualname: "train_step", line: 10, eagerCalls: 4, eagerNanoseconds: 4_000),
            fastDot(steady: 7),
        ])
        XCTAssertEqual(try reader.testOutcomes(run: run),
                       [TestOutcome(nodeid: "tests/test_train.py::test_step", outcome: "passed", duration: 0.5)])
        XCTAssertEqual(try reader.functionTimings(run: run + 1), [])
    }

    /// A database as schema version 2 wrote it: no hybrid_calls table, user_version 2.
    private func makeVersion2Database(at file: String) throws -> Int {
        let run: Int
        do {
            let database = try TraceDatabase(path: file)
            run = try database.beginRun(info)
            try database.write(sampleBatch(calls: 5), run: run)
            try database.finishRun(run, exitStatus: 1, endedAt: "t1")
            try database.checkpoint()
        }
        let connection = try SQLiteConnection(path: file)
        try connection.execute("DROP TABLE hybrid_calls; PRAGMA user_version = 2")
        return run
    }

    func testVersion2DatabaseIsReadAsItIsAndUpgradedWhenARunIsAppended() throws {
        let file = path("v2.sqlite")
        let first = try makeVersion2Database(at: file)

        let reader = try TraceDatabase(readingFrom: file)
        XCTAssertEqual(reader.schemaVersion, 2)
        XCTAssertEqual(try reader.runs().map(\.exitStatus), [1])
        XCTAssertEqual(try reader.functionTimings(run: first).first { $0.qualname == "train_step" },
                       FunctionTiming(file: "pkg/train.py", qualname: "train_step", line: 10, eagerCalls: 5,
                                      eagerNanoseconds: 5_000))
        XCTAssertEqual(try reader.rows("SELECT count(*) FROM sqlite_master WHERE name = 'hybrid_calls'").first?.first,
                       .integer(0), "reading must not upgrade")

        let writer = try TraceDatabase(path: file)
        XCTAssertEqual(writer.schemaVersion, 3)
        let second = try writer.beginRun(info)
        try writer.write(hybridBatch(steady: 4), run: second)
        XCTAssertEqual(try writer.rows("PRAGMA user_version").first?.first, .integer(3))

        let upgraded = try TraceDatabase(readingFrom: file)
        XCTAssertEqual(try upgraded.runs().map(\.id), [first, second])
        XCTAssertEqual(try upgraded.functionTimings(run: first).map(\.hybridSteadyCalls), [0, 0])
        XCTAssertEqual(try upgraded.functionTimings(run: second).last, fastDot(steady: 4))
    }

    func testMergeCopiesHybridCallsAndUpgradesAVersion2Source() throws {
        let source = try TraceDatabase(path: path("shard.sqlite"))
        var shard = info
        shard.shard = "2/2"  // a run of its own, not the version 2 database's run again
        let run = try source.beginRun(shard)
        try source.write(hybridBatch(steady: 6), run: run)
        let old = path("old.sqlite")
        _ = try makeVersion2Database(at: old)

        let merged = try TraceDatabase(path: path("merged.sqlite"))
        XCTAssertEqual(try merged.merge(from: old).merged, 1)
        XCTAssertEqual(try merged.merge(from: path("shard.sqlite")).merged, 1)
        let runs = try merged.runs()
        XCTAssertEqual(runs.count, 2)
        XCTAssertEqual(try merged.functionTimings(run: runs[0].id).map(\.hybridTracingCalls), [0, 0])
        XCTAssertEqual(try merged.functionTimings(run: runs[1].id).last, fastDot(steady: 6))
    }

    func testForeignDatabaseIsRefused() throws {
        let foreign = path("foreign.sqlite")
        do {
            let connection = try SQLiteConnection(path: foreign)
            try connection.execute("CREATE TABLE runs (x)")
        }
        XCTAssertThrowsError(try TraceDatabase(path: foreign)) { error in
            XCTAssertTrue("\(error)".contains("not a hybridize trace database"), "\(error)")
        }
    }
}
