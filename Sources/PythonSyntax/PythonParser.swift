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
        do {
            return parse(source: try SourceFile.read(path), path: shown)
        } catch {
            return .failure(SyntaxDiagnostic(file: shown, line: 1, column: 1, message: "\(error)"))
        }
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
            return .failure(diagnostic(from: error, source: source, path: path))
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

    /// SyntaxError (and IndentationError, TabError) carry a line and a 1-based offset; a null byte
    /// is placed where it is; the other failures (a recursion or memory limit) at the top of the file.
    private func diagnostic(from error: PythonError, source: [UInt8], path: String) -> SyntaxDiagnostic {
        if let detail = error.syntaxDetail {
            return SyntaxDiagnostic(file: path, line: detail.line, column: detail.column, message: "\(error.type): \(detail.message)")
        }
        switch error.type {
        case "MemoryError" where error.message.isEmpty:
            // CPython 3.11's parser raises a bare MemoryError when its own recursion passes 6,000
            // levels: seen (3.11.7) with 5,990 unary minus signs in a row and 2,990 nested lambdas.
            return SyntaxDiagnostic(
                file: path, line: 1, column: 1,
                message: "MemoryError: Python's parser gave up: the code is nested too deeply for it; not analysed")
        case "RecursionError":
            // Python 3.11 builds the tree up to 3,000 levels (its recursion limit of 1,000 times
            // 3): seen (3.11.7) with 3,000 terms of `1+1+...` and 3,000 of `a.b.b...`.
            return SyntaxDiagnostic(
                file: path, line: 1, column: 1,
                message: "RecursionError: Python's parser gave up: the code is nested too deeply for it (\(error.message)); not analysed")
        case "ValueError" where source.contains(0):
            // compile() refuses source with a null byte without saying where; a binary file named .py, usually.
            let (line, column) = Self.position(of: source.firstIndex(of: 0) ?? 0, in: source)
            return SyntaxDiagnostic(
                file: path, line: line, column: column, message: "\(error.type): \(error.message) (a binary file?); not analysed")
        default:
            return SyntaxDiagnostic(file: path, line: 1, column: 1, message: "\(error.type): \(error.message)")
        }
    }

    /// The 1-based line and column (in bytes) of an offset.
    private static func position(of offset: Int, in source: [UInt8]) -> (line: Int, column: Int) {
        let before = source[..<offset]
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        return (before.reduce(into: 1) { count, byte in if byte == 0x0A { count += 1 } }, offset - lineStart + 1)
    }
}
