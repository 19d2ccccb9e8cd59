import ArgumentParser
import Foundation
import PythonRuntime
import Reporting

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page: the verdicts, the assumptions audit, the time profile and the speedups.",
        discussion: """
            The page needs no network: styles, script and data are inline. Its verdict table sorts
            by any column and opens onto each function's evidence. The speedups are those of the
            last `refactor --verify` in this folder (.hybridize/verify.json), when there was one.

            Example: hybridize report --traces trace.sqlite -o report.html
            """)

    @OptionGroup var options: VerdictOptions

    @Option(name: [.short, .customLong("output")], help: "Where to write the page.")
    var output = "hybridize-report.html"

    func validate() throws {
        // Checked before the analysis, which can take seconds on a large project.
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), isFolder.boolValue {
            throw ValidationError("--output \(output) is a folder; give the HTML file to write")
        }
        let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("--output \(output): no such folder \(folder)")
        }
    }

    func run() throws {
        let verdicts = try options.verdicts()
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let recordPath = ".hybridize/verify.json"
        var record = FileManager.default.contents(atPath: root.appendingPathComponent(recordPath).path)
            .map { String(decoding: $0, as: UTF8.self) }
        // The page parses the record as JSON: a damaged one would leave the whole page blank.
        if let text = record, (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] == nil {
            FileHandle.standardError.write(Data(
                "hybridize: \(recordPath) is not a verify record (damaged or not JSON); the report leaves it out\n".utf8))
            record = nil
        }
        let page = ReportHTML.render(verdicts, verifyRecord: record, title: root.lastPathComponent,
                                     generatedAt: ISO8601DateFormatter().string(from: Date()))
        do {
            try Data(page.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            let folder = URL(fileURLWithPath: output).deletingLastPathComponent().path
            let reason = access(folder, W_OK) != 0
                ? "the folder \(folder) is not writable (\(String(cString: strerror(errno))))" : error.localizedDescription
            throw EnvironmentProblem("cannot write \(output): \(reason)")
        }
        print("hybridize: wrote \(output) (\(verdicts.count) functions\(record == nil ? "" : ", with the recorded verify run"))")
    }
}
