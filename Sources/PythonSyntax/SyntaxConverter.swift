import CPython
import CPythonShim
import PythonRuntime

/// Walks a tree of Python `ast` objects through the C API into Swift values. Fields are read
/// straight from each node's instance dict (borrowed references, no attribute lookup through the
/// type), and node types are recognised by their type object, named once.
final class SyntaxConverter {
    /// Deeper trees than this are reported, not analysed. Python 3.11 builds trees up to 3,000
    /// levels, and every analysis walks them recursively: the commands run on `DeepStack`'s
    /// 512 MiB, far more than 890 levels need (a debug run over 890-level calls, sums,
    /// attributes, subscripts and unary chains peaked at 55 MB resident, all memory counted).
    static let maximumDepth = 900

    struct TooDeep: Error {
        let line: Int
    }

    private var typeNames: [UInt: String] = [:]
    private var depth = 0
    private let names: [String: PyRef]

    private static let fieldNames = [
        "body", "name", "args", "decorator_list", "returns", "bases", "keywords", "names", "module", "level",
        "targets", "value", "target", "op", "annotation", "iter", "orelse", "test", "items", "context_expr",
        "optional_vars", "handlers", "finalbody", "type", "exc", "cause", "msg", "subject", "cases", "pattern",
        "guard", "id", "attr", "func", "arg", "slice", "elts", "keys", "values", "elt", "key", "generators",
        "ifs", "is_async", "left", "right", "operand", "ops", "comparators", "lower", "upper", "step",
        "posonlyargs", "vararg", "kwonlyargs", "kw_defaults", "kwarg", "defaults", "asname", "lineno",
        "col_offset", "end_lineno", "end_col_offset",
    ]

    init() throws {
        var names: [String: PyRef] = [:]
        for name in Self.fieldNames {
            names[name] = try Python.makeString(name)
        }
        self.names = names
    }

    func module(_ tree: PyObjectPointer) throws -> [Statement] {
        depth = 0
        return try statements(field(tree, "body"))
    }

    // MARK: Reading nodes

    private func typeName(_ node: PyObjectPointer) -> String {
        let type = UInt(bitPattern: hyb_type(node))
        if let name = typeNames[type] {
            return name
        }
        let name = PyType_GetName(hyb_type(node)).map { PyRef(owning: $0).text ?? "?" } ?? "?"
        PyErr_Clear()
        typeNames[type] = name
        return name
    }

    /// A field of a node (borrowed; nil when absent or None).
    private func field(_ node: PyObjectPointer, _ name: String) -> PyObjectPointer? {
        guard let dict = hyb_instance_dict(node), let key = names[name]?.pointer,
            let value = PyDict_GetItemWithError(dict, key)
        else {
            PyErr_Clear()
            return nil
        }
        return value == hyb_none() ? nil : value
    }

    private func list(_ value: PyObjectPointer?) -> [PyObjectPointer] {
        guard let value, hyb_is_list(value) != 0 else { return [] }
        return (0..<hyb_list_size(value)).compactMap { hyb_list_item(value, $0) }
    }

    private func string(_ node: PyObjectPointer, _ name: String) -> String? {
        field(node, name).flatMap(Python.unicode)
    }

    private func integer(_ node: PyObjectPointer, _ name: String) -> Int {
        guard let value = field(node, name) else { return 0 }
        let number = PyLong_AsLong(value)
        if number == -1 && PyErr_Occurred() != nil { PyErr_Clear() }
        return number
    }

    private func range(_ node: PyObjectPointer) -> SourceRange {
        SourceRange(
            line: integer(node, "lineno"), column: integer(node, "col_offset"),
            endLine: integer(node, "end_lineno"), endColumn: integer(node, "end_col_offset"))
    }

    private func nested<T>(_ node: PyObjectPointer, _ body: () throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth {
            throw TooDeep(line: integer(node, "lineno"))
        }
        return try body()
    }

    // MARK: Statements

    private func statements(_ value: PyObjectPointer?) throws -> [Statement] {
        try list(value).map(statement)
    }

    private func statement(_ node: PyObjectPointer) throws -> Statement {
        try nested(node) {
            Statement(try statementKind(node, typeName(node)), range(node))
        }
    }

