import Foundation
import TraceStore
import XCTest

/// `hybridize trace` on Examples/keras_training: a Keras model with a custom training loop, a
/// tf.data pipeline and helpers with side effects, run by its own pytest suite under real TensorFlow.
final class TraceExampleTests: XCTestCase {
    /// One traced run of the whole suite, shared by the tests below (a run takes seconds).
    private static var cached: (project: URL, result: HybridizeRunner.Result)?

    private func suite() throws -> (project: URL, database: TraceDatabase, output: String) {
        if Self.cached == nil {
            let project = try HybridizeRunner.project("Examples/keras_training")
            Self.cached = (project, try HybridizeRunner.trace(["pytest", "-q", "-p", "no:cacheprovider"], in: project))
        }
        let (project, result) = try XCTUnwrap(Self.cached)
        XCTAssertEqual(result.status, 0, result.output)
        return (project, try XCTUnwrap(result.database, result.output), result.output)
    }

    func testRecordsTensorKindsDtypesAndShapesOfTheTrainingStep() throws {
        let database = try suite().database
        let step = try database.calls(of: "train_step")
        XCTAssertEqual(step.first?.file, "trainer/train.py")
        XCTAssertTrue(step.contains { $0.param == "x" && $0.kind == "Tensor" && $0.dtype == "float32" && $0.shape == "[16, 4]" },
                      "\(step)")
        XCTAssertTrue(step.contains { $0.param == "y" && $0.kind == "Tensor" && $0.dtype == "int32" && $0.shape == "[8]" })
        XCTAssertTrue(step.contains { $0.param == "model" && $0.kind == "Classifier" })
        XCTAssertTrue(step.contains { $0.param == "optimizer" && $0.kind == "Adam" })
        XCTAssertEqual(Set(step.filter { $0.param == "x" }.map(\.calls)).reduce(0, +) > 0, true)

        let data = try database.calls(of: "make_dataset")
        XCTAssertTrue(data.contains { $0.param == "features" && $0.kind == "ndarray" && $0.dtype == "float32" })
        XCTAssertTrue(data.contains { $0.param == "batch_size" && $0.kind == "int" })
        let fit = try database.calls(of: "fit")
        XCTAssertTrue(fit.contains { $0.param == "dataset" && $0.kind == "Dataset" && $0.dtype == "float32,int32"
            && $0.shape == "([None, 4],[None])" }, "\(fit)")
        XCTAssertTrue(try database.calls(of: "Classifier.call").contains { $0.param == "training" && $0.kind == "bool" })
    }

    func testRecordsGraphTimeCallsOfTfFunctionAndDatasetMap() throws {
        let database = try suite().database
        // fast_dot is decorated: its Python body runs only while tf.function traces it.
        let graphCalls = try database.integer(
            """
            SELECT sum(s.calls) FROM signatures s JOIN functions f ON f.run_id = s.run_id AND f.id = s.function_id
            WHERE f.qualname = ? AND s.graph = 1
            """, [.text("fast_dot")])
        XCTAssertGreaterThanOrEqual(graphCalls, 1)
        let eagerCalls = try database.integer(
            """
            SELECT coalesce(sum(s.calls), 0) FROM signatures s
            JOIN functions f ON f.run_id = s.run_id AND f.id = s.function_id WHERE f.qualname = ? AND s.graph = 0
            """, [.text("fast_dot")])
        XCTAssertEqual(eagerCalls, 0)
        // Dataset.map always traces its function into a graph, one element at a time; the test
        // that calls normalize directly does so eagerly, on a whole batch.
        let normalize = try database.rows(
            """
            SELECT s.graph, p.shape FROM signatures s JOIN functions f ON f.run_id = s.run_id AND f.id = s.function_id
            JOIN signature_params p ON p.run_id = s.run_id AND p.signature_id = s.id
            WHERE f.qualname = 'normalize' AND p.param = 'x' ORDER BY s.graph
            """
        ).map { "\($0[0].integer ?? -1) \($0[1].text ?? "")" }
        XCTAssertEqual(normalize, ["0 [8, 4]", "1 [4]"])
    }

    func testRecordsSideEffectsWithTargetsAndLines() throws {
        let database = try suite().database
        func effect(_ qualname: String, _ kind: String) throws -> [TraceDatabase.ObservedEffect] {
            try database.effects(of: qualname).filter { $0.kind == kind }
        }
        XCTAssertEqual(try effect("record_loss", "item_write").map(\.target), ["LOSS_HISTORY"])
        XCTAssertEqual(try effect("bump_step", "global_write").map(\.target), ["STEP"])
        XCTAssertEqual(try effect("report", "print").map(\.target), ["sys.stdout"])
        XCTAssertEqual(try effect("log_metric", "logging").map(\.target), ["trainer.helpers"])
        XCTAssertEqual(try effect("save_metrics", "io").count, 1)
        XCTAssertEqual(Set(try effect("Tracker.update", "attribute_write").map(\.target)), ["self.last", "self.count"])
        // Each effect names the line that caused it.
        let helpers = try String(
            contentsOf: suite().project.appendingPathComponent("trainer/helpers.py"), encoding: .utf8
        ).components(separatedBy: "\n")
        for observed in try database.effects(of: "Tracker.update") {
            XCTAssertTrue(helpers[observed.effectLine - 1].contains(observed.target), "\(observed)")
        }
        XCTAssertTrue(helpers[try XCTUnwrap(effect("report", "print").first).effectLine - 1].contains("print("))

        // Pure functions stay clean, callees included.
        for pure in ["compute_loss", "accuracy", "normalize", "scale", "row_sum", "iterate_rows"] {
            XCTAssertEqual(try database.effects(of: pure), [], pure)
        }
    }

