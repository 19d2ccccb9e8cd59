import Foundation

/// One line on standard error when the traced command dies of a fatal signal (a segfault in an
/// extension, an abort), so the user learns that the database is still good. Installed before
/// the interpreter starts, so that faulthandler (which pytest enables) dumps the Python stack
/// first and then hands the signal on to this handler, as it does to any previous one.
enum CrashNotice {
    private static let signals = [SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT]
    /// Prepared ahead: a signal handler may not allocate.
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var length = 0
    nonisolated(unsafe) private static var descriptor: Int32 = STDERR_FILENO

    static func install(databasePath: String) {
        let text = "hybridize: the traced command crashed (fatal signal); \(databasePath) keeps every call "
            + "flushed up to a second before, and the run has no end time\n"
        message = strdup(text)
        length = text.utf8.count
        // Copied: a signal handler reads a plain global, not a lazily made one.
        descriptor = TracerOutput.descriptor
        for number in signals {
            signal(number) { number in
                if let message = CrashNotice.message {
                    _ = write(CrashNotice.descriptor, message, CrashNotice.length)
                }
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }
}
