import Foundation
import TraceStore
import XCTest

/// `hybridize audit` and `analyze --traces` on Tests/EndToEndTests/Fixtures/audit_project, traced
/// once under real TensorFlow and Keras 3: keyword assumptions confirmed, rejected and unobserved,
/// effects only a trace sees, variable creation and varying objects (codes 30 and 31), a base
/// class reaching TensorFlow through an override, and a signature and trace count checked against
/// TensorFlow's own.
final class AuditTests: XCTestCase {
    private static var cached: (project: URL, result: HybridizeRunner.Result)?

    private func traced() throws -> URL {
        if Self.cached == nil {
            let project = try HybridizeRunner.project("audit_project")
            Self.cached = (project, try HybridizeRunner.trace(["pytest", "-q", "-p", "no:cacheprovider"], in: project))
        }
        let (project, result) = try XCTUnwrap(Self.cached)
        XCTAssertEqual(result.status, 0, result.output)
        return project
    }

    /// One JSON object per function, by qualname.
    private func verdicts(_ command: String = "audit", _ extra: [String] = []) throws -> [String: [String: Any]] {
        let project = try traced()
        let result = try HybridizeRunner.run([command, "--traces", "trace.sqlite", "--format", "json"] + extra, in: project)
        XCTAssertEqual(result.status, 0, result.output)
        return try HybridizeRunner.verdictsByQualname(result.output)
    }

