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

        let merged = try TraceDatabase(path: path("merged.sqlite"))
        XCTAssertEqual(try merged.merge(from: path("a.sqlite")), 2)
        XCTAssertEqual(try merged.merge(from: path("a.sqlite")), 2)
        XCTAssertEqual(try merged.totals().runs, 4)
        XCTAssertEqual(try merged.totals().calls, 2 * (2 + 3))
        // The stable view adds up the same function across runs.
        XCTAssertEqual(try merged.observedCalls().first { $0.param == "x" }?.calls, 10)
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