    private func statementKind(_ node: PyObjectPointer, _ type: String) throws -> StatementKind {
        switch type {
        case "FunctionDef", "AsyncFunctionDef":
            return .function(
                FunctionDefinition(
                    name: string(node, "name") ?? "?", parameters: try parameters(field(node, "args")),
                    decorators: try expressions(field(node, "decorator_list")),
                    returns: try optionalExpression(field(node, "returns")), body: try statements(field(node, "body")),
                    isAsync: type == "AsyncFunctionDef"))
        case "ClassDef":
            return .class(
                ClassDefinition(
                    name: string(node, "name") ?? "?", bases: try expressions(field(node, "bases")),
                    keywords: try keywords(field(node, "keywords")),
                    decorators: try expressions(field(node, "decorator_list")), body: try statements(field(node, "body"))))
        case "Import":
            return .import(importedNames(field(node, "names")))
        case "ImportFrom":
            return .importFrom(module: string(node, "module"), names: importedNames(field(node, "names")),
                               level: integer(node, "level"))
        case "Assign":
            return .assign(targets: try expressions(field(node, "targets")), value: try expression(field(node, "value")))
        case "AugAssign":
            return .augmentedAssign(target: try expression(field(node, "target")), symbol: operatorName(field(node, "op")),
                                    value: try expression(field(node, "value")))
        case "AnnAssign":
            return .annotatedAssign(target: try expression(field(node, "target")),
                                    annotation: try expression(field(node, "annotation")),
                                    value: try optionalExpression(field(node, "value")))
        case "Expr":
            return .expression(try expression(field(node, "value")))
        case "Return":
            return .return(try optionalExpression(field(node, "value")))
        case "Delete":
            return .delete(try expressions(field(node, "targets")))
        case "For", "AsyncFor":
            return .for(target: try expression(field(node, "target")), iterable: try expression(field(node, "iter")),
                        body: try statements(field(node, "body")), orElse: try statements(field(node, "orelse")),
                        isAsync: type == "AsyncFor")
        case "While":
            return .while(test: try expression(field(node, "test")), body: try statements(field(node, "body")),
                          orElse: try statements(field(node, "orelse")))
        case "If":
            return .if(test: try expression(field(node, "test")), body: try statements(field(node, "body")),
                       orElse: try statements(field(node, "orelse")))
        case "With", "AsyncWith":
            let items = try list(field(node, "items")).map { item in
                (context: try expression(field(item, "context_expr")),
                 target: try optionalExpression(field(item, "optional_vars")))
            }
            return .with(items: items, body: try statements(field(node, "body")), isAsync: type == "AsyncWith")
        case "Try", "TryStar":
            let handlers = try list(field(node, "handlers")).map { handler in
                ExceptHandler(type: try optionalExpression(field(handler, "type")), name: string(handler, "name"),
                              body: try statements(field(handler, "body")), range: range(handler))
            }
            return .try(body: try statements(field(node, "body")), handlers: handlers,
                        orElse: try statements(field(node, "orelse")), finally: try statements(field(node, "finalbody")))
        case "Match":
            let cases = try list(field(node, "cases")).map { matchCase in
                MatchCase(patternExpressions: try patternExpressions(field(matchCase, "pattern")),
                          guardExpression: try optionalExpression(field(matchCase, "guard")),
                          body: try statements(field(matchCase, "body")))
            }
            return .match(subject: try expression(field(node, "subject")), cases: cases)
        case "Raise":
            return .raise(exception: try optionalExpression(field(node, "exc")),
                          cause: try optionalExpression(field(node, "cause")))
        case "Assert":
            return .assert(test: try expression(field(node, "test")), message: try optionalExpression(field(node, "msg")))
        case "Global":
            return .global(list(field(node, "names")).compactMap(Python.unicode))
        case "Nonlocal":
            return .nonlocal(list(field(node, "names")).compactMap(Python.unicode))
        case "Break":
            return .break
        case "Continue":
            return .continue
        default:
            return .pass
        }
    }

    private func importedNames(_ value: PyObjectPointer?) -> [ImportedName] {
        list(value).map { alias in
            ImportedName(name: string(alias, "name") ?? "?", alias: string(alias, "asname"))
        }
    }

