import XCTest

@testable import Analysis

/// pytest as the analysis models it: which functions are tests, which fixture a parameter names,
/// and what tests receive.
final class PytestFixturesTests: XCTestCase {
    func testConftestFixturesNamedFixturesAutouseAndTestClasses() throws {
        let project = try ProjectFixture([
            "lib/ops.py": """
                import tensorflow as tf
                def double(x):
                    return x * 2.0
                def label(name):
                    return name.upper()
                """,
            "conftest.py": """
                import pytest
                import tensorflow as tf
                @pytest.fixture(name="batch")
                def make_batch():
                    return tf.ones([4, 2])
                @pytest.fixture(autouse=True)
                def quiet():
                    yield
                """,
            "tests/conftest.py": """
                import pytest
                @pytest.fixture
                def prefix():
                    return "run"
                """,
            "tests/test_ops.py": """
                import unittest
                from lib.ops import double, label
                def test_double(batch):
                    assert double(batch).shape == (4, 2)
                class TestLabels:
                    def test_label(self, prefix):
                        assert label(prefix) == "RUN"
                class OpsCase(unittest.TestCase):
                    def test_plain(self):
                        self.assertEqual(label("a"), "A")
                    def helper(self):
                        return None
                """,
        ]).project
        let analyzer = FactsAnalyzer(project: project)
        let facts = Dictionary(uniqueKeysWithValues: analyzer.analyze().map { ($0.qualname, $0) })
        let fixtures = analyzer.kinds.fixtures
        let named = { (qualname: String) in try XCTUnwrap(analyzer.index.functions.first { $0.qualname == qualname }) }
        XCTAssertTrue(fixtures.isTest(try named("test_double")))
        XCTAssertTrue(fixtures.isTest(try named("TestLabels.test_label")), "a test method of a Test* class")
        XCTAssertTrue(fixtures.isTest(try named("OpsCase.test_plain")), "a unittest.TestCase method, whatever the class is called")
        XCTAssertFalse(fixtures.isTest(try named("OpsCase.helper")))
        XCTAssertEqual(fixtures.fixture(named: "batch", for: try named("test_double"))?.qualname, "make_batch",
                       "name= renames the fixture; the root conftest serves tests/")
        XCTAssertEqual(fixtures.fixture(named: "prefix", for: try named("TestLabels.test_label"))?.file, "tests/conftest.py")
        XCTAssertNil(fixtures.fixture(named: "prefix", for: try named("double")), "tests/conftest.py does not serve lib/")
        XCTAssertEqual(facts["double"]?[.tensorParameter], .yes, "the fixture's tensor reaches the library")
        XCTAssertEqual(facts["label"]?[.primitiveParameter], .yes, "a str from a fixture is a Python literal too: a retrace per value")
        XCTAssertEqual(facts["quiet"]?[.reachable], .yes, "autouse fixtures run around every test")
        XCTAssertEqual(facts["make_batch"]?[.reachable], .yes)
        XCTAssertTrue(facts["test_double"]?.isTestCode == true && facts["make_batch"]?.isTestCode == true)
        XCTAssertFalse(facts["double"]?.isTestCode ?? true)
    }
}
