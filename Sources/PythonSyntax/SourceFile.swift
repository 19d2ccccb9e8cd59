import Foundation

/// Reads a source file's bytes, or says in words why they cannot be read, so that a diagnostic
/// names the cause (a permission, a symlink loop, a dangling link) and not just the file.
public enum SourceFile {
    public struct ReadFailure: Error, CustomStringConvertible {
        /// Why, in a few words: "permission denied", "a folder, not a file", ...
        public var reason: String
        public var description: String { "cannot read the file: \(reason)" }
    }

    public static func read(_ path: String) throws -> [UInt8] {
        // Non-blocking, so that a FIFO named `x.py` is refused below instead of waiting forever
        // for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadFailure(reason: reason(errno, path: path)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ReadFailure(reason: reason(errno, path: path)) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ReadFailure(reason: "a folder, not a file")
        // A device (`/dev/zero`) would never end, a FIFO or a socket may never send anything.
        default: throw ReadFailure(reason: "not a regular file (a device, a FIFO or a socket)")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(status.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadFailure(reason: reason(errno, path: path))
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }

    private static func reason(_ code: Int32, path: String) -> String {
        switch code {
        case ELOOP: return "too many levels of symbolic links (a symlink loop)"
        case ENOENT:
            var link = stat()
            if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { " \($0)" } ?? ""
                return "a dangling symbolic link (its target\(target) does not exist)"
            }
            return "no such file (removed while it was being read?)"
        default:
            // strerror's words, lower-cased to continue the sentence: "permission denied".
            let words = String(cString: strerror(code))
            return words.prefix(1).lowercased() + words.dropFirst()
        }
    }
}
