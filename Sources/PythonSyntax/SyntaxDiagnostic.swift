/// A file that could not be parsed (or read): reported as `file:line:col: message`, one line,
/// while the rest of the project is still analysed.
public struct SyntaxDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; 1 when the problem has no better place (an unreadable file, say).
    public var line: Int
    /// 1-based.
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = max(line, 1)
        self.column = max(column, 1)
        self.message = message
    }

    /// One line, whatever the message holds (a SyntaxError's text can quote a line break).
    public var description: String {
        "\(file):\(line):\(column): \(message.split(whereSeparator: \.isNewline).joined(separator: " "))"
    }
}
