/// A file's bytes with its line starts, addressed the way Python's `ast` addresses them: 1-based
/// lines and 0-based UTF-8 byte columns. Edits are made on bytes, so whatever they do not touch
/// (CRLF, tabs, an encoding line, a missing final newline) stays as it was.
struct SourceText {
    let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0]` is line 1.
    let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A && offset + 1 < bytes.count {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    var lineCount: Int { bytes.isEmpty ? 0 : lineStarts.count }

    /// The line break the file uses: CRLF when its first line ends so, else LF.
    var lineBreak: [UInt8] {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return [0x0A] }
        return newline > 0 && bytes[newline - 1] == 0x0D ? [0x0D, 0x0A] : [0x0A]
    }

    /// Byte offset of `line`:`column`; a line past the end addresses the end of the file.
    func offset(line: Int, column: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return bytes.count }
        return min(lineStarts[line - 1] + column, bytes.count)
    }

    /// The offset where `line` starts (the end of the file for a line past it).
    func start(ofLine line: Int) -> Int { offset(line: line, column: 0) }

    /// The offset just past `line`'s line break (the end of the file for its last line).
    func end(ofLine line: Int) -> Int { line < lineStarts.count ? lineStarts[line] : bytes.count }

    /// The spaces and tabs that begin `line`.
    func indentation(ofLine line: Int) -> [UInt8] {
        let start = start(ofLine: line)
        var end = start
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        return Array(bytes[start..<end])
    }

    /// Whether the file's last line lacks a line break.
    var lacksFinalLineBreak: Bool { !(bytes.last.map { $0 == 0x0A } ?? true) }
}

/// Replaces the bytes in `range` with `replacement`; several edits of one file never overlap.
struct TextEdit: Hashable, Sendable {
    var range: Range<Int>
    var replacement: [UInt8]

    init(_ range: Range<Int>, _ replacement: [UInt8]) {
        self.range = range
        self.replacement = replacement
    }

    init(inserting text: String, at offset: Int) {
        self.init(offset..<offset, Array(text.utf8))
    }

    /// `bytes` with `edits` applied, which may come in any order.
    static func apply(_ edits: [TextEdit], to bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        // Back to front, so earlier offsets stay valid; at one offset, insertions keep their order.
        for edit in edits.enumerated().sorted(by: { ($0.element.range.lowerBound, $0.offset) > ($1.element.range.lowerBound, $1.offset) }) {
            result.replaceSubrange(edit.element.range, with: edit.element.replacement)
        }
        return result
    }
}
