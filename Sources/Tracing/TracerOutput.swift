import Foundation

/// Standard error as it was before the traced command ran. While a test runs, pytest points
/// descriptor 2 at a capture file, where hybridize's own messages (the progress line, a write
/// that failed, a run ended by the watchdog or a crash) would never be seen; this duplicate
/// keeps the user's terminal or log.
enum TracerOutput {
    /// Taken by `claim()` before the interpreter starts; standard error itself until then.
    nonisolated(unsafe) private(set) static var descriptor: Int32 = STDERR_FILENO

    /// Call once, before the traced command runs.
    static func claim() {
        guard descriptor == STDERR_FILENO else { return }
        let duplicate = dup(STDERR_FILENO)
        if duplicate >= 0 { descriptor = duplicate }
    }

    static func write(_ text: String) {
        _ = text.withCString { Glibc.write(descriptor, $0, strlen($0)) }
    }
}
