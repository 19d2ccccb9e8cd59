import Foundation

/// Why a change set could not be written; nothing was changed on disk when it is thrown.
public struct RefactorWriteError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var message: String

    public var description: String { "\(path): \(message)" }
}

/// Writes a change set all or nothing: every file goes to a temporary file beside it first, then
/// each is renamed over its original (atomic per file on one file system). Should a rename fail
/// part-way, the files already renamed get their original bytes back the same way.
///
/// Fault injection for tests (paths relative to the root): `HYBRIDIZE_FAIL_WRITE=PATH` makes the
/// write of that file fail after its temporary file is written, before any rename;
/// `HYBRIDIZE_CRASH_AFTER_WRITE=PATH` ends the process right after that file is renamed, as a
/// kill or a power cut would, leaving the change set half applied for `--undo` to repair.
public struct AtomicWriter {
    public let root: URL
    let failingPath: String?
    let crashingPath: String?

    public init(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.root = root
        failingPath = environment["HYBRIDIZE_FAIL_WRITE"]
        crashingPath = environment["HYBRIDIZE_CRASH_AFTER_WRITE"]
    }

    /// Writes `contents` (by path relative to the root) only if every file still holds `expected`;
    /// otherwise throws naming the first file that changed.
    public func write(_ contents: [String: [UInt8]], expecting expected: [String: [UInt8]]) throws {
        let paths = contents.keys.sorted()
        for path in paths {
            if (try? FileManager.default.attributesOfItem(atPath: url(path).path)[.type] as? FileAttributeType) == .typeSymbolicLink {
                throw RefactorWriteError(path: path, message: "is a symbolic link; renaming over it would replace the link with a file")
            }
            let current = FileManager.default.contents(atPath: url(path).path).map([UInt8].init)
            guard current == expected[path] else {
                throw RefactorWriteError(path: path, message: "changed since it was analysed; refusing to edit it (run again)")
            }
        }
        var temporaries: [String: URL] = [:]
        defer { for temporary in temporaries.values { try? FileManager.default.removeItem(at: temporary) } }
        for path in paths {
            guard let bytes = contents[path] else { continue }
            let target = url(path)
            let temporary = target.deletingLastPathComponent()
                .appendingPathComponent(".\(target.lastPathComponent).hybridize-\(ProcessInfo.processInfo.processIdentifier).tmp")
            do {
                try Data(bytes).write(to: temporary)
                temporaries[path] = temporary
                if let permissions = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] {
                    try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
                }
                if failingPath == path { throw CocoaError(.fileWriteUnknown) }
            } catch {
                throw RefactorWriteError(path: path, message: "cannot write (\(error.localizedDescription)); no file was changed")
            }
        }
        var renamed: [String] = []
        for path in paths {
            guard let temporary = temporaries[path] else { continue }
            if rename(temporary.path, url(path).path) != 0 {
                let reason = String(cString: strerror(errno))
                for done in renamed { try? restore(done, to: expected[done] ?? []) }
                throw RefactorWriteError(path: path, message: "cannot replace the file (\(reason)); every file was left as it was")
            }
            temporaries[path] = nil
            renamed.append(path)
            if crashingPath == path { _exit(9) }
        }
    }

    private func restore(_ path: String, to bytes: [UInt8]) throws {
        let target = url(path)
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).hybridize-restore.tmp")
        try Data(bytes).write(to: temporary)
        guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }
}
