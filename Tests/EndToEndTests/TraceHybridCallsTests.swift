import Foundation
import TraceStore
import XCTest

/// Calls of tf.function-decorated project functions through their wrappers (`hybrid_calls`), on
/// Fixtures/hybrid_project under real TensorFlow: its test calls a hybrid function and a hybrid
/// method five times with one input shape and once with another, an eager function four times,
/// and a hybrid function whose trace calls another hybrid function.
final class TraceHybridCallsTests: XCTestCase {
    /// One run per hook design, shared by the tests below (a run takes seconds).
    private static var cached: [String: HybridizeRunner.Result] = [:]

    private func timings(hook: String = "frame-eval") throws -> (database: TraceDatabase, timings: [String: FunctionTiming]) {
        if Self.cached[hook] == nil {
            let project = try HybridizeRunner.project("hybrid_project")
            Self.cached[hook] = try HybridizeRunner.trace(
                ["pytest", "-q", "-p", "no:cacheprovider"], in: project, options: ["--hook", hook])
        }
        let result = try XCTUnwrap(Self.cached[hook])
        XCTAssertEqual(result.status, 0, result.output)
        let database = try XCTUnwrap(result.database, result.output)
        let run = try XCTUnwrap(try database.runs().last?.id)
        let timings = try database.functionTimings(run: run).filter { $0.file == "calc/kernels.py" }
        return (database, Dictionary(uniqueKeysWithValues: timings.map { ($0.qualname, $0) }))
    }

    /// (traced, calls, total_ns, max_ns) rows of `hybrid_calls` for one function.
    private func hybridRows(_ qualname: String, in database: TraceDatabase) throws -> [[Int]] {
        try database.rows(
            """
            SELECT h.traced, h.calls, h.total_ns, h.max_ns FROM hybrid_calls h
            JOIN functions f ON f.run_id = h.run_id AND f.id = h.function_id
            WHERE f.qualname = ? ORDER BY h.traced
            """, [.text(qualname)]
        ).map { $0.map { Int($0.integer ?? -1) } }
    }

    func testCallsThroughTheWrapperAreSplitIntoTracingAndSteadyCalls() throws {
        let (database, timings) = try timings()
        for qualname in ["scaled_sum", "Scaler.apply"] {
            let rows = try hybridRows(qualname, in: database)
            // The first call and the call with a new shape traced; of the other four, which ran
            // the graph, the first in the test is its warm-up.
            XCTAssertEqual(rows.map { [$0[0], $0[1]] }, [[0, 3], [1, 2], [2, 1]], qualname)
            for row in rows {
                XCTAssertGreaterThan(row[2], 0, qualname)
                XCTAssertGreaterThan(row[3], 0, qualname)
                XCTAssertLessThanOrEqual(row[3], row[2], qualname)
            }
            let timing = try XCTUnwrap(timings[qualname])
            XCTAssertEqual(timing.hybridTracingCalls, 2, qualname)
            XCTAssertEqual(timing.hybridSteadyCalls, 3, qualname)
            XCTAssertEqual(timing.hybridWarmUpCalls, 1, qualname)
            XCTAssertEqual(timing.hybridWarmUpNanoseconds, rows[2][2], qualname)
            XCTAssertEqual(timing.hybridTracingNanoseconds, rows[1][2], qualname)
            XCTAssertEqual(timing.hybridSteadyNanoseconds, rows[0][2], qualname)
            // Its Python body ran only while TensorFlow traced it.
            XCTAssertEqual(timing.eagerCalls, 0, qualname)
            XCTAssertGreaterThanOrEqual(timing.graphTimeCalls, 2, qualname)
            XCTAssertGreaterThan(timing.graphTimeNanoseconds, 0, qualname)
        }
    }

    func testEagerFunctionsHaveNoHybridCalls() throws {
        let eager = try XCTUnwrap(try timings().timings["eager_norm"])
        XCTAssertEqual(eager.eagerCalls, 4)
        XCTAssertGreaterThan(eager.eagerNanoseconds, 0)
        XCTAssertEqual([eager.graphTimeCalls, eager.hybridSteadyCalls, eager.hybridTracingCalls], [0, 0, 0])
    }

    func testACallMadeWhileAnotherFunctionTracesIsNotAHybridCall() throws {
        let (database, timings) = try timings()
        // outer's trace calls scaled_sum with a third shape: scaled_sum's body runs once more at
        // graph time, but that call only adds scaled_sum's graph to outer's.
        XCTAssertEqual(try hybridRows("outer", in: database).map { [$0[0], $0[1]] }, [[1, 1]])
        let scaled = try XCTUnwrap(timings["scaled_sum"])
        XCTAssertEqual(scaled.hybridTracingCalls + scaled.hybridSteadyCalls + scaled.hybridWarmUpCalls, 6)
        XCTAssertEqual(scaled.graphTimeCalls, 3)
    }

    func testProfileHookRecordsTheSameHybridCalls() throws {
        let frameEvaluation = try timings().timings
        let profile = try timings(hook: "profile").timings
        for qualname in ["scaled_sum", "Scaler.apply", "outer", "eager_norm"] {
            let (a, b) = (try XCTUnwrap(frameEvaluation[qualname]), try XCTUnwrap(profile[qualname]))
            XCTAssertEqual([a.hybridTracingCalls, a.hybridSteadyCalls, a.eagerCalls, a.graphTimeCalls],
                           [b.hybridTracingCalls, b.hybridSteadyCalls, b.eagerCalls, b.graphTimeCalls], qualname)
        }
    }
}
