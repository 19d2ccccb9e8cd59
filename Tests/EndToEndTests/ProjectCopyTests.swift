import Foundation
import XCTest

/// The README's first command leaves `Examples/keras_training/trace.sqlite` behind; tests that copy
/// that folder must not inherit it (a second run would append to it and double every count).
final class ProjectCopyTests: XCTestCase {
    func testCopiesLeaveBehindDatabasesAndCaches() throws {
        let manager = FileManager.default
        let source = manager.temporaryDirectory.appendingPathComponent("hybridize-copy-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: source) }
        try manager.createDirectory(at: source.appendingPathComponent("pkg/__pycache__"), withIntermediateDirectories: true)
        for name in ["pkg/mod.py", "pkg/__pycache__/mod.cpython-311.pyc", "trace.sqlite", "trace.sqlite-wal",
                     "pkg/inner.sqlite", "conftest.py"]
        {
            try Data("x".utf8).write(to: source.appendingPathComponent(name))
        }
        let copy = source.appendingPathExtension("copy")
        defer { try? manager.removeItem(at: copy) }
        try HybridizeRunner.copySources(from: source, to: copy)
        let copied = try XCTUnwrap(manager.enumerator(atPath: copy.path)).compactMap { $0 as? String }.sorted()
        XCTAssertEqual(copied, ["conftest.py", "pkg", "pkg/mod.py"])
    }
}
