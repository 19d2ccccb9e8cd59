import Foundation

/// The last applied change set, kept under the project (`.hybridize/journal.json`) so that
/// `refactor --undo` restores it exactly: each file's bytes before and after.
public struct Journal: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        public var path: String
        /// Base64 of the bytes, so that any encoding and line ending round-trips.
        public var before: String
        public var after: String
    }

    public var appliedAt: String
    public var functions: [String]
    public var files: [Entry]

    public static func location(root: URL) -> URL {
        root.appendingPathComponent(".hybridize").appendingPathComponent("journal.json")
    }

    public init(appliedAt: String, functions: [String], before: [String: [UInt8]], after: [String: [UInt8]]) {
        self.appliedAt = appliedAt
        self.functions = functions
        files = after.keys.sorted().compactMap { path in
            guard let old = before[path], let new = after[path], old != new else { return nil }
            return Entry(path: path, before: Data(old).base64EncodedString(), after: Data(new).base64EncodedString())
        }
    }

    /// Written before any file is: a journal that cannot be written stops the change set.
    public func save(root: URL) throws {
        let url = Self.location(root: root)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(self).write(to: url, options: .atomic)
        } catch {
            let folder = url.deletingLastPathComponent().path
            let reason = access(folder, W_OK) != 0 && FileManager.default.fileExists(atPath: folder)
                ? "its folder is not writable (\(String(cString: strerror(errno))))" : error.localizedDescription
            throw RefactorWriteError(path: ".hybridize/journal.json", message: "cannot write the journal: \(reason); no file was changed")
        }
    }

    public static func load(root: URL) throws -> Journal? {
        let url = location(root: root)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        do {
            return try JSONDecoder().decode(Journal.self, from: data)
        } catch {
            throw RefactorWriteError(
                path: ".hybridize/journal.json",
                message: "not a journal this hybridize wrote (damaged or not JSON); no file was changed")
        }
    }

    public static func remove(root: URL) throws {
        let url = location(root: root)
        if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
    }

    /// Each file's bytes before and after the change set.
    public var states: (before: [String: [UInt8]], after: [String: [UInt8]]) {
        var before: [String: [UInt8]] = [:], after: [String: [UInt8]] = [:]
        for entry in files {
            before[entry.path] = Data(base64Encoded: entry.before).map([UInt8].init) ?? []
            after[entry.path] = Data(base64Encoded: entry.after).map([UInt8].init) ?? []
        }
        return (before, after)
    }
}
