import ArgumentParser
import Foundation
import PythonRuntime
import TraceStore

@main
struct Hybridize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hybridize",
        abstract: "Find where @tf.function is safe and profitable, explain why, and apply it.",
        version: "0.3.0",
        subcommands: [DemoCommand.self, Trace.self, AnalyzeCommand.self, AuditCommand.self, RefactorCommand.self, ReportCommand.self, CallGraphCommand.self])

    /// Exit statuses of SPEC §8: 2 for usage errors, 3 for a missing interpreter or TensorFlow.
    static func main() {
        do {
            var command = try parseAsRoot()
            if command is AnalysingCommand {
                try DeepStack.run { try command.run() }
            } else {
                try command.run()
            }
        } catch let problem as EnvironmentProblem {
            FileHandle.standardError.write(Data("hybridize: error: \(problem.message)\n".utf8))
            Foundation.exit(3)
        } catch let failure as RefactorFailure {
            FileHandle.standardError.write(Data("hybridize: error: \(failure.description)\n".utf8))
            Foundation.exit(failure.exitStatus)
        } catch let storeError as TraceStoreError {
            // A trace database that cannot be opened, read or written is the environment's fault.
            FileHandle.standardError.write(Data("hybridize: error: \(storeError)\n".utf8))
            Foundation.exit(3)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                // --version and --help are answers, not errors: standard output.
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty {
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            if code == .validationFailure {
                Foundation.exit(2)
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// The commands that parse a project and walk its syntax trees: they run on `DeepStack`, so that
/// no nesting the parser accepts overflows the stack. (`trace` runs the project's own code and
/// keeps the main thread.)
protocol AnalysingCommand: ParsableCommand {}

extension AnalyzeCommand: AnalysingCommand {}
extension AuditCommand: AnalysingCommand {}
extension CallGraphCommand: AnalysingCommand {}
extension RefactorCommand: AnalysingCommand {}
extension ReportCommand: AnalysingCommand {}
