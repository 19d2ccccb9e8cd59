import PythonSyntax

extension Statement {
    /// The expressions this statement evaluates itself (not those of bodies it contains).
    var directExpressions: [Expression] {
        switch kind {
        case .function(let definition):
            return definition.decorators + definition.parameters.compactMap(\.defaultValue)
        case .class(let definition):
            return definition.decorators + definition.bases + definition.keywords.map(\.value)
        case .assign(let targets, let value): return targets + [value]
        case .augmentedAssign(let target, _, let value): return [target, value]
        case .annotatedAssign(let target, let annotation, let value): return [target, annotation] + (value.map { [$0] } ?? [])
        case .expression(let value): return [value]
        case .return(let value): return value.map { [$0] } ?? []
        case .delete(let targets): return targets
        case .for(let target, let iterable, _, _, _): return [target, iterable]
        case .while(let test, _, _), .if(let test, _, _): return [test]
        case .with(let items, _, _): return items.flatMap { [$0.context] + ($0.target.map { [$0] } ?? []) }
        case .try(_, let handlers, _, _): return handlers.compactMap(\.type)
        case .match(let subject, let cases):
            return [subject] + cases.flatMap { $0.patternExpressions + ($0.guardExpression.map { [$0] } ?? []) }
        case .raise(let exception, let cause): return [exception, cause].compactMap { $0 }
        case .assert(let test, let message): return [test] + (message.map { [$0] } ?? [])
        case .import, .importFrom, .global, .nonlocal, .pass, .break, .continue: return []
        }
    }

    /// Bodies run as part of this statement (not those of defs and classes, which are their own).
    public var nestedBodies: [[Statement]] {
        switch kind {
        case .for(_, _, let body, let orElse, _), .while(_, let body, let orElse), .if(_, let body, let orElse):
            return [body, orElse]
        case .with(_, let body, _): return [body]
        case .try(let body, let handlers, let orElse, let finally): return [body] + handlers.map(\.body) + [orElse, finally]
        case .match(_, let cases): return cases.map(\.body)
        default: return []
        }
    }
}

extension Expression {
    /// Its direct subexpressions.
    var children: [Expression] {
        switch kind {
        case .name, .constant: return []
        case .attribute(let base, _): return [base]
        case .call(let call): return [call.function] + call.arguments + call.keywords.map(\.value)
        case .subscript(let base, let index): return [base, index]
        case .starred(let inner), .await(let inner), .yieldFrom(let inner): return [inner]
        case .list(let elements), .tuple(let elements), .set(let elements), .formattedString(let elements),
            .boolean(_, let elements):
            return elements
        case .dictionary(let entries): return entries.flatMap { ($0.key.map { [$0] } ?? []) + [$0.value] }
        case .lambda(let lambda): return lambda.parameters.compactMap(\.defaultValue) + [lambda.body]
        case .comprehension(let comprehension):
            return [comprehension.element] + (comprehension.value.map { [$0] } ?? [])
                + comprehension.generators.flatMap { [$0.target, $0.iterable] + $0.conditions }
        case .binary(_, let left, let right): return [left, right]
        case .unary(_, let operand): return [operand]
        case .compare(let left, let rest): return [left] + rest.map(\.1)
        case .conditional(let test, let body, let orElse): return [test, body, orElse]
        case .namedExpression(let target, let value): return [target, value]
        case .yield(let value): return value.map { [$0] } ?? []
        case .slice(let lower, let upper, let step): return [lower, upper, step].compactMap { $0 }
        }
    }

    /// Visits this expression and everything inside it, depth first. A lambda's body belongs to
    /// the lambda, so by default it is visited only when `enteringLambdas` (its defaults are
    /// always visited: they run where the lambda is made).
    func forEachSubexpression(enteringLambdas: Bool, _ visit: (Expression) -> Void) {
        var pending = [self]
        while let expression = pending.popLast() {
            visit(expression)
            if case .lambda(let lambda) = expression.kind, !enteringLambdas {
                pending += lambda.parameters.compactMap(\.defaultValue)
                continue
            }
            pending += expression.children.reversed()
        }
    }
}

extension FunctionNode {
    /// Names the body binds itself to objects it made (assignments of calls and displays,
    /// `with ... as`, nested defs): writing through them changes an object the call made, unless
    /// a parameter or `global`. A name that may alias an outside object is left out.
    func localsItMade() -> Set<String> {
        var names: Set<String> = []
        // Locals that may be another name for an object from outside: `opt = self.optimizer`,
        // `for layer in self.layers`, `a, b = pair`. Writing through them is writing outside.
        var aliases: Set<String> = []
        func bind(_ target: Expression, aliasing: Bool) {
            switch target.kind {
            case .name(let name):
                names.insert(name)
                if aliasing { aliases.insert(name) }
            case .tuple(let elements), .list(let elements): elements.forEach { bind($0, aliasing: aliasing) }
            case .starred(let inner): bind(inner, aliasing: aliasing)
            default: return
            }
        }
        /// Whether a value may be an existing object rather than one made here: a name, an
        /// attribute, an item, or a choice between such. Calls, literals and displays make new ones.
        func mayAlias(_ value: Expression) -> Bool {
            switch value.kind {
            case .name, .attribute, .subscript: return true
            case .conditional(_, let body, let orElse): return mayAlias(body) || mayAlias(orElse)
            case .boolean(_, let operands): return operands.contains(where: mayAlias)
            case .namedExpression(_, let inner): return mayAlias(inner)
            default: return false
            }
        }
        var pending = [body]
        while let statements = pending.popLast() {
            for statement in statements {
                switch statement.kind {
                case .assign(let targets, let value): targets.forEach { bind($0, aliasing: mayAlias(value)) }
                case .annotatedAssign(let target, _, let value): bind(target, aliasing: value.map(mayAlias) ?? false)
                case .for(let target, _, _, _, _): bind(target, aliasing: true)
                case .with(let items, _, _): items.compactMap(\.target).forEach { bind($0, aliasing: false) }
                case .function(let definition): names.insert(definition.name)
                case .class(let definition): names.insert(definition.name)
                default: break
                }
                pending += statement.nestedBodies
            }
        }
        return names.subtracting(aliases)
    }
}
