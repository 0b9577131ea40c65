import FoundationEssentials
import Glibc

/// Writes a statement (the dictionaries `XAPIStatements` makes) as compact JSON with sorted
/// keys. Foundation's JSONSerialization on Linux spends milliseconds per statement in
/// dynamic casts, which made planning a sync of 10,000 results take minutes.
public enum StatementJSON {
    static func data(_ value: Any) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        write(value, into: &bytes)
        return Data(bytes)
    }

    /// The same laid out as JSONSerialization's `.prettyPrinted` lays it out (two spaces a
    /// level, `"key" : value`), for `export --format xapi`.
    public static func pretty(_ value: Any) -> String {
        var bytes: [UInt8] = []
        write(value, into: &bytes, indent: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Compact when `indent` is nil, else pretty from that depth.
    static func write(_ value: Any, into bytes: inout [UInt8], indent: Int? = nil) {
        func open(_ bracket: Character, _ count: Int) {
            bytes.append(UInt8(ascii: bracket.unicodeScalars.first!))
            if let indent, count == 0 { bytes += [0x0A, 0x0A] + Array(repeating: 0x20, count: indent * 2) }
        }
        func next(_ index: Int) {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            if let indent { bytes += [0x0A] + Array(repeating: 0x20, count: (indent + 1) * 2) }
        }
        func close(_ bracket: Character, _ count: Int) {
            if let indent, count > 0 { bytes += [0x0A] + Array(repeating: 0x20, count: indent * 2) }
            bytes.append(UInt8(ascii: bracket.unicodeScalars.first!))
        }
        let inner = indent.map { $0 + 1 }
        switch value {
        case let text as String: string(text, into: &bytes)
        case let flag as Bool: bytes += Array((flag ? "true" : "false").utf8)
        case let number as Int: bytes += Array(String(number).utf8)
        case let number as Double: bytes += Array(format(number).utf8)
        case let object as [String: Any]:
            open("{", object.count)
            for (index, key) in object.keys.sorted().enumerated() {
                next(index)
                string(key, into: &bytes)
                bytes += indent == nil ? [UInt8(ascii: ":")] : Array(" : ".utf8)
                write(object[key]!, into: &bytes, indent: inner)
            }
            close("}", object.count)
        case let list as [Any]:
            open("[", list.count)
            for (index, element) in list.enumerated() {
                next(index)
                write(element, into: &bytes, indent: inner)
            }
            close("]", list.count)
        default: bytes += Array("null".utf8)
        }
    }

    /// Whole numbers without a fraction (as JSONSerialization writes them), others in
    /// Swift's shortest form that reads back to the same Double.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return "\(number)"
    }

    static func string(_ text: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [92, 34]
            case UInt8(ascii: "\\"): bytes += [92, 92]
            case UInt8(ascii: "\n"): bytes += [92, UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [92, UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [92, UInt8(ascii: "t")]
            case 0..<0x20: bytes += Array(String(cFormat: "\\u%04x", byte).utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
