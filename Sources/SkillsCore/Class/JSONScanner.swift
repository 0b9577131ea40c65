import FoundationEssentials
import Glibc

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

    // Inlined: the scanner steps over whitespace a few hundred times a file, and between
    // tokens there is often none.
    @inline(__always)
    mutating func skipSpace() {
        if index < bytes.count, bytes[index] > 0x20 { return }
        // One space, as around a pretty-printed colon.
        if index + 1 < bytes.count, bytes[index] == 0x20, bytes[index + 1] > 0x20 {
            index += 1
            return
        }
        skipSpaceRun()
    }

    /// Pretty-printed files are a third indentation: spaces are passed eight at a time.
    private mutating func skipSpaceRun() {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var at = index
        defer { index = at }
        while at < count {
            if at + 8 <= count {
                let others =
                    UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
                    ^ 0x2020_2020_2020_2020
                if others == 0 {
                    at += 8
                    continue
                }
                at += others.trailingZeroBitCount >> 3
            }
            guard at < count else { return }
            let byte = base[at]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            at += 1
        }
    }

    @inline(__always)
    mutating func peek() throws -> UInt8 {
        skipSpace()
        guard index < bytes.count else { throw Unexpected() }
        return bytes[index]
    }

    @inline(__always)
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

    /// Moves past the rest of a string whose opening quote has been read.
    mutating func skipStringBody() throws { _ = try stringBody(allowEscapes: true) }

    /// Moves past the rest of a string and its closing quote; true when it had no escapes.
    /// Raw control characters, broken UTF-8 and escapes JSON does not define are refused,
    /// and so are `\u` escapes of surrogates (Foundation refuses a lone one in a field it
    /// reads; pairs are rare enough to leave to it).
    private mutating func stringBody(allowEscapes: Bool) throws -> Bool {
        guard let base = bytes.baseAddress else { throw Unexpected() }
        let count = bytes.count
        var plain = true
        // A local position, stored back once: the scanner itself lives in memory.
        var at = index
        defer { index = at }
        while true {
            // Eight bytes at a time up to the first that needs a look: most of a result file
            // is plain ASCII inside strings.
            if at + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + at).loadUnaligned(as: UInt64.self))
                let stops = Self.stops(in: word)
                if stops == 0 {
                    at += 8
                    continue
                }
                at += stops.trailingZeroBitCount >> 3
            }
            guard at < count else { throw Unexpected() }
            let byte = base[at]
            if byte == 0x22 {
                at += 1
                return plain
            }
            if byte < 0x20 { throw Unexpected() }
            if byte == 0x5C {
                guard allowEscapes, at + 1 < count else { throw Unexpected() }
                plain = false
                switch base[at + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: at += 2
                case 0x75:
                    guard at + 6 <= count else { throw Unexpected() }
                    var value = 0
                    for offset in 2..<6 {
                        guard let digit = Self.hexValue(base[at + offset]) else { throw Unexpected() }
                        value = value * 16 + digit
                    }
                    guard !(0xD800...0xDFFF).contains(value) else { throw Unexpected() }
                    at += 6
                default: throw Unexpected()
                }
                continue
            }
            if byte < 0x80 {
                at += 1
            } else {
                at += try utf8Sequence(at: at)
            }
        }
    }

    /// The high bit of each byte of `word` (read little-endian) that ends a plain run: a
    /// control character, `"`, a backslash or a byte of a multi-byte character. The lowest bit set
    /// is always a real one (the borrows of the subtractions run only upwards), so its
    /// position is the first byte to look at; zero when all eight are plain.
    @inline(__always)
    private static func stops(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let quotes = (quote &- ones) & ~quote
        let backslashes = (backslash &- ones) & ~backslash
        return (control | quotes | backslashes | word) & highs
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

    /// A number as RFC 8259 writes it (no leading zeros, no `+`, no bare `.`); one that
    /// overflows or underflows is refused, as Foundation refuses it.
    ///
    /// Most numbers in a result are small integers or short decimals: with at most 2^53 as
    /// the digits and at most 22 of them after the point, both the digits and the power of
    /// ten are exact doubles, so one division rounds correctly, to the same double strtod
    /// gives (Clinger's fast path). Up to 19 digits go through a Float80 where there is one;
    /// longer ones and exponents are read with strtod.
    mutating func number() throws -> Double {
        skipSpace()
        let start = index
        let count = bytes.count
        let negative = index < count && bytes[index] == 0x2D
        if negative { index += 1 }
        guard index < count, bytes[index] >= 0x30 && bytes[index] <= 0x39 else { throw Unexpected() }
        var digits: UInt64 = 0
        var digitCount = 0
        if bytes[index] == 0x30 {
            index += 1
        } else {
            while index < count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                if digitCount < 19 { digits = digits &* 10 &+ UInt64(bytes[index] &- 0x30) }
                digitCount += 1
                index += 1
            }
        }
        var fractionDigits = 0
        if index < count, bytes[index] == 0x2E {
            index += 1
            let from = index
            while index < count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                if digitCount < 19 { digits = digits &* 10 &+ UInt64(bytes[index] &- 0x30) }
                digitCount += 1
                index += 1
            }
            fractionDigits = index - from
            guard fractionDigits > 0 else { throw Unexpected() }
        }
        var exponent = false
        if index < count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            exponent = true
            index += 1
            if index < count, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
            let from = index
            while index < count, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
            guard index > from else { throw Unexpected() }
        }
        if !exponent, digitCount <= 19, fractionDigits < Self.powersOfTen.count, digits <= 1 << 53 {
            let value = Double(digits) / Self.powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        #if arch(x86_64)
            // Up to 19 digits (a score's standard error, a band's end written in full): exact
            // in the 64 bits of a Float80, and so is the power of ten, so the division rounds
            // once to 64 bits. Rounding that to a double gives strtod's double unless the
            // first rounding landed exactly halfway between two doubles (the 11 bits a double
            // lacks are 100…0), the one case where rounding twice can differ; strtod reads that.
            if !exponent, digitCount <= 19, fractionDigits < Self.powersOfTen.count {
                let quotient = Float80(digits) / Float80(Self.powersOfTen[fractionDigits])
                if quotient.significandBitPattern & 0x7FF != 0x400 {
                    let value = Double(quotient)
                    return negative ? -value : value
                }
            }
        #endif
        return try parsedByStrtod(from: start)
    }

    /// The powers of ten a double holds exactly.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// The number from `start` to the scanner's position, already checked as JSON.
    private func parsedByStrtod(from start: Int) throws -> Double {
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

    @inline(__always)
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
    /// Compares raw key bytes with an ASCII key without making a String. Inlined, the
    /// lengths are compared first, so a key rules out most names in one comparison.
    @inline(__always)
    func `is`(_ key: StaticString) -> Bool {
        guard count == key.utf8CodeUnitCount else { return false }
        for offset in 0..<count where self[offset] != key.utf8Start[offset] { return false }
        return true
    }
}
