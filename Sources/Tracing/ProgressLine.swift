import Foundation

/// A live one-line status on a terminal: tests done/total, functions seen, calls per second.
/// Only used when stderr is a TTY; elsewhere nothing extra is printed.
public final class ProgressLine {
    private var shown = false

    public init?(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        guard enabled else { return nil }
    }

    func update(testsDone: Int, testsTotal: Int?, functions: Int, callsPerSecond: Double) {
        let tests = testsTotal.map { "\(testsDone)/\($0) tests" } ?? "\(testsDone) tests"
        let rate = callsPerSecond >= 1000 ? String(format: "%.1fk", callsPerSecond / 1000) : String(Int(callsPerSecond))
        write("\r\u{1B}[2K[hybridize] \(tests) · \(functions) functions · \(rate) calls/s\r")
        shown = true
    }

    func clear() {
        if shown { write("\r\u{1B}[2K") }
        shown = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
