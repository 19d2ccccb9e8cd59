/// Where a node is, as Python's `ast` reports it: 1-based lines, 0-based UTF-8 byte columns.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int

    public init(line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = endColumn
    }

    public static let unknown = SourceRange(line: 0, column: 0, endLine: 0, endColumn: 0)

    public var description: String { "\(line):\(column)-\(endLine):\(endColumn)" }
}