    /// Patterns bind names and mention values (`case Point(x=0)`): analysis needs only the
    /// expressions inside them, found by walking the pattern's fields generically.
    private func patternExpressions(_ pattern: PyObjectPointer?) throws -> [Expression] {
        guard let pattern else { return [] }
        var found: [Expression] = []
        try nested(pattern) {
            guard let dict = hyb_instance_dict(pattern) else { return }
            var position = 0
            var key: PyObjectPointer?
            var value: PyObjectPointer?
            while PyDict_Next(dict, &position, &key, &value) != 0 {
                guard let value else { continue }
                for item in hyb_is_list(value) != 0 ? list(value) : [value] where hyb_instance_dict(item) != nil {
                    let type = typeName(item)
                    if type.hasPrefix("Match") {
                        found += try patternExpressions(item)
                    } else if type != "Load" && type != "Store" {
                        found.append(try expression(item))
                    }
                }
            }
        }
        return found
    }

    // MARK: Expressions

    private func expressions(_ value: PyObjectPointer?) throws -> [Expression] {
        try list(value).map { try expression($0) }
    }

    private func optionalExpression(_ node: PyObjectPointer?) throws -> Expression? {
        try node.map { try expression($0) }
    }

    private func expression(_ node: PyObjectPointer?) throws -> Expression {
        guard let node else { return Expression(.constant(.none), .unknown) }
        return try nested(node) {
            Expression(try expressionKind(node, typeName(node)), range(node))
        }
    }

    private func expressionKind(_ node: PyObjectPointer, _ type: String) throws -> ExpressionKind {
        switch type {
        case "Name":
            return .name(string(node, "id") ?? "?")
        case "Attribute":
            return .attribute(try expression(field(node, "value")), string(node, "attr") ?? "?")
        case "Call":
            return .call(Call(function: try expression(field(node, "func")), arguments: try expressions(field(node, "args")),
                              keywords: try keywords(field(node, "keywords"))))
        case "Constant":
            return .constant(constant(field(node, "value")))
        case "Subscript":
            return .subscript(try expression(field(node, "value")), try expression(field(node, "slice")))
        case "Starred":
            return .starred(try expression(field(node, "value")))
        case "List":
            return .list(try expressions(field(node, "elts")))
        case "Tuple":
            return .tuple(try expressions(field(node, "elts")))
        case "Set":
            return .set(try expressions(field(node, "elts")))
        case "Dict":
            let keys = list(field(node, "keys"))
            let values = list(field(node, "values"))
            return .dictionary(try zip(keys, values).map { key, value in
                (key: key == hyb_none() ? nil : try expression(key), value: try expression(value))
            })
        case "Lambda":
            return .lambda(Lambda(parameters: try parameters(field(node, "args")), body: try expression(field(node, "body"))))
        case "ListComp", "SetComp", "GeneratorExp", "DictComp":
            let kind: Comprehension.Kind =
                type == "ListComp" ? .list : type == "SetComp" ? .set : type == "DictComp" ? .dictionary : .generator
            let generators = try list(field(node, "generators")).map { generator in
                Comprehension.Generator(
                    target: try expression(field(generator, "target")), iterable: try expression(field(generator, "iter")),
                    conditions: try expressions(field(generator, "ifs")), isAsync: integer(generator, "is_async") != 0)
            }
            if kind == .dictionary {
                return .comprehension(Comprehension(kind: kind, element: try expression(field(node, "key")),
                                                    value: try expression(field(node, "value")), generators: generators))
            }
            return .comprehension(Comprehension(kind: kind, element: try expression(field(node, "elt")), value: nil,
                                                generators: generators))
        case "BinOp":
            return .binary(symbol: operatorName(field(node, "op")), try expression(field(node, "left")),
                           try expression(field(node, "right")))
        case "UnaryOp":
            return .unary(symbol: operatorName(field(node, "op")), try expression(field(node, "operand")))
        case "BoolOp":
            return .boolean(symbol: operatorName(field(node, "op")), try expressions(field(node, "values")))
        case "Compare":
            let operators = list(field(node, "ops")).map { operatorName($0) }
            let comparators = try expressions(field(node, "comparators"))
            return .compare(try expression(field(node, "left")),
                            zip(operators, comparators).map { (symbol: $0, $1) })
        case "IfExp":
            return .conditional(test: try expression(field(node, "test")), body: try expression(field(node, "body")),
                                orElse: try expression(field(node, "orelse")))
        case "NamedExpr":
            return .namedExpression(target: try expression(field(node, "target")), value: try expression(field(node, "value")))
        case "Await":
            return .await(try expression(field(node, "value")))
        case "Yield":
            return .yield(try optionalExpression(field(node, "value")))
        case "YieldFrom":
            return .yieldFrom(try expression(field(node, "value")))
        case "JoinedStr":
            return .formattedString(try list(field(node, "values")).map { part in
                typeName(part) == "FormattedValue" ? try expression(field(part, "value")) : try expression(part)
            })
        case "FormattedValue":
            return .formattedString([try expression(field(node, "value"))])
        case "Slice":
            return .slice(lower: try optionalExpression(field(node, "lower")), upper: try optionalExpression(field(node, "upper")),
                          step: try optionalExpression(field(node, "step")))
        default:
            return .constant(.none)
        }
    }

