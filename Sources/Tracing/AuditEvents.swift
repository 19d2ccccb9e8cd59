import CPython
import Foundation
import CPythonShim
import PythonRuntime

/// File and socket I/O seen through a PEP 578 audit hook: CPython raises these events from C for
/// any code (open(), sockets, os and shutil file operations), so no Python wrapper can be bypassed.
enum AuditEvents {
    /// What an event is to the tracer: I/O a graph would not replay (with the argument that
    /// names its target), the start of another process (Python 3.11's audit events table), or
    /// both. One table, so that the hook looks an event up once.
    private struct Role {
        var targetArgument: Int?
        var startsProcess = false
    }

    private static let roles: [String: Role] = {
        var roles: [String: Role] = [:]
        let io = [
            "open": 0, "socket.connect": 1, "socket.bind": 1, "socket.sendto": 1, "socket.sendmsg": 1,
            "os.remove": 0, "os.rename": 0, "os.mkdir": 0, "os.rmdir": 0, "os.truncate": 0,
            "shutil.copyfile": 1, "shutil.move": 1, "shutil.rmtree": 0, "subprocess.Popen": 0, "os.system": 0,
        ]
        for (event, argument) in io { roles[event, default: Role()].targetArgument = argument }
        for event in ["os.fork", "subprocess.Popen", "os.system", "os.posix_spawn", "os.spawn", "os.exec"] {
            roles[event, default: Role()].startsProcess = true
        }
        return roles
    }()

    /// Reading source and extension files is the import system at work, not the program's I/O.
    private static let importSuffixes = [".py", ".pyc", ".so", ".pth", ".pyi"]

    static let hook: HybAuditHook = { event, arguments, _ in
        guard let event, let tracer = Tracer.active else { return 0 }
        // Cheap rejection first: most audit events (imports, compile, exec...) are not I/O.
        let first = event.pointee
        guard first == 0x6F /* o */ || first == 0x73 /* s */ else { return 0 }
        let name = String(cString: event)
        guard let role = roles[name] else { return 0 }
        if role.startsProcess {
            // Counted on any thread and outside project calls: a child is untraced wherever it
            // was started from. Popen and os.system are also I/O effects of the calling function.
            tracer.noteChild(event: name)
        }
        guard let position = role.targetArgument else { return 0 }
        let context = ThreadContext.current
        guard !context.busy, !context.stack.isEmpty else { return 0 }
        context.busy = true
        defer { context.busy = false }
        var target = name
        if let arguments, hyb_is_tuple(arguments) != 0, position < hyb_tuple_size(arguments),
            let value = hyb_tuple_item(arguments, position), let text = Python.string(value)
        {
            if name == "open" && (importSuffixes.contains(where: text.hasSuffix) || isTensorFlowScratch(text)) {
                return 0
            }
            var mode = ""
            if name == "open", hyb_tuple_size(arguments) > 1, let modeObject = hyb_tuple_item(arguments, 1),
                modeObject != hyb_none(), let modeText = Python.string(modeObject)
            {
                mode = " (\(modeText))"
            }
            let shown = text.hasPrefix(tracer.filter.root) ? String(text.dropFirst(tracer.filter.root.count)) : text
            target = name == "open" ? shown + mode : "\(name) \(shown)"
        }
        context.busy = false
        tracer.note(.io, target: target)
        return 0
    }

    /// AutoGraph writes the converted source of every function tf.function traces to a temporary
    /// file, after tempfile probes that the directory is writable (TF 2.21, autograph/pyct/loader.py).
    private static let temporaryDirectory = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"

    private static func isTensorFlowScratch(_ path: String) -> Bool {
        path.contains("__autograph_generated_file") || path == temporaryDirectory
    }

    private static var installed = false

    /// Audit hooks cannot be removed; the hook does nothing while no tracer is active.
    static func install() {
        guard !installed else { return }
        installed = true
        _ = hyb_add_audit_hook(hook)
    }
}
