import Foundation

/// Decides, once per code object, whether its file is the project's own code: under the root,
/// not in the virtualenv, site-packages or hybridize's Runtime/, and matching `--include` globs.
public struct ProjectFilter: Sendable {
    public let root: String
    public let excludedPrefixes: [String]
    public let includeGlobs: [String]

    public init(root: String, excludedPrefixes: [String], includeGlobs: [String]) {
        self.root = root.hasSuffix("/") ? root : root + "/"
        self.excludedPrefixes = excludedPrefixes.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        self.includeGlobs = includeGlobs
    }

    /// The path relative to the root when `filename` (a code object's co_filename) is project
    /// code, else nil.
    public func relativePath(of filename: String) -> String? {
        guard !filename.isEmpty, !filename.hasPrefix("<") else { return nil }
        let absolute = filename.hasPrefix("/")
            ? filename : FileManager.default.currentDirectoryPath + "/" + filename
        let path = URL(fileURLWithPath: absolute).standardized.path
        guard path.hasPrefix(root) else { return nil }
        if path.contains("/site-packages/") || path.contains("/dist-packages/") {
            return nil
        }
        if excludedPrefixes.contains(where: { path.hasPrefix($0) }) {
            return nil
        }
        let relative = String(path.dropFirst(root.count))
        if !includeGlobs.isEmpty && !includeGlobs.contains(where: { fnmatch($0, relative, 0) == 0 }) {
            return nil
        }
        return relative
    }
}
