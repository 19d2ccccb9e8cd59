/// What `hybridize trace -- COMMAND` runs inside the embedded interpreter.
public enum TracedCommand: Equatable, Sendable {
    /// `pytest ARGS...`, run through `pytest.main`.
    case pytest([String])
    /// `SCRIPT.py ARGS...`, run through `runpy.run_path`.
    case script(String, [String])
    /// `-m MODULE ARGS...`, run through `runpy.run_module`.
    case module(String, [String])

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public init(arguments: [String]) throws {
        guard let first = arguments.first else {
            throw Invalid(description: "no command to trace; give one after --, e.g. `-- pytest -q tests`")
        }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "pytest", "py.test":
            self = .pytest(rest)
        case "python", "python3":
            self = try TracedCommand(arguments: rest)
        case "-m":
            guard let module = rest.first else { throw Invalid(description: "-m needs a module name") }
            self = module == "pytest" ? .pytest(Array(rest.dropFirst())) : .module(module, Array(rest.dropFirst()))
        default:
            guard first.hasSuffix(".py") else {
                throw Invalid(
                    description: "cannot trace `\(first)`: give `pytest ARGS...`, `SCRIPT.py ARGS...` or `-m MODULE ARGS...`")
            }
            self = .script(first, rest)
        }
    }

    /// `sys.argv` as the command itself would see it.
    var argv: [String] {
        switch self {
        case .pytest(let arguments): return ["pytest"] + arguments
        case .script(let script, let arguments): return [script] + arguments
        case .module(let module, let arguments): return [module] + arguments
        }
    }

    /// The runner name and arguments handed to hybridize_runtime.run.
    var runnerArguments: (command: String, arguments: [String]) {
        switch self {
        case .pytest(let arguments): return ("pytest", arguments)
        case .script(let script, let arguments): return ("script", [script] + arguments)
        case .module(let module, let arguments): return ("-m", [module] + arguments)
        }
    }

    public var displayText: String {
        switch self {
        case .pytest(let arguments): return (["pytest"] + arguments).joined(separator: " ")
        case .script(let script, let arguments): return ([script] + arguments).joined(separator: " ")
        case .module(let module, let arguments): return (["-m", module] + arguments).joined(separator: " ")
        }
    }
}

/// `--shard K/N`: the K-th of N deterministic slices of the pytest items (1-based).
public struct Shard: Equatable, Sendable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }
}
