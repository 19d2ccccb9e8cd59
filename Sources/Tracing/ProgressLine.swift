import Foundation

/// A live one-line status on a terminal: tests done/total, functions seen, calls per second.
///
/// It lives on the terminal's last row, outside a scroll region that holds everything else (as
/// apt draws its progress bar), so the traced command's own output, pytest's progress dots
/// included, is never overwritten. Only used when stderr is a terminal; elsewhere nothing extra
/// is printed.
public final class ProgressLine {
    private let rows: Int
    private var active = false

    public init?(enabled: Bool = isatty(FileHandle.standardError.fileDescriptor) == 1) {
        var size = winsize()
        guard enabled, ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row >= 4 else { return nil }
        rows = Int(size.ws_row)
    }

    func update(testsDone: Int, testsTotal: Int?, functions: Int, callsPerSecond: Double) {
        if !active {
            // A new line to scroll into, then a scroll region of every row but the last.
            write("\n\u{1B}7\u{1B}[1;\(rows - 1)r\u{1B}8\u{1B}[1A")
            active = true
        }
        let tests = testsTotal.map { "\(testsDone)/\($0) tests" } ?? "\(testsDone) tests"
        let rate = callsPerSecond >= 1000 ? String(format: "%.1fk", callsPerSecond / 1000) : String(Int(callsPerSecond))
        write("\u{1B}7\u{1B}[\(rows);1H\u{1B}[2K[hybridize] \(tests) · \(functions) functions · \(rate) calls/s\u{1B}8")
    }

    /// Clears the status row and gives the whole terminal back.
    func clear() {
        guard active else { return }
        active = false
        write("\u{1B}7\u{1B}[\(rows);1H\u{1B}[2K\u{1B}[r\u{1B}8")
    }

    private func write(_ text: String) {
        // The terminal itself, not pytest's capture of descriptor 2 while a test runs.
        TracerOutput.write(text)
    }
}
