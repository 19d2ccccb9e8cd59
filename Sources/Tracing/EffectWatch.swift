import CPython
import CPythonShim
import PythonRuntime
import TraceStore

/// Where in a function an effect happened.
enum EffectLocation: Hashable {
    /// The instruction the function was executing (turned into a line only when flushed).
    case instruction(Int32)
    /// A line already known, e.g. from the function's own STORE_GLOBAL or STORE_ATTR.
    case line(Int32)
}

/// An effect seen during one call, before it is aggregated.
struct ObservedEffect: Hashable {
    let kind: SideEffectKind
    let target: String
    var location: EffectLocation
    var via: Int32  // function index of the callee that did it; -1 when the function itself did
}

/// A baseline of an object taken when a call starts, compared when it ends. The watch holds a
/// reference (taken by `init`, dropped by `release`) so the object's address cannot be reused
/// meanwhile.
struct Watch {
    enum Baseline {
        /// A dict (module globals, an instance `__dict__`, or a dict argument): its version tag.
        case dict(version: UInt64)
        /// A list: length and a mix of its first items' addresses (lists have no version tag).
        case list(length: Int, digest: UInt)
        /// An iterator: what `__length_hint__` says is left (list, tuple, range, dict iterators).
        case lengthHint(Int)
        /// A generator: its frame's last instruction (-1 once exhausted).
        case generator(Int)
    }

    enum Role { case globals, attributes, items, iterator }

    let name: String
    /// The dict, list or iterator compared.
    let object: PyObjectPointer
    /// Address of the object whose state this is (the instance, for its `__dict__`); 0 for globals.
    let owner: UInt
    let role: Role
    let baseline: Baseline

    init(name: String, object: PyObjectPointer, owner: UInt, role: Role, baseline: Baseline) {
        hyb_incref(object)
        self.name = name
        self.object = object
        self.owner = owner
        self.role = role
        self.baseline = baseline
    }

    func release() {
        hyb_decref(object)
    }
}

/// The keys and value addresses of a dict at one version tag, holding references to the keys.
final class DictSnapshot {
    let version: UInt64
    private(set) var keys: [PyObjectPointer] = []
    private(set) var values: [UInt] = []

    init(of dict: PyObjectPointer) {
        version = hyb_dict_version(dict)
        let count = PyDict_Size(dict)
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
        var position = 0
        var key: PyObjectPointer?
        var value: PyObjectPointer?
        while PyDict_Next(dict, &position, &key, &value) != 0 {
            guard let key else { continue }
            hyb_incref(key)
            keys.append(key)
            values.append(UInt(bitPattern: value))
        }
    }

    deinit {
        keys.forEach { hyb_decref($0) }
    }

    /// Keys added, removed or rebound in `current` since this snapshot, as text.
    func changedKeys(in current: DictSnapshot) -> [String] {
        var changed: [String] = []
        // Dicts keep insertion order: walk both in step while the keys line up, which is the
        // whole way unless keys were added or removed.
        var index = 0
        while index < keys.count && index < current.keys.count && keys[index] == current.keys[index] {
            if values[index] != current.values[index] {
                changed.append(Python.string(keys[index]) ?? "?")
            }
            index += 1
        }
        if index < keys.count || index < current.keys.count {
            var before: [UInt: UInt] = [:]
            for position in index..<keys.count { before[UInt(bitPattern: keys[position])] = values[position] }
            for position in index..<current.keys.count {
                let key = UInt(bitPattern: current.keys[position])
                if before.removeValue(forKey: key) != current.values[position] {
                    changed.append(Python.string(current.keys[position]) ?? "?")
                }
            }
            for position in index..<keys.count where before[UInt(bitPattern: keys[position])] != nil {
                changed.append(Python.string(keys[position]) ?? "?")
            }
        }
        return changed.sorted()
    }
}

/// Snapshots of dicts, keyed by address and valid for one version tag, so that a changed dict can
/// say which keys changed. A tag is never reused by CPython 3.11, so a stale entry is never
/// mistaken for a current one.
final class DictSnapshots {
    static let maximumEntries = 1024
    static let maximumSnapshots = 4096

    private var snapshots: [UInt: DictSnapshot] = [:]

    /// Records the dict's current state unless the recorded one is already current.
    func refresh(_ dict: PyObjectPointer) {
        let address = UInt(bitPattern: dict)
        if snapshots[address]?.version == hyb_dict_version(dict) { return }
        guard PyDict_Size(dict) <= Self.maximumEntries else {
            snapshots[address] = nil
            return
        }
        if snapshots.count >= Self.maximumSnapshots { snapshots.removeAll(keepingCapacity: true) }
        snapshots[address] = DictSnapshot(of: dict)
    }

    /// The keys (as text) whose values changed during a call that started at `version`, refreshing
    /// the snapshot. Empty when inner calls already reported every change; nil when no snapshot
    /// taken since the call started exists (the names cannot be told).
    func changedKeys(_ dict: PyObjectPointer, since version: UInt64) -> [String]? {
        let address = UInt(bitPattern: dict)
        let current = hyb_dict_version(dict)
        // Version tags come from one process-wide counter, so a snapshot at or after `version`
        // was taken during the call: by this call's start, or by an inner call that reported
        // what changed before it.
        guard let before = snapshots[address], before.version >= version else {
            refresh(dict)
            return nil
        }
        if before.version == current {
            return []
        }
        let after = DictSnapshot(of: dict)
        snapshots[address] = after
        return before.changedKeys(in: after)
    }

    /// Drops every snapshot (and the key references they hold), e.g. between tests.
    func removeAll() {
        snapshots.removeAll()
    }
}

enum Baselines {
    static let digestItems = 64

    static func list(_ list: PyObjectPointer) -> Watch.Baseline {
        let length = hyb_list_size(list)
        var digest: UInt = 0
        for index in 0..<min(length, digestItems) {
            digest = digest &* 31 &+ UInt(bitPattern: hyb_list_item(list, index))
        }
        return .list(length: length, digest: digest)
    }

    /// The iterator's position, or nil when it cannot be told without advancing it.
    static func iterator(_ object: PyObjectPointer, isGenerator: Bool, lastInstruction: PyRef) -> Watch.Baseline? {
        if isGenerator {
            return .generator(generatorInstruction(object, lastInstruction: lastInstruction))
        }
        let hint = PyObject_LengthHint(object, -1)
        if hint < 0 {
            PyErr_Clear()
            return nil
        }
        return .lengthHint(hint)
    }

    static func generatorInstruction(_ generator: PyObjectPointer, lastInstruction: PyRef) -> Int {
        guard let frame = PyObject_GetAttrString(generator, "gi_frame") else {
            PyErr_Clear()
            return -1
        }
        defer { hyb_decref(frame) }
        if frame == hyb_none() { return -1 }
        guard let index = PyObject_GetAttr(frame, lastInstruction.pointer) else {
            PyErr_Clear()
            return -1
        }
        defer { hyb_decref(index) }
        return PyLong_AsLong(index)
    }
}
