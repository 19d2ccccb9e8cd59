import CPython
import CPythonShim
import Foundation
import PythonRuntime

/// Parses Python source with the embedded interpreter's own parser (`compile(..., ast.PyCF_ONLY_AST)`,
/// so encodings, PEP 263 declarations and every syntax rule are exactly CPython 3.11's) and converts
/// the tree into Swift values. Needs a running `EmbeddedInterpreter`; imports nothing but builtins.
public final class PythonParser {
    /// `ast.PyCF_ONLY_AST`.
    private static let onlyASTFlag = 0x400

    private let compile: PyRef
    private let mode: PyRef
    private let flags: PyRef
    private let converter: SyntaxConverter

    public init() throws {
        compile = try Python.importModule("builtins").attribute("compile")
        mode = try Python.makeString("exec")
        flags = try Python.makeInt(Self.onlyASTFlag)
        converter = try SyntaxConverter()
    }

    /// Reads and parses a file. `displayPath` is what diagnostics and the module call it.
    public func parse(fileAt path: String, displayPath: String? = nil) -> Result<Module, SyntaxDiagnostic> {
        let shown = displayPath ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(SyntaxDiagnostic(file: shown, line: 1, column: 1, message: "cannot read the file"))
        }
        return parse(source: [UInt8](data), path: shown)
    }

    /// Parses source bytes; the bytes are decoded by Python itself (UTF-8 or a PEP 263 declaration).
    public func parse(source: [UInt8], path: String) -> Result<Module, SyntaxDiagnostic> {
        let lineCount = source.reduce(into: 0) { count, byte in if byte == 0x0A { count += 1 } }
            + (source.last.map { $0 == 0x0A ? 0 : 1 } ?? 0)
        let tree: PyRef
        do {
            let bytes = try source.withUnsafeBufferPointer { buffer in
                try PyRef.checked(
                    PyBytes_FromStringAndSize(buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                              buffer.count), "bytes")
            }
            tree = try compile.call(bytes, try Python.makeString(path), mode, flags)
        } catch let error as PythonError {
            return .failure(diagnostic(from: error, path: path))
        } catch {
            return .failure(SyntaxDiagnostic(file: path, line: 1, column: 1, message: "\(error)"))
        }
        do {
            let body = try converter.module(tree.pointer)
            return .success(Module(path: path, body: body, lineCount: lineCount))
        } catch let error as SyntaxConverter.TooDeep {
            return .failure(SyntaxDiagnostic(
                file: path, line: error.line, column: 1,
                message: "nested more than \(SyntaxConverter.maximumDepth) levels deep; not analysed"))
        } catch {
            return .failure(SyntaxDiagnostic(file: path, line: 1, column: 1, message: "\(error)"))
        }
    }

    /// SyntaxError (and IndentationError, TabError) carry a line and a 1-based offset; other
    /// failures (null bytes, a recursion or memory limit) are placed at the top of the file.
    private func diagnostic(from error: PythonError, path: String) -> SyntaxDiagnostic {
        if let detail = error.syntaxDetail {
            return SyntaxDiagnostic(file: path, line: detail.line, column: detail.column, message: "\(error.type): \(detail.message)")
        }
        return SyntaxDiagnostic(file: path, line: 1, column: 1, message: "\(error.type): \(error.message)")
    }
}
