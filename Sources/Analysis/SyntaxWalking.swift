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
    var nestedBodies: [[Statement]] {
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
