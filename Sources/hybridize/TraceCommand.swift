import ArgumentParser
import Foundation
import PythonRuntime
import TraceStore
import Tracing

struct Trace: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Run a project's tests (or a script or module) under the tracing hook, into a SQLite trace database.",
        discussion: """
            COMMAND is `pytest ARGS...`, `SCRIPT.py ARGS...` or `-m MODULE ARGS...`, given after `--`.
            It runs inside hybridize's embedded CPython with the current directory as the project root,
            and hybridize exits with the command's own status.

            Example: hybridize trace --db trace.sqlite -- pytest -q tests
            """,
        subcommands: [Merge.self])

    @Option(name: .long, help: "Trace database to create or append a run to.")
    var db = "hybridize-trace.sqlite"

    @Option(name: .long, help: "Trace only project files matching this glob (relative to the root); repeatable.")
    var include: [String] = []

    @Option(name: .long, help: "Run the K-th of N deterministic slices of the pytest items, e.g. 2/4. Calls outside tests (imports, collection) are recorded by shard 1 only, so merged shards count them once.")
    var shard: String?

    @Option(name: .long, help: "Python of the virtualenv to run in (else HYBRIDIZE_PYTHON, VIRTUAL_ENV, Runtime/bootstrap).")
    var python: String?

    @Option(name: .long, help: ArgumentHelp("Hook design: frame-eval (default, PEP 523) or profile (for comparison).",
                                            visibility: .hidden))
    var hook: String = HookDesign.frameEvaluation.rawValue

    @Flag(name: .long, help: "Also record which lines of each project function ran (sys.settrace; slower), so that audit can say how much of a function the traces cover.")
    var coverage = false

    @Flag(name: .long, help: "No live progress line, even on a terminal.")
    var quiet = false

    @Argument(parsing: .postTerminator, help: "The command to trace, after --.")
    var command: [String] = []

    func validate() throws {
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard wants K/N with 1 ≤ K ≤ N, e.g. 1/4; got \(shard)")
        }
        if HookDesign(rawValue: hook) == nil {
            throw ValidationError("--hook is frame-eval or profile; got \(hook)")
        }
    }

    /// The command after `--`. Checked here rather than in `validate()`, which also runs before
    /// the `merge` subcommand (that takes no command).
    private func tracedCommand() throws -> TracedCommand {
        let traced: TracedCommand
        do {
            traced = try TracedCommand(arguments: command)
        } catch let invalid as TracedCommand.Invalid {
            throw ValidationError(invalid.description)
        }
        if let shard = shard.flatMap(Shard.init), shard.count > 1 {
            guard case .pytest = traced else {
                throw ValidationError("--shard slices pytest items; it needs a `pytest ...` command")
            }
        }
        return traced
    }

    func run() throws {
        let traced = try tracedCommand()
        let root = FileManager.default.currentDirectoryPath
        let locator = InterpreterLocator()
        let located = try locator.locate(option: python) { message in
            FileHandle.standardError.write(Data((message + "\n").utf8))
        }
        guard let runtime = locator.runtimeDirectory else {
            throw EnvironmentProblem("cannot find hybridize's Runtime/ folder; set HYBRIDIZE_RUNTIME to it")
        }
        let databasePath = db.hasPrefix("/") ? db : root + "/" + db
        var options = TraceSession.Options(
            command: traced, python: located.python, runtimeDirectory: runtime,
            databasePath: databasePath, root: root)
        options.includeGlobs = include
        options.shard = shard.flatMap(Shard.init)
        options.hook = HookDesign(rawValue: hook) ?? .frameEvaluation
        options.showProgress = !quiet
        options.coverage = coverage
        let started = Date()
        let outcome = try TraceSession(options: options).run()
        let seconds = Date().timeIntervalSince(started)
        let totals = outcome.totals
        let summary = String(
            format: "hybridize: traced %d functions, %d calls, %d effects over %d tests in %.1f s → %@ (%@, run %d)\n",
            totals.functions, totals.calls, totals.effects, totals.tests, seconds, db,
            ByteCountFormatter.string(fromByteCount: Int64(outcome.databaseBytes), countStyle: .file), outcome.runID)
        FileHandle.standardError.write(Data(summary.utf8))
        if outcome.exitStatus != 0 {
            throw ExitCode(outcome.exitStatus)
        }
    }
}

extension Trace {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge trace databases (e.g. the shards of one suite) into OUT, appending their runs.")

        @Argument(help: "The database to merge into (created if absent).")
        var output: String

        @Argument(help: "Databases to merge from.")
        var inputs: [String]

        func validate() throws {
            if inputs.isEmpty { throw ValidationError("give at least one database to merge from") }
            for input in inputs where !FileManager.default.fileExists(atPath: input) {
                throw ValidationError("no such trace database: \(input)")
            }
        }

        func run() throws {
            let database = try TraceDatabase(path: output)
            var runs = 0
            for input in inputs {
                runs += try database.merge(from: input)
            }
            try database.checkpoint()
            let totals = try database.totals()
            print("merged \(runs) runs from \(inputs.count) databases into \(output): \(totals.runs) runs, \(totals.functions) functions, \(totals.calls) calls")
        }
    }
}
