// Parse speed of PythonSyntax on a large code base nobody here wrote: by default the Keras sources
// in the runtime virtualenv (keras/src, about 300 KLOC). The static analyzer's budget for the
// whole analysis of that tree is 10 s on 2 cores; this measures its front end alone.
//
//     swift run -c release parse-speed [PATH ...]
import Foundation
import PythonRuntime
import PythonSyntax

func pythonFiles(under roots: [String]) -> [String] {
    var files: [String] = []
    for root in roots {
        guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
        while let relative = walker.nextObject() as? String {
            if relative.hasSuffix(".py") { files.append(root + "/" + relative) }
        }
    }
    return files.sorted()
}

func peakResidentMegabytes() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

var roots = Array(CommandLine.arguments.dropFirst())
let locator = InterpreterLocator()
let python = try locator.locate(option: nil) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }.python
if roots.isEmpty {
    let venv = URL(fileURLWithPath: python).deletingLastPathComponent().deletingLastPathComponent().path
    roots = [venv + "/lib/python3.11/site-packages/keras/src"]
}
try EmbeddedInterpreter.start(python: python, argv: ["parse-speed"])
let parser = try PythonParser()
let files = pythonFiles(under: roots)
var lines = 0
var statements = 0
var diagnostics: [SyntaxDiagnostic] = []
let started = Date()
for file in files {
    switch parser.parse(fileAt: file) {
    case .success(let module):
        lines += module.lineCount
        statements += module.body.count
    case .failure(let diagnostic):
        diagnostics.append(diagnostic)
    }
}
let seconds = Date().timeIntervalSince(started)
print("files:            \(files.count) (\(diagnostics.count) not parsed)")
print("lines:            \(lines) (\(String(format: "%.1f", Double(lines) / 1000)) KLOC)")
print(String(format: "parse + convert:  %.2f s, %.0f KLOC/s, %.4f s/KLOC (PyCG publishes 0.38 s/KLOC for its whole analysis)",
             seconds, Double(lines) / 1000 / seconds, seconds / (Double(lines) / 1000)))
print(String(format: "peak memory:      %.0f MiB", peakResidentMegabytes()))
for diagnostic in diagnostics.prefix(5) { print("  \(diagnostic)") }
