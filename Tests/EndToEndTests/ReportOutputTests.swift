import Foundation
import XCTest

@testable import hybridize

/// Where `report --output` cannot write: found before the analysis runs when the path is wrong
/// (exit 2), named with the reason when the folder refuses the file (exit 3).
final class ReportOutputTests: XCTestCase {
    func testAnOutputThatCannotBeWrittenIsNamedWithTheReason() throws {
        let project = try HybridizeRunner.project("crash_project")
        let missingFolder = try HybridizeRunner.run(["report", ".", "--output", "absent/report.html"], in: project)
        XCTAssertEqual(missingFolder.status, 2, missingFolder.output)
        XCTAssertTrue(missingFolder.output.contains("--output absent/report.html: no such folder"), missingFolder.output)

        let folder = try HybridizeRunner.run(["report", ".", "--output", "tests"], in: project)
        XCTAssertEqual(folder.status, 2, folder.output)
        XCTAssertTrue(folder.output.contains("--output tests is a folder"), folder.output)

        let locked = project.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o555])
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
        let (status, output) = try HybridizeRunner.runObeyingFileModes(["report", ".", "--output", "locked/report.html"],
                                                                      in: project).pair
        XCTAssertEqual(status, 3, output)
        XCTAssertTrue(output.contains("cannot write locked/report.html: the folder \(locked.path) is not writable"), output)
        XCTAssertEqual(output.split(separator: "\n").count, 1, output)
    }

    /// The page parses the verify record as JSON; a damaged one is left out with a warning rather
    /// than leaving the page blank.
    func testADamagedVerifyRecordIsLeftOutOfTheReport() throws {
        let project = try HybridizeRunner.project("crash_project")
        try FileManager.default.createDirectory(at: project.appendingPathComponent(".hybridize"), withIntermediateDirectories: true)
        try Data("{\"runs\": [1, 2".utf8).write(to: project.appendingPathComponent(".hybridize/verify.json"))
        let result = try HybridizeRunner.run(["report", ".", "--output", "report.html"], in: project)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains(".hybridize/verify.json is not a verify record"), result.output)
        XCTAssertFalse(result.output.contains("with the recorded verify run"), result.output)
        let page = try String(contentsOf: project.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(page.contains(#"<script type="application/json" id="verify-data">null</script>"#))
    }
}
