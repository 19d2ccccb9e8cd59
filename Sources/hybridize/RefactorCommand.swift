import Analysis
import ArgumentParser
import Decisions
import Foundation
import PythonRuntime
import Refactoring
import Reporting
import TraceStore

struct RefactorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refactor",
        abstract: "Turn the verdicts into edits: add, tune or remove @tf.function; show the diff, apply it, verify it.",
        discussion: """
            The default is a dry run: a unified diff whose hunk headers say why. --apply writes the
            edits atomically and keeps a journal under .hybridize/ that --undo restores. --verify
            runs the command (after --, or the one the trace database recorded) before and after
            the edits, under tracing, reverts every edit that breaks a test or does not make its
            function faster, and reports the speedups; the files keep only verified edits.
            Tests and fixtures are never edited; a file that changed since it was analysed is refused.

            Example: hybridize refactor --traces trace.sqlite --verify -- pytest -q tests
            """)

    @OptionGroup var options: VerdictOptions

    @Option(name: .long, help: "Edit only the function with this qualname (e.g. Trainer.train_step); repeatable.")
    var only: [String] = []

    @Flag(name: .long, help: "Write the edits (atomically, with a journal for --undo).")
    var apply = false

    @Flag(name: .long, help: "Exit with status 1 when any edit would be made (for CI); writes nothing.")
    var check = false

    @Flag(name: .long, help: "Also edit functions whose verdict rests on an assumption no trace covers (UNOBSERVED).")
    var includeUnobserved = false

    @Flag(name: .long, help: "Run the command before and after the edits; keep only the edits that pass the tests and make their function faster.")
    var verify = false

    @Option(name: .long, help: ArgumentHelp(
        "With --verify: stop each run after SECONDS (trace --timeout); tests a run did not finish count as broken.",
        valueName: "SECONDS"))
    var timeout: Double?

    @Flag(name: .long, help: "Restore the files of the last applied change set exactly, and nothing else.")
    var undo = false

    @Option(name: .long, help: "Output format: text (the diff and a line per function), json (one object per function, per line), or sarif.")
    var format: VerdictFormat = .text

    /// With --verify: the command after `--`.
    var command: [String] { options.splitAtTerminator().command }

    func validate() throws {
        if !command.isEmpty, !verify {
            throw ValidationError("a command after -- is what --verify runs; add --verify")
        }
        if let timeout {
            guard verify else { throw ValidationError("--timeout bounds each --verify run; add --verify") }
            guard timeout > 0 else { throw ValidationError("--timeout wants a number of seconds above 0; got \(timeout)") }
        }
        if check, apply || verify || undo {
            throw ValidationError("--check writes nothing; it does not combine with --apply, --verify or --undo")
        }
    }

    func run() throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        if undo {
            try undoLastChangeSet(root: root)
            return
        }
        let verifyCommand = verify ? try commandToVerify() : []
        var options = options
        options.paths = options.splitAtTerminator().paths
        let analysed = try options.analyse()
        let planner = EditPlanner(
            callers: EditPlanner.callers(in: analysed.analyzer),
            includeUnobserved: includeUnobserved, only: Set(only))
        let plan = planner.plan(analysed.allVerdicts, project: analysed.project)
        var outcome: Verifier.Outcome?
        var written: [PlannedEdit]?
        if verify, !plan.edits.isEmpty {
            outcome = try verifyEdits(plan, command: verifyCommand, root: root)
            written = outcome?.kept
        } else if apply, !plan.edits.isEmpty {
            try write(plan.changeSet, applying: plan.edits, onDisk: plan.changeSet.originals, root: root)
            written = plan.edits
        }
        let report = RefactorReport(plan: plan, applying: written, verification: outcome)
        if outcome != nil {
            // For `hybridize report`: the speedups this run measured.
            let record = root.appendingPathComponent(".hybridize/verify.json")
            try? FileManager.default.createDirectory(at: record.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(RefactorJSONLines.verifyRecord(report, recordedAt: ISO8601DateFormatter().string(from: Date())).utf8)
                .write(to: record)
        }
        switch format {
        case .text: print(RefactorText.render(report), terminator: "")
        case .json: print(RefactorJSONLines.render(report))
        case .sarif: print(RefactorSARIF.render(report, toolVersion: Hybridize.configuration.version))
        }
        if check, !plan.edits.isEmpty { throw ExitCode(1) }
    }

    /// The command after `--`, else the one the first trace database recorded.
    func commandToVerify() throws -> [String] {
        if !command.isEmpty { return command }
        guard let path = options.traces.first else {
            throw ValidationError("--verify needs the command to run: give it after --, or give --traces with a database that recorded one")
        }
        do {
            let recorded = try TraceDatabase(readingFrom: path).runs().last?.command ?? ""
            let words = recorded.split(whereSeparator: \.isWhitespace).map(String.init)
            guard !words.isEmpty else { throw ValidationError("\(path) recorded no run to take the command from; give it after --") }
            return words
        } catch let error as TraceStoreError {
            throw EnvironmentProblem("cannot read the trace database \(error.path): \(error.message)")
        }
    }

    /// Writes `subset` of the plan, journaled first so that an interrupted run can be undone.
    func write(_ changeSet: ChangeSet, applying subset: [PlannedEdit], onDisk: [String: [UInt8]], root: URL) throws {
        let contents = changeSet.contents(applying: subset)
        let journal = Journal(
            appliedAt: ISO8601DateFormatter().string(from: Date()),
            functions: subset.map { "\($0.location.file)::\($0.qualname) \($0.transformation.rawValue)" },
            before: changeSet.originals, after: contents)
        // The journal is written before the files, so that a run killed half-way can be undone;
        // a write that fails changed nothing, and the journal of the change set before comes back.
        // A damaged journal of an earlier change set is simply replaced.
        let previous = try? Journal.load(root: root)
        do {
            if journal.files.isEmpty {
                try Journal.remove(root: root)
            } else {
                try journal.save(root: root)
            }
            try AtomicWriter(root: root).write(contents, expecting: onDisk)
        } catch let error as RefactorWriteError {
            if let previous {
                try? previous.save(root: root)
            } else {
                try? Journal.remove(root: root)
            }
            throw RefactorFailure("\(error)")
        }
    }

    func verifyEdits(_ plan: EditPlanner.Plan, command: [String], root: URL) throws -> Verifier.Outcome {
        var runner = try VerifyRunner(command: command, root: root, timeout: timeout)
        VerifyInterruption.shared.install()
        var keepLogs = false
        // The runs' output explains a reverted edit (its traceback); kept when some test broke.
        defer {
            if keepLogs {
                FileHandle.standardError.write(Data("[hybridize] verify: the runs' output is in \(runner.workspace.path)\n".utf8))
            } else {
                runner.removeWorkspace()
            }
        }
        var onDisk = plan.changeSet.originals
        let verifier = Verifier(progress: { message in
            FileHandle.standardError.write(Data("[hybridize] verify: \(message)\n".utf8))
        }, runner: { subset, _ in
            try write(plan.changeSet, applying: subset, onDisk: onDisk, root: root)
            onDisk = plan.changeSet.contents(applying: subset)
            return try runner.measure()
        })
        do {
            let outcome = try verifier.verify(plan.edits)
            keepLogs = outcome.decisions.contains { !$0.brokenTests.isEmpty }
            try write(plan.changeSet, applying: outcome.kept, onDisk: onDisk, root: root)
            return outcome
        } catch {
            // Leave the files as they were analysed, whatever step failed. A file someone edited
            // while verify ran keeps that edit (and the run's own), and is named.
            let changed = restoreAnalysedFiles(plan.changeSet, lastWritten: onDisk, root: root)
            guard changed.isEmpty else {
                throw RefactorFailure(
                    "\(error); \(changed.joined(separator: ", ")) changed while verify ran and \(changed.count == 1 ? "was" : "were") "
                        + "left as \(changed.count == 1 ? "it is" : "they are") (with the edits of the run in progress); "
                        + "every other file is back as it was analysed")
            }
            throw error
        }
    }

    /// Puts back the analysed bytes of every file that still holds what verify last wrote;
    /// returns the files that hold something else. The journal goes: nothing is left to undo.
    private func restoreAnalysedFiles(_ changeSet: ChangeSet, lastWritten: [String: [UInt8]], root: URL) -> [String] {
        var restoring: [String: [UInt8]] = [:]
        var expected: [String: [UInt8]] = [:]
        var changed: [String] = []
        for (path, original) in changeSet.originals {
            let current = FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map([UInt8].init)
            if current == original { continue }
            if let current, current == lastWritten[path] {
                restoring[path] = original
                expected[path] = current
            } else {
                changed.append(path)
            }
        }
        do {
            try AtomicWriter(root: root).write(restoring, expecting: expected)
            try Journal.remove(root: root)
        } catch {
            FileHandle.standardError.write(Data("hybridize: cannot put the analysed files back: \(error)\n".utf8))
        }
        return changed.sorted()
    }

    func undoLastChangeSet(root: URL) throws {
        let loaded: Journal?
        do {
            loaded = try Journal.load(root: root)
        } catch {
            throw RefactorFailure("cannot undo: \(error)")
        }
        guard let journal = loaded else {
            throw ValidationError("nothing to undo: no change set was applied here (no .hybridize/journal.json)")
        }
        let (before, after) = journal.states
        // A change set cut short (a killed run) left some files edited and some not: each file
        // is restored from whichever of its two states it is in; any other content is refused.
        var restoring: [String: [UInt8]] = [:]
        var expected: [String: [UInt8]] = [:]
        var neverWritten: [String] = []
        for path in before.keys.sorted() {
            let current = FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map([UInt8].init)
            if current == after[path] {
                restoring[path] = before[path]
                expected[path] = after[path]
            } else if current == before[path] {
                neverWritten.append(path)
            } else {
                throw RefactorFailure("cannot undo: \(path): changed since the edits were applied; every file was left as it was")
            }
        }
        do {
            try AtomicWriter(root: root).write(restoring, expecting: expected)
        } catch let error as RefactorWriteError {
            throw RefactorFailure("cannot undo: \(error)")
        }
        try Journal.remove(root: root)
        var summary = "undone: restored \(restoring.count) file\(restoring.count == 1 ? "" : "s") (\(restoring.keys.sorted().joined(separator: ", ")))"
        if !neverWritten.isEmpty {
            summary += "; \(neverWritten.joined(separator: ", ")) had not been written yet (the change set was cut short)"
        }
        print(summary)
    }
}
