/// How many columns of a terminal a text takes: what lines are wrapped and tables padded by.
/// A combining accent or a joiner takes none; a CJK character or an emoji two.
public enum TerminalCells {
    public static func count<S: StringProtocol>(_ text: S) -> Int {
        // Printable ASCII, nearly every cell of a table: one cell a byte. Looked at in place
        // where the bytes are stored together (a String's are): a table counts every cell.
        let printable = { (byte: UInt8) in byte >= 0x20 && byte < 0x7F }
        let ascii = text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(printable) }
        if ascii ?? text.utf8.allSatisfy(printable) { return text.utf8.count }
        var total = 0
        for scalar in text.unicodeScalars { total += count(scalar) }
        return total
    }

    public static func count(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Printable ASCII and Latin-1, nearly every character shown: no property lookup.
        if value < 0x300 { return value < 0x20 || (0x7F..<0xA0).contains(value) ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return wide.contains { $0.first <= value && value <= $0.last } ? 2 : 1
        }
    }

    /// East Asian Wide and Fullwidth blocks, and the emoji blocks terminals draw two cells wide
    /// (the ranges of Markus Kuhn's wcwidth.c, with the emoji planes added). Pairs rather than
    /// `ClosedRange`s, whose bounds' `Comparable` conformance is looked up at run time.
    private static let wide: [(first: UInt32, last: UInt32)] = [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x2E80, 0x303E), (0x3041, 0x33FF), (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF), (0xA000, 0xA4CF), (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE6F),
        (0xFF00, 0xFF60), (0xFFE0, 0xFFE6), (0x1F300, 0x1F64F), (0x1F900, 0x1F9FF), (0x20000, 0x2FFFD),
        (0x30000, 0x3FFFD),
    ]
}
