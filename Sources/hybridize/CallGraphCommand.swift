import Analysis
import ArgumentParser
import Foundation
import PythonRuntime
import PythonSyntax
import Reporting

struct CallGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "callgraph",
        abstract: "Print the project's call graph, statically, without running or importing its code.",
        discussion: """
            With --format json it is PyCG's format: an object from each function (dotted names,
            `module.Class.method`; a module's top level named by the module) to the names it calls.
            A file that does not parse is reported as file:line:col on stderr; the rest is analysed.
            """)

    @Argument(help: "Python files or folders to analyse (default: the current directory).")
    var paths: [String] = []

    @Option(name: .long, help: "Output format: text or json (PyCG's call-graph format).")
    var format: OutputFormat = .text

    @Option(name: .long, help: "A python3.11 whose standard library provides the parser (default /usr/bin/python3).")
    var python: String = "/usr/bin/python3"

    enum OutputFormat: String, ExpressibleByArgument {
        case text, json
    }

    /// A path that names nothing is a usage error (exit 2), not an empty project.
    func validate() throws {
        try VerdictOptions.validate(paths: paths)
    }

    func run() throws {
        let root = FileManager.default.currentDirectoryPath
        // The static path uses the interpreter for its parser only: no virtualenv, no TensorFlow.
        try EmbeddedInterpreter.start(python: python, argv: ["hybridize"])
        let parser = try PythonParser()
        let status = PhaseStatus()
        let project = Project.load(paths: paths.isEmpty ? ["."] : paths, root: root, parser: parser) { done, total in
            status?.show("parsing \(done)/\(total) files")
        }
        status?.show("call graph and tensor inference over \(project.files.count) files", force: true)
        let index = ProjectIndex(project: project)
        let graph = CallGraph(index: index)
        status?.clear()
        for diagnostic in project.diagnostics {
            FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
        }
        switch format {
        case .json:
            print(PyCGFormat.json(index: index, graph: graph))
        case .text:
            print(CallGraphText.render(index: index, graph: graph))
        }
    }
}
