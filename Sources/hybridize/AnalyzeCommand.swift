import Analysis
import ArgumentParser
import Decisions
import Foundation
import PythonRuntime
import PythonSyntax
import Reporting

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Decide, statically, where @tf.function is safe and profitable, and explain each verdict.",
        discussion: """
            Never imports or runs the project. Without a trace database every fact comes from the
            code (evidence static or hint) or from a keyword (speculative, SPEC §5). A file that does
            not parse is reported as file:line:col on stderr; the rest is analysed.
            """)

    @Argument(help: "Python files or folders to analyse (default: the current directory).")
    var paths: [String] = []

    enum OutputFormat: String, ExpressibleByArgument {
        case text, json, sarif
    }

    @Option(name: .long, help: "Output format: text (a table), json (one JSON object per function, per line), or sarif (SARIF 2.1.0).")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Exit with status 1 when some function is ready for an edit or a hybrid function has Python side effects.")
    var check = false

    @Flag(name: .long, help: "Make no keyword-based assumptions (SPEC §5).")
    var noSpeculation = false

    @Flag(name: .long, help: "Count bool literals as primitive parameters too: each value is a retrace (off by default, SPEC §2).")
    var countBools = false

    @Option(name: .long, help: "A python3.11 whose standard library provides the parser (default /usr/bin/python3).")
    var python: String = "/usr/bin/python3"

    /// The terminal's width when standard output is one; nil for a file or a pipe.
    static func terminalColumns() -> Int? {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// A path that names nothing is a usage error (exit 2), not an empty project.
    func validate() throws {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no such file or folder: \(path)")
        }
    }

    func run() throws {
        let root = FileManager.default.currentDirectoryPath
        try EmbeddedInterpreter.startIfNeeded(python: python)
        let status = PhaseStatus()
        let project = Project.load(paths: paths.isEmpty ? ["."] : paths, root: root, parser: try PythonParser()) { done, total in
            status?.show("parsing \(done)/\(total) files")
        }
        status?.show("call graph and tensor inference over \(project.files.count) files", force: true)
        let analyzer = FactsAnalyzer(project: project, speculation: !noSpeculation, countingBools: countBools)
        status?.show("facts and verdicts of \(analyzer.index.functions.count) functions", force: true)
        let verdicts = analyzer.analyze().map(DecisionMaker.decide)
        status?.clear()
        for diagnostic in project.diagnostics {
            FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
        }
        switch format {
        case .json: print(VerdictJSONLines.render(verdicts))
        case .text: print(VerdictTable.render(verdicts, width: Self.terminalColumns()))
        case .sarif: print(VerdictSARIF.render(verdicts, toolVersion: Hybridize.configuration.version))
        }
        if check, verdicts.contains(where: VerdictSARIF.isFinding) {
            throw ExitCode(1)
        }
    }
}
