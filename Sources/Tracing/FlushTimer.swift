import CPython
import CPythonShim
import Foundation

/// Flushes the tracer at least once a second even when no project call returns for a long time
/// (a test blocked in a long `model.fit`, say), so a process killed then still leaves everything
/// aggregated so far in the database.
///
/// The thread takes the GIL to flush. The tracer's state is only ever changed by code holding
/// the GIL, which never gives it up halfway through a change, so the flush sees whole records.
final class FlushTimer {
    private let tracer: Tracer
    private let condition = NSCondition()
    private var stopping = false
    private var finished = false

    init(tracer: Tracer) {
        self.tracer = tracer
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "hybridize-flush"
        thread.start()
    }

    private func run() {
        condition.lock()
        while !stopping {
            _ = condition.wait(until: Date(timeIntervalSinceNow: 1))
            if stopping { break }
            condition.unlock()
            let state = PyGILState_Ensure()
            if Tracer.active === tracer {
                tracer.flushIfDue(now: hyb_monotonic_ns())
            }
            PyGILState_Release(state)
            condition.lock()
        }
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stops the thread and waits for it. Call with the GIL held: it is let go while waiting,
    /// since the thread may be waiting for it.
    func stop() {
        let saved = PyEval_SaveThread()
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished {
            condition.wait()
        }
        condition.unlock()
        PyEval_RestoreThread(saved)
    }
}
