import FoundationEssentials
import Glibc

/// What the whole-value fast readers (results, the built-in framework) need from
/// `JSONScanner` beyond what the class summary uses: texts with their escapes read, and
/// objects whose known fields are each taken once.
extension JSONScanner {
    /// A string's text, escapes read as JSONDecoder reads them. The scanner has already
    /// refused what it does not read simply (surrogate escapes, broken UTF-8), so the rest
    /// is one pass.
    mutating func text() throws -> String {
        guard let string = try writtenString() else { throw Unexpected() }
        return Self.text(of: string.written, escaped: string.escaped)
    }

    /// The same, or nil for null.
    mutating func optionalText() throws -> String? {
        guard let string = try writtenString() else { return nil }
        return Self.text(of: string.written, escaped: string.escaped)
    }

    /// A list of texts (never null inside), or nil for null.
    mutating func optionalTexts() throws -> [String]? {
        if try peek() == 0x6E {
            try literal("null")
            return nil
        }
        return try texts()
    }

    mutating func texts() throws -> [String] {
        var list: [String] = []
        try array { list.append(try $0.text()) }
        return list
    }

    /// Calls `body` with the index in `fields` of each known key, once each: a second one
    /// is refused (Foundation would keep the first and not even check the second), and an
    /// unknown one is skipped after checking it. Returns which fields were there, a bit each.
    @discardableResult
    mutating func fields(_ fields: [StaticString], _ body: (inout JSONScanner, Int) throws -> Void) throws -> UInt64 {
        var seen: UInt64 = 0
        try object { scanner, key in
            guard let index = fields.firstIndex(where: { key.is($0) }) else {
                try scanner.skipValue()
                return
            }
            let bit: UInt64 = 1 << UInt64(index)
            guard seen & bit == 0 else { throw Unexpected() }
            seen |= bit
            try body(&scanner, index)
        }
        return seen
    }

    /// The text of a string's bytes as written between its quotes, already checked by the scanner.
    static func text(of written: UnsafeBufferPointer<UInt8>, escaped: Bool) -> String {
        guard escaped else { return String(decoding: written, as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(written.count)
        var index = 0
        while index < written.count {
            let byte = written[index]
            guard byte == 0x5C else {
                bytes.append(byte)
                index += 1
                continue
            }
            let code = written[index + 1]
            index += 2
            switch code {
            case 0x62: bytes.append(0x08)  // b
            case 0x66: bytes.append(0x0C)  // f
            case 0x6E: bytes.append(0x0A)  // n
            case 0x72: bytes.append(0x0D)  // r
            case 0x74: bytes.append(0x09)  // t
            case 0x75:  // u, four hex digits, never a surrogate (the scanner refused those)
                var value: UInt32 = 0
                for offset in 0..<4 {
                    let digit = written[index + offset]
                    let nibble: UInt8 =
                        switch digit {
                        case 0x30...0x39: digit - 0x30
                        case 0x41...0x46: digit - 0x41 + 10
                        default: digit - 0x61 + 10
                        }
                    value = value << 4 | UInt32(nibble)
                }
                index += 4
                bytes.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(value)!)!)
            default: bytes.append(code)  // " \ /
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
