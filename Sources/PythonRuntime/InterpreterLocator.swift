import Foundation

/// Finds the python executable whose virtualenv the embedded interpreter starts on.
///
/// Order: `--python`, then `HYBRIDIZE_PYTHON`, then `VIRTUAL_ENV`, then the virtualenv made by
/// `Runtime/bootstrap` (which is run, with a message, when it does not exist yet).
public struct InterpreterLocator {
    public enum Source: String, Sendable {
        case option = "--python"
        case environment = "HYBRIDIZE_PYTHON"
        case virtualEnv = "VIRTUAL_ENV"
        case bootstrap = "Runtime/bootstrap"
    }

    public struct Located: Sendable {
        public let python: String
        public let source: Source
    }

    public let environment: [String: String]
    public let runtimeDirectory: String?

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        runtimeDirectory = RuntimeFiles.directory(environment: environment)
    }

    public func locate(option: String?, log: (String) -> Void) throws -> Located {
        if let option {
            return Located(python: try checked(option, from: .option), source: .option)
        }
        if let path = environment["HYBRIDIZE_PYTHON"], !path.isEmpty {
            return Located(python: try checked(path, from: .environment), source: .environment)
        }
        if let venv = environment["VIRTUAL_ENV"], !venv.isEmpty {
            return Located(python: try checked(venv + "/bin/python", from: .virtualEnv), source: .virtualEnv)
        }
        return Located(python: try bootstrap(log: log), source: .bootstrap)
    }

    private func checked(_ path: String, from source: Source) throws -> String {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw EnvironmentProblem(
                "no python at \(path) (from \(source.rawValue)); point it at a virtualenv's bin/python made by /usr/bin/python3 -m venv, or unset it to use Runtime/bootstrap")
        }
        return path
    }

    /// Runs `Runtime/bootstrap`, which is quick when its virtualenv is already up to date, and
    /// takes the python path from its last line of output.
    private func bootstrap(log: (String) -> Void) throws -> String {
        guard let runtimeDirectory else {
            throw EnvironmentProblem(
                "cannot find hybridize's Runtime/ folder; set HYBRIDIZE_RUNTIME to it, or pass --python PATH")
        }
        let script = runtimeDirectory + "/bootstrap"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        do {
            try process.run()
        } catch {
            throw EnvironmentProblem("cannot run \(script): \(error); check that it exists and is executable")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        guard process.terminationStatus == 0, let last = lines.last else {
            throw EnvironmentProblem(
                "Runtime/bootstrap failed (status \(process.terminationStatus)); see its message above, or pass --python PATH")
        }
        let python = String(last)
        if lines.count > 1 {
            log(lines.dropLast().joined(separator: "\n"))
        }
        return try checked(python, from: .bootstrap)
    }
}

/// Locates the `Runtime/` folder (bootstrap, requirements, the Python helpers the interpreter loads).
public enum RuntimeFiles {
    /// This process's executable (hybridize itself, which verify and demo run again as children).
    public static var executable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
    }

    public static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let explicit = environment["HYBRIDIZE_RUNTIME"], !explicit.isEmpty {
            return explicit
        }
        // A build folder lives inside the checkout (.build/<config>/hybridize): walk up from the binary.
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        while folder.path != "/" {
            if isRuntime(folder.appendingPathComponent("Runtime").path) {
                return folder.appendingPathComponent("Runtime").path
            }
            folder.deleteLastPathComponent()
        }
        // Last resort: where this source file was compiled from.
        let fromSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Runtime").path
        return isRuntime(fromSource) ? fromSource : nil
    }

    private static func isRuntime(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/bootstrap")
            && FileManager.default.fileExists(atPath: path + "/hybridize_runtime.py")
    }
}
