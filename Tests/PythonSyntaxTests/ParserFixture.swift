import PythonRuntime
import XCTest

@testable import PythonSyntax

/// One embedded interpreter per test process (it cannot be restarted), started on Debian's
/// python3: parsing needs only the standard library.
enum ParserFixture {
    static let parser: PythonParser = {
        if !EmbeddedInterpreter.isRunning {
            do {
                try EmbeddedInterpreter.start(python: "/usr/bin/python3", argv: ["hybridize-tests"])
            } catch {
                fatalError("cannot start the embedded interpreter: \(error)")
            }
        }
        do {
            return try PythonParser()
        } catch {
            fatalError("cannot make a parser: \(error)")
        }
    }()

    static func parse(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> Module {
        switch parser.parse(source: Array(source.utf8), path: "example.py") {
        case .success(let module): return module
        case .failure(let diagnostic):
            XCTFail("unexpected diagnostic: \(diagnostic)", file: file, line: line)
            throw diagnostic
        }
    }

    static func diagnostic(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> SyntaxDiagnostic? {
        switch parser.parse(source: bytes, path: "bad.py") {
        case .success:
            XCTFail("expected a diagnostic", file: file, line: line)
            return nil
        case .failure(let diagnostic): return diagnostic
        }
    }
}
