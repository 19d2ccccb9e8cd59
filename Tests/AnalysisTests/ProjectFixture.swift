import PythonRuntime
import PythonSyntax
import XCTest

@testable import Analysis

/// A small in-memory project: relative paths to sources, parsed with the embedded interpreter.
struct ProjectFixture {
    private static let parser: PythonParser = {
        do {
            try EmbeddedInterpreter.startIfNeeded(argv: ["hybridize-tests"])
            return try PythonParser()
        } catch {
            fatalError("cannot start the embedded interpreter's parser: \(error)")
        }
    }()

    let modules: [String: (module: Module, name: ModuleName)]
    let resolver: NameResolver

    init(_ files: [String: String]) throws {
        var modules: [String: (module: Module, name: ModuleName)] = [:]
        for (path, source) in files {
            let module = try Self.parser.parse(source: Array(source.utf8), path: path).get()
            modules[path] = (module, ModuleName(relativePath: path))
        }
        self.modules = modules
        resolver = NameResolver(modules: modules.values.map { ModuleBindings(module: $0.module, name: $0.name) })
    }

    /// Top-level and class-level functions of a file, by qualified name.
    func functions(in path: String) -> [String: FunctionDefinition] {
        var found: [String: FunctionDefinition] = [:]
        func walk(_ statements: [Statement], prefix: String) {
            for statement in statements {
                switch statement.kind {
                case .function(let definition): found[prefix + definition.name] = definition
                case .class(let definition): walk(definition.body, prefix: prefix + definition.name + ".")
                default: continue
                }
            }
        }
        walk(modules[path]?.module.body ?? [], prefix: "")
        return found
    }

    /// The fixture as a loaded project, files in path order.
    var project: Project {
        Project(
            root: "/project",
            files: modules.map { Project.File(path: $0.key, name: $0.value.name, module: $0.value.module) }
                .sorted { $0.path < $1.path },
            diagnostics: [])
    }

    /// The facts of the function `f` (at any nesting: `outer.<locals>.f`) in a one-file
    /// example, as the rule tables' examples are written.
    static func factsOfF(in source: String) throws -> FunctionFacts {
        let facts = FactsAnalyzer(project: try ProjectFixture(["example.py": source]).project).analyze()
        return try XCTUnwrap(facts.first { $0.qualname == "f" || $0.qualname.hasSuffix(".<locals>.f") }, "the example defines no f:\n\(source)")
    }

    func hybrid(_ qualname: String, in path: String) -> HybridDecoration? {
        guard let definition = functions(in: path)[qualname], let name = modules[path]?.name else { return nil }
        return HybridDecoration.of(definition, in: name, resolver: resolver)
    }
}
