import PythonRuntime
import XCTest

@testable import PythonSyntax

/// One embedded interpreter per test process (it cannot be restarted), started on Debian's
/// python3: parsing needs only the standard library.
enum ParserFixture {
    static let parser: PythonParser = {
        do {
            try EmbeddedInterpreter.startIfNeeded(argv: ["hybridize-tests"])
            return try PythonParser()
        } catch {
            fatalError("cannot start the embedded interpreter's parser: \(error)")
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
