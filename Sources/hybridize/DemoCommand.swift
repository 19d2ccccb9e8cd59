import ArgumentParser
import Foundation
import PythonRuntime

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "The whole flow on a bundled example: trace its tests, audit, refactor with --verify, and time its training run.",
        discussion: """
            Copies Examples/EXAMPLE to a temporary folder (the bundled examples are never
            touched), traces its pytest suite, prints the verdicts and the assumptions audit,
            runs `refactor --verify`, and, when the example has a train.py, times that training
            run eagerly and with the verified edits, side by side. Sets up the runtime (Python,
            TensorFlow) itself the first time. The copies stay for a look; their path is printed.
            """)

    @Argument(help: "The example to run (a folder of Examples/); `--list` names them.")
    var example: String = "gan"

    @Flag(name: .long, help: "List the bundled examples and exit.")
    var list = false

    @Option(name: .long, help: "Runs of each training run, alternating eager and hybrid (medians are reported).")
    var repetitions = 3

    func validate() throws {
        if repetitions < 1 { throw ValidationError("--repetitions must be at least 1") }
    }

    /// Examples/ beside the Runtime/ folder of this checkout (HYBRIDIZE_EXAMPLES overrides).
    static func examplesFolder() throws -> URL {
        if let explicit = ProcessInfo.processInfo.environment["HYBRIDIZE_EXAMPLES"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        guard let runtime = RuntimeFiles.directory() else {
            throw EnvironmentProblem("cannot find hybridize's Examples/ folder; set HYBRIDIZE_EXAMPLES to it")
        }
        return URL(fileURLWithPath: runtime).deletingLastPathComponent().appendingPathComponent("Examples")
    }

    static func examples() throws -> [String] {
        let folder = try examplesFolder()
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent("tests").path)
        }.sorted()
    }

    func run() throws {
        let available = try Self.examples()
        if list {
            print(available.joined(separator: "\n"))
            return
        }
        guard available.contains(example) else {
            throw ValidationError("no example \(example); the examples are: \(available.joined(separator: ", "))")
        }
        let source = try Self.examplesFolder().appendingPathComponent(example)
        let workspace = FileManager.default.temporaryDirectory.appendingPathComponent("hybridize-demo-\(example)-\(UUID().uuidString.prefix(8))")
        let eager = workspace.appendingPathComponent("eager")
        let hybrid = workspace.appendingPathComponent("hybrid")
        try ProjectCopy.copy(from: source, to: eager)
        try ProjectCopy.copy(from: source, to: hybrid)
        print("hybridize demo: \(example), copied to \(hybrid.path)\n")

        let steps: [(title: String, arguments: [String])] = [
            ("1. trace the tests", ["trace", "--quiet", "--db", "trace.sqlite", "--", "pytest", "-q", "-p", "no:cacheprovider"]),
            ("2. verdicts, from the code and the traces", ["analyze", "--traces", "trace.sqlite"]),
            ("3. the assumptions audit", ["audit", "--traces", "trace.sqlite"]),
            ("4. refactor --verify: edits kept only where the tests pass and the function got faster",
             ["refactor", "--traces", "trace.sqlite", "--verify"]),
        ]
        for step in steps {
            print("== \(step.title) ==")
            print("$ hybridize \(step.arguments.joined(separator: " "))")
            let status = try ChildProcess.run(executable: RuntimeFiles.executable, arguments: step.arguments, in: hybrid)
            print("")
            guard status == 0 else {
                throw RefactorFailure("`hybridize \(step.arguments.first ?? "")` exited with \(status); the copy is in \(hybrid.path)",
                                      exitStatus: 4)
            }
        }
        if FileManager.default.fileExists(atPath: hybrid.appendingPathComponent("train.py").path) {
            try timeTrainingRuns(eager: eager, hybrid: hybrid)
        }
        print("the eager copy is \(eager.path), the refactored one \(hybrid.path) (`hybridize refactor --undo` there restores it)")
    }

    /// `python train.py` in both copies, alternating; its last line reports the final loss.
    func timeTrainingRuns(eager: URL, hybrid: URL) throws {
        print("== 5. the training run (train.py), eager against the verified edits, \(repetitions) runs each, alternating ==")
        let python = try InterpreterLocator().locate(option: nil) { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }.python
        var seconds: [String: [Double]] = [:]
        var losses: [String: String] = [:]
        for _ in 0..<repetitions {
            for (label, folder) in [("eager", eager), ("hybrid", hybrid)] {
                let started = Date()
                let (status, output) = try ChildProcess.capture(executable: python, arguments: ["train.py"], in: folder)
                guard status == 0 else {
                    throw RefactorFailure("train.py failed in the \(label) copy (exit \(status)):\n\(output.suffix(2_000))", exitStatus: 4)
                }
                seconds[label, default: []].append(Date().timeIntervalSince(started))
                losses[label] = output.split(separator: "\n").last { $0.hasPrefix("final loss:") }.map(String.init) ?? "?"
            }
        }
        let eagerMedian = Self.median(seconds["eager"] ?? [])
        let hybridMedian = Self.median(seconds["hybrid"] ?? [])
        print(String(format: "eager:  %.2f s  (%@)", eagerMedian, losses["eager"] ?? "?"))
        print(String(format: "hybrid: %.2f s  (%@)", hybridMedian, losses["hybrid"] ?? "?"))
        print(String(format: "training run speedup: %.2fx\n", hybridMedian > 0 ? eagerMedian / hybridMedian : 0))
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}

/// A child process whose output goes straight to ours, or is captured.
enum ChildProcess {
    static func run(executable: String, arguments: [String], in folder: URL) throws -> Int32 {
        // What this process printed must come out before what the child prints.
        fflush(stdout)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Runs to the end; standard output and error together. TensorFlow's C++ start-up logs are
    /// quieted unless the caller's environment or `environment` says otherwise.
    static func capture(executable: String, arguments: [String], in folder: URL,
                        environment extra: [String: String] = [:]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["TF_CPP_MIN_LOG_LEVEL"] = environment["TF_CPP_MIN_LOG_LEVEL"] ?? "2"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// Copies a project's sources, leaving behind what runs leave in it (trace databases, caches,
/// journals), so that a copy starts as the sources do.
enum ProjectCopy {
    static func isLeftOver(_ name: String) -> Bool {
        name == "__pycache__" || name == ".pytest_cache" || name == ".hybridize"
            || [".sqlite", ".sqlite-wal", ".sqlite-shm", ".sqlite-journal", ".db", ".pyc"].contains { name.hasSuffix($0) }
    }

    static func copy(from source: URL, to destination: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: destination, withIntermediateDirectories: true)
        for name in try manager.contentsOfDirectory(atPath: source.path) where !isLeftOver(name) {
            let from = source.appendingPathComponent(name)
            let to = destination.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: from.path, isDirectory: &isFolder), isFolder.boolValue {
                try copy(from: from, to: to)
            } else {
                try manager.copyItem(at: from, to: to)
            }
        }
    }
}
