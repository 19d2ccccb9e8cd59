import Foundation

/// Lets the watchdog see SIGINT and SIGTERM even when no Python code can run: CPython's own
/// handler only sets a flag that the interpreter's thread reads between bytecodes, and a thread
/// stuck in C code that holds the GIL never gets there. This handler notes the signal and then
/// calls CPython's (the handler hybridize_runtime installed through `signal.signal`), so Python
/// still raises Interrupted as before.
enum SignalRelay {
    /// The last SIGINT or SIGTERM received, 0 for none. Written by the handler, read by the
    /// watchdog; an aligned 32-bit store is what sig_atomic_t is on Linux.
    nonisolated(unsafe) private(set) static var received: Int32 = 0
    /// CPython's handlers, called on: plain globals, since a signal handler may not touch a
    /// dictionary (it may allocate or take locks).
    nonisolated(unsafe) private static var previousInterrupt: __sighandler_t?
    nonisolated(unsafe) private static var previousTerminate: __sighandler_t?

    /// Call after hybridize_runtime installed its handlers. A handler the traced program
    /// installs later replaces this one, and the watchdog then only sees `--timeout`.
    static func install() {
        for number in [SIGINT, SIGTERM] {
            var current = sigaction()
            guard sigaction(number, nil, &current) == 0 else { continue }
            if number == SIGINT {
                previousInterrupt = current.__sigaction_handler.sa_handler
            } else {
                previousTerminate = current.__sigaction_handler.sa_handler
            }
            var relay = current
            relay.__sigaction_handler.sa_handler = { number in
                SignalRelay.received = number
                let chained = number == SIGINT ? SignalRelay.previousInterrupt : SignalRelay.previousTerminate
                // SIG_DFL is 0 (nil) and SIG_IGN 1: neither is a function to call.
                if let chained, unsafeBitCast(chained, to: Int.self) > 1 {
                    chained(number)
                }
            }
            relay.sa_flags &= ~SA_SIGINFO
            sigaction(number, &relay, nil)
        }
    }
}