    private func codes(_ verdict: [String: Any]?) -> [Int] {
        ((verdict?["failures"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? Int }
    }

    private func fact(_ verdict: [String: Any]?, _ name: String) -> Any? {
        (verdict?["facts"] as? [String: Any])?[name]
    }

    private func keywordAssumption(_ verdict: [String: Any]?) -> [String: Any]? {
        ((verdict?["assumptions"] as? [[String: Any]]) ?? []).first { $0["rule"] as? String == "keyword" }
    }

    /// `refactor` on the same traces: an edit resting on an UNOBSERVED assumption is shown but
    /// left alone unless asked for; of a chain that could all become hybrid, only the outermost
    /// function is edited (21 HAS_COVERED_CALLERS), and a rejected assumption plans no edit.
    func testRefactorPlansOnlyVerifiableOutermostEdits() throws {
        func plan(_ extra: [String] = []) throws -> [String: [String: Any]] { try verdicts("refactor", extra) }
        let planned = try plan()
        XCTAssertEqual(planned["offline_inference"]?["status"] as? String, "SKIPPED", "\(planned["offline_inference"] ?? [:])")
        XCTAssertTrue((planned["offline_inference"]?["why"] as? String ?? "").contains("UNOBSERVED"))
        XCTAssertEqual(planned["BaseLearner.train_step"]?["status"] as? String, "PLANNED")
        for inner in ["RegressionLearner.compute_loss", "RegressionLearner.update"] {
            XCTAssertEqual(planned[inner]?["status"] as? String, "SKIPPED", inner)
            XCTAssertTrue((planned[inner]?["why"] as? String ?? "").hasPrefix("21 HAS_COVERED_CALLERS"), "\(planned[inner] ?? [:])")
        }
        XCTAssertNil(planned["batch_inference"], "a REJECTED assumption withdrew the verdict; nothing to edit")
        let included = try plan(["--include-unobserved"])
        XCTAssertEqual(included["offline_inference"]?["status"] as? String, "PLANNED")
    }

    /// `hybridize report` writes one page that works offline; Debian's Chromium, headless, runs
    /// its script (the DOM it dumps has every verdict row and the audit's statuses) and takes a
    /// screenshot of it.
    func testReportRendersInHeadlessChromium() throws {
        let project = try traced()
        let written = try HybridizeRunner.run(["report", "--traces", "trace.sqlite", "-o", "report.html"], in: project)
        XCTAssertEqual(written.status, 0, written.output)
        let page = try String(contentsOf: project.appendingPathComponent("report.html"), encoding: .utf8)
        let withoutNamespace = page.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
        for loader in ["://", "<link", " src="] {
            XCTAssertFalse(withoutNamespace.contains(loader), "the page must not load anything from the network (\(loader))")
        }
        let chromium = try XCTUnwrap(["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) },
                                     "Debian's chromium is needed (.ci/run installs it)")
        func chromiumRun(_ arguments: [String]) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"] + arguments
                + ["file://" + project.appendingPathComponent("report.html").path]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let dom = try chromiumRun(["--virtual-time-budget=3000", "--dump-dom"])
        XCTAssertTrue(dom.contains("data-rendered=\"true\""), "the page's script did not finish:\n\(dom.prefix(2_000))")
        let listed = try HybridizeRunner.run(["analyze", "--traces", "trace.sqlite", "--format", "json"], in: project)
        let functions = listed.output.split(separator: "\n").filter { $0.hasPrefix("{") }.count
        XCTAssertEqual(dom.components(separatedBy: "<tr class=\"row\"").count - 1, functions, "one verdict row per function")
        for status in ["CONFIRMED", "REJECTED", "UNOBSERVED"] {
            XCTAssertTrue(dom.contains("class=\"tag \(status)\""), "no \(status) assumption rendered")
        }
        XCTAssertTrue(dom.contains("<svg"), "no time-profile chart")
        let screenshot = project.appendingPathComponent("report.png")
        _ = try chromiumRun(["--window-size=1280,1600", "--screenshot=" + screenshot.path])
        let png = try Data(contentsOf: screenshot)
        XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "not a PNG")
        XCTAssertGreaterThan(png.count, 20_000, "a blank screenshot")
    }

    func testKeywordAssumptionsAreConfirmedRejectedOrUnobserved() throws {
        let all = try verdicts()
        let confirmed = try XCTUnwrap(keywordAssumption(all["dense_train_step"]), "\(all["dense_train_step"] ?? [:])")
        XCTAssertEqual(confirmed["status"] as? String, "CONFIRMED")
        XCTAssertTrue((confirmed["evidence"] as? [String])?.first?.contains("Tensor float32") == true, "\(confirmed)")
        XCTAssertEqual((all["dense_train_step"]?["evidence"] as? [String: Any])?["tensorParameter"] as? String, "trace")

        let rejected = try XCTUnwrap(keywordAssumption(all["batch_inference"]))
        XCTAssertEqual(rejected["status"] as? String, "REJECTED")
        let counter = try XCTUnwrap(rejected["counterExample"] as? String)
        XCTAssertTrue(counter.contains("tests/test_steps.py::test_named_batch_inference_on_python_floats"), counter)
        XCTAssertTrue(counter.contains("float"), counter)
        // The verdict that rested on the assumption is withdrawn: no tensor goes in.
        XCTAssertEqual(fact(all["batch_inference"], "tensorParameter") as? Bool, false)
        XCTAssertTrue(codes(all["batch_inference"]).contains(6), "\(codes(all["batch_inference"]))")

        let unobserved = try XCTUnwrap(keywordAssumption(all["LegacyTrainer.train_step"]))
        XCTAssertEqual(unobserved["status"] as? String, "UNOBSERVED")
        XCTAssertNil(all["LegacyTrainer.train_step"]?["trace"] as? [String: Any])
    }

    func testEffectsOnlyTheTraceSeesDecideTheVerdict() throws {
        let all = try verdicts()
        // getattr dispatch: static analysis leaves apply_named's effects undecided; the trace saw
        // the global write of the handler it ran.
        let dispatch = try XCTUnwrap(all["apply_named"])
        XCTAssertEqual(fact(dispatch, "sideEffects") as? Bool, true)
        XCTAssertEqual((dispatch["evidence"] as? [String: Any])?["sideEffects"] as? String, "trace")
        let reasons = (dispatch["reasons"] as? [String] ?? []).joined(separator: " ")
        XCTAssertTrue(reasons.contains("CALLS"), reasons)
        // A file written through gzip, which the analysis does not know: its `false` is overruled.
        let export = try XCTUnwrap(all["export_stats"])
        XCTAssertEqual(fact(export, "sideEffects") as? Bool, true)
        XCTAssertTrue(codes(export).contains(4))
        XCTAssertTrue((export["reasons"] as? [String] ?? []).joined().contains("the analysis missed it"), "\(export)")
        XCTAssertNotEqual(export["passingPrecondition"] as? String, "P1")
    }

    func testVariableCreationAndVaryingObjectsBlockExactlyWhereTensorFlowFails() throws {
        let all = try verdicts()
        XCTAssertTrue(codes(all["Classifier.call"]).contains(30), "\(all["Classifier.call"] ?? [:])")
        XCTAssertTrue(codes(all["fresh_step"]).contains(30), "\(codes(all["fresh_step"]))")
        XCTAssertEqual(fact(all["train_step"], "createsVariables") as? Bool, true)
        XCTAssertEqual(fact(all["train_step"], "varyingObjectParameters") as? Bool, true)
        XCTAssertTrue(codes(all["train_step"]).contains(30))
        // A layer with its own build, and a trainer whose optimizer makes its slots on the first
        // call of each instance: tf.function allows both.
        XCTAssertEqual(all["Scale.call"]?["passingPrecondition"] as? String, "P1", "\(all["Scale.call"] ?? [:])")
        let fit = try XCTUnwrap(all["Trainer.fit_batch"])
        XCTAssertEqual(fact(fit, "createsVariables") as? Bool, false, "\(fit)")
        XCTAssertEqual(fact(fit, "varyingObjectParameters") as? Bool, false)
        XCTAssertEqual(fit["passingPrecondition"] as? String, "P1", "\(fit)")
        // A constructor is listed, blocked, with its reason.
        XCTAssertEqual(codes(all["Trainer.__init__"]), [32])
    }

    /// Each trace rule's examples (Decisions/TracePreconditions.swift) get the rule's code exactly
    /// where they should.
    func testTraceRulesTriggerOnTheirExamplesOnly() throws {
        let all = try verdicts()
        let rules: [(code: Int, fact: String, triggering: [String], nonTriggering: [String])] = [
            (30, "createsVariables", ["fresh_step", "train_step", "Classifier.call"], ["Trainer.fit_batch", "Scale.call", "normalize_batch"]),
            (31, "varyingObjectParameters", ["train_step"], ["Trainer.fit_batch", "dense_train_step"]),
        ]
        for rule in rules {
            for name in rule.triggering {
                XCTAssertEqual(fact(all[name], rule.fact) as? Bool, true, "\(rule.code) on \(name)")
            }
            for name in rule.nonTriggering {
                XCTAssertFalse(codes(all[name]).contains(rule.code), "\(rule.code) on \(name): \(codes(all[name]))")
            }
        }
    }

    func testABaseClassReachingTensorFlowThroughAnOverrideIsNotTreatedAsPurePython() throws {
        let all = try verdicts()
        let base = try XCTUnwrap(all["BaseLearner.train_step"])
        XCTAssertEqual(fact(base, "tensorComputation") as? Bool, true, "\(base)")
        XCTAssertFalse(codes(base).contains(14))
        // Static analysis alone would remove this decorator as running no TensorFlow op (P6).
        let hybrid = try XCTUnwrap(all["HybridBase.train_step"])
        XCTAssertNotEqual(hybrid["passingPrecondition"] as? String, "P6", "\(hybrid)")
        XCTAssertFalse((hybrid["transformations"] as? [String] ?? []).contains("CONVERT_TO_EAGER"))
    }

    func testInputSignatureAndTraceCountAgreeWithTensorFlow() throws {
        let all = try verdicts()
        let normalize = try XCTUnwrap(all["normalize_batch"]?["trace"] as? [String: Any])
        XCTAssertEqual(normalize["inputSignature"] as? String, "[tf.TensorSpec(shape=[None, 4], dtype=tf.float32)]")
        let scale = try XCTUnwrap(all["scale_by"]?["trace"] as? [String: Any])
        // TensorFlow's own count, for the same calls hybridized.
        let project = try traced()
        let counts = project.appendingPathComponent("tracing-counts.json")
        let measured = try HybridizeRunner.run(
            ["trace", "--quiet", "--db", "count.sqlite", "--", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_tracing_count.py"],
            in: project, environment: ["HYBRIDIZE_CHECK_TRACING": "1", "HYBRIDIZE_TRACING_OUT": counts.path])
        XCTAssertEqual(measured.status, 0, measured.output)
        let tensorflow = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: counts)) as? [String: Int])
        XCTAssertEqual(normalize["predictedTraces"] as? Int, tensorflow["normalize_batch"], "\(normalize) vs \(tensorflow)")
        XCTAssertEqual(scale["predictedTraces"] as? Int, tensorflow["scale_by"], "\(scale) vs \(tensorflow)")
    }

