import Decisions

/// Where a function is: its file (relative to the project root) and the line of its `def`.
public struct FunctionLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.file, lhs.line) < (rhs.file, rhs.line) }
    public var description: String { "\(file):\(line)" }
}

/// One function's edit (SPEC §7): the transformation, why, and the bytes it changes.
public struct PlannedEdit: Sendable, Identifiable {
    public var id: FunctionLocation { location }
    public var location: FunctionLocation
    public var qualname: String
    public var transformation: Transformation
    public var precondition: String
    /// One line: the passing precondition and what it rests on.
    public var reason: String
    /// The verdict rests on an assumption no trace covers: no test can verify it.
    public var restsOnUnobserved: Bool
    var edits: [TextEdit]
    /// The file binds no TensorFlow name the edit can use: `import tensorflow as tf` goes in too.
    var needsImport: Bool
    /// The first line the edit touches: the added import must come before it.
    var firstLine: Int
}

/// A refactorable function left unedited, and why.
public struct SkippedEdit: Sendable {
    public var location: FunctionLocation
    public var qualname: String
    public var transformation: Transformation
    public var why: String
}
