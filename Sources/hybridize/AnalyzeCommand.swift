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
            code (evidence static or hint) or from a keyword (speculative, SPEC §5); with --traces,
            what the traces observed decides what the code leaves open (SPEC §4). A file that does
            not parse is reported as file:line:col on stderr; the rest is analysed.
            """)

    @OptionGroup var options: VerdictOptions

    @Option(name: .long, help: "Output format: text (a table), json (one JSON object per function, per line), or sarif (SARIF 2.1.0).")
    var format: VerdictFormat = .text

    @Flag(name: .long, help: "Exit with status 1 when some function is ready for an edit or a hybrid function has Python side effects.")
    var check = false

    /// The terminal's width when standard output is one; nil for a file or a pipe.
    static func terminalColumns() -> Int? {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    func run() throws {
        let verdicts = try options.verdicts()
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