    private func keywords(_ value: PyObjectPointer?) throws -> [Keyword] {
        try list(value).map { keyword in
            Keyword(name: string(keyword, "arg"), value: try expression(field(keyword, "value")))
        }
    }

    private func parameters(_ arguments: PyObjectPointer?) throws -> [Parameter] {
        guard let arguments else { return [] }
        func parameter(_ node: PyObjectPointer, _ kind: Parameter.Kind, _ defaultValue: PyObjectPointer?) throws -> Parameter {
            Parameter(name: string(node, "arg") ?? "?", kind: kind, annotation: try optionalExpression(field(node, "annotation")),
                      defaultValue: try optionalExpression(defaultValue), range: range(node))
        }
        let positionalOnly = list(field(arguments, "posonlyargs"))
        let regular = list(field(arguments, "args"))
        // Defaults belong to the last positional parameters, positional-only ones included.
        let defaults = list(field(arguments, "defaults"))
        let positional = positionalOnly.count + regular.count
        func positionalDefault(_ index: Int) -> PyObjectPointer? {
            let offset = index - (positional - defaults.count)
            return offset >= 0 && offset < defaults.count ? defaults[offset] : nil
        }
        var result: [Parameter] = []
        for (index, node) in positionalOnly.enumerated() {
            result.append(try parameter(node, .positionalOnly, positionalDefault(index)))
        }
        for (index, node) in regular.enumerated() {
            result.append(try parameter(node, .regular, positionalDefault(positionalOnly.count + index)))
        }
        if let variadic = field(arguments, "vararg") {
            result.append(try parameter(variadic, .variadic, nil))
        }
        let keywordDefaults = list(field(arguments, "kw_defaults"))
        for (index, node) in list(field(arguments, "kwonlyargs")).enumerated() {
            let defaultValue = index < keywordDefaults.count && keywordDefaults[index] != hyb_none() ? keywordDefaults[index] : nil
            result.append(try parameter(node, .keywordOnly, defaultValue))
        }
        if let variadicKeyword = field(arguments, "kwarg") {
            result.append(try parameter(variadicKeyword, .variadicKeyword, nil))
        }
        return result
    }

    private func constant(_ value: PyObjectPointer?) -> Constant {
        guard let value else { return .none }
        if value == hyb_true() { return .bool(true) }
        if value == hyb_false() { return .bool(false) }
        if hyb_is_unicode(value) != 0 { return .string(Python.unicode(value) ?? "") }
        if hyb_is_long(value) != 0 { return .int(Python.string(value) ?? "0") }
        if hyb_is_float(value) != 0 { return .float(PyFloat_AsDouble(value)) }
        if hyb_is_bytes(value) != 0 { return .bytes(PyBytes_Size(value)) }
        if value == hyb_ellipsis() { return .ellipsis }
        return .complex(Python.string(value) ?? "")
    }

    /// `ast.Add()` → "Add": operators are nodes whose type is the operator.
    private func operatorName(_ node: PyObjectPointer?) -> String {
        node.map(typeName) ?? "?"
    }
}
