import XCTest

@testable import PythonSyntax

final class PythonParserTests: XCTestCase {
    func testFunctionsClassesAndDecoratorsWithPositions() throws {
        let module = try ParserFixture.parse(
            """
            import tensorflow as tf
            from keras import layers as L, Model

            class Net(Model):
                @tf.function(jit_compile=True)
                def call(self, x, training=False):
                    return self.dense(x)

            def outer(a, /, b=2, *rest, scale: float = 1.0, **options):
                def inner(t):
                    return tf.reduce_sum(t) * scale
                return inner
            """)
        XCTAssertEqual(module.body.count, 4)
        guard case .import(let names) = module.body[0].kind else { return XCTFail("\(module.body[0].kind)") }
        XCTAssertEqual(names, [ImportedName(name: "tensorflow", alias: "tf")])
        guard case .importFrom(let source, let imported, let level) = module.body[1].kind else { return XCTFail() }
        XCTAssertEqual(source, "keras")
        XCTAssertEqual(imported, [ImportedName(name: "layers", alias: "L"), ImportedName(name: "Model", alias: nil)])
        XCTAssertEqual(level, 0)

        guard case .class(let net) = module.body[2].kind else { return XCTFail() }
        XCTAssertEqual(net.name, "Net")
        guard case .name("Model") = net.bases.first?.kind else { return XCTFail() }
        guard case .function(let call) = net.body.first?.kind else { return XCTFail() }
        XCTAssertEqual(call.name, "call")
        XCTAssertEqual(net.body.first?.range.line, 6, "a function's line is its def, not its decorator")
        XCTAssertEqual(call.decorators.first?.range.line, 5)
        guard case .call(let decorator) = call.decorators.first?.kind,
            case .attribute(let base, "function") = decorator.function.kind, case .name("tf") = base.kind
        else { return XCTFail("\(String(describing: call.decorators.first))") }
        XCTAssertEqual(decorator.keywords.first?.name, "jit_compile")
        XCTAssertEqual(call.parameters.map(\.name), ["self", "x", "training"])
        guard case .constant(.bool(false)) = call.parameters[2].defaultValue?.kind else { return XCTFail() }

        guard case .function(let outer) = module.body[3].kind else { return XCTFail() }
        XCTAssertEqual(outer.parameters.map(\.name), ["a", "b", "rest", "scale", "options"])
        XCTAssertEqual(outer.parameters.map(\.kind), [.positionalOnly, .regular, .variadic, .keywordOnly, .variadicKeyword])
        guard case .constant(.int("2")) = outer.parameters[1].defaultValue?.kind else { return XCTFail() }
        XCTAssertNil(outer.parameters[0].defaultValue)
        guard case .name("float") = outer.parameters[3].annotation?.kind else { return XCTFail() }
        guard case .function(let inner) = outer.body.first?.kind else { return XCTFail() }
        XCTAssertEqual(inner.name, "inner")
        XCTAssertEqual(outer.body.first?.range, SourceRange(line: 10, column: 4, endLine: 11, endColumn: 39))
    }

