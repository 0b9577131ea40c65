import Foundation

/// A small, strict JSON scanner over bytes, for reading thousands of result files quickly:
/// it reads the values the class statistics need and skips the rest (item texts,
/// explanations, labels) without building them.
///
/// It is stricter than Foundation's JSONDecoder, never laxer: RFC 8259 numbers, no raw
/// control characters, valid UTF-8, nothing but whitespace after the value, at most
/// `ResultLimits.nestingDepth` levels. Anything it does not handle simply (an escape in a
/// string it reads, a lone surrogate, a trailing comma, which the decoder tolerates)
/// throws, and the caller falls back to the full decoder, which accepts or explains.
struct JSONScanner {
    struct Unexpected: Error {}

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    private var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func skipSpace() {
        while index < bytes.count,
            bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09
        {
            index += 1
        }
    }

    mutating func peek() throws -> UInt8 {
        skipSpace()
        guard index < bytes.count else { throw Unexpected() }
        return bytes[index]
    }

    mutating func expect(_ byte: UInt8) throws {
        guard try peek() == byte else { throw Unexpected() }
        index += 1
    }

    /// After the top-level value: only whitespace may follow.
    mutating func end() throws {
        skipSpace()
        guard index == bytes.count else { throw Unexpected() }
    }

    private mutating func enter() throws {
        depth += 1
        guard depth <= ResultLimits.nestingDepth else { throw Unexpected() }
    }

    /// Calls `body` with each key (as raw bytes, compared with `is`) and the scanner
    /// positioned at its value, which `body` must read or skip. A key with an escape is
    /// refused: it might spell a known key in another way.
    mutating func object(_ body: (inout JSONScanner, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try expect(0x7B)  // {
        try enter()
        defer { depth -= 1 }
        if try peek() == 0x7D {
            index += 1
            return
        }
        while true {
            let key = try rawString()
            try expect(0x3A)  // :
            try body(&self, key)
            let next = try peek()
            index += 1
            if next == 0x7D { return }
            guard next == 0x2C else { throw Unexpected() }
        }
    }

    mutating func array(_ body: (inout JSONScanner) throws -> Void) throws {
        try expect(0x5B)  // [
        try enter()
        defer { depth -= 1 }
        if try peek() == 0x5D {
            index += 1
            return
        }
        while true {
            try body(&self)
            let next = try peek()
            index += 1
            if next == 0x5D { return }
            guard next == 0x2C else { throw Unexpected() }
        }
    }

    /// The bytes between the quotes of a string without escapes: then they are the text
    /// itself. A string with escapes is refused (the full decoder reads those).
    mutating func rawString() throws -> UnsafeBufferPointer<UInt8> {
        try expect(0x22)
        let start = index
        guard try stringBody(allowEscapes: false) else { throw Unexpected() }
        return UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
    }

    mutating func string() throws -> String {
        String(decoding: try rawString(), as: UTF8.self)
    }

    /// A string as written, escapes and all, checked as strictly as one that is read: its
    /// length in bytes is never less than the text's own; nil for null.
    mutating func writtenString() throws -> (written: UnsafeBufferPointer<UInt8>, escaped: Bool)? {
        if try peek() == 0x6E {
            try literal("null")
            return nil
        }
        try expect(0x22)
        let start = index
        let plain = try stringBody(allowEscapes: true)
        return (UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), !plain)
    }

