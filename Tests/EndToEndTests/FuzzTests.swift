import Foundation
import XCTest

/// Generated Python programs and mutated repository files through the static commands
/// (Fixtures/fuzz/pyfuzz.py drives the processes, each under a timeout, and bisects a failure to
/// its files); and every input that ever failed, kept in Fixtures/fuzz_regressions. The bigger
/// run, with more seeds, is Benchmarks/fuzz.sh.
final class FuzzTests: XCTestCase {
    static let fixtures = HybridizeRunner.repository.appendingPathComponent("Tests/EndToEndTests/Fixtures")

    /// Seed 1: 1,000 programs and 400 mutants through analyze, callgraph and refactor's dry run, two
    /// processes at a time (Benchmarks/fuzz.sh adds refactor --apply).
    func testGeneratedAndMutatedProgramsNeverCrashOrHang() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hybridize-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let keep = FileManager.default.temporaryDirectory.appendingPathComponent("hybridize-fuzz-failures-\(UUID().uuidString)")
        let repository = HybridizeRunner.repository
        let run = try BoundedRun.run(
            "/usr/bin/python3",
            [Self.fixtures.appendingPathComponent("fuzz/pyfuzz.py").path, "--binary", HybridizeRunner.binary.path,
             "--seed", "1", "--programs", "1000", "--mutants", "400", "--jobs", "2", "--timeout", "120",
             "--keep", keep.path, "--sources", repository.appendingPathComponent("Examples").path,
             repository.appendingPathComponent("Tests/AnalysisTests/Fixtures/corpus").path],
            in: scratch, seconds: 900)
        XCTAssertEqual(run.status, 0, "failing files are kept in \(keep.path):\n\(run.standardOutput)\n\(run.standardError)")
        XCTAssertTrue(run.standardOutput.contains("failures: 0"), run.standardOutput)
        // The figures, for the suite's log.
        print(run.standardOutput)
    }

    /// Each file that once crashed or hung a command, alone in a project: every command exits 0.
    func testFuzzRegressionsNeverCrashOrHang() throws {
        let regressions = Self.fixtures.appendingPathComponent("fuzz_regressions")
        let names = try FileManager.default.contentsOfDirectory(atPath: regressions.path).filter { $0.hasSuffix(".py") }.sorted()
        XCTAssertFalse(names.isEmpty)
        for name in names {
            let project = FileManager.default.temporaryDirectory.appendingPathComponent("hybridize-regression-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: project) }
            try FileManager.default.copyItem(at: regressions.appendingPathComponent(name), to: project.appendingPathComponent(name))
            // The dry run plans what --apply writes: one of the two covers both.
            for command in [["analyze", "--format", "json"], ["callgraph", "--format", "json"], ["refactor", "--apply"]] {
                let run = try BoundedRun.hybridize(command, in: project, seconds: 120)
                XCTAssertEqual(run.status, 0, "\(name): hybridize \(command.joined(separator: " ")): \(run.standardError.suffix(2000))")
                for line in run.standardError.split(separator: "\n") {
                    XCTAssertNotNil(line.range(of: #"^[^:]+:\d+:\d+: \S"#, options: .regularExpression), "\(name): \(line)")
                }
            }
        }
    }
}
