/// Percent encoding of activity ids, as Foundation's `addingPercentEncoding` and
/// `removingPercentEncoding` did it: FoundationEssentials, the only Foundation `skills` links,
/// has neither.
enum PercentEncoding {
    /// ASCII letters and digits and "-._~" kept; every other byte of the UTF-8 written as "%XX"
    /// (what Foundation on Linux made of `.alphanumerics` and those four: accented letters too).
    static func encoded(_ text: String) -> String {
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.append(byte)
            default: out += Array(String(cFormat: "%%%02X", byte).utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// "%XX" read back; nil when one is not two hexadecimal digits or the bytes are not UTF-8.
    static func decoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var rest = text.utf8[...]
        while let byte = rest.first {
            rest = rest.dropFirst()
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard rest.count >= 2, let value = UInt8(String(decoding: rest.prefix(2), as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
            rest = rest.dropFirst(2)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
