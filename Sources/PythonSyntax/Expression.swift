/// A Python expression with its position.
public struct Expression: Sendable {
    public var kind: ExpressionKind
    public var range: SourceRange

    public init(_ kind: ExpressionKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// The expressions of Python 3.11's grammar (`ast.expr`), kept to what analysis reads.
public indirect enum ExpressionKind: Sendable {
    case name(String)
    case attribute(Expression, String)
    case call(Call)
    case constant(Constant)
    case `subscript`(Expression, Expression)
    case starred(Expression)
    case list([Expression])
    case tuple([Expression])
    case set([Expression])
    /// `{k: v, **other}`: a nil key is a `**` unpacking.
    case dictionary([(key: Expression?, value: Expression)])
    case lambda(Lambda)
    case comprehension(Comprehension)
    case binary(symbol: String, Expression, Expression)
    case unary(symbol: String, Expression)
    case boolean(symbol: String, [Expression])
    case compare(Expression, [(symbol: String, Expression)])
    case conditional(test: Expression, body: Expression, orElse: Expression)
    case namedExpression(target: Expression, value: Expression)
    case await(Expression)
    case yield(Expression?)
    case yieldFrom(Expression)
    /// An f-string: its parts, strings and `FormattedValue`s' values.
    case formattedString([Expression])
    case slice(lower: Expression?, upper: Expression?, step: Expression?)
}

public struct Call: Sendable {
    public var function: Expression
    public var arguments: [Expression]
    public var keywords: [Keyword]
}

/// `name=value` in a call or class header; `name` is nil for `**mapping`.
public struct Keyword: Sendable {
    public var name: String?
    public var value: Expression
}

public enum Constant: Sendable, Equatable {
    case none
    case bool(Bool)
    /// Kept as text: Python ints are unbounded.
    case int(String)
    case float(Double)
    case complex(String)
    case string(String)
    case bytes(Int)
    case ellipsis
}

public struct Lambda: Sendable {
    public var parameters: [Parameter]
    public var body: Expression
}

public struct Comprehension: Sendable {
    public enum Kind: String, Sendable { case list, set, dictionary, generator }

    public struct Generator: Sendable {
        public var target: Expression
        public var iterable: Expression
        public var conditions: [Expression]
        public var isAsync: Bool
    }

    public var kind: Kind
    /// The element, or the key for a dict comprehension.
    public var element: Expression
    /// The value of a dict comprehension.
    public var value: Expression?
    public var generators: [Generator]
}

public struct Parameter: Sendable {
    public enum Kind: String, Sendable {
        case positionalOnly, regular, variadic, keywordOnly, variadicKeyword
    }

    public var name: String
    public var kind: Kind
    public var annotation: Expression?
    public var defaultValue: Expression?
    public var range: SourceRange
}