    /// Moves past the rest of a string and its closing quote; true when it had no escapes.
    /// Raw control characters, broken UTF-8 and escapes JSON does not define are refused,
    /// and so are `\u` escapes of surrogates (Foundation refuses a lone one in a field it
    /// reads; pairs are rare enough to leave to it).
    private mutating func stringBody(allowEscapes: Bool) throws -> Bool {
        var plain = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                index += 1
                return plain
            }
            if byte < 0x20 { throw Unexpected() }
            if byte == 0x5C {
                guard allowEscapes, index + 1 < bytes.count else { throw Unexpected() }
                plain = false
                switch bytes[index + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: index += 2
                case 0x75:
                    guard index + 6 <= bytes.count else { throw Unexpected() }
                    var value = 0
                    for offset in 2..<6 {
                        guard let digit = Self.hexValue(bytes[index + offset]) else { throw Unexpected() }
                        value = value * 16 + digit
                    }
                    guard !(0xD800...0xDFFF).contains(value) else { throw Unexpected() }
                    index += 6
                default: throw Unexpected()
                }
                continue
            }
            if byte < 0x80 {
                index += 1
            } else {
                index += try utf8Sequence(at: index)
            }
        }
        throw Unexpected()
    }

    private static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 0x30...0x39: Int(byte - 0x30)
        case 0x41...0x46: Int(byte - 0x41 + 10)
        case 0x61...0x66: Int(byte - 0x61 + 10)
        default: nil
        }
    }

    /// The length of the well-formed UTF-8 sequence starting at `start` (Unicode 15,
    /// table 3-7: no overlong forms, no surrogates, nothing past U+10FFFF).
    private func utf8Sequence(at start: Int) throws -> Int {
        let lead = bytes[start]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: throw Unexpected()
        }
        guard start + length <= bytes.count, (low...high).contains(bytes[start + 1]) else { throw Unexpected() }
        for offset in 2..<length where !(0x80...0xBF).contains(bytes[start + offset]) { throw Unexpected() }
        return length
    }

    /// A number as RFC 8259 writes it (no leading zeros, no `+`, no bare `.`), read with
    /// strtod; one that overflows or underflows is refused, as Foundation refuses it.
    mutating func number() throws -> Double {
        skipSpace()
        let start = index
        _ = try numberSyntax()
        let length = index - start
        guard length < 64 else { throw Unexpected() }
        return try withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
            for offset in 0..<length { buffer[offset] = CChar(bitPattern: bytes[start + offset]) }
            buffer[length] = 0
            var end: UnsafeMutablePointer<CChar>?
            errno = 0
            let value = strtod(buffer.baseAddress!, &end)
            guard end == buffer.baseAddress! + length, errno == 0, value.isFinite else { throw Unexpected() }
            return value
        }
    }

    /// A whole number written without a fraction or exponent, of at most 15 digits;
    /// anything else (`1.0`, which Foundation also takes as 1) is left to the full decoder.
    mutating func integer() throws -> Int {
        skipSpace()
        let start = index
        guard try numberSyntax(), index - start <= 16 else { throw Unexpected() }
        var value = 0
        for position in start..<index where bytes[position] != 0x2D { value = value * 10 + Int(bytes[position] - 0x30) }
        return bytes[start] == 0x2D ? -value : value
    }

    /// Moves past a number; true when it had neither fraction nor exponent.
    private mutating func numberSyntax() throws -> Bool {
        func digits() -> Int {
            let from = index
            while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
            return index - from
        }
        if index < bytes.count, bytes[index] == 0x2D { index += 1 }
        guard index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 else { throw Unexpected() }
        if bytes[index] == 0x30 {
            index += 1
        } else {
            _ = digits()
        }
        var integral = true
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            guard digits() > 0 else { throw Unexpected() }
            integral = false
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            if index < bytes.count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            guard digits() > 0 else { throw Unexpected() }
            integral = false
        }
        return integral
    }

    mutating func optionalNumber() throws -> Double? {
        if try peek() == 0x6E {
            try literal("null")
            return nil
        }
        return try number()
    }

    mutating func optionalInteger() throws -> Int? {
        if try peek() == 0x6E {
            try literal("null")
            return nil
        }
        return try integer()
    }

    /// true, false or null (nil).
    mutating func optionalBool() throws -> Bool? {
        switch try peek() {
        case 0x74:
            try literal("true")
            return true
        case 0x66:
            try literal("false")
            return false
        default:
            try literal("null")
            return nil
        }
    }

    mutating func literal(_ word: StaticString) throws {
        skipSpace()
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count else { throw Unexpected() }
        for offset in 0..<length where bytes[index + offset] != word.utf8Start[offset] { throw Unexpected() }
        index += length
    }

    /// Skips any value without building it, checking it as strictly as the rest.
    mutating func skipValue() throws {
        switch try peek() {
        case 0x22: _ = try writtenString()
        case 0x7B: try object { scanner, _ in try scanner.skipValue() }
        case 0x5B: try array { try $0.skipValue() }
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
        // Read, not only skipped: a number out of Double's range is refused everywhere.
        default: _ = try number()
        }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Compares raw key bytes with an ASCII key without making a String.
    func `is`(_ key: StaticString) -> Bool {
        guard count == key.utf8CodeUnitCount else { return false }
        for offset in 0..<count where self[offset] != key.utf8Start[offset] { return false }
        return true
    }
}
