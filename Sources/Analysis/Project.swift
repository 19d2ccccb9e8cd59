import Foundation
import PythonSyntax

/// The parsed Python files of a project, with a diagnostic for each file that could not be parsed
/// (the rest is still analysed).
public struct Project: Sendable {
    public struct File: Sendable {
        /// Relative to the project root.
        public var path: String
        public var name: ModuleName
        public var module: Module
    }

    public var root: String
    public var files: [File]
    public var diagnostics: [SyntaxDiagnostic]

    /// Parses every `.py` file under `paths` (files or folders, relative to `root` or absolute),
    /// skipping hidden folders, `__pycache__`, virtualenvs and `site-packages`.
    public static func load(paths: [String], root: String, parser: PythonParser) -> Project {
        let rootPath = URL(fileURLWithPath: root).standardized.path
        var files: [File] = []
        var diagnostics: [SyntaxDiagnostic] = []
        for source in pythonFiles(under: paths, root: rootPath) {
            let relative = source.hasPrefix(rootPath + "/") ? String(source.dropFirst(rootPath.count + 1)) : source
            switch parser.parse(fileAt: source, displayPath: relative) {
            case .success(let module):
                files.append(File(path: relative, name: ModuleName(relativePath: relative), module: module))
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        return Project(root: rootPath, files: files, diagnostics: diagnostics)
    }

    static func pythonFiles(under paths: [String], root: String) -> [String] {
        var found: [String] = []
        for path in paths {
            let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: root)).standardized.path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                if absolute.hasSuffix(".py") { found.append(absolute) }
                continue
            }
            guard let walker = FileManager.default.enumerator(atPath: absolute) else { continue }
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || name == "__pycache__" || name == "site-packages" || name == "node_modules"
                    || FileManager.default.fileExists(atPath: absolute + "/" + relative + "/pyvenv.cfg")
                {
                    walker.skipDescendants()
                    continue
                }
                if name.hasSuffix(".py") { found.append(absolute + "/" + relative) }
            }
        }
        return Array(Set(found)).sorted()
    }
}
