import PythonSyntax

/// Something that runs code: a module's top level, a def (function or method) or a lambda.
/// Identified as SPEC §1 says: file, Python's `__qualname__`, and the line of its `def`.
public final class FunctionNode {
    public enum Kind: Sendable { case moduleBody, function, method, lambda }

    public let id: Int
    public let file: String
    public let module: ModuleName
    /// `Class.method`, `outer.<locals>.inner`, `<lambda>`; `<module>` for a module's top level.
    public let qualname: String
    public let line: Int
    public let kind: Kind
    public let parameters: [Parameter]
    public let decorators: [Expression]
    /// What runs when it is called: the def's body, the module's statements; a lambda's body is
    /// one `return` statement.
    public let body: [Statement]
    /// The function whose body defines this one (nil at module or class level).
    public private(set) weak var enclosing: FunctionNode?
    /// The class this is a method of.
    public private(set) weak var owningClass: ClassNode?
    /// Functions and classes defined directly in this body, by name.
    public internal(set) var nestedFunctions: [String: FunctionNode] = [:]
    public internal(set) var nestedClasses: [String: ClassNode] = [:]

    init(id: Int, file: String, module: ModuleName, qualname: String, line: Int, kind: Kind, parameters: [Parameter],
         decorators: [Expression], body: [Statement], enclosing: FunctionNode?, owningClass: ClassNode?) {
        self.id = id
        self.file = file
        self.module = module
        self.qualname = qualname
        self.line = line
        self.kind = kind
        self.parameters = parameters
        self.decorators = decorators
        self.body = body
        self.enclosing = enclosing
        self.owningClass = owningClass
    }

    /// `module.qualname`, the key other modules reach it by.
    public var qualifiedName: String {
        kind == .moduleBody ? module.description : module.description + "." + qualname
    }

    public var isStaticMethod: Bool { kind == .method && decorators.contains { $0.isBuiltinName(["staticmethod"]) } }
    public var isClassMethod: Bool { kind == .method && decorators.contains { $0.isBuiltinName(["classmethod"]) } }

    /// The parameter that holds the receiver: `self` (or `cls` in a classmethod) of a method that
    /// is not a staticmethod.
    public var receiverName: String? {
        kind == .method && !isStaticMethod ? parameters.first?.name : nil
    }

    /// Whether this is defined, at any depth, inside the function `outer`.
    func isNested(in outer: Int) -> Bool {
        var scope = enclosing
        while let current = scope {
            if current.id == outer { return true }
            scope = current.enclosing
        }
        return false
    }
}

public final class ClassNode {
    public let id: Int
    public let file: String
    public let module: ModuleName
    public let qualname: String
    public let line: Int
    public let bases: [Expression]
    public internal(set) var methods: [String: FunctionNode] = [:]
    /// The function whose body defines the class (nil for a module-level class).
    public private(set) weak var enclosing: FunctionNode?

    init(id: Int, file: String, module: ModuleName, qualname: String, line: Int, bases: [Expression],
         enclosing: FunctionNode?) {
        self.id = id
        self.file = file
        self.module = module
        self.qualname = qualname
        self.line = line
        self.bases = bases
        self.enclosing = enclosing
    }

    public var qualifiedName: String { module.description + "." + qualname }
}

/// Every function, method, lambda, module body and class of a project, with the name resolver
/// that connects them across modules.
public final class ProjectIndex {
    public let project: Project
    public let resolver: NameResolver
    public private(set) var functions: [FunctionNode] = []
    public private(set) var classes: [ClassNode] = []
    public private(set) var moduleBodies: [String: FunctionNode] = [:]
    private var functionsByName: [String: FunctionNode] = [:]
    private var lambdasByPosition: [String: FunctionNode] = [:]
    private var classesByName: [String: ClassNode] = [:]
    /// Each class's bases that the project defines, in order, resolved once.
    private var basesByClass: [Int: [ClassNode]] = [:]
    private var methodResolution = MethodResolutionOrder(classes: [], bases: { _ in [] })

    public init(project: Project) {
        self.project = project
        resolver = NameResolver(modules: project.files.map { ModuleBindings(module: $0.module, name: $0.name) })
        for file in project.files {
            let body = FunctionNode(
                id: functions.count, file: file.path, module: file.name, qualname: "<module>", line: 1, kind: .moduleBody,
                parameters: [], decorators: [], body: file.module.body, enclosing: nil, owningClass: nil)
            add(body)
            moduleBodies[file.name.description] = body
            index(file.module.body, file: file, prefix: "", enclosing: nil, owner: nil, scope: body)
        }
        for node in classes {
            basesByClass[node.id] = node.bases.compactMap { base in
                resolver.qualifiedName(of: base, in: node.module).flatMap { classesByName[$0] }
            }
        }
        methodResolution = MethodResolutionOrder(classes: classes) { [basesByClass] in basesByClass[$0.id] ?? [] }
    }

