import Foundation
import XCTest

/// `hybridize callgraph`: static, PyCG's JSON, and a broken file does not stop the rest.
final class CallGraphCommandTests: XCTestCase {
    func testPyCGJsonWithABrokenFileReportedAndTheRestAnalysed() throws {
        let project = try HybridizeRunner.project("effects_project")
        try "def broken(:\n    pass\n".write(to: project.appendingPathComponent("shop/broken.py"), atomically: true,
                                              encoding: .utf8)
        let process = Process()
        process.executableURL = HybridizeRunner.binary
        process.arguments = ["callgraph", "shop", "--format", "json"]
        process.currentDirectoryURL = project
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, errorText)
        XCTAssertEqual(errorText.split(separator: "\n").map(String.init),
                       ["shop/broken.py:1:12: SyntaxError: invalid syntax"])
        let graph = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: [String]])
        XCTAssertEqual(graph["shop.effects.fill"], [], "box is a parameter: its class is not known from syntax alone")
        XCTAssertEqual(graph["shop.effects.shout"], ["<builtin>.print"])
        XCTAssertEqual(graph["shop.effects.pure"], ["tensorflow.matmul"])
        XCTAssertEqual(graph["shop.effects.fresh_box"], ["shop.effects.Box.__init__", "shop.effects.Box.set"])
        XCTAssertEqual(graph["shop.effects.in_thread.<lambda1>"], ["shop.effects.row_total"], "lambdas numbered as PyCG numbers them")
        XCTAssertEqual(graph["shop.__main__"], ["shop.effects.shout"])
        XCTAssertNotNil(graph["shop.effects"], "a module's top level is a node")
    }
}
