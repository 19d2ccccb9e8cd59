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
        /// The bytes that were parsed: edits are made to exactly these, and a file whose bytes on
        /// disk differ has changed since it was analysed.
        public var source: [UInt8]
        /// Read through a symbolic link: analysed as Python imports it, but never edited (a
        /// rename over the link would replace it with a file).
        public var isSymbolicLink: Bool

        public init(path: String, name: ModuleName, module: Module, source: [UInt8] = [], isSymbolicLink: Bool = false) {
            self.path = path
            self.name = name
            self.module = module
            self.source = source
            self.isSymbolicLink = isSymbolicLink
        }
    }

    public var root: String
    public var files: [File]
    public var diagnostics: [SyntaxDiagnostic]

    /// Parses every `.py` file under `paths` (files or folders, relative to `root` or absolute),
    /// skipping hidden folders, `__pycache__`, virtualenvs and `site-packages`.
    public static func load(paths: [String], root: String, parser: PythonParser,
                            progress: ((_ done: Int, _ total: Int) -> Void)? = nil) -> Project {
        let rootPath = URL(fileURLWithPath: root).standardized.path
        var files: [File] = []
        var diagnostics: [SyntaxDiagnostic] = []
        let (sources, unreadableFolders) = walk(paths, root: rootPath)
        for folder in unreadableFolders {
            let relative = folder.hasPrefix(rootPath + "/") ? String(folder.dropFirst(rootPath.count + 1)) : folder
            diagnostics.append(SyntaxDiagnostic(file: relative, line: 1, column: 1, message: "cannot read the folder: \(folderProblem(folder) ?? "it went away")"))
        }
        let names = moduleNames(of: sources, root: rootPath)
        for (done, source) in sources.enumerated() {
            progress?(done, sources.count)
            let relative = source.hasPrefix(rootPath + "/") ? String(source.dropFirst(rootPath.count + 1)) : source
            let bytes: [UInt8]
            do {
                bytes = try SourceFile.read(source)
            } catch {
                diagnostics.append(SyntaxDiagnostic(file: relative, line: 1, column: 1, message: "\(error)"))
                continue
            }
            switch parser.parse(source: bytes, path: relative) {
            case .success(let module):
                let link = (try? FileManager.default.attributesOfItem(atPath: source)[.type] as? FileAttributeType)
                    == .typeSymbolicLink
                files.append(File(path: relative, name: names[source] ?? ModuleName(relativePath: relative), module: module,
                                  source: bytes, isSymbolicLink: link))
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        return Project(root: rootPath, files: files, diagnostics: diagnostics)
    }

    /// The name each file is imported by. Its import root is the nearest folder above it that is
    /// not a package (has no `__init__.py`): that folder is what pytest's default `prepend` import
    /// mode and `python script.py` put on `sys.path`, so `tests/test_data.py` is `test_data` and
    /// `trainer/data.py` (with `trainer/__init__.py`) is `trainer.data`, wherever the analysis was
    /// started. Files that would share a name keep their path from the project root instead.
    static func moduleNames(of sources: [String], root: String) -> [String: ModuleName] {
        var isPackage: [String: Bool] = [:]
        func package(_ folder: String) -> Bool {
            if let known = isPackage[folder] { return known }
            let found = FileManager.default.fileExists(atPath: folder + "/__init__.py")
            isPackage[folder] = found
            return found
        }
        var names: [String: ModuleName] = [:]
        var owners: [String: [String]] = [:]
        for source in sources {
            var importRoot = (source as NSString).deletingLastPathComponent
            while importRoot.count > 1, package(importRoot) {
                importRoot = (importRoot as NSString).deletingLastPathComponent
            }
            let name = ModuleName(relativePath: String(source.dropFirst(importRoot.count).drop { $0 == "/" }))
            names[source] = name
            owners[name.description, default: []].append(source)
        }
        for (_, sharing) in owners where sharing.count > 1 {
            for source in sharing {
                let relative = source.hasPrefix(root + "/") ? String(source.dropFirst(root.count + 1)) : source
                names[source] = ModuleName(relativePath: relative)
            }
        }
        return names
    }

    public static func pythonFiles(under paths: [String], root: String) -> [String] {
        walk(paths, root: root).files
    }

    /// Whether `path` is or holds a `.py` file the analysis would read; stops at the first one,
    /// since the command line asks this of every path before the analysis walks them all.
    public static func containsPythonFile(_ path: String, root: String) -> Bool {
        !walk([path], root: root, stopAtFirstFile: true).files.isEmpty
    }

    /// The `.py` files under `paths`, and the folders among them that could not be listed (which
    /// the enumerator would skip without a word). Symbolic links to folders are not followed, so
    /// a link back up (`sub/up -> ..`) neither loops nor lists a file twice.
    static func walk(_ paths: [String], root: String, stopAtFirstFile: Bool = false)
        -> (files: [String], unreadableFolders: [String])
    {
        var found: [String] = []
        var unreadable: [String] = []
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
                if walker.fileAttributes?[.type] as? FileAttributeType == .typeDirectory, folderProblem(absolute + "/" + relative) != nil {
                    unreadable.append(absolute + "/" + relative)
                }
                if name.hasSuffix(".py") {
                    found.append(absolute + "/" + relative)
                    if stopAtFirstFile { break }
                }
            }
        }
        return (Array(Set(found)).sorted(), Array(Set(unreadable)).sorted())
    }

    /// Why a folder cannot be listed ("permission denied"), or nil when it can.
    static func folderProblem(_ path: String) -> String? {
        guard let folder = opendir(path) else {
            let words = String(cString: strerror(errno))
            return words.prefix(1).lowercased() + words.dropFirst()
        }
        closedir(folder)
        return nil
    }
}
