import Foundation

/// Runs a command on a thread with a large stack. The syntax tree and every analysis over it are
/// walked recursively, a few frames per level of nesting: with the main thread's 8 MiB, a debug
/// build overflowed at about 600 levels of `x()()()...` (kind inference), while Python 3.11 itself
/// parses such expressions up to about 3,000 levels before its RecursionError. The converter's
/// limit (`SyntaxConverter.maximumDepth`) bounds the depth; this stack has room for it many times over.
enum DeepStack {
    /// Reserved, not committed: pages are only touched as deep as a walk goes.
    static let size = 512 << 20

    /// Runs `body` on a thread with `size` bytes of stack and waits for it. The embedded
    /// interpreter must be started inside `body`, since it keeps to the thread that started it.
    static func run(_ body: @escaping () throws -> Void) throws {
        let work = Work(body)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        var thread = pthread_t()
        let context = Unmanaged.passRetained(work).toOpaque()
        guard pthread_attr_setstacksize(&attributes, size) == 0,
            pthread_create(&thread, &attributes, { context in
                guard let context else { return nil }
                Unmanaged<Work>.fromOpaque(context).takeRetainedValue().perform()
                return nil
            }, context) == 0
        else {
            // No thread (a tight ulimit on threads or memory): the main thread's stack still
            // serves every project but the deepest.
            Unmanaged<Work>.fromOpaque(context).release()
            return try body()
        }
        pthread_join(thread, nil)
        if let error = work.error { throw error }
    }

    private final class Work {
        let body: () throws -> Void
        var error: Error?

        init(_ body: @escaping () throws -> Void) { self.body = body }

        func perform() {
            do { try body() } catch { self.error = error }
        }
    }
}

/// Room for deep recursion in the traced command. Python 3.11 runs Python-to-Python calls
/// without C recursion, so a suite may recurse as deep as its `sys.setrecursionlimit`; with a
/// PEP 523 hook installed, every call recurses on the C stack instead (the hook and
/// `_PyEval_EvalFrameDefault` per level, about 1 KiB in a release build). The 8 MiB default
/// ended a 10,000-deep recursion with a segfault that the untraced run survives.
///
/// Unlike the static commands (`DeepStack`), `trace` cannot move to a thread of its own: the
/// kernel gives a process's SIGINT and SIGTERM to its main thread first, and only a signal that
/// lands on the interpreter's thread cuts a blocking call short (RunWatchdog, SignalRelay).
enum MainThreadStack {
    /// Linux grows the main thread's stack on demand up to the soft RLIMIT_STACK read at the
    /// time of each fault, and keeps at least 128 MiB below it free of mappings; raising the
    /// soft limit to within that gap works without a re-exec.
    static let limit: rlim_t = 120 << 20

    /// RLIM_INFINITY, which Swift imports as a signed -1.
    private static let unlimited = rlim_t.max

    static func allowGrowth() {
        var current = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_STACK.rawValue), &current) == 0, current.rlim_cur != unlimited, current.rlim_cur < limit else {
            return
        }
        current.rlim_cur = current.rlim_max == unlimited ? limit : min(limit, current.rlim_max)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_STACK.rawValue), &current)
    }
}
