/// A JSON value whose objects keep their keys in the order given: Foundation's JSONEncoder on
/// Linux writes keys in hash order, and SPEC §8's JSON lines have a documented key order.
public indirect enum JSONValue: Sendable {
    case string(String)
    case number(Int)
    /// A fraction, written with at most six decimals (seconds, shares).
    case decimal(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public var text: String {
        var output: [UInt8] = []
        write(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    // Written as UTF-8 bytes: `analyze --format json` writes some 15 MB for a large project, and
    // appending to a String scalar by scalar took a tenth of the whole run on the Keras sources.
    private func write(into output: inout [UInt8]) {
        switch self {
        case .string(let value): Self.writeString(value, into: &output)
        case .number(let value): output += String(value).utf8
        case .decimal(let value):
            guard value.isFinite else { output += "null".utf8; return }
            output += String((value * 1e6).rounded() / 1e6).utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .null: output += "null".utf8
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                value.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(member.0, into: &output)
                output.append(UInt8(ascii: ":"))
                member.1.write(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ value: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        // Most strings need no escaping: copy them whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(contentsOf: value.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += #"\""#.utf8
            case UInt8(ascii: "\\"): output += #"\\"#.utf8
            case UInt8(ascii: "\n"): output += #"\n"#.utf8
            case UInt8(ascii: "\r"): output += #"\r"#.utf8
            case UInt8(ascii: "\t"): output += #"\t"#.utf8
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                output += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
            default:
                // Multi-byte UTF-8 sequences pass through unchanged: no byte of one is below 0x80.
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
