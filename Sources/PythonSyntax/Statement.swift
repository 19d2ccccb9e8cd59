/// A Python statement with its position.
public struct Statement: Sendable {
    public var kind: StatementKind
    public var range: SourceRange

    public init(_ kind: StatementKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// The statements of Python 3.11's grammar (`ast.stmt`).
public indirect enum StatementKind: Sendable {
    case function(FunctionDefinition)
    case `class`(ClassDefinition)
    case `import`([ImportedName])
    /// `from module import names`; `level` counts the leading dots of a relative import.
    case importFrom(module: String?, names: [ImportedName], level: Int)
    case assign(targets: [Expression], value: Expression)
    case augmentedAssign(target: Expression, symbol: String, value: Expression)
    case annotatedAssign(target: Expression, annotation: Expression, value: Expression?)
    case expression(Expression)
    case `return`(Expression?)
    case delete([Expression])
    case `for`(target: Expression, iterable: Expression, body: [Statement], orElse: [Statement], isAsync: Bool)
    case `while`(test: Expression, body: [Statement], orElse: [Statement])
    case `if`(test: Expression, body: [Statement], orElse: [Statement])
    case with(items: [(context: Expression, target: Expression?)], body: [Statement], isAsync: Bool)
    case `try`(body: [Statement], handlers: [ExceptHandler], orElse: [Statement], finally: [Statement])
    case match(subject: Expression, cases: [MatchCase])
    case raise(exception: Expression?, cause: Expression?)
    case assert(test: Expression, message: Expression?)
    case global([String])
    case nonlocal([String])
    case pass
    case `break`
    case `continue`
}

public struct FunctionDefinition: Sendable {
    public var name: String
    public var parameters: [Parameter]
    public var decorators: [Expression]
    public var returns: Expression?
    public var body: [Statement]
    public var isAsync: Bool
}

public struct ClassDefinition: Sendable {
    public var name: String
    public var bases: [Expression]
    public var keywords: [Keyword]
    public var decorators: [Expression]
    public var body: [Statement]
}

/// `import a.b as c` or `from m import b as c`: `name` is what is imported, `alias` what it binds.
public struct ImportedName: Sendable, Equatable {
    public var name: String
    public var alias: String?
}

public struct ExceptHandler: Sendable {
    public var type: Expression?
    public var name: String?
    public var body: [Statement]
    public var range: SourceRange
}

/// A `case` of a `match` statement. Patterns are kept only as the expressions they mention.
public struct MatchCase: Sendable {
    public var patternExpressions: [Expression]
    public var guardExpression: Expression?
    public var body: [Statement]
}

/// A parsed `.py` file.
public struct Module: Sendable {
    public var path: String
    public var body: [Statement]
    public var lineCount: Int
}
