import PythonSyntax

/// pytest's fixtures and parametrisation: what a test's parameters receive. A project's tests are
/// the entry points of a traced run, and what they pass on (`normalize(x, y)` with `x, y = batch`)
/// is how the library functions under test get their kinds statically.
struct PytestFixtures {
    /// Fixtures pytest itself provides (pytest 9.0): objects, never tensors or literals.
    static let builtin: Set<String> = [
        "cache", "capfd", "capfdbinary", "caplog", "capsys", "capsysbinary", "doctest_namespace", "monkeypatch",
        "pytestconfig", "pytester", "record_property", "record_testsuite_property", "record_xml_attribute", "recwarn",
        "request", "subtests", "testdir", "tmp_path", "tmp_path_factory", "tmpdir", "tmpdir_factory",
    ]

    /// Fixtures defined in a module, by module name, then by fixture name.
    private var inModule: [String: [String: FunctionNode]] = [:]
    /// Fixtures of the `conftest.py` in a folder (relative to the project root, "" for the root).
    private var inConftest: [String: [String: FunctionNode]] = [:]
    /// `autouse=True` fixtures: pytest runs them around every test in their scope.
    private(set) var autouse: [FunctionNode] = []
    private(set) var fixtures: Set<Int> = []
    /// Project classes that descend from a library `TestCase`.
    private var testCaseClasses: Set<Int> = []
    /// The tests, found once: every analysis asks about every function, several times.
    private var tests: Set<Int> = []

    init(index: ProjectIndex) {
        for node in index.classes
        where ClassHierarchy.externalAncestors(of: node, index: index).contains(where: { $0.hasSuffix("TestCase") }) {
            testCaseClasses.insert(node.id)
        }
        for function in index.functions where function.kind == .function || function.kind == .method {
            guard let declaration = function.decorators.lazy.compactMap({ Self.fixtureDeclaration($0, of: function, index: index) }).first
            else { continue }
            fixtures.insert(function.id)
            if declaration.autouse { autouse.append(function) }
            if Self.fileName(function.file) == "conftest.py" {
                inConftest[Self.folder(of: function.file), default: [:]][declaration.name] = function
            } else {
                inModule[function.module.description, default: [:]][declaration.name] = function
            }
        }
        tests = Set(index.functions.filter(collectsAsTest).map(\.id))
    }

    /// Whether pytest collects the function as a test: module-level `test*` functions, and
    /// `test*` methods of `Test*` classes or of `unittest.TestCase` subclasses (whatever their
    /// name, as pytest 9.0 collects them; absl's and TensorFlow's TestCase derive from it).
    func isTest(_ function: FunctionNode) -> Bool { tests.contains(function.id) }

    private func collectsAsTest(_ function: FunctionNode) -> Bool {
        let name = function.qualname.split(separator: ".").last.map(String.init) ?? function.qualname
        guard name.hasPrefix("test") else { return false }
        // pytest collects `test*` functions and `Test*` classes only from its test modules
        // (`python_files = test_*.py *_test.py` by default): `test_step` in train.py is a
        // training script's evaluation step, not a test. unittest runs TestCase methods wherever
        // `unittest.main()` is.
        switch function.kind {
        case .function:
            return TestFiles.isTestModule(function.file) && (function.enclosing?.kind == .moduleBody || function.enclosing == nil)
        case .method:
            guard let owner = function.owningClass else { return false }
            return (TestFiles.isTestModule(function.file) && owner.qualname.split(separator: ".").last?.hasPrefix("Test") == true)
                || testCaseClasses.contains(owner.id)
        default: return false
        }
    }

    /// Tests and fixtures: the functions pytest itself calls, with their parameters filled.
    func isRunByPytest(_ function: FunctionNode) -> Bool {
        fixtures.contains(function.id) || isTest(function)
    }

    /// The fixture a parameter of `function` names: one in its own module first, then in the
    /// `conftest.py` of its folder and of each folder above it, as pytest looks them up.
    func fixture(named name: String, for function: FunctionNode) -> FunctionNode? {
        if let local = inModule[function.module.description]?[name] { return local }
        var folder = Self.folder(of: function.file)
        while true {
            if let found = inConftest[folder]?[name] { return found }
            if folder.isEmpty { return nil }
            folder = Self.folder(of: folder)
        }
    }

    /// The values `@pytest.mark.parametrize("a, b", [(1, x), (2, y)])` gives each named parameter,
    /// as expressions (each one a case).
    static func parametrizedValues(of function: FunctionNode, index: ProjectIndex) -> [String: [Expression]] {
        var values: [String: [Expression]] = [:]
        for decorator in function.decorators {
            guard case .call(let call) = decorator.kind, call.arguments.count >= 2,
                index.resolver.qualifiedName(of: call.function, in: function.module) == "pytest.mark.parametrize"
            else { continue }
            let names: [String]
            switch call.arguments[0].kind {
            case .constant(.string(let text)):
                names = text.split(separator: ",").map { $0.filter { !$0.isWhitespace } }
            case .list(let items), .tuple(let items):
                names = items.compactMap { if case .constant(.string(let name)) = $0.kind { return name } else { return nil } }
            default:
                continue
            }
            guard case .list(let cases) = call.arguments[1].kind else { continue }
            for item in cases {
                var row = item
                // `pytest.param(1, x, id="small")` holds its values as arguments.
                if case .call(let param) = item.kind { row = Expression(.tuple(param.arguments), item.range) }
                if names.count == 1 {
                    values[names[0], default: []].append(row)
                } else if case .tuple(let elements) = row.kind, elements.count == names.count {
                    for (name, element) in zip(names, elements) { values[name, default: []].append(element) }
                } else if case .list(let elements) = row.kind, elements.count == names.count {
                    for (name, element) in zip(names, elements) { values[name, default: []].append(element) }
                }
            }
        }
        return values
    }

    private static func fixtureDeclaration(_ decorator: Expression, of function: FunctionNode, index: ProjectIndex)
        -> (name: String, autouse: Bool)?
    {
        var named = function.qualname.split(separator: ".").last.map(String.init) ?? function.qualname
        var autouse = false
        var target = decorator
        if case .call(let call) = decorator.kind {
            target = call.function
            for keyword in call.keywords {
                if keyword.name == "name", case .constant(.string(let text)) = keyword.value.kind { named = text }
                if keyword.name == "autouse", case .constant(.bool(true)) = keyword.value.kind { autouse = true }
            }
        }
        let dotted = index.resolver.qualifiedName(of: target, in: function.module)
        guard dotted == "pytest.fixture" || dotted == "_pytest.fixtures.fixture" else { return nil }
        return (named, autouse)
    }

    private static func fileName(_ path: String) -> String {
        Self.lastComponent(path)
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
}

/// Test code by where it lives, as pytest collects it (9.0 defaults: `python_files` is
/// `test_*.py` and `*_test.py`), plus `conftest.py` and whatever sits in a `tests` or `test`
/// folder: the helpers, models and fixtures a suite defines for itself. Refactoring never edits
/// it, since the tests are what judges an edit.
public enum TestFiles {
    public static func contains(_ path: String) -> Bool {
        let components = path.split(separator: "/").map(String.init)
        if components.last == "conftest.py" || isTestModule(path) { return true }
        return components.dropLast().contains { $0 == "tests" || $0 == "test" }
    }

    /// A module pytest collects tests from (`python_files = test_*.py *_test.py`, its default).
    static func isTestModule(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return (name.hasPrefix("test_") && name.hasSuffix(".py")) || name.hasSuffix("_test.py")
    }
}
