import Foundation
import TraceStore
import XCTest

@testable import hybridize

/// Runs the built `hybridize` binary in a copy of a fixture project and opens what it wrote.
struct HybridizeRunner {
    struct Result {
        let status: Int32
        let output: String
        let database: TraceDatabase?

        var pair: (status: Int32, output: String) { (status, output) }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var binary: URL {
        // The test bundle sits beside the products of the same build.
        let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidate = products.appendingPathComponent("hybridize")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return repository.appendingPathComponent(".build/debug/hybridize")
    }

    /// A fresh copy of `Tests/EndToEndTests/Fixtures/<name>` (or of a repository folder such as
    /// `Examples/keras_training`), so runs never share caches or databases.
    static func project(_ relativePath: String) throws -> URL {
        let source = relativePath.contains("/")
            ? repository.appendingPathComponent(relativePath)
            : repository.appendingPathComponent("Tests/EndToEndTests/Fixtures/\(relativePath)")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("hybridize-e2e-\(UUID().uuidString)")
        try copySources(from: source, to: copy)
        return copy
    }

    /// What a command run in the working tree leaves behind (trace databases, journals, caches):
    /// a copy never takes it, so no test depends on what ran there before. The rule is the one
    /// `hybridize demo` copies examples by.
    static func isLeftOver(_ name: String) -> Bool { ProjectCopy.isLeftOver(name) }

    static func copySources(from source: URL, to destination: URL) throws {
        try ProjectCopy.copy(from: source, to: destination)
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: URL, database: String? = nil,
                    environment extra: [String: String] = [:]) throws -> Result {
        let (status, text) = try ChildProcess.capture(
            executable: binary.path, arguments: arguments, in: directory,
            environment: ["TF_CPP_MIN_LOG_LEVEL": "3"].merging(extra) { _, new in new })
        let path = database.map { directory.appendingPathComponent($0).path }
        let opened = try path.flatMap { FileManager.default.fileExists(atPath: $0) ? try TraceDatabase(path: $0) : nil }
        return Result(status: status, output: text, database: opened)
    }

    /// Runs hybridize as a user whom file modes bind (BoundedRun drops root's capabilities to
    /// ignore them), error lines first.
    static func runObeyingFileModes(_ arguments: [String], in directory: URL) throws -> Result {
        let run = try BoundedRun.run(binary.path, arguments, in: directory, seconds: 300,
                                     environment: ["TF_CPP_MIN_LOG_LEVEL": "3"])
        return Result(status: run.status, output: run.standardError + run.standardOutput, database: nil)
    }

    static func trace(_ command: [String], in directory: URL, database: String = "trace.sqlite",
                      options: [String] = []) throws -> Result {
        try run(["trace", "--quiet", "--db", database] + options + ["--"] + command, in: directory, database: database)
    }
}

/// A `hybridize` started in the background, for tests that signal or kill it mid-run.
final class RunningHybridize {
    let process = Process()
    private let output = Pipe()

    init(_ arguments: [String], in directory: URL) throws {
        process.executableURL = HybridizeRunner.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the process to end; its status and everything it printed.
    func finish() -> (status: Int32, output: String) {
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// Polls the trace database at `path` (read-only) until `qualname` has `calls` recorded calls.
    static func waitForCalls(of qualname: String, count calls: Int, in path: String, seconds: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            if FileManager.default.fileExists(atPath: path), let database = try? TraceDatabase(readingFrom: path),
                (try? database.calls(of: qualname).first?.calls) == calls
            {
                return true
            }
        }
        return false
    }
}

extension TraceDatabase {
    /// Every distinct (param, kind, dtype, shape) observed for a function, with call counts.
    func calls(of qualname: String) throws -> [ObservedCall] {
        try observedCalls().filter { $0.qualname == qualname }
    }

    func effects(of qualname: String) throws -> [ObservedEffect] {
        try observedEffects().filter { $0.qualname == qualname }
    }

    func integer(_ sql: String, _ bindings: [SQLValue] = []) throws -> Int {
        Int(try rows(sql, bindings).first?.first?.integer ?? -1)
    }
}

extension HybridizeRunner {
    /// The JSON lines a verdict command printed, one object per function, by qualname.
    static func verdictsByQualname(_ output: String) throws -> [String: [String: Any]] {
        var byName: [String: [String: Any]] = [:]
        for line in output.split(separator: "\n") where line.hasPrefix("{") {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], String(line))
            byName[object["qualname"] as? String ?? "?"] = object
        }
        return byName
    }

    /// Traces `python run.py` in a copy of a fixture, then analyses its `lab` package with that
    /// trace: the verdicts by qualname. The copy is removed afterwards.
    static func tracedVerdicts(ofFixture fixture: String) throws -> [String: [String: Any]] {
        let project = try self.project(fixture)
        defer { try? FileManager.default.removeItem(at: project) }
        let run = try trace(["python", "run.py"], in: project)
        XCTAssertEqual(run.status, 0, run.output)
        let analyzed = try self.run(["analyze", "lab", "--traces", "trace.sqlite", "--format", "json"], in: project)
        XCTAssertEqual(analyzed.status, 0, analyzed.output)
        return try verdictsByQualname(analyzed.output)
    }
}
