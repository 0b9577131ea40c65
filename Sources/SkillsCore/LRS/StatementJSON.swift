import Foundation

/// Writes a statement (the dictionaries `XAPIStatements` makes) as compact JSON with sorted
/// keys. Foundation's JSONSerialization on Linux spends milliseconds per statement in
/// dynamic casts, which made planning a sync of 10,000 results take minutes.
enum StatementJSON {
    static func data(_ value: Any) -> Data {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        write(value, into: &bytes)
        return Data(bytes)
    }

    static func write(_ value: Any, into bytes: inout [UInt8]) {
        switch value {
        case let text as String: string(text, into: &bytes)
        case let flag as Bool: bytes += Array((flag ? "true" : "false").utf8)
        case let number as Int: bytes += Array(String(number).utf8)
        case let number as Double: bytes += Array(format(number).utf8)
        case let object as [String: Any]:
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                string(key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                write(object[key]!, into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        case let list as [Any]:
            bytes.append(UInt8(ascii: "["))
            for (index, element) in list.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element, into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
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
            case 0..<0x20: bytes += Array(String(format: "\\u%04x", byte).utf8)
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
