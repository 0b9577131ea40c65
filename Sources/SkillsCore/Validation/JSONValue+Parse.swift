import FoundationEssentials

/// Why a file is not JSON, where a person can find it: "line 3, column 14: expected ',' or '}'".
struct JSONSyntaxError: Error, CustomStringConvertible {
    var line: Int
    var column: Int
    var expected: String
    var description: String { "line \(line), column \(column): \(expected)" }
}

extension JSONValue {
    /// Reads JSON text (RFC 8259) as JSONSerialization did: the validator's first look at a file, the
    /// explanation of a file the decoder refuses, and an LRS's answers. FoundationEssentials, the only
    /// Foundation `skills` links, has no JSONSerialization, and its decoder says only "not valid JSON".
    static func parse(_ bytes: some Collection<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var reader = JSONReader(bytes: Array(bytes))
        // Windows editors begin UTF-8 files with a byte order mark, which JSONSerialization let pass.
        if reader.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.at = 3 }
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        guard reader.at == reader.bytes.count else { throw reader.error("expected the end of the file") }
        return value
    }

    /// The value as JSONSerialization gave it: `[String: Any]`, `[Any]`, `String`, `Int`, `Double`,
    /// `Bool`, and nil for null.
    var any: Any? {
        switch self {
        case .null: nil
        case .flag(let value): value
        case .wholeNumber(let value): value
        case .number(let value): value
        case .text(let value): value
        case .list(let values): values.map { $0.any as Any }
        case .object(let fields): fields.compactMapValues { $0.any }
        }
    }

    var object: [String: JSONValue]? {
        if case .object(let fields) = self { return fields }
        return nil
    }

    var list: [JSONValue]? {
        if case .list(let values) = self { return values }
        return nil
    }
}

private struct JSONReader {
    let bytes: [UInt8]
    var at = 0
    /// Deeper than this is refused rather than read by recursion that could exhaust the stack.
    static let deepest = 512

    func error(_ expected: String) -> JSONSyntaxError {
        var line = 1
        var lineStart = 0
        for index in 0..<min(at, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<min(at, bytes.count)], as: UTF8.self).count + 1
        return JSONSyntaxError(line: line, column: column, expected: expected)
    }

    mutating func skipSpace() {
        while at < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at += 1 }
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard depth < Self.deepest else { throw error("nested more than \(Self.deepest) deep") }
        guard at < bytes.count else { throw error("expected a value; the file ends") }
        switch bytes[at] {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try list(depth: depth)
        case UInt8(ascii: "\""): return .text(try string())
        case UInt8(ascii: "t"): return try word("true", .flag(true))
        case UInt8(ascii: "f"): return try word("false", .flag(false))
        case UInt8(ascii: "n"): return try word("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default:
            throw error("expected a value (an object, a list, text in double quotes, a number, true, false or null)")
        }
    }

    private mutating func word(_ text: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        let end = at + text.utf8.count
        guard end <= bytes.count, bytes[at..<end].elementsEqual(text.utf8) else { throw error("expected \(text)") }
        at = end
        return value
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        at += 1
        var fields: [String: JSONValue] = [:]
        skipSpace()
        if at < bytes.count, bytes[at] == UInt8(ascii: "}") {
            at += 1
            return .object(fields)
        }
        while true {
            skipSpace()
            // A comma before the closing brace is let pass, as JSONSerialization let it pass.
            if !fields.isEmpty, at < bytes.count, bytes[at] == UInt8(ascii: "}") {
                at += 1
                return .object(fields)
            }
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else {
                throw error("expected a field name in double quotes")
            }
            let key = try string()
            skipSpace()
            guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else {
                throw error("expected ':' after the field name")
            }
            at += 1
            skipSpace()
            fields[key] = try value(depth: depth + 1)
            skipSpace()
            guard at < bytes.count else { throw error("expected ',' or '}'; the file ends") }
            if bytes[at] == UInt8(ascii: "}") {
                at += 1
                return .object(fields)
            }
            guard bytes[at] == UInt8(ascii: ",") else { throw error("expected ',' or '}' after a field") }
            at += 1
        }
    }

    private mutating func list(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        at += 1
        var values: [JSONValue] = []
        skipSpace()
        if at < bytes.count, bytes[at] == UInt8(ascii: "]") {
            at += 1
            return .list(values)
        }
        while true {
            skipSpace()
            if !values.isEmpty, at < bytes.count, bytes[at] == UInt8(ascii: "]") {
                at += 1
                return .list(values)
            }
            values.append(try value(depth: depth + 1))
            skipSpace()
            guard at < bytes.count else { throw error("expected ',' or ']'; the file ends") }
            if bytes[at] == UInt8(ascii: "]") {
                at += 1
                return .list(values)
            }
            guard bytes[at] == UInt8(ascii: ",") else { throw error("expected ',' or ']' after a value") }
            at += 1
        }
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        at += 1
        var out: [UInt8] = []
        while true {
            guard at < bytes.count else { throw error("expected a closing '\"'; the file ends") }
            let byte = bytes[at]
            switch byte {
            case UInt8(ascii: "\""):
                at += 1
                guard let text = String(validating: out, as: UTF8.self) else { throw error("expected UTF-8 text") }
                return text
            case 0..<0x20:
                throw error("expected text without control characters (write a line break as \\n)")
            case UInt8(ascii: "\\"):
                at += 1
                guard at < bytes.count else { throw error("expected an escape after '\\'") }
                let escape = bytes[at]
                at += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"),
                        bytes[at + 1] == UInt8(ascii: "u")
                    {
                        at += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else {
                            throw error("expected the second half of a \\u pair")
                        }
                        code = 0x10000 + (code - 0xD800) << 10 + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("expected a whole \\u pair") }
                    out.append(contentsOf: Array(String(scalar).utf8))
                default:
                    at -= 1
                    throw error("expected one of the escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u")
                }
            default:
                out.append(byte)
                at += 1
            }
        }
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard at + 4 <= bytes.count, let code = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16)
        else { throw error("expected four hexadecimal digits after \\u") }
        at += 4
        return code
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = at
        if bytes[at] == UInt8(ascii: "-") { at += 1 }
        func digits() -> Int {
            let from = at
            while at < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[at]) { at += 1 }
            return at - from
        }
        let whole = at
        guard digits() > 0 else { throw error("expected a digit") }
        if bytes[whole] == UInt8(ascii: "0"), at - whole > 1 {
            at = whole
            throw error("expected a number without a leading zero")
        }
        var isWhole = true
        if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
            at += 1
            isWhole = false
            guard digits() > 0 else { throw error("expected a digit after '.'") }
        }
        if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
            at += 1
            isWhole = false
            if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
            guard digits() > 0 else { throw error("expected a digit in the exponent") }
        }
        let text = String(decoding: bytes[start..<at], as: UTF8.self)
        if isWhole, let value = Int(text) { return .wholeNumber(value) }
        guard let value = Double(text), value.isFinite else { throw error("expected a number that fits a double") }
        return .number(value)
    }
}
