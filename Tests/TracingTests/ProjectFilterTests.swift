import XCTest

@testable import Tracing

final class ProjectFilterTests: XCTestCase {
    private let filter = ProjectFilter(
        root: "/work/project", excludedPrefixes: ["/work/project/.venv", "/opt/hybridize/Runtime"], includeGlobs: [])

    func testProjectFilesAreRelativeToTheRoot() {
        XCTAssertEqual(filter.relativePath(of: "/work/project/pkg/train.py"), "pkg/train.py")
        XCTAssertEqual(filter.relativePath(of: "/work/project/pkg/../pkg/model.py"), "pkg/model.py")
    }

    func testLibrariesVirtualenvsAndSyntheticCodeAreNotProjectCode() {
        XCTAssertNil(filter.relativePath(of: "/work/project/.venv/lib/python3.11/site-packages/keras/layer.py"))
        XCTAssertNil(filter.relativePath(of: "/work/project/vendor/lib/site-packages/x.py"))
        XCTAssertNil(filter.relativePath(of: "/usr/lib/python3.11/json/__init__.py"))
        XCTAssertNil(filter.relativePath(of: "<frozen importlib._bootstrap>"))
        XCTAssertNil(filter.relativePath(of: "<string>"))
        XCTAssertNil(filter.relativePath(of: "/work/projectile/other.py"), "a sibling folder sharing a prefix")
    }

    func testIncludeGlobsNarrowTheProject() {
        let narrowed = ProjectFilter(root: "/work/project/", excludedPrefixes: [], includeGlobs: ["pkg/*", "main.py"])
        XCTAssertEqual(narrowed.relativePath(of: "/work/project/pkg/deep/train.py"), "pkg/deep/train.py")
        XCTAssertEqual(narrowed.relativePath(of: "/work/project/main.py"), "main.py")
        XCTAssertNil(narrowed.relativePath(of: "/work/project/tests/test_train.py"))
    }
}

final class TracedCommandTests: XCTestCase {
    func testCommandsAreParsedAsTheyWouldRun() throws {
        XCTAssertEqual(try TracedCommand(arguments: ["pytest", "-q", "tests"]), .pytest(["-q", "tests"]))
        XCTAssertEqual(try TracedCommand(arguments: ["python", "-m", "pytest", "-x"]), .pytest(["-x"]))
        XCTAssertEqual(try TracedCommand(arguments: ["train.py", "--epochs", "2"]), .script("train.py", ["--epochs", "2"]))
        XCTAssertEqual(try TracedCommand(arguments: ["-m", "pkg.cli", "run"]), .module("pkg.cli", ["run"]))
        XCTAssertEqual(TracedCommand.script("train.py", ["a"]).argv, ["train.py", "a"])
        XCTAssertEqual(TracedCommand.module("pkg.cli", ["a"]).argv, ["pkg.cli", "a"])
    }

    func testUnsupportedCommandsAreRejectedWithAHint() {
        XCTAssertThrowsError(try TracedCommand(arguments: [])) { error in
            XCTAssertTrue("\(error)".contains("after --"))
        }
        XCTAssertThrowsError(try TracedCommand(arguments: ["make", "test"])) { error in
            XCTAssertTrue("\(error)".contains("SCRIPT.py"))
        }
        XCTAssertThrowsError(try TracedCommand(arguments: ["-m"]))
    }

    func testShardsAreOneBasedSlices() {
        XCTAssertEqual(Shard("2/4")?.index, 2)
        XCTAssertEqual(Shard("1/1")?.count, 1)
        XCTAssertNil(Shard("0/4"))
        XCTAssertNil(Shard("5/4"))
        XCTAssertNil(Shard("two/4"))
        XCTAssertNil(Shard("1/0"))
    }
}
