/// A unified diff of one file's lines (as `diff -u` and `git apply` read it), with a note in each
/// hunk header's trailing text, where `git diff` puts the enclosing function: the reason for the
/// edits in that hunk.
public enum UnifiedDiff {
    /// A note attached to the old lines an edit touches (1-based, inclusive).
    public struct Note: Sendable {
        public var lines: ClosedRange<Int>
        public var text: String
    }

    public static func render(path: String, old: [UInt8], new: [UInt8], notes: [Note], context: Int = 3) -> String {
        let oldLines = lines(of: old)
        let newLines = lines(of: new)
        let script = editScript(oldLines, newLines)
        guard script.contains(where: { $0.kind != .same }) else { return "" }
        var output = "--- a/\(path)\n+++ b/\(path)\n"
        for hunk in hunks(script, context: context) {
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            let oldStart = (hunk.first?.oldIndex ?? 0) + (oldCount == 0 ? 0 : 1)
            let newStart = (hunk.first?.newIndex ?? 0) + (newCount == 0 ? 0 : 1)
            let touched = hunk.filter { $0.kind != .same }.map { $0.oldIndex + 1 }
            let span = (touched.min() ?? oldStart)...(touched.max() ?? oldStart)
            let reasons = notes.filter { $0.lines.overlaps(span) }.map(\.text)
            var unique: [String] = []
            for reason in reasons where !unique.contains(reason) { unique.append(reason) }
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@"
            output += unique.isEmpty ? "\n" : " " + unique.joined(separator: "; ") + "\n"
            for step in hunk {
                let (marker, line): (String, [UInt8]) = switch step.kind {
                case .same: (" ", oldLines[step.oldIndex])
                case .delete: ("-", oldLines[step.oldIndex])
                case .insert: ("+", newLines[step.newIndex])
                }
                output += marker + String(decoding: line, as: UTF8.self)
                if line.last != 0x0A { output += "\n\\ No newline at end of file\n" }
            }
        }
        return output
    }

    /// Lines with their line breaks, so that CRLF and a missing final newline survive.
    static func lines(of bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            result.append(Array(bytes[start...offset]))
            start = offset + 1
        }
        if start < bytes.count { result.append(Array(bytes[start...])) }
        return result
    }

    enum StepKind { case same, delete, insert }

    struct Step {
        var kind: StepKind
        var oldIndex: Int
        var newIndex: Int
    }

    /// Myers' O((N+M)·D) shortest edit script, after trimming the common head and tail: edits are
    /// a few lines in a long file, so D is tiny.
    static func editScript(_ old: [[UInt8]], _ new: [[UInt8]]) -> [Step] {
        var head = 0
        while head < old.count, head < new.count, old[head] == new[head] { head += 1 }
        var tail = 0
        while tail < old.count - head, tail < new.count - head, old[old.count - 1 - tail] == new[new.count - 1 - tail] { tail += 1 }
        let a = Array(old[head..<(old.count - tail)])
        let b = Array(new[head..<(new.count - tail)])
        var steps = (0..<head).map { Step(kind: .same, oldIndex: $0, newIndex: $0) }
        steps += middle(a, b).map { Step(kind: $0.kind, oldIndex: $0.oldIndex + head, newIndex: $0.newIndex + head) }
        steps += (0..<tail).map { Step(kind: .same, oldIndex: old.count - tail + $0, newIndex: new.count - tail + $0) }
        return steps
    }

    private static func middle(_ a: [[UInt8]], _ b: [[UInt8]]) -> [Step] {
        let n = a.count, m = b.count, offset = n + m + 1
        guard n + m > 0 else { return [] }
        // frontier[offset + k]: the furthest x on diagonal k; one snapshot per round to walk back.
        var frontier = [Int](repeating: 0, count: 2 * offset + 1)
        var snapshots: [[Int]] = []
        search: for d in 0...(n + m) {
            snapshots.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                let down = k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1])
                var x = down ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                frontier[offset + k] = x
                if x >= n, y >= m { break search }
            }
        }
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: snapshots.count - 1, through: 0, by: -1) {
            let saved = snapshots[d]
            let k = x - y
            let down = k == -d || (k != d && saved[offset + k - 1] < saved[offset + k + 1])
            let previousK = down ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : saved[offset + previousK]
            let previousY = d == 0 ? 0 : previousX - previousK
            while x > previousX, y > previousY {
                x -= 1; y -= 1
                steps.append(Step(kind: .same, oldIndex: x, newIndex: y))
            }
            guard d > 0 else { break }
            if down {
                y -= 1
                steps.append(Step(kind: .insert, oldIndex: x, newIndex: y))
            } else {
                x -= 1
                steps.append(Step(kind: .delete, oldIndex: x, newIndex: y))
            }
        }
        return steps.reversed()
    }

    /// Groups the script into hunks with `context` unchanged lines around each change.
    static func hunks(_ script: [Step], context: Int) -> [[Step]] {
        let changed = script.indices.filter { script[$0].kind != .same }
        var ranges: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(script.count - 1, index + context)
            if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        return ranges.map { Array(script[$0]) }
    }
}
