import Foundation
import TraceStore
import XCTest

/// Files no analysis can use, beside a project that gets edits (a copy of
/// Examples/keras_training): every static command names each bad file once, as file:line:col and
/// why, analyses the rest, exits 0, and never crashes or hangs; `refactor --apply` leaves every
/// bad file as it was.
final class BadInputTests: XCTestCase {
    /// A bad file and what its one diagnostic line starts with and holds.
    struct BadFile {
        var path: String
        var prefix: String
        var reason: String
        var needsPermissions = false
    }

    /// Made on disk by `makeProject`; each is named by its diagnostic.
    static let badFiles: [BadFile] = [
        BadFile(path: "syntax_error.py", prefix: "syntax_error.py:1:12: ", reason: "SyntaxError"),
        BadFile(path: "latin1.py", prefix: "latin1.py:1:", reason: "can't decode byte 0xe9"),
        BadFile(path: "binary.py", prefix: "binary.py:1:5: ", reason: "null bytes"),
        BadFile(path: "null_byte.py", prefix: "null_byte.py:2:2: ", reason: "null bytes"),
        // Python 3.11's own limits: nested too deeply for its parser.
        BadFile(path: "deep_unary.py", prefix: "deep_unary.py:1:1: ", reason: "nested too deeply"),
        BadFile(path: "deep_binary.py", prefix: "deep_binary.py:1:1: ", reason: "nested too deeply"),
        BadFile(path: "deep_attributes.py", prefix: "deep_attributes.py:1:1: ", reason: "nested too deeply"),
        BadFile(path: "deep_lambdas.py", prefix: "deep_lambdas.py:1:1: ", reason: "nested too deeply"),
        BadFile(path: "deep_lists.py", prefix: "deep_lists.py:1:", reason: "too many nested parentheses"),
        BadFile(path: "deep_parentheses.py", prefix: "deep_parentheses.py:1:", reason: "too many nested parentheses"),
        BadFile(path: "deep_calls.py", prefix: "deep_calls.py:1:", reason: "too many nested parentheses"),
        // Python parses it; deeper than the analysis follows.
        BadFile(path: "deep_call_chain.py", prefix: "deep_call_chain.py:2:1: ", reason: "nested more than 900 levels deep"),
        BadFile(path: "loop_a.py", prefix: "loop_a.py:1:1: ", reason: "cannot read the file: too many levels of symbolic links (a symlink loop)"),
        BadFile(path: "loop_b.py", prefix: "loop_b.py:1:1: ", reason: "cannot read the file: too many levels of symbolic links (a symlink loop)"),
        BadFile(path: "dangling.py", prefix: "dangling.py:1:1: ", reason: "cannot read the file: a dangling symbolic link (its target nowhere.py does not exist)"),
        BadFile(path: "folder.py", prefix: "folder.py:1:1: ", reason: "cannot read the file: a folder, not a file"),
        BadFile(path: "unreadable.py", prefix: "unreadable.py:1:1: ", reason: "cannot read the file: permission denied", needsPermissions: true),
        BadFile(path: "locked", prefix: "locked:1:1: ", reason: "cannot read the folder: permission denied", needsPermissions: true),
    ]

