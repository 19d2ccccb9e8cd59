/// Interned strings: the hook records small integer ids per call and turns them back into text
/// only when a batch is flushed.
final class StringTable {
    static let none: Int32 = -1

    private(set) var strings: [String] = []
    private var ids: [String: Int32] = [:]

    func id(_ text: String) -> Int32 {
        if let existing = ids[text] {
            return existing
        }
        let id = Int32(strings.count)
        strings.append(text)
        ids[text] = id
        return id
    }

    func id(_ text: String?) -> Int32 {
        text.map { id($0) } ?? Self.none
    }

    subscript(id: Int32) -> String? {
        id >= 0 && Int(id) < strings.count ? strings[Int(id)] : nil
    }
}

/// One parameter of a call, as ids into the tracer's string table (`StringTable.none` for absent).
struct ParamFingerprint: Hashable {
    var kind: Int32
    var dtype: Int32 = StringTable.none
    var shape: Int32 = StringTable.none
    var elements: Int32 = StringTable.none
    var value: Int32 = StringTable.none
}
