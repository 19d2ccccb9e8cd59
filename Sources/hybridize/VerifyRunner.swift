import Foundation
import PythonRuntime
import Refactoring

/// Runs the project's command under `hybridize trace` in a child process (each run needs a fresh
/// interpreter: one that imported TensorFlow and the project cannot reload the edited modules),
/// into a database of its own, and reads what it measured.
struct VerifyRunner {
    let command: [String]
    let root: URL
    /// `trace --timeout` for each run: an edit that makes a test hang must not hang verify.
    let timeout: Double?
    let workspace: URL
    private(set) var count = 0

    init(command: [String], root: URL, timeout: Double? = nil) throws {
        self.command = command
        self.root = root
        self.timeout = timeout
        workspace = FileManager.default.temporaryDirectory.appendingPathComponent("hybridize-verify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workspace, withIntermediateDirectories: true)
    }


    mutating func measure() throws -> RunMeasurement {
        count += 1
        let database = workspace.appendingPathComponent("run-\(count).sqlite").path
        let log = workspace.appendingPathComponent("run-\(count).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RuntimeFiles.executable)
        process.arguments = ["trace", "--quiet", "--db", database] + (timeout.map { ["--timeout", "\($0)"] } ?? []) + ["--"]
            + command
        process.currentDirectoryURL = root
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        let started = Date()
        try process.run()
        VerifyInterruption.shared.watch(process.processIdentifier)
        process.waitUntilExit()
        VerifyInterruption.shared.watch(nil)
        try? handle.close()
        let seconds = Date().timeIntervalSince(started)
        if let signal = VerifyInterruption.shared.received {
            // The caller puts the analysed files back before this reaches the user.
            throw RefactorFailure(
                "verify was \(signal == SIGINT ? "interrupted by SIGINT" : "stopped by SIGTERM"); the files are left as they were analysed",
                exitStatus: 4)
        }
        let status = process.terminationStatus
        // 2 and 3 are hybridize's own usage and environment errors: the command never ran. A
        // failing command (4) still measured its tests.
        guard status != 2, status != 3, FileManager.default.fileExists(atPath: database) else {
            let tail = (try? String(contentsOf: log, encoding: .utf8)).map { String($0.suffix(2_000)) } ?? ""
            throw RefactorFailure(
                "the command to verify with could not run (exit \(status)); its output:\n\(tail)", exitStatus: 4)
        }
        return try RunMeasurement.read(database: database, wallSeconds: seconds, exitStatus: status)
    }

    func removeWorkspace() {
        try? FileManager.default.removeItem(at: workspace)
    }
}

/// SIGINT or SIGTERM during `refactor --verify`: the run in progress is stopped (its trace
/// child gets SIGTERM and ends its database cleanly) rather than orphaned, and the verify ends
/// with the files as they were analysed.
final class VerifyInterruption: @unchecked Sendable {
    static let shared = VerifyInterruption()

    private let lock = NSLock()
    private var child: pid_t?
    private var signal: Int32?
    private var sources: [DispatchSourceSignal] = []

    /// The signal received, if any.
    var received: Int32? {
        lock.lock()
        defer { lock.unlock() }
        return signal
    }

    /// Takes over SIGINT and SIGTERM for as long as this process runs verify.
    func install() {
        lock.lock()
        defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for number in [SIGINT, SIGTERM] {
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in received(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// The child to pass a signal on to (nil between runs).
    func watch(_ process: pid_t?) {
        lock.lock()
        child = process
        let pending = signal
        lock.unlock()
        if let process, pending != nil { kill(process, SIGTERM) }
    }

    private func received(_ number: Int32) {
        lock.lock()
        signal = signal ?? number
        let running = child
        lock.unlock()
        if let running { kill(running, SIGTERM) }
    }
}

/// A refactoring that stopped with the files left as they were: a file changed since it was
/// analysed or cannot be written (exit 2: the input is not what the analysis saw), or the verify
/// command could not run (exit 4, SPEC §8's "the traced command failed").
struct RefactorFailure: Error, CustomStringConvertible {
    let description: String
    let exitStatus: Int32

    init(_ description: String, exitStatus: Int32 = 2) {
        self.description = description
        self.exitStatus = exitStatus
    }
}
