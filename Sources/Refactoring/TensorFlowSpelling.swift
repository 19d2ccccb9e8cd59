import PythonSyntax

/// How a file already spells TensorFlow, read from its top-level imports, so that an added
/// decorator reads like the code around it: `tf.function` after `import tensorflow as tf`,
/// `tensorflow.function` after `import tensorflow`, `function` after `from tensorflow import function`.
struct TensorFlowSpelling {
    /// The name the module is bound to (`tf`, `tensorflow`), when the file binds it.
    var moduleName: String?
    /// The name `tensorflow.function` is bound to by a `from` import, when the file has one.
    var functionName: String?
    /// Lines that end a top-level import, in order: where `import tensorflow as tf` may go.
    var importEndLines: [Int]
    /// The last line of the module docstring and of `from __future__` imports: an added import
    /// must come after both.
    var preambleEndLine: Int

    /// Module paths whose `function` is `tf.function` (TF 2.21 keeps `function` in compat.v2 and
    /// compat.v1 as the same object).
    static let tensorFlowModules: Set<String> = ["tensorflow", "tensorflow.compat.v2", "tensorflow.compat.v1"]

    init(_ module: Module) {
        importEndLines = []
        preambleEndLine = 0
        for (position, statement) in module.body.enumerated() {
            switch statement.kind {
            case .import(let names):
                importEndLines.append(statement.range.endLine)
                for name in names where Self.tensorFlowModules.contains(name.name) && moduleName == nil {
                    // `import tensorflow.compat.v2` without an alias binds `tensorflow`, whose
                    // `function` is the same tf.function.
                    moduleName = name.alias ?? "tensorflow"
                }
            case .importFrom(let from, let names, let level):
                importEndLines.append(statement.range.endLine)
                if from == "__future__" { preambleEndLine = statement.range.endLine }
                guard level == 0, let from else { continue }
                if Self.tensorFlowModules.contains(from) {
                    for name in names where functionName == nil && (name.name == "function" || name.name == "*") {
                        functionName = name.name == "*" ? "function" : (name.alias ?? name.name)
                    }
                } else if from == "tensorflow.compat" {
                    for name in names where moduleName == nil && (name.name == "v2" || name.name == "v1") {
                        moduleName = name.alias ?? name.name
                    }
                }
            case .expression(let value) where position == 0:
                if case .constant(.string) = value.kind { preambleEndLine = statement.range.endLine }
            default:
                continue
            }
        }
    }

    /// The decorator's text, without the `@`: the module's `function` when the file imports the
    /// module (needed anyway for `tf.TensorSpec`), else the imported name; nil when the file
    /// imports neither and `import tensorflow as tf` has to be added.
    var decorator: String? {
        if let moduleName { return moduleName + ".function" }
        return functionName
    }

    /// The line after which `import tensorflow as tf` goes, when an edit at `line` needs it: after
    /// the last top-level import above that line (a decorator is evaluated when its `def` runs, so
    /// the name must be bound before), never inside the docstring or before `from __future__`.
    func importLine(before line: Int) -> Int {
        max(importEndLines.last { $0 < line } ?? 0, preambleEndLine)
    }
}