    /// The project classes a method lookup on an instance of `node` visits, in Python's order.
    public func methodResolutionOrder(of node: ClassNode) -> [ClassNode] { methodResolution.order(of: node) }

    /// The project classes that descend from `node`, at any depth.
    public func subclasses(of node: ClassNode) -> [ClassNode] { methodResolution.subclasses(of: node) }

    /// The bases of `node` that the project defines, in the order written.
    public func projectBases(of node: ClassNode) -> [ClassNode] { basesByClass[node.id] ?? [] }

    public func function(named qualifiedName: String) -> FunctionNode? { functionsByName[qualifiedName] }

    /// Where a def's decorators and defaults are evaluated: the function around it, or its
    /// module's top level.
    public func definingScope(of function: FunctionNode) -> FunctionNode? {
        function.enclosing ?? moduleBodies[function.module.description]
    }

    /// The node of a lambda expression in `file`.
    public func lambda(at range: SourceRange, in file: String) -> FunctionNode? {
        lambdasByPosition["\(file):\(range.line):\(range.column)"]
    }

    /// Whether a dotted name lies inside one of the project's modules.
    public func isProjectName(_ dotted: String) -> Bool {
        var prefix = dotted
        while true {
            if moduleBodies[prefix] != nil { return true }
            guard let dot = prefix.lastIndex(of: ".") else { return false }
            prefix = String(prefix[..<dot])
        }
    }
    public func `class`(named qualifiedName: String) -> ClassNode? { classesByName[qualifiedName] }

    private func add(_ function: FunctionNode) {
        functions.append(function)
        // The first definition of a name wins for lookups; later redefinitions stay in `functions`.
        if functionsByName[function.qualifiedName] == nil {
            functionsByName[function.qualifiedName] = function
        }
    }

    /// Walks a body: `prefix` is the qualname prefix Python gives its definitions, `scope` the
    /// node whose body this is (a module body, a function, or nil inside a class body).
    private func index(_ statements: [Statement], file: Project.File, prefix: String, enclosing: FunctionNode?,
                       owner: ClassNode?, scope: FunctionNode) {
        for statement in statements {
            switch statement.kind {
            case .function(let definition):
                let qualname = prefix + definition.name
                let node = FunctionNode(
                    id: functions.count, file: file.path, module: file.name, qualname: qualname, line: statement.range.line,
                    kind: owner == nil ? .function : .method, parameters: definition.parameters,
                    decorators: definition.decorators, body: definition.body, enclosing: enclosing, owningClass: owner)
                add(node)
                if let owner {
                    owner.methods[definition.name] = node
                } else {
                    scope.nestedFunctions[definition.name] = node
                }
                indexLambdas(in: definition.parameters.compactMap(\.defaultValue) + definition.decorators, file: file,
                             prefix: prefix, enclosing: enclosing)
                index(definition.body, file: file, prefix: qualname + ".<locals>.", enclosing: node, owner: nil, scope: node)
            case .class(let definition):
                let qualname = prefix + definition.name
                let node = ClassNode(id: classes.count, file: file.path, module: file.name, qualname: qualname,
                                     line: statement.range.line, bases: definition.bases, enclosing: enclosing)
                classes.append(node)
                if classesByName[node.qualifiedName] == nil { classesByName[node.qualifiedName] = node }
                scope.nestedClasses[definition.name] = node
                index(definition.body, file: file, prefix: qualname + ".", enclosing: enclosing, owner: node, scope: scope)
            default:
                indexLambdas(in: statement.directExpressions, file: file, prefix: prefix, enclosing: enclosing)
                for body in statement.nestedBodies {
                    index(body, file: file, prefix: prefix, enclosing: enclosing, owner: owner, scope: scope)
                }
            }
        }
    }

    private func indexLambdas(in expressions: [Expression], file: Project.File, prefix: String, enclosing: FunctionNode?) {
        for expression in expressions {
            expression.forEachSubexpression(enteringLambdas: false) { inner in
                guard case .lambda(let lambda) = inner.kind else { return }
                let qualname = prefix + "<lambda>"
                let node = FunctionNode(
                    id: functions.count, file: file.path, module: file.name, qualname: qualname, line: inner.range.line,
                    kind: .lambda, parameters: lambda.parameters, decorators: [],
                    body: [Statement(.return(lambda.body), lambda.body.range)], enclosing: enclosing, owningClass: nil)
                add(node)
                lambdasByPosition["\(file.path):\(inner.range.line):\(inner.range.column)"] = node
                indexLambdas(in: [lambda.body], file: file, prefix: qualname + ".<locals>.", enclosing: node)
            }
        }
    }
}