    /// The hazards are real: hybridizing the triggering examples with tf.function breaks the
    /// tests that exercise them, and hybridizing the non-triggering ones breaks nothing.
    func testHybridizingTheBlockedFunctionsBreaksTheirTestsAndTheOthersPass() throws {
        let project = try traced()
        func run(wrapping targets: [String], database: String) throws -> [String: String] {
            let result = try HybridizeRunner.run(
                ["trace", "--quiet", "--db", database, "--", "pytest", "-q", "-p", "no:cacheprovider"], in: project,
                database: database, environment: ["HYBRIDIZE_WRAP": targets.joined(separator: ",")])
            let database = try XCTUnwrap(result.database, result.output)
            var outcomes: [String: String] = [:]
            for row in try database.rows("SELECT nodeid, outcome FROM tests") {
                outcomes[row[0].text ?? "?"] = row[1].text ?? "?"
            }
            return outcomes
        }
        let safe = try run(wrapping: ["lab.models:Trainer.fit_batch", "lab.models:Scale.call", "lab.shapes:normalize_batch",
                                      "lab.steps:dense_train_step", "lab.base:BaseLearner.train_step"], database: "safe.sqlite")
        XCTAssertFalse(safe.isEmpty)
        XCTAssertEqual(safe.filter { $0.value == "failed" }.keys.sorted(), [])
        for (target, test) in [
            ("lab.models:fresh_step", "tests/test_models.py::test_fresh_step_shapes"),
            ("lab.models:train_step", "tests/test_models.py::test_train_step_sequential_learns"),
            ("lab.models:Classifier.call", "tests/test_models.py::test_classifier_uses_its_current_weights"),
        ] {
            let outcomes = try run(wrapping: [target], database: "broken-\(target.split(separator: ":").last ?? "").sqlite")
            XCTAssertEqual(outcomes[test], "failed", "\(target): \(outcomes)")
        }
    }

