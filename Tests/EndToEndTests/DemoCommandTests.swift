import Foundation
import XCTest

/// `hybridize demo` finds the bundled examples beside its Runtime/ folder; the whole flow runs in
/// the README's first command (and on each example in Benchmarks/speedup), so here only what a
/// user mistypes.
final class DemoCommandTests: XCTestCase {
    func testListsTheBundledExamplesAndRejectsAnUnknownOne() throws {
        let folder = FileManager.default.temporaryDirectory
        let listed = try HybridizeRunner.run(["demo", "--list"], in: folder)
        XCTAssertEqual(listed.status, 0, listed.output)
        let names = listed.output.split(separator: "\n").map(String.init)
        XCTAssertTrue(names.contains("keras_training"), listed.output)
        let examples = HybridizeRunner.repository.appendingPathComponent("Examples")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: examples.path)
            .filter { FileManager.default.fileExists(atPath: examples.appendingPathComponent("\($0)/tests").path) }
        XCTAssertEqual(Set(names), Set(onDisk))
        let unknown = try HybridizeRunner.run(["demo", "no_such_example"], in: folder)
        XCTAssertEqual(unknown.status, 2, unknown.output)
        XCTAssertTrue(unknown.output.contains("keras_training"), "the error names the examples: \\(unknown.output)")
    }
}
