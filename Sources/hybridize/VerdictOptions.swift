import Analysis
import ArgumentParser
import Decisions
import Foundation
import PythonRuntime
import PythonSyntax
import TraceStore

/// The output formats of `analyze` and `audit` (SPEC §8).
enum VerdictFormat: String, ExpressibleByArgument {
    case text, json, sarif
}

/// The options `analyze` and `audit` share: what to analyse, which traces to hold it against,
/// and which functions to list.
struct VerdictOptions: ParsableArguments {
    @Argument(help: "Python files or folders to analyse (default: the current directory).")
    var paths: [String] = []

    @Option(name: .long, parsing: .upToNextOption,
            help: "Trace databases written by `hybridize trace` (one or more): their observations decide what the code leaves open (SPEC §4).")
    var traces: [String] = []

    @Flag(name: .long, help: "List tests, fixtures and the rest of a test suite's files too (they are never edited, so they are left out by default).")
    var includeTests = false

    @Flag(name: .long, help: "Make no keyword-based assumptions (SPEC §5).")
    var noSpeculation = false

    @Flag(name: .long, help: "Count bool literals as primitive parameters too: each value is a retrace (off by default, SPEC §2).")
    var countBools = false

    @Option(name: .long, help: "A python3.11 whose standard library provides the parser (default /usr/bin/python3).")
    var python: String = "/usr/bin/python3"

    /// A path that names nothing is a usage error (exit 2), not an empty project.
    /// The paths, and the command given after `--` (`refactor --verify -- COMMAND`). ArgumentParser
    /// allows no second positional array beside PATHS and hands what follows `--` to PATHS, so it
    /// is split off here.
    func splitAtTerminator(arguments: [String] = CommandLine.arguments) -> (paths: [String], command: [String]) {
        guard let terminator = arguments.firstIndex(of: "--") else { return (paths, []) }
        let command = Array(arguments[(terminator + 1)...])
        guard paths.count >= command.count, Array(paths.suffix(command.count)) == command else { return (paths, command) }
        return (Array(paths.dropLast(command.count)), command)
    }

    func validate() throws {
        try Self.validate(paths: splitAtTerminator().paths)
        for path in traces where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no such trace database: \(path)")
        }
    }

    /// A path that names nothing, or holds no Python file, is a usage error (exit 2) naming it:
    /// an empty result would read as "nothing to change" for a typo or a wrong folder.
    static func validate(paths: [String]) throws {
        let root = FileManager.default.currentDirectoryPath
        for path in paths.isEmpty ? ["."] : paths {
            guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("no such file or folder: \(path)") }
            if !Project.containsPythonFile(path, root: root) {
                throw ValidationError("no Python file in \(path)")
            }
        }
    }

    /// What one analysis produced: the parsed project, the analyzer (its call graph), and the
    /// verdicts of the functions listed.
    struct Analysed {
        var project: Project
        var analyzer: FactsAnalyzer
        var verdicts: [Verdict]
        /// Every function's verdict, tests included: what an edit plan weighs callers by.
        var allVerdicts: [Verdict]
    }

    /// Parses the project, reads the traces, and decides every function's verdict. A database
    /// that cannot be read is an environment error (exit 3), named by its path.
    func verdicts() throws -> [Verdict] {
        try analyse().verdicts
    }

    func analyse() throws -> Analysed {
        let evidence: TraceEvidence?
        do {
            evidence = traces.isEmpty ? nil : try TraceEvidence(databases: traces)
        } catch let error as TraceStoreError {
            throw EnvironmentProblem("cannot read the trace database \(error.path): \(error.message)")
        }
        let root = FileManager.default.currentDirectoryPath
        try EmbeddedInterpreter.startIfNeeded(python: python)
        let status = PhaseStatus()
        let project = Project.load(paths: paths.isEmpty ? ["."] : paths, root: root, parser: try PythonParser()) { done, total in
            status?.show("parsing \(done)/\(total) files")
        }
        status?.show("call graph and tensor inference over \(project.files.count) files", force: true)
        let analyzer = FactsAnalyzer(project: project, speculation: !noSpeculation, countingBools: countBools, observed: evidence)
        status?.show("facts and verdicts of \(analyzer.index.functions.count) functions", force: true)
        let traced = evidence.map { TraceFacts(evidence: $0, countingBools: countBools) }
        let allVerdicts = analyzer.analyze().map { facts -> Verdict in
            guard let traced else { return DecisionMaker.decide(facts) }
            let (informed, derived) = traced.apply(to: facts)
            return DecisionMaker.decide(informed, derived: derived)
        }
        let verdicts = allVerdicts.filter { includeTests || !$0.facts.isInTestSuite }
        status?.clear()
        for diagnostic in project.diagnostics {
            FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
        }
        return Analysed(project: project, analyzer: analyzer, verdicts: verdicts, allVerdicts: allVerdicts)
    }
}