    func testTextGroupsByStatusAndSARIFFingerprintsAreStable() throws {
        let project = try traced()
        let text = try HybridizeRunner.run(["audit", "--traces", "trace.sqlite"], in: project)
        XCTAssertEqual(text.status, 0, text.output)
        for heading in ["CONFIRMED (", "REJECTED (", "UNOBSERVED (", "TIME PROFILE"] {
            XCTAssertTrue(text.output.contains(heading), heading + "\n" + text.output)
        }
        XCTAssertTrue(text.output.contains("counter-example: tests/test_steps.py::test_named_batch_inference_on_python_floats"))
        func fingerprints() throws -> [String] {
            let sarif = try HybridizeRunner.run(["audit", "--traces", "trace.sqlite", "--format", "sarif"], in: project)
            XCTAssertEqual(sarif.status, 0, sarif.output)
            let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any])
            let results = (((document["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]]) ?? []
            XCTAssertTrue(results.contains { $0["level"] as? String == "warning" })
            return results.compactMap { ($0["partialFingerprints"] as? [String: String])?["hybridizeAssumption/v1"] }
        }
        let first = try fingerprints()
        XCTAssertFalse(first.isEmpty)
        XCTAssertEqual(Set(first).count, first.count, "one fingerprint per assumption")
        // Lines above the functions move them; their fingerprints stay.
        let steps = project.appendingPathComponent("lab/steps.py")
        let source = try String(contentsOf: steps, encoding: .utf8)
        try ("# moved\n# down\n" + source).write(to: steps, atomically: true, encoding: .utf8)
        defer { try? source.write(to: steps, atomically: true, encoding: .utf8) }
        XCTAssertEqual(Set(try fingerprints()), Set(first))
    }

    func testTestsAreLeftOutUnlessAsked() throws {
        XCTAssertFalse(try verdicts().keys.contains { $0.hasPrefix("test_") })
        XCTAssertTrue(try verdicts("analyze", ["--include-tests"]).keys.contains("test_fresh_step_shapes"))
    }

    func testUnreadableDatabasesAreEnvironmentErrors() throws {
        let project = try HybridizeRunner.project("audit_project")
        try Data("not a database at all, just text".utf8).write(to: project.appendingPathComponent("text.sqlite"))
        let notSQLite = try HybridizeRunner.run(["audit", "--traces", "text.sqlite"], in: project)
        XCTAssertEqual(notSQLite.status, 3, notSQLite.output)
        XCTAssertTrue(notSQLite.output.contains("text.sqlite"), notSQLite.output)
        XCTAssertEqual(notSQLite.output.split(separator: "\n").count, 1, notSQLite.output)

        let newer = project.appendingPathComponent("newer.sqlite").path
        let database = try TraceDatabase(path: newer)
        _ = try database.rows("PRAGMA user_version = 99")
        let refused = try HybridizeRunner.run(["audit", "--traces", "newer.sqlite"], in: project)
        XCTAssertEqual(refused.status, 3, refused.output)
        XCTAssertTrue(refused.output.contains("newer"), refused.output)

        let missing = try HybridizeRunner.run(["audit", "--traces", "absent.sqlite"], in: project)
        XCTAssertEqual(missing.status, 2, missing.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("absent.sqlite").path))
    }
}