    func testExpressionsAnalysisReads() throws {
        let module = try ParserFixture.parse(
            """
            for row in tf.unstack(x):
                total += row
            ys = [f(v) for v in values if v]
            squares = {k: v * v for k, v in items.items()}
            print(f"loss={loss:.3f}", file=sys.stderr)
            handler = lambda t, k=1: t[k:]
            if (n := len(batch)) > 2:
                del cache[n]
            match command:
                case {"action": act}:
                    run(act)
            """)
        guard case .for(let target, let iterable, _, _, false) = module.body[0].kind, case .name("row") = target.kind,
            case .call(let unstack) = iterable.kind, case .attribute(_, "unstack") = unstack.function.kind
        else { return XCTFail("\(module.body[0].kind)") }
        guard case .assign(_, let comprehension) = module.body[1].kind,
            case .comprehension(let listComprehension) = comprehension.kind
        else { return XCTFail() }
        XCTAssertEqual(listComprehension.kind, .list)
        XCTAssertEqual(listComprehension.generators.first?.conditions.count, 1)
        guard case .assign(_, let dictionary) = module.body[2].kind, case .comprehension(let dictComprehension) = dictionary.kind
        else { return XCTFail() }
        XCTAssertEqual(dictComprehension.kind, .dictionary)
        XCTAssertNotNil(dictComprehension.value)
        guard case .expression(let printed) = module.body[3].kind, case .call(let printCall) = printed.kind,
            case .formattedString(let parts) = printCall.arguments.first?.kind
        else { return XCTFail() }
        XCTAssertTrue(parts.contains { if case .name("loss") = $0.kind { return true } else { return false } })
        XCTAssertEqual(printCall.keywords.first?.name, "file")
        guard case .assign(_, let lambda) = module.body[4].kind, case .lambda(let function) = lambda.kind,
            case .subscript(_, let slice) = function.body.kind, case .slice = slice.kind
        else { return XCTFail() }
        XCTAssertEqual(function.parameters.map(\.name), ["t", "k"])
        guard case .if(let test, let body, _) = module.body[5].kind, case .compare(let left, _) = test.kind,
            case .namedExpression = left.kind, case .delete = body.first?.kind
        else { return XCTFail() }
        guard case .match(_, let cases) = module.body[6].kind else { return XCTFail() }
        XCTAssertEqual(cases.count, 1)
        XCTAssertEqual(cases.first?.body.count, 1)
    }

    func testSyntaxErrorsAreDiagnosticsWithFileLineAndColumn() {
        let diagnostic = ParserFixture.diagnostic(Array("def f(:\n    pass\n".utf8))
        XCTAssertEqual(diagnostic?.line, 1)
        XCTAssertEqual(diagnostic?.column, 7)
        XCTAssertTrue(diagnostic?.description.hasPrefix("bad.py:1:7: SyntaxError: ") == true, "\(String(describing: diagnostic))")
        let indentation = ParserFixture.diagnostic(Array("def f():\nreturn 1\n".utf8))
        XCTAssertEqual(indentation?.line, 2)
        XCTAssertTrue(indentation?.message.hasPrefix("IndentationError") == true)
    }

    func testEncodingsBinaryEmptyAndHugeFilesNeverCrash() throws {
        // Latin-1 with a PEP 263 declaration is valid Python; the same bytes without it are not.
        let latin1: [UInt8] = Array("# -*- coding: latin-1 -*-\nname = '".utf8) + [0xE9] + Array("'\n".utf8)
        guard case .success(let module) = ParserFixture.parser.parse(source: latin1, path: "latin1.py"),
            case .assign(_, let value) = module.body.first?.kind, case .constant(.string("é")) = value.kind
        else { return XCTFail("PEP 263 source should parse") }
        let undeclared = ParserFixture.diagnostic(Array("name = '".utf8) + [0xE9] + Array("'\n".utf8))
        XCTAssertEqual(undeclared?.line, 1)
        let binary = ParserFixture.diagnostic([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x00, 0xFF])
        XCTAssertTrue(binary?.message.contains("null bytes") == true, "\(String(describing: binary))")

        let empty = try ParserFixture.parse("")
        XCTAssertEqual(empty.body.count, 0)
        XCTAssertEqual(empty.lineCount, 0)

        let huge = (0..<50_000).map { "def f\($0)(x):\n    return x + \($0)\n" }.joined()
        let parsed = try ParserFixture.parse(huge)
        XCTAssertEqual(parsed.body.count, 50_000)
        XCTAssertEqual(parsed.lineCount, 100_000)
    }

    func testDeeplyNestedCodeIsADiagnosticNotACrash() {
        // Python's own parser refuses 300 nested parentheses...
        let parentheses = String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300)
        XCTAssertNotNil(ParserFixture.diagnostic(Array("x = \(parentheses)\n".utf8)))
        // ...but a long chain of operators parses into a tree deeper than the converter follows.
        let chain = "x = " + Array(repeating: "a", count: 20_000).joined(separator: " + ") + "\n"
        let diagnostic = ParserFixture.diagnostic(Array(chain.utf8))
        XCTAssertEqual(diagnostic?.line, 1)
        XCTAssertTrue(diagnostic?.message.contains("nested") == true || diagnostic?.message.contains("Recursion") == true,
                      "\(String(describing: diagnostic))")
        // The same parser goes on working afterwards.
        XCTAssertNotNil(try? ParserFixture.parse("y = 1\n"))
    }
}
