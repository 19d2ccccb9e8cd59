@testable import Analysis
import Decisions
import Foundation
import PythonRuntime
import PythonSyntax
import XCTest

@testable import Refactoring

/// Every transformation, import style and formatting trap as a fixture: `input.py`, the edits to
/// make (`edits.txt`: `TRANSFORMATION qualname [argument]` per line), and `expected.py`, the exact
/// bytes the edits must produce. The verdicts are the analyzer's facts of the input with the
/// transformation set, so the decorator ranges and imports are the ones a real run reads.
final class RoundTripTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let parser: PythonParser = {
        do {
            try EmbeddedInterpreter.startIfNeeded(argv: ["hybridize-tests"])
            return try PythonParser()
        } catch {
            fatalError("cannot start the embedded interpreter's parser: \(error)")
        }
    }()

    struct Case {
        var name: String
        var input: [UInt8]
        var expected: [UInt8]
        var edits: [(transformation: Transformation, qualname: String, argument: String?)]
    }

    static func cases() throws -> [Case] {
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).sorted()
        return try names.map { name in
            let folder = fixtures.appendingPathComponent(name)
            let edits = try String(contentsOf: folder.appendingPathComponent("edits.txt"), encoding: .utf8)
                .split(separator: "\n").map { line -> (Transformation, String, String?) in
                    let words = line.split(separator: " ", maxSplits: 2).map(String.init)
                    guard words.count >= 2, let transformation = Transformation(rawValue: words[0]) else {
                        throw XCTSkip("malformed edits.txt line in \(name): \(line)")
                    }
                    return (transformation, words[1], words.count > 2 ? words[2] : nil)
                }
            return Case(
                name: name, input: [UInt8](try Data(contentsOf: folder.appendingPathComponent("input.py"))),
                expected: [UInt8](try Data(contentsOf: folder.appendingPathComponent("expected.py"))), edits: edits)
        }
    }

    /// The project of one file, and verdicts that ask for the fixture's edits.
    static func plan(_ fixture: Case, path: String = "pkg/module.py",
                     callers: [FunctionLocation: [FunctionLocation?]] = [:]) throws -> EditPlanner.Plan {
        let module = try parser.parse(source: fixture.input, path: path).get()
        let project = Project(root: "/project", files: [
            Project.File(path: path, name: ModuleName(relativePath: path), module: module, source: fixture.input),
        ], diagnostics: [])
        let facts = FactsAnalyzer(project: project).analyze()
        let verdicts = try fixture.edits.map { edit -> Verdict in
            let function = try XCTUnwrap(facts.first { $0.qualname == edit.qualname }, "\(fixture.name): no function \(edit.qualname)")
            return Verdict(
                facts: function, refactoring: function.hybrid == nil ? .convertEagerFunctionToHybrid : .optimizeHybridFunction,
                passingPrecondition: "P", failures: [], transformations: [edit.transformation],
                reasons: ["the fixture asks for it"], reconfiguration: edit.argument)
        }
        return EditPlanner(callers: callers).plan(verdicts, project: project)
    }

    func testEveryFixtureRoundTripsByteForByte() throws {
        let cases = try Self.cases()
        XCTAssertGreaterThanOrEqual(cases.count, 20)
        for fixture in cases {
            let plan = try Self.plan(fixture)
            XCTAssertEqual(plan.edits.count, fixture.edits.count, "\(fixture.name): skipped \(plan.skipped.map(\.why))")
            let output = plan.changeSet.contents(applying: plan.edits)["pkg/module.py"] ?? []
            XCTAssertEqual(String(decoding: output, as: UTF8.self), String(decoding: fixture.expected, as: UTF8.self), fixture.name)
            XCTAssertEqual(output, fixture.expected, "\(fixture.name): bytes differ")
            // Applying no edit gives the input back, as `--verify` relies on when it reverts.
            XCTAssertEqual(plan.changeSet.contents(applying: [])["pkg/module.py"], fixture.input, fixture.name)
        }
    }

    /// The diff is a real unified diff: `patch` turns the input into the expected output with it.
    func testDiffsApplyWithPatch() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hybridize-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for fixture in try Self.cases() {
            let plan = try Self.plan(fixture)
            let diff = plan.changeSet.diff(applying: plan.edits)
            XCTAssertTrue(diff.contains("@@ "), fixture.name)
            for header in diff.split(separator: "\n") where header.hasPrefix("@@ ") {
                XCTAssertTrue(header.contains("the fixture asks for it") || header.contains("adds `import tensorflow as tf`"),
                              "\(fixture.name): a hunk without its reason:\n\(diff)")
            }
            let file = folder.appendingPathComponent("pkg/module.py")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(fixture.input).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
            process.arguments = ["-p1", "--quiet", "--binary", "-d", folder.path]
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(diff.utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "\(fixture.name): patch rejected\n\(diff)")
            XCTAssertEqual([UInt8](try Data(contentsOf: file)), fixture.expected, "\(fixture.name): patch gave other bytes")
        }
    }
}
