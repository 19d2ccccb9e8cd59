import Analysis

/// The files a plan edits, as they were analysed, and their text under any subset of the plan's
/// edits: what `--apply` writes, and what each `--verify` bisection step tries.
public struct ChangeSet: Sendable {
    /// The analysed bytes of each file an edit touches, by path relative to the project root.
    public let originals: [String: [UInt8]]
    let spellings: [String: TensorFlowSpelling]
    let edits: [PlannedEdit]

    init(project: Project, edits: [PlannedEdit]) {
        let touched = Set(edits.map(\.location.file))
        var originals: [String: [UInt8]] = [:]
        var spellings: [String: TensorFlowSpelling] = [:]
        for file in project.files where touched.contains(file.path) {
            originals[file.path] = file.source
            spellings[file.path] = TensorFlowSpelling(file.module)
        }
        self.originals = originals
        self.spellings = spellings
        self.edits = edits
    }

    /// Each touched file's text with `subset` applied (files `subset` leaves alone come back as
    /// analysed, so that applying a smaller subset also undoes the rest).
    public func contents(applying subset: [PlannedEdit]) -> [String: [UInt8]] {
        var result = originals
        for (path, original) in originals {
            let ofFile = subset.filter { $0.location.file == path }
            guard !ofFile.isEmpty else { continue }
            var textEdits: [TextEdit] = []
            let needingImport = ofFile.filter(\.needsImport)
            if let first = needingImport.map(\.firstLine).min(), let spelling = spellings[path] {
                textEdits.append(Self.importEdit(in: SourceText(original), after: spelling.importLine(before: first)))
            }
            textEdits += ofFile.flatMap(\.edits)
            result[path] = TextEdit.apply(textEdits, to: original)
        }
        return result
    }

    /// `import tensorflow as tf` on a line of its own after `line`; at the top of the file (line
    /// 0) it goes below the leading comments, which may hold a shebang or an encoding declaration
    /// that must stay on the first two lines.
    static func importEdit(in text: SourceText, after line: Int) -> TextEdit {
        var after = line
        if after == 0 {
            while after < text.lineCount {
                let start = text.start(ofLine: after + 1)
                let indentation = text.indentation(ofLine: after + 1).count
                guard start + indentation < text.bytes.count, text.bytes[start + indentation] == UInt8(ascii: "#") else { break }
                after += 1
            }
        }
        let offset = text.end(ofLine: after)
        var inserted = Array("import tensorflow as tf".utf8) + text.lineBreak
        if after > 0, after >= text.lineCount, text.lacksFinalLineBreak {
            inserted = text.lineBreak + Array("import tensorflow as tf".utf8)
        }
        return TextEdit(offset..<offset, inserted)
    }
}
