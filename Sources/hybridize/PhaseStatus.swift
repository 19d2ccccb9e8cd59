import Foundation

/// What a long static analysis is doing, on one line of stderr that is rewritten in place (the
/// analysis prints nothing else while it runs, so no scroll region is needed), and erased at the
/// end. Only on a terminal, and at most ten updates a second.
final class PhaseStatus {
    private var shown = false
    private var lastUpdate = Date.distantPast

    init?(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        guard enabled else { return nil }
    }

    func show(_ text: String, force: Bool = false) {
        let now = Date()
        guard force || now.timeIntervalSince(lastUpdate) >= 0.1 else { return }
        lastUpdate = now
        shown = true
        FileHandle.standardError.write(Data("\r\u{1B}[2K[hybridize] \(text)".utf8))
    }

    func clear() {
        guard shown else { return }
        shown = false
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
