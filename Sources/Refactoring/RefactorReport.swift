import Decisions

/// What `refactor` did or would do, per function, for the formatters in Reporting.
public struct RefactorReport: Sendable {
    public enum Status: String, Sendable {
        /// Dry run: the edit a `--apply` would write.
        case planned = "PLANNED"
        case applied = "APPLIED"
        /// Refactorable but left alone (unobserved, covered by its callers, not a `def`).
        case skipped = "SKIPPED"
        /// `--verify`: tests pass with it and its function got faster.
        case kept = "KEPT"
        case reverted = "REVERTED"
    }

    public struct Entry: Sendable {
        public var location: FunctionLocation
        public var qualname: String
        public var transformation: Transformation
        public var precondition: String?
        public var reason: String
        public var status: Status
        /// Why it was skipped, kept or reverted.
        public var why: String?
        /// Nanoseconds per call before and after the edit, and per tracing call after (verify).
        public var nanosecondsBefore: Double?
        public var nanosecondsAfter: Double?
        public var tracingNanosecondsAfter: Double?
        public var brokenTests: [String] = []

        public var speedup: Double? {
            guard let before = nanosecondsBefore, let after = nanosecondsAfter, after > 0 else { return nil }
            return before / after
        }
    }

    public var entries: [Entry]
    /// The unified diff of the edits (planned, or as written).
    public var diff: String
    public var verification: Verifier.Outcome?
    public var applied: Bool

    public init(plan: EditPlanner.Plan, applying: [PlannedEdit]?, verification: Verifier.Outcome?) {
        let written = applying ?? plan.edits
        applied = applying != nil
        var entries: [Entry] = []
        if let verification {
            for decision in verification.decisions {
                let edit = decision.edit
                entries.append(Entry(
                    location: edit.location, qualname: edit.qualname, transformation: edit.transformation,
                    precondition: edit.precondition, reason: edit.reason, status: decision.kept ? .kept : .reverted,
                    why: decision.why, nanosecondsBefore: decision.before, nanosecondsAfter: decision.after,
                    tracingNanosecondsAfter: decision.tracingAfter, brokenTests: decision.brokenTests))
            }
        } else {
            for edit in plan.edits {
                entries.append(Entry(
                    location: edit.location, qualname: edit.qualname, transformation: edit.transformation,
                    precondition: edit.precondition, reason: edit.reason, status: applying == nil ? .planned : .applied))
            }
        }
        for skipped in plan.skipped {
            entries.append(Entry(
                location: skipped.location, qualname: skipped.qualname, transformation: skipped.transformation,
                precondition: nil, reason: skipped.why, status: .skipped, why: skipped.why))
        }
        self.entries = entries.sorted { $0.location < $1.location }
        self.verification = verification
        diff = plan.changeSet.diff(applying: written)
    }
}

extension ChangeSet {
    /// The unified diff of every touched file under `subset`, each hunk headed by the reasons of
    /// the edits in it.
    public func diff(applying subset: [PlannedEdit]) -> String {
        let contents = contents(applying: subset)
        return originals.keys.sorted().map { path -> String in
            guard let old = originals[path], let new = contents[path] else { return "" }
            let text = SourceText(old)
            var notes: [UnifiedDiff.Note] = []
            for edit in subset where edit.location.file == path {
                let lines = edit.edits.map { textEdit -> ClosedRange<Int> in
                    let first = text.line(containing: textEdit.range.lowerBound)
                    let last = text.line(containing: max(textEdit.range.lowerBound, textEdit.range.upperBound - 1))
                    return first...max(first, last)
                }
                let low = lines.map(\.lowerBound).min() ?? edit.firstLine
                let high = lines.map(\.upperBound).max() ?? edit.firstLine
                notes.append(UnifiedDiff.Note(lines: max(1, low - 1)...high, text: Self.headline("\(edit.transformation.rawValue) \(edit.qualname): \(edit.reason)")))
            }
            if let first = subset.filter({ $0.location.file == path && $0.needsImport }).map(\.firstLine).min(),
                let spelling = spellings[path] {
                let line = spelling.importLine(before: first)
                notes.append(UnifiedDiff.Note(lines: line...(line + 1),
                                              text: "adds `import tensorflow as tf`: the file binds no TensorFlow name"))
            }
            return UnifiedDiff.render(path: path, old: old, new: new, notes: notes)
        }.joined()
    }
}

extension ChangeSet {
    /// A hunk header's note: one line, short enough to read beside the line numbers.
    static func headline(_ text: String, limit: Int = 160) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > limit ? String(line.prefix(limit - 1)) + "…" : line
    }
}

extension SourceText {
    /// The 1-based line holding byte `offset`.
    func line(containing offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }
}
