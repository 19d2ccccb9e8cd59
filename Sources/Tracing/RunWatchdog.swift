import Foundation
import TraceStore

/// Ends a traced run that must stop: `--timeout` interrupts the command, and a command that
/// swallows the interruption (a bare `except:`, a test stuck in C code that holds the GIL) is
/// ended after a grace period. Runs on its own thread and never takes the GIL, so it works
/// whatever the interpreter is doing.
final class RunWatchdog: @unchecked Sendable {
    struct Settings {
        var timeout: Double?
        var gracePeriod: Double
        var databasePath: String
        var runID: Int
    }

    private let settings: Settings
    private let mainThread: pthread_t
    private let condition = NSCondition()
    private var stopping = false
    private var finished = false
    private var timedOut = false
    private var graceDeadline: Date?

    /// Call on the thread that runs the command: the timeout interrupts that thread, since only
    /// a signal delivered to it cuts short a blocking call such as time.sleep.
    init(settings: Settings) {
        self.settings = settings
        mainThread = pthread_self()
    }

    /// The `--timeout` in seconds once it has fired, else nil.
    var timedOutAfter: Double? {
        condition.lock()
        defer { condition.unlock() }
        return timedOut ? settings.timeout : nil
    }

    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "hybridize-watchdog"
        thread.start()
    }

    /// The command returned: nothing left to watch.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished {
            condition.wait()
        }
        condition.unlock()
    }

    private func run() {
        let timeoutDeadline = settings.timeout.map { Date(timeIntervalSinceNow: $0) }
        condition.lock()
        while !stopping {
            let now = Date()
            if let graceDeadline, now >= graceDeadline {
                condition.unlock()
                endNow()
            }
            if !timedOut, let timeoutDeadline, now >= timeoutDeadline {
                timedOut = true
                // The grace period starts now too: the signal may never reach Python code.
                graceDeadline = graceDeadline ?? Date(timeIntervalSinceNow: settings.gracePeriod)
                condition.unlock()
                // SIGTERM goes through hybridize_runtime's handler, which asks why and raises
                // Interrupted("stopped by --timeout ...") in the command.
                pthread_kill(mainThread, SIGTERM)
                condition.lock()
                continue
            }
            if graceDeadline == nil, SignalRelay.received != 0 {
                // SIGINT or SIGTERM from outside: if Python never gets to raise Interrupted (a
                // thread stuck in C code holding the GIL), the grace period still ends the run.
                graceDeadline = Date(timeIntervalSinceNow: settings.gracePeriod)
                continue
            }
            // Polled: a signal handler may not signal a condition variable.
            let poll = Date(timeIntervalSinceNow: 0.25)
            let next = [graceDeadline, timedOut ? nil : timeoutDeadline, poll].compactMap { $0 }.min() ?? poll
            _ = condition.wait(until: next)
        }
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The command did not stop in time. What the tracer flushed so far (at most a second old)
    /// is already durable; the run is marked ended on a connection of this thread's own, since
    /// the interpreter's may be in use by a thread that will never let go of it.
    private func endNow() -> Never {
        let reason = timedOutAfter.map { Interruption.timeout(seconds: $0) }
            ?? .signal(SignalRelay.received != 0 ? SignalRelay.received : SIGTERM)
        let message = """
            hybridize: the traced command was \(reason.description) but did not end within \
            \(Interruption.secondsText(settings.gracePeriod)); ended it. The database keeps every call \
            flushed up to a second before.\n
            """
        TracerOutput.write(message)
        if let database = try? TraceDatabase(path: settings.databasePath) {
            try? database.finishRun(settings.runID, exitStatus: reason.exitStatus, endedAt: Timestamp.now())
        }
        _exit(4)
    }
}