    /// The example project with the bad files beside it, a function nested 700 calls deep (which
    /// overflowed the main thread's stack) and a folder linking back up (`sub/up -> ..`).
    func makeProject() throws -> URL {
        let project = try HybridizeRunner.project("Examples/keras_training")
        addTeardownBlock {
            chmod(project.appendingPathComponent("locked").path, 0o755)
            try? FileManager.default.removeItem(at: project)
        }
        func write(_ path: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: project.appendingPathComponent(path))
        }
        func write(_ path: String, _ text: String) throws { try write(path, Array(text.utf8)) }
        try write("syntax_error.py", "def broken(:\n    pass\n")
        try write("latin1.py", Array("name = 'caf".utf8) + [0xE9] + Array("'\n".utf8))
        try write("binary.py", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x02, 0x01, 0xFF, 0xFE] + (0..<255).map { UInt8($0) })
        try write("null_byte.py", Array("x = 1\ny\u{0} = 2\n".utf8))
        try write("deep_unary.py", "x = " + String(repeating: "-", count: 100_000) + "1\n")
        try write("deep_binary.py", "x = " + Array(repeating: "1", count: 3_500).joined(separator: " + ") + "\n")
        try write("deep_attributes.py", "x = a" + String(repeating: ".b", count: 5_000) + "\n")
        try write("deep_lambdas.py", "x = " + String(repeating: "lambda: ", count: 3_000) + "1\n")
        try write("deep_lists.py", "x = " + String(repeating: "[", count: 3_000) + String(repeating: "]", count: 3_000) + "\n")
        try write("deep_parentheses.py", "x = " + String(repeating: "(", count: 3_000) + "1" + String(repeating: ")", count: 3_000) + "\n")
        try write("deep_calls.py", "x = " + String(repeating: "f(", count: 3_000) + String(repeating: ")", count: 3_000) + "\n")
        try write("deep_call_chain.py", "import tensorflow as tf\nx = tf" + String(repeating: "()", count: 1_500) + "\n")
        try write("deep_but_analysed.py", """
            import tensorflow as tf


            def deep_chain(x):
                return tf.identity(x)\(String(repeating: "()", count: 700))


            def deep_sum(x):
                return \(Array(repeating: "x", count: 800).joined(separator: " + "))
            """)
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: project.appendingPathComponent("loop_a.py").path, withDestinationPath: "loop_b.py")
        try manager.createSymbolicLink(atPath: project.appendingPathComponent("loop_b.py").path, withDestinationPath: "loop_a.py")
        try manager.createSymbolicLink(atPath: project.appendingPathComponent("dangling.py").path, withDestinationPath: "nowhere.py")
        try manager.createDirectory(at: project.appendingPathComponent("folder.py"), withIntermediateDirectories: false)
        try manager.createDirectory(at: project.appendingPathComponent("sub"), withIntermediateDirectories: false)
        try manager.createSymbolicLink(atPath: project.appendingPathComponent("sub/up").path, withDestinationPath: "..")
        try write("unreadable.py", "def hidden(x):\n    return x\n")
        chmod(project.appendingPathComponent("unreadable.py").path, 0)
        try manager.createDirectory(at: project.appendingPathComponent("locked"), withIntermediateDirectories: false)
        try write("locked/inside.py", "def inside(x):\n    return x\n")
        chmod(project.appendingPathComponent("locked").path, 0)
        return project
    }

    /// Each bad file named once, by the diagnostic expected, and nothing else on stderr.
    func assertDiagnostics(_ run: BoundedRun, _ command: String, file: StaticString = #filePath, line: UInt = #line) {
        let lines = run.standardError.split(separator: "\n").map(String.init)
        for bad in Self.badFiles where !bad.needsPermissions || BoundedRun.permissionsBind {
            let naming = lines.filter { $0.hasPrefix(bad.path + ":") }
            XCTAssertEqual(naming.count, 1, "\(command): \(bad.path) should be named once: \(naming)", file: file, line: line)
            guard let diagnostic = naming.first else { continue }
            XCTAssertTrue(diagnostic.hasPrefix(bad.prefix) && diagnostic.contains(bad.reason),
                          "\(command): \(diagnostic) should start \(bad.prefix) and say \(bad.reason)", file: file, line: line)
            XCTAssertNotNil(diagnostic.range(of: #"^[^:]+:\d+:\d+: \S"#, options: .regularExpression), diagnostic, file: file, line: line)
        }
        let known = Set(Self.badFiles.map(\.path))
        for other in lines where !known.contains(String(other.prefix { $0 != ":" })) {
            XCTFail("\(command): unexpected line on stderr: \(other)", file: file, line: line)
        }
        XCTAssertFalse(run.standardOutput.contains("sub/up") || run.standardOutput.contains("sub.up"),
                       "\(command): a folder linking back up was walked", file: file, line: line)
    }

    func testEveryCommandNamesEachBadFileOnceAndAnalysesTheRest() throws {
        let project = try makeProject()
        // A database without runs: audit's input, with nothing observed.
        _ = try TraceDatabase(path: project.appendingPathComponent("empty.sqlite").path)

        let analyzed = try BoundedRun.hybridize(["analyze", "--format", "json"], in: project)
        XCTAssertEqual(analyzed.status, 0, analyzed.standardError)
        assertDiagnostics(analyzed, "analyze")
        let verdicts = try HybridizeRunner.verdictsByQualname(analyzed.standardOutput)
        for name in ["compute_loss", "accuracy", "train_step", "deep_chain", "deep_sum"] {
            XCTAssertNotNil(verdicts[name], "analyze lost \(name)")
        }

        let checked = try BoundedRun.hybridize(["analyze", "--check"], in: project)
        XCTAssertEqual(checked.status, 1, "findings under --check: \(checked.standardError)")
        assertDiagnostics(checked, "analyze --check")

        let graph = try BoundedRun.hybridize(["callgraph", "--format", "json"], in: project)
        XCTAssertEqual(graph.status, 0, graph.standardError)
        assertDiagnostics(graph, "callgraph")
        let calls = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(graph.standardOutput.utf8)) as? [String: [String]])
        XCTAssertNotNil(calls["trainer.train.compute_loss"], "\(calls.keys.sorted())")
        XCTAssertNotNil(calls["deep_but_analysed.deep_chain"], "\(calls.keys.sorted())")

        let audit = try BoundedRun.hybridize(["audit", "--traces", "empty.sqlite", "--format", "json"], in: project)
        XCTAssertEqual(audit.status, 0, audit.standardError)
        assertDiagnostics(audit, "audit")
        XCTAssertNotNil(try HybridizeRunner.verdictsByQualname(audit.standardOutput)["compute_loss"])

        let dryRun = try BoundedRun.hybridize(["refactor"], in: project)
        XCTAssertEqual(dryRun.status, 0, dryRun.standardError)
        assertDiagnostics(dryRun, "refactor")
        XCTAssertTrue(dryRun.standardOutput.contains("\n+@tf.function\n def accuracy("), dryRun.standardOutput)

        let report = try BoundedRun.hybridize(["report", "-o", "report.html"], in: project)
        XCTAssertEqual(report.status, 0, report.standardError)
        assertDiagnostics(report, "report")
        let page = try String(contentsOf: project.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("compute_loss") && page.contains("deep_sum"))
    }

    func testApplyEditsTheGoodFilesAndLeavesEveryBadFileAsItWas() throws {
        let project = try makeProject()
        let manager = FileManager.default
        // The test process may read what the command may not (it keeps root's capabilities).
        func snapshot() throws -> [String: String] {
            var state: [String: String] = [:]
            for bad in Self.badFiles {
                let path = project.appendingPathComponent(bad.path).path
                let attributes = try manager.attributesOfItem(atPath: path)
                let type = attributes[.type] as? FileAttributeType
                if type == .typeSymbolicLink {
                    state[bad.path] = "link to " + (try manager.destinationOfSymbolicLink(atPath: path))
                } else if type == .typeDirectory {
                    state[bad.path] = "folder \(attributes[.posixPermissions] ?? "?")"
                } else {
                    // Unreadable to a test run without root: its size and time then stand for it.
                    let bytes = (try? Data(contentsOf: URL(fileURLWithPath: path)))?.base64EncodedString() ?? "unreadable"
                    state[bad.path] = "\(attributes[.posixPermissions] ?? "?") \(attributes[.size] ?? "?") \(attributes[.modificationDate] ?? "?") \(bytes)"
                }
            }
            return state
        }
        let before = try snapshot()
        let train = project.appendingPathComponent("trainer/train.py")
        let trainBefore = try Data(contentsOf: train)

        let applied = try BoundedRun.hybridize(["refactor", "--apply"], in: project)
        XCTAssertEqual(applied.status, 0, applied.standardError)
        assertDiagnostics(applied, "refactor --apply")
        XCTAssertEqual(try snapshot(), before, "a bad file changed")
        let trainAfter = try Data(contentsOf: train)
        XCTAssertNotEqual(trainAfter, trainBefore)
        XCTAssertTrue(String(decoding: trainAfter, as: UTF8.self).contains("@tf.function\ndef accuracy("))

        let undone = try BoundedRun.hybridize(["refactor", "--undo"], in: project)
        XCTAssertEqual(undone.status, 0, undone.standardError)
        XCTAssertEqual(try Data(contentsOf: train), trainBefore)
        XCTAssertEqual(try snapshot(), before)
    }

    /// 10 MB of small functions beside a good file: all analysed, within a generous bound that
    /// only catches a hang. (Python 3.11's own `compile` of it takes about 10 s and 1.9 GB.)
    func testATenMegabyteFileIsAnalysed() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("hybridize-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: project) }
        var text = ""
        var count = 0
        while text.utf8.count < 10_000_000 {
            text += "def generated_\(count)(x):\n    \"\"\"Generated function \(count).\"\"\"\n"
            for step in 0..<20 { text += "    v\(step) = x * \(step) + \(count)\n" }
            text += "    return v19\n\n\n"
            count += 1
        }
        try Data(text.utf8).write(to: project.appendingPathComponent("big.py"))
        try Data("import tensorflow as tf\n\n\ndef small(x):\n    return tf.reduce_sum(x)\n".utf8)
            .write(to: project.appendingPathComponent("small.py"))
        let analyzed = try BoundedRun.hybridize(["analyze", "--format", "json"], in: project, seconds: 600)
        XCTAssertEqual(analyzed.status, 0, analyzed.standardError)
        XCTAssertEqual(analyzed.standardError, "")
        let verdicts = try HybridizeRunner.verdictsByQualname(analyzed.standardOutput)
        XCTAssertEqual(verdicts.count, count + 1)
        XCTAssertNotNil(verdicts["generated_\(count - 1)"])
        XCTAssertNotNil(verdicts["small"])
    }
}
