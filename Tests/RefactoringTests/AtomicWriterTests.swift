import Foundation
import XCTest

@testable import Refactoring

/// Writes are all or nothing, on real files: a changed file is refused by name, an injected
/// failure leaves every original intact with no temporary file behind, and the journal restores.
final class AtomicWriterTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("hybridize-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("pkg"), withIntermediateDirectories: true)
        try Data("a = 1\r\n".utf8).write(to: root.appendingPathComponent("pkg/a.py"))
        try Data("b = 2".utf8).write(to: root.appendingPathComponent("pkg/b.py"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func bytes(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: root.appendingPathComponent(path))) }

    var originals: [String: [UInt8]] { ["pkg/a.py": Array("a = 1\r\n".utf8), "pkg/b.py": Array("b = 2".utf8)] }
    var edited: [String: [UInt8]] { ["pkg/a.py": Array("a = 10\r\n".utf8), "pkg/b.py": Array("b = 20".utf8)] }

    func testWritesEveryFileAndKeepsPermissions() throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: root.appendingPathComponent("pkg/a.py").path)
        try AtomicWriter(root: root, environment: [:]).write(edited, expecting: originals)
        XCTAssertEqual(try bytes("pkg/a.py"), edited["pkg/a.py"])
        XCTAssertEqual(try bytes("pkg/b.py"), edited["pkg/b.py"])
        let permissions = try FileManager.default.attributesOfItem(atPath: root.appendingPathComponent("pkg/a.py").path)[.posixPermissions] as? Int
        XCTAssertEqual(permissions, 0o640)
        XCTAssertEqual(try leftovers(), [])
    }

    func testRefusesAFileThatChangedSinceItWasAnalysedAndWritesNothing() throws {
        try Data("b = 3".utf8).write(to: root.appendingPathComponent("pkg/b.py"))
        XCTAssertThrowsError(try AtomicWriter(root: root, environment: [:]).write(edited, expecting: originals)) { error in
            XCTAssertEqual((error as? RefactorWriteError)?.path, "pkg/b.py")
            XCTAssertTrue("\(error)".contains("changed since it was analysed"), "\(error)")
        }
        XCTAssertEqual(try bytes("pkg/a.py"), originals["pkg/a.py"], "a file was written before the refusal")
        XCTAssertEqual(try bytes("pkg/b.py"), Array("b = 3".utf8))
    }

    func testAnInjectedWriteFailureLeavesEveryOriginalIntact() throws {
        // b.py is written second: a.py's temporary file exists by then, and must not be renamed.
        let writer = AtomicWriter(root: root, environment: ["HYBRIDIZE_FAIL_WRITE": "pkg/b.py"])
        XCTAssertThrowsError(try writer.write(edited, expecting: originals)) { error in
            XCTAssertEqual((error as? RefactorWriteError)?.path, "pkg/b.py")
        }
        XCTAssertEqual(try bytes("pkg/a.py"), originals["pkg/a.py"])
        XCTAssertEqual(try bytes("pkg/b.py"), originals["pkg/b.py"])
        XCTAssertEqual(try leftovers(), [], "temporary files left behind")
    }

    func testJournalRoundTripsBytesExactly() throws {
        let journal = Journal(appliedAt: "now", functions: ["pkg/a.py::f CONVERT_TO_HYBRID"], before: originals, after: edited)
        try journal.save(root: root)
        let loaded = try XCTUnwrap(try Journal.load(root: root))
        XCTAssertEqual(loaded.states.before, originals)
        XCTAssertEqual(loaded.states.after, edited)
        try Journal.remove(root: root)
        XCTAssertNil(try Journal.load(root: root))
    }

    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("pkg").path).filter { $0.hasSuffix(".tmp") }
    }
}
