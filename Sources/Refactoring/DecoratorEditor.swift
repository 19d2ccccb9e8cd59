import Analysis
import Decisions
import PythonSyntax

/// The byte edits of one transformation on one `def` (SPEC §7), leaving every other byte as it was.
struct DecoratorEditor {
    let text: SourceText
    let spelling: TensorFlowSpelling

    func edit(_ verdict: Verdict, transformation: Transformation, definition: FunctionDefinition,
              location: FunctionLocation) -> PlannedEdit? {
        var planned = PlannedEdit(
            location: location, qualname: verdict.facts.qualname, transformation: transformation,
            precondition: verdict.passingPrecondition ?? "", reason: verdict.reasons.first ?? transformation.rawValue,
            restsOnUnobserved: verdict.restsOnUnobserved, edits: [], needsImport: false, firstLine: location.line)
        switch transformation {
        case .convertToHybrid:
            let line = definition.decorators.map(\.range.line).min() ?? location.line
            let decorator = spelling.decorator ?? "tf.function"
            planned.needsImport = spelling.decorator == nil
            planned.firstLine = line
            let added = text.indentation(ofLine: line) + Array("@\(decorator)".utf8) + text.lineBreak
            planned.edits = [TextEdit(text.start(ofLine: line)..<text.start(ofLine: line), added)]
        case .convertToEager:
            guard case .decorator(let range)? = verdict.facts.hybrid?.form, let removal = removal(of: range) else { return nil }
            planned.firstLine = range.line
            planned.edits = [removal]
        case .reconfigure:
            guard case .decorator(let range)? = verdict.facts.hybrid?.form, let argument = verdict.reconfiguration,
                let decorator = definition.decorators.first(where: { $0.range == range })
            else { return nil }
            let (spelled, needsImport) = respell(argument)
            planned.needsImport = needsImport
            planned.firstLine = range.line
            guard let insertion = addition(of: spelled, to: decorator) else { return nil }
            planned.edits = [insertion]
        }
        return planned
    }

    /// Removes a decorator's whole lines, `@`, arguments over any number of lines and a trailing
    /// comment included, when it stands alone on them; nil when other code shares its lines.
    func removal(of range: SourceRange) -> TextEdit? {
        let lineStart = text.start(ofLine: range.line)
        let expressionStart = text.offset(line: range.line, column: range.column)
        let before = text.bytes[lineStart..<expressionStart].filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0C }
        guard before == [UInt8(ascii: "@")] else { return nil }
        let expressionEnd = text.offset(line: range.endLine, column: range.endColumn)
        let lineEnd = text.end(ofLine: range.endLine)
        var rest = text.bytes[expressionEnd..<lineEnd].drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0C }
        if rest.first == UInt8(ascii: "#") { rest = [] }
        guard rest.allSatisfy({ $0 == 0x0D || $0 == 0x0A }) else { return nil }
        return TextEdit(lineStart..<lineEnd, [])
    }

    /// Adds `argument` to a decorator: `@tf.function` becomes `@tf.function(argument)`, and a
    /// call gets it after its last argument (before a trailing comma, which stays).
    func addition(of argument: String, to decorator: Expression) -> TextEdit? {
        let end = text.offset(line: decorator.range.endLine, column: decorator.range.endColumn)
        guard case .call(let call) = decorator.kind else {
            return TextEdit(inserting: "(\(argument))", at: end)
        }
        let lastArgumentEnd = (call.arguments.map(\.range) + call.keywords.map(\.value.range))
            .map { text.offset(line: $0.endLine, column: $0.endColumn) }.max()
        if let lastArgumentEnd {
            return TextEdit(inserting: ", \(argument)", at: lastArgumentEnd)
        }
        // `tf.function()`: just after the opening parenthesis.
        let functionEnd = text.offset(line: call.function.range.endLine, column: call.function.range.endColumn)
        guard let open = text.bytes[functionEnd..<end].firstIndex(of: UInt8(ascii: "(")) else { return nil }
        return TextEdit(inserting: argument, at: open + 1)
    }

    /// The decision spells TensorFlow as `tf.`; respelled with the file's own module name, or
    /// left as `tf.` with the import added when the file binds no module name.
    func respell(_ argument: String) -> (String, needsImport: Bool) {
        guard argument.contains("tf.") else { return (argument, false) }
        guard let module = spelling.moduleName else { return (argument, true) }
        if module == "tf" { return (argument, false) }
        var result = ""
        var previous: Character = " "
        var index = argument.startIndex
        while index < argument.endIndex {
            if argument[index...].hasPrefix("tf."), !(previous.isLetter || previous.isNumber || previous == "_" || previous == ".") {
                result += module + "."
                index = argument.index(index, offsetBy: 3)
                previous = "."
                continue
            }
            previous = argument[index]
            result.append(previous)
            index = argument.index(after: index)
        }
        return (result, false)
    }
}
