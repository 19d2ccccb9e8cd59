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
            It runs inside hybridize's embedded CPython with the current directory as the project root.
            When the command fails (a non-zero status, a signal, --timeout), hybridize says so, records the
            command's own status in the database, and exits 4; the database keeps every call recorded before.

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

    @Option(name: .long, help: ArgumentHelp(
        "Stop the command after SECONDS, as Ctrl-C would (pytest still prints its summary); a command that ignores it is ended 10 s later.",
        valueName: "SECONDS"))
    var timeout: Double?

    @Option(name: .long, help: ArgumentHelp("Seconds an interrupted command has to end.", visibility: .hidden))
    var grace: Double = 10

    @Flag(name: .long, help: "No live progress line, even on a terminal.")
    var quiet = false

    @Argument(parsing: .postTerminator, help: "The command to trace, after --.")
    var command: [String] = []

    func validate() throws {
        if let shard, Shard(shard) == nil {
            throw ValidationError("--shard wants K/N with 1 ≤ K ≤ N, e.g. 1/4; got \(shard)")
        }
        if let timeout, !(timeout > 0) {
            throw ValidationError("--timeout wants a number of seconds above 0; got \(timeout)")
        }
        if !(grace >= 0) {
            throw ValidationError("--grace wants a number of seconds; got \(grace)")
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
        if case .script(let script, _) = traced {
            // Found before the interpreter and TensorFlow start, and before a run is recorded.
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: script, isDirectory: &isFolder), !isFolder.boolValue else {
                throw ValidationError("no such script: \(script)")
            }
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
        MainThreadStack.allowGrowth()
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
        options.timeout = timeout
        options.gracePeriod = grace
        let started = Date()
        let outcome = try TraceSession(options: options).run()
        let seconds = Date().timeIntervalSince(started)
        let totals = outcome.totals
        let summary = String(
            format: "hybridize: traced %d functions, %d calls, %d effects over %d tests in %.1f s → %@ (%@, run %d)\n",
            totals.functions, totals.calls, totals.effects, totals.tests, seconds, db,
            ByteCountFormatter.string(fromByteCount: Int64(outcome.databaseBytes), countStyle: .file), outcome.runID)
        FileHandle.standardError.write(Data(summary.utf8))
        let children = outcome.untracedChildren
        if children.total > 0 {
            let note = "hybridize: \(children.total) child process\(children.total == 1 ? "" : "es") ran untraced "
                + "(\(children.description)): the calls made in \(children.total == 1 ? "it" : "them") are not in \(db)\n"
            FileHandle.standardError.write(Data(note.utf8))
        }
        if let failure = outcome.writeFailure {
            // The command's own result matters less than a database that lacks part of the run.
            let seconds = Date().timeIntervalSince(failure.since)
            let note = String(
                format: "hybridize: error: the last %.0f s of the run could not be written to %@; it keeps every batch written before: %@\n",
                seconds, db, failure.error)
            FileHandle.standardError.write(Data(note.utf8))
            throw ExitCode(3)
        }
        if outcome.exitStatus != 0 {
            // SPEC §8: 4 is "the traced command failed"; its own status is in the runs table.
            let why = outcome.interruption.map { "was \($0.description)" }
                ?? "failed with exit status \(outcome.exitStatus)"
            FileHandle.standardError.write(Data(tracedCommandFailedLine(why, database: db, runID: outcome.runID).utf8))
            throw ExitCode(4)
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
            let outputPath = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
            var seen: Set<String> = []
            for input in inputs {
                let path = URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path
                if path == outputPath {
                    throw ValidationError("\(input) is the database merged into; merging it into itself would count its calls twice")
                }
                if !seen.insert(path).inserted {
                    throw ValidationError("\(input) is given twice; merging it twice would count its calls twice")
                }
            }
        }

        func run() throws {
            // Every input is checked before anything is written, so that a bad one (foreign, corrupt,
            // newer) leaves OUT as it was rather than holding half of the merge.
            for input in inputs {
                _ = try TraceDatabase(readingFrom: input)
            }
            let database = try TraceDatabase(path: output)
            var merged = 0
            var alreadyPresent: [String] = []
            for input in inputs {
                let count = try database.merge(from: input)
                merged += count.merged
                if count.alreadyPresent > 0 {
                    alreadyPresent.append("\(input) (\(count.alreadyPresent))")
                }
            }
            try database.checkpoint()
            let totals = try database.totals()
            print("merged \(merged) runs from \(inputs.count) databases into \(output): \(totals.runs) runs, \(totals.functions) functions, \(totals.calls) calls")
            if !alreadyPresent.isEmpty {
                print("skipped runs already in \(output): \(alreadyPresent.joined(separator: ", "))")
            }
        }
    }
}