    /// Keras 3 builds the subclassed Classifier by running its `call` on symbolic inputs in a
    /// scratch graph; the Dense layers declare their variables there, so `call` is charged with
    /// them (at graph time), as well as every eager caller up the stack.
    func testChargesVariablesThatKerasDeclaresInsideCallToCall() throws {
        let database = try suite().database
        let call = try database.effects(of: "Classifier.call")
        XCTAssertEqual(Set(call.map(\.kind)), ["variable_creation"], "\(call)")
        XCTAssertEqual(Set(call.map(\.target)), ["kernel", "bias"])
        let graphTime = try database.integer(
            """
            SELECT sum(e.graph_count) FROM effects e JOIN functions f ON f.run_id = e.run_id AND f.id = e.function_id
            WHERE f.qualname = 'Classifier.call' AND e.kind = 'variable_creation'
            """)
        XCTAssertGreaterThan(graphTime, 0, "declared while Keras traced call in its scratch graph")
        XCTAssertTrue(try database.effects(of: "train_step").contains { $0.kind == "variable_creation" && $0.target == "kernel" })
    }

    func testRecordsVariableCreationAndObjectIdentities() throws {
        let database = try suite().database
        // A new model and optimizer per call creates variables on every call.
        XCTAssertTrue(try database.effects(of: "fresh_step").contains { $0.kind == "variable_creation" && $0.target == "kernel" })
        XCTAssertTrue(try database.effects(of: "make_optimizer").contains { $0.kind == "variable_creation" })
        // fit makes its own optimizer: the optimizer's lazy build is not an outside attribute write.
        XCTAssertFalse(try database.effects(of: "fit").contains { $0.kind == "attribute_write" })
        let optimizers = try database.integer(
            """
            SELECT i.distinct_objects FROM param_identities i JOIN functions f ON f.run_id = i.run_id AND f.id = i.function_id
            WHERE f.qualname = 'train_step' AND i.param = 'optimizer'
            """)
        let steps = try database.integer(
            """
            SELECT i.calls FROM param_identities i JOIN functions f ON f.run_id = i.run_id AND f.id = i.function_id
            WHERE f.qualname = 'train_step' AND i.param = 'optimizer'
            """)
        XCTAssertGreaterThan(optimizers, 1, "make_optimizer's test hands train_step a new optimizer per step")
        XCTAssertLessThan(optimizers, steps, "other tests reuse one optimizer for many steps")
    }

    func testRecordsEdgesThreadsTestIdsAndOutcomes() throws {
        let database = try suite().database
        let edges = try database.rows(
            """
            SELECT a.qualname, b.qualname, e.line FROM edges e
            JOIN functions a ON a.run_id = e.run_id AND a.id = e.caller_id
            JOIN functions b ON b.run_id = e.run_id AND b.id = e.callee_id
            """
        ).map { "\($0[0].text ?? "")->\($0[1].text ?? ""):\($0[2].integer ?? 0)" }
        XCTAssertTrue(edges.contains { $0.hasPrefix("fit->train_step:") }, "\(edges)")
        XCTAssertTrue(edges.contains { $0.hasPrefix("mutual_even->mutual_odd:") })
        XCTAssertTrue(edges.contains { $0.hasPrefix("tree_sum->tree_sum:") })
        // The worker runs in threads that parallel_sums starts.
        XCTAssertTrue(edges.contains { $0.hasPrefix("parallel_sums.<locals>.worker->row_sum:") })
        XCTAssertEqual(try database.integer("SELECT count(*) FROM tests WHERE outcome = 'passed'"), 37)
        let testOfFresh = try database.rows(
            """
            SELECT DISTINCT t.nodeid FROM signature_tests st
            JOIN tests t ON t.run_id = st.run_id AND t.id = st.test_id
            JOIN signatures s ON s.run_id = st.run_id AND s.id = st.signature_id
            JOIN functions f ON f.run_id = s.run_id AND f.id = s.function_id WHERE f.qualname = 'fresh_step'
            """
        ).compactMap { $0.first?.text }
        XCTAssertEqual(testOfFresh, ["tests/test_helpers.py::test_fresh_step_builds_new_model_each_call"])
        let run = try database.rows("SELECT exit_status, tensorflow_version, ended_at, hook FROM runs").first
        XCTAssertEqual(run?[0].integer, 0)
        XCTAssertEqual(run?[1].text, "2.21.0")
        XCTAssertNotNil(run?[2].text)
        XCTAssertEqual(run?[3].text, "frame-eval")
    }

    func testSecondRunIsAppendedToTheSameDatabase() throws {
        let project = try suite().project
        let again = try HybridizeRunner.trace(["pytest", "-q", "-p", "no:cacheprovider", "tests/test_train.py"], in: project)
        XCTAssertEqual(again.status, 0, again.output)
        let database = try XCTUnwrap(again.database)
        XCTAssertEqual(try database.integer("SELECT count(*) FROM runs"), 2)
        XCTAssertEqual(try database.integer("SELECT count(*) FROM tests WHERE run_id = 2"), 6)
        Self.cached = nil  // the shared database now holds two runs
    }
}
