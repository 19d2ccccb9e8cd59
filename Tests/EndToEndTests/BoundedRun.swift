import Foundation
import XCTest

/// Runs the built `hybridize` under coreutils' `timeout`, with standard output and standard error
/// kept apart, so that a hang fails a test instead of hanging the suite, and a crash is told
/// from an error.
struct BoundedRun {
    let status: Int32
    let standardOutput: String
    let standardError: String

    /// `timeout`'s status for a command it had to stop.
    static let hungStatus: Int32 = 124

    /// Killed by a signal (`timeout` reports 128 + the signal) or stopped for taking too long.
    var crashedOrHung: Bool { status == Self.hungStatus || status >= 128 }

    /// Whether file modes bind the tests' processes: root reads a mode-000 file unless the
    /// capabilities that let it are dropped, which `setpriv` does (util-linux).
    static let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var permissionsBind: Bool { getuid() != 0 || setpriv != nil }

    static func hybridize(_ arguments: [String], in directory: URL, seconds: Int = 120,
                          file: StaticString = #filePath, line: UInt = #line) throws -> BoundedRun {
        let run = try self.run(HybridizeRunner.binary.path, arguments, in: directory, seconds: seconds)
        XCTAssertFalse(run.crashedOrHung, "hybridize \(arguments.joined(separator: " ")) crashed or hung (status \(run.status)): \(run.standardError.suffix(3000))",
                       file: file, line: line)
        return run
    }

    /// Runs `executable` as a process that obeys file modes (see `permissionsBind`), for at
    /// most `seconds` (then SIGTERM, and SIGKILL 10 s later).
    static func run(_ executable: String, _ arguments: [String], in directory: URL, seconds: Int,
                    environment extra: [String: String] = [:]) throws -> BoundedRun {
        var command = ["/usr/bin/timeout", "-k", "10", String(seconds), executable] + arguments
        if getuid() == 0, let setpriv {
            command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]
                + command
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["TF_CPP_MIN_LOG_LEVEL"] = "3"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        // Files, not pipes: a process that writes megabytes to both never blocks on a full pipe.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("hybridize-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outputPath = scratch.appendingPathComponent("stdout")
        let errorPath = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outputPath.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errorPath.path, contents: nil)
        let output = try FileHandle(forWritingTo: outputPath)
        let error = try FileHandle(forWritingTo: errorPath)
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        try error.close()
        return BoundedRun(
            status: process.terminationStatus,
            standardOutput: String(decoding: try Data(contentsOf: outputPath), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errorPath), as: UTF8.self))
    }
}
