import CPython
import CPythonShim
import PythonRuntime
import TraceStore

/// A project function the tracer has seen.
final class FunctionRecord {
    let id: Int
    let file: String
    let qualname: String
    let line: Int
    let params: [String]
    /// Interned parameter names, for effect targets and identity tables.
    let code: PyRef
    /// Names the function reads as globals, interned for dict lookups at each call.
    let globalNames: [PyRef]
    /// `__init__`/`__new__` write to an object made just before them: not an outside object.
    let constructsSelf: Bool
    /// Module and class bodies (no CO_NEWLOCALS): their "global writes" are the definitions they
    /// make, so only their calls and edges are recorded.
    let isBody: Bool
    var flushed = false
    /// A method or classmethod: its first parameter is the receiver, whose identities (counted
    /// with the other object parameters) tell a receiver's first call from later ones.
    let hasReceiver: Bool
    var callsStarted = 0
    /// Per parameter position: its distinct literal values, and its distinct objects by kind.
    var literals: [LiteralValues?]
    var identities: [[Int32: IdentityTracker]]
    /// The signature of the previous call: most calls repeat it, and then no hashing is needed.
    var lastSignature: (key: SignatureKey, stats: SignatureStats)?
    /// The module globals this function reads whose values can be written to, valid while the
    /// module dict keeps `version` (module dicts rarely change once imported).
    var watchableGlobals: (globals: UInt, version: UInt64, entries: [(name: String, object: PyObjectPointer, info: TypeInfo)])?

    init(id: Int, file: String, qualname: String, line: Int, params: [String], code: PyRef, globalNames: [PyRef]) {
        self.id = id
        self.file = file
        self.qualname = qualname
        self.line = line
        self.params = params
        self.code = code
        self.globalNames = globalNames
        let name = qualname.split(separator: ".").last.map(String.init) ?? qualname
        constructsSelf = name == "__init__" || name == "__new__" || name == "__post_init__"
        let flags = hyb_code_flags(UnsafeMutableRawPointer(code.pointer).assumingMemoryBound(to: PyCodeObject.self))
        isBody = flags & 0x02 == 0  // CO_NEWLOCALS
        // By convention, which Python does not enforce; a `self` that is not a receiver only
        // makes first calls be counted per argument.
        hasReceiver = !isBody && (params.first == "self" || params.first == "cls") && qualname.contains(".")
        literals = Array(repeating: nil, count: params.count)
        identities = Array(repeating: [:], count: params.count)
    }

    /// Source line of an instruction index of this function's code.
    func line(atInstruction instruction: Int32) -> Int {
        let codeObject = UnsafeMutableRawPointer(code.pointer).assumingMemoryBound(to: PyCodeObject.self)
        return Int(hyb_code_line_at(codeObject, instruction))
    }
}

struct SignatureKey: Hashable {
    let function: Int32
    let graph: Bool
    let params: [ParamFingerprint]
}

final class SignatureStats {
    let id: Int
    var calls = 0
    var totalNanoseconds: UInt64 = 0
    var maxNanoseconds: UInt64 = 0
    var tests: [Int: Int] = [:]
    /// The tests whose counts changed since the last flush. A suite flushes after every test, so
    /// writing every test of a signature each time (a fixture's signature is in thousands of
    /// tests) would make a suite's trace time grow with the square of its test count.
    var testsChanged: [Int] = []
    /// The test of the last call since the last flush: consecutive calls in one test note it once.
    var lastTest: Int?
    var dirty = true
    var paramsWritten = false

    init(id: Int) { self.id = id }
}

/// Distinct objects one parameter received, told apart by weak reference where the type allows
/// it (an address alone could be reused by a new optimizer after the old one died).
final class IdentityTracker {
    static let capacity = 64

    private var seen: [(address: UInt, reference: PyRef?)] = []
    private(set) var distinct = 0
    private(set) var saturated = false
    var calls = 0
    var dirty = true

    /// Counts a call with `object`; returns whether the object is one not seen before (past the
    /// capacity every object counts as new, which can only make a later call look like a first).
    @discardableResult
    func observe(_ object: PyObjectPointer) -> Bool {
        calls += 1
        dirty = true
        let address = UInt(bitPattern: object)
        if let index = seen.firstIndex(where: { $0.address == address }) {
            guard let reference = seen[index].reference else { return false }
            if PyWeakref_GetObject(reference.pointer) == object { return false }
            seen[index].reference = weakReference(object)  // the old object died; this one is new
            distinct += 1
            return true
        }
        distinct += 1
        if seen.count < Self.capacity {
            seen.append((address, weakReference(object)))
        } else {
            saturated = true
        }
        return true
    }

    private func weakReference(_ object: PyObjectPointer) -> PyRef? {
        guard let reference = PyWeakref_NewRef(object, nil) else {
            PyErr_Clear()
            return nil
        }
        return PyRef(owning: reference)
    }
}

/// Distinct literal values of one primitive parameter: each is a retrace under tf.function.
/// Values are told apart by their Python hash (cheap, cached by str objects); only the first
/// `keptInSignatures` get their text made and stored in signatures.
final class LiteralValues {
    static let keptInSignatures = 16
    static let counted = 1024

    private var hashes: Set<Int> = []
    private var kept: [Int: Int32] = [:]
    private(set) var saturated = false
    var dirty = true

    var distinct: Int { hashes.count }

    /// The literal id to store in the signature: the value's own text while few distinct values
    /// were seen, else `many` (the id of "<many>"), so a parameter fed a new number per call stays
    /// one signature. `text` makes the literal's id and runs only for the first few values.
    func fold(hash: Int, many: Int32, text: () -> Int32) -> Int32 {
        if !hashes.contains(hash) {
            if hashes.count < Self.counted {
                hashes.insert(hash)
                dirty = true
            } else if !saturated {
                saturated = true
                dirty = true
            }
        }
        if let id = kept[hash] {
            return id
        }
        guard kept.count < Self.keptInSignatures else { return many }
        let id = text()
        kept[hash] = id
        return id
    }
}

struct EffectKey: Hashable {
    let function: Int32
    let effect: ObservedEffect
}

final class EffectStats {
    let id: Int
    var count = 0
    /// Of `count`: during a call that was not the function's first (per receiver for methods).
    var repeatCount = 0
    /// Of `count`: during a call made while TensorFlow traced a graph.
    var graphCount = 0
    var firstTest: Int?
    var dirty = true

    init(id: Int) { self.id = id }
}

struct EdgeKey: Hashable {
    let caller: Int32
    let callee: Int32
    let instruction: Int32
}

final class EdgeStats {
    var calls = 0
    var dirty = true
    /// The caller's line of the call instruction, once resolved (it never changes).
    var line: Int?
    /// Of `calls`: how many the per-line totals already hold.
    var callsInLineTotal = 0
}

/// The stored form of an edge: several call instructions can share a line, and the row holds
/// their sum.
struct EdgeLineKey: Hashable {
    let caller: Int32
    let callee: Int32
    let line: Int
}

final class TestRecord {
    let id: Int
    let nodeID: String
    var outcome: String?
    var duration: Double?
    var dirty = true

    init(id: Int, nodeID: String) {
        self.id = id
        self.nodeID = nodeID
    }
}
