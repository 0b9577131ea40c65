import FoundationEssentials
import Glibc

/// Answers checked without being kept, for `history`: a long history reads a thousand
/// results and shows only their dates and scores, while the answers are most of each
/// file and most of the time spent building and freeing it.
extension FastResult {
    /// An answer accepted exactly when `answer(_:)` reads it and `AnswerRecord.check` passes
    /// it, built into nothing. What cannot be checked from the bytes alone (an escape in a
    /// type or in option letters, an escaped text whose written length is over the limit,
    /// an option order with a number outside 0...63) throws, and the file is read in full,
    /// which accepts it or explains the problem with the message it always gave.
    static func skimAnswer(_ s: inout JSONScanner) throws {
        let check = ResultCheck(file: "")
        var choice = false
        var answer: (written: UnsafeBufferPointer<UInt8>, escaped: Bool)?
        var correct: (written: UnsafeBufferPointer<UInt8>, escaped: Bool)?
        var points: Double?
        var maxPoints: Double?
        var optionCount: Int?
        var order: (seen: UInt64, count: Int)?
        let seen = try s.fields(answerKeys) { s, field in
            switch field {
            case 0: try name(&s, required: true)
            case 1:
                // The raw values of `ItemType`; a type added there and not here is read in full.
                let type = try s.rawString()
                choice = type.is("choice")
                guard choice || type.is("rating") || type.is("reflection") || type.is("level") else {
                    throw Unexpected()
                }
            case 2: try text(&s, required: true)
            case 3, 8: try name(&s, required: false)
            case 4: answer = try text(&s, required: false)
            case 5: points = try s.optionalNumber()
            case 6: maxPoints = try s.optionalNumber()
            case 7, 17: _ = try s.optionalBool()
            case 9: correct = try s.writtenString()
            case 10, 13, 14, 15: try text(&s, required: false)
            case 11: optionCount = try s.optionalInteger()
            case 12:
                if try s.peek() == 0x6E {
                    try s.literal("null")
                } else {
                    order = try optionOrder(&s)
                }
            default:
                if try s.peek() == 0x6E {
                    try s.literal("null")
                } else {
                    var count = 0
                    try s.array {
                        try text(&$0, required: true)
                        count += 1
                    }
                    try check.listLength(count, at: "")
                }
            }
        }
        guard seen & 0b111 == 0b111 else { throw Unexpected() }
        try check.points(points, maxPoints: maxPoints, at: "")
        try check.optionCount(optionCount, at: "")
        try check.letters(try letters(correct), optionCount: optionCount, at: "")
        if choice { try check.letters(try letters(answer), optionCount: optionCount, at: "") }
        if let order {
            // A permutation of 0..<count, as `ResultCheck.optionOrder` asks: distinct numbers
            // (`optionOrder` refused a repeat), as many as the options, all below that count.
            let count = optionCount ?? order.count
            let all: UInt64 = count >= 64 ? ~0 : (1 << UInt64(count)) &- 1
            guard order.count == count, order.seen == all else { throw Unexpected() }
        }
    }

    /// A name's bytes within `ResultLimits.nameBytes`; nil for null when not required.
    private static func name(_ s: inout JSONScanner, required: Bool) throws {
        guard let string = try s.writtenString() else {
            if required { throw Unexpected() }
            return
        }
        try ResultCheck(file: "").name(length: length(string, limit: ResultLimits.nameBytes), at: "")
    }

    /// A text within `ResultLimits.textBytes`, as written; nil for null when not required.
    @discardableResult
    private static func text(_ s: inout JSONScanner, required: Bool) throws -> (
        written: UnsafeBufferPointer<UInt8>, escaped: Bool
    )? {
        guard let string = try s.writtenString() else {
            if required { throw Unexpected() }
            return nil
        }
        try ResultCheck(file: "").text(length: length(string, limit: ResultLimits.textBytes), at: "")
        return string
    }

    /// A text's length in bytes of UTF-8: without escapes, its written length. With escapes
    /// the text is shorter than written, so within the limit when the written form is.
    private static func length(_ string: (written: UnsafeBufferPointer<UInt8>, escaped: Bool), limit: Int) throws
        -> Int
    {
        guard string.escaped, string.written.count > limit else { return string.written.count }
        throw Unexpected()
    }

    /// Option letters as a text, for `ResultCheck.letters`: a few ASCII letters, stored in the
    /// String itself, so nothing is allocated.
    private static func letters(_ string: (written: UnsafeBufferPointer<UInt8>, escaped: Bool)?) throws -> String? {
        guard let string else { return nil }
        guard !string.escaped else { throw Unexpected() }
        return String(decoding: string.written, as: UTF8.self)
    }

    /// Which numbers an option order holds, a bit each, and how many; a number outside
    /// 0...63 or one twice throws.
    private static func optionOrder(_ s: inout JSONScanner) throws -> (seen: UInt64, count: Int) {
        var seen: UInt64 = 0
        var count = 0
        try s.array { s in
            let option = try s.integer()
            guard (0..<64).contains(option), seen & (1 << UInt64(option)) == 0 else { throw Unexpected() }
            seen |= 1 << UInt64(option)
            count += 1
        }
        return (seen, count)
    }
}
