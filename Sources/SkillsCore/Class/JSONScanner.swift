import Foundation

/// A small JSON scanner over bytes, for reading thousands of result files quickly: it
/// reads the values the class statistics need and skips the rest (item texts,
/// explanations, labels) without building them. Anything unexpected throws, and the caller
/// falls back to the full decoder, which reports the problem properly.
struct JSONScanner {
    struct Unexpected: Error {}

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0

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

    /// Calls `body` with each key (as raw bytes, compared with `is`) and the scanner
    /// positioned at its value, which `body` must read or skip.
    mutating func object(_ body: (inout JSONScanner, UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try expect(0x7B)  // {
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

    /// The bytes between the quotes; a string with escapes is refused (the full decoder
    /// handles those), which keeps this path simple and fast.
    mutating func rawString() throws -> UnsafeBufferPointer<UInt8> {
        try expect(0x22)
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case 0x22:
                defer { index += 1 }
                return UnsafeBufferPointer(rebasing: bytes[start..<index])
            case 0x5C: throw Unexpected()
            default: index += 1
            }
        }
        throw Unexpected()
    }

    mutating func string() throws -> String {
        String(decoding: try rawString(), as: UTF8.self)
    }

    /// A short string without escapes (such as choice letters) as a String; a longer one
    /// (a reflection) is skipped and given as "", which still says "answered"; null is nil.
    mutating func shortString(limit: Int) throws -> String? {
        if try peek() == 0x6E {
            try literal("null")
            return nil
        }
        let start = index
        try skipValue()
        guard bytes[start] == 0x22 else { throw Unexpected() }
        let body = UnsafeBufferPointer(rebasing: bytes[(start + 1)..<(index - 1)])
        if body.count > limit || body.contains(0x5C) { return "" }
        return String(decoding: body, as: UTF8.self)
    }

    mutating func number() throws -> Double {
        skipSpace()
        let start = index
        while index < bytes.count, let byte = Optional(bytes[index]),
            (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2B || byte == 0x2E || byte == 0x65
                || byte == 0x45
        {
            index += 1
        }
        let length = index - start
        guard length > 0, length < 64 else { throw Unexpected() }
        return try withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
            for offset in 0..<length { buffer[offset] = CChar(bitPattern: bytes[start + offset]) }
            buffer[length] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(buffer.baseAddress!, &end)
            guard end == buffer.baseAddress! + length, value.isFinite else { throw Unexpected() }
            return value
        }
    }

    mutating func optionalNumber() throws -> Double? {
        if try peek() == 0x6E {
            try literal("null")
            return nil
        }
        return try number()
    }

    mutating func literal(_ word: StaticString) throws {
        skipSpace()
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count else { throw Unexpected() }
        for offset in 0..<length where bytes[index + offset] != word.utf8Start[offset] { throw Unexpected() }
        index += length
    }

    /// Skips any value without building it.
    mutating func skipValue() throws {
        switch try peek() {
        case 0x22:
            index += 1
            while index < bytes.count {
                if bytes[index] == 0x5C {
                    index += 2
                    continue
                }
                if bytes[index] == 0x22 {
                    index += 1
                    return
                }
                index += 1
            }
            throw Unexpected()
        case 0x7B: try object { scanner, _ in try scanner.skipValue() }
        case 0x5B: try array { try $0.skipValue() }
        case 0x74: try literal("true")
        case 0x66: try literal("false")
        case 0x6E: try literal("null")
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
