import CPython
import CPythonShim
import PythonRuntime

/// A project call in progress on one thread.
struct ActiveCall {
    let function: Int32
    let frame: OpaquePointer
    let signature: SignatureStats
    let started: UInt64
    /// This call's watches are `ThreadContext.watches[firstWatch...]` until it returns.
    let firstWatch: Int
    /// Not the function's first call (for a method, not the first on this receiver):
    /// tf.function lets only a function's first trace create variables.
    let isRepeat: Bool
    /// Made while TensorFlow traced a graph (tf.function, Dataset.map, or Keras building a layer
    /// by running its `call` in a scratch graph).
    let inGraph: Bool
    var effects: [ObservedEffect: EffectTally] = [:]

    /// This call's name for an object a callee wrote to, when the object existed before this call
    /// as far as the tracer can tell: one of its arguments, globals or closure objects, or an
    /// attribute value of one of them (`self.optimizer`). Nil for an object this call made itself,
    /// which is not an outside object.
    func name(of object: UInt, watches: ArraySlice<Watch>) -> String? {
        if let watch = watches.first(where: { $0.owner == object && $0.role != .globals }) {
            return watch.name
        }
        for watch in watches where watch.role == .attributes {
            var position = 0
            var key: PyObjectPointer?
            var value: PyObjectPointer?
            while PyDict_Next(watch.object, &position, &key, &value) != 0 {
                if UInt(bitPattern: value) == object, let key {
                    return watch.name + "." + (Python.string(key) ?? "?")
                }
            }
        }
        return nil
    }
}

/// How often an effect happened during one call, and on which object (0: not an object's state).
struct EffectTally {
    var count = 0
    var object: UInt = 0
}

/// Per-thread tracer state, reached through a C thread-local pointer. `busy` is set while the
/// tracer itself runs Python (reading a shape, say), so those frames pass straight through.
final class ThreadContext {
    var stack: [ActiveCall] = []
    /// The watches of every call on `stack`, innermost last: one array reused by all calls, since
    /// calls on a thread return in the reverse order they started.
    var watches: [Watch] = []
    var busy = false
    /// `Function.__call__` frames in progress, innermost last (profile hook only).
    var hybridCalls: [ActiveHybridCall] = []
    /// Reused for each call's parameters, so the common case (the same signature as last time)
    /// allocates nothing.
    var scratch: [ParamFingerprint] = []

    static var current: ThreadContext {
        if let pointer = hyb_thread_state() {
            return Unmanaged<ThreadContext>.fromOpaque(pointer).takeUnretainedValue()
        }
        let context = ThreadContext()
        // Retained for the thread's lifetime; a thread's context is small and threads are few.
        hyb_set_thread_state(Unmanaged.passRetained(context).toOpaque())
        return context
    }
}
