/// Aligned plain-text columns, for listings and tables in the text formats.
public enum TextTable {
    /// Columns in `rightAligned` are padded on the left (numbers); no line ends in spaces.
    public static func render(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        var lines: [String] = []
        write(count: rows.count, row: { rows[$0] }, rightAligned: rightAligned, line: { lines.append($0) })
        return lines.joined(separator: "\n")
    }

    /// The same, one line at a time, for tables too long to build in memory (a class of
    /// 100,000): rows are made twice, once to measure and once to write.
    public static func write(count: Int, row: (Int) -> [String], rightAligned: Set<Int> = [], line: (String) -> Void) {
        var widths: [Int] = []
        for index in 0..<count {
            for (column, cell) in row(index).enumerated() {
                if column == widths.count { widths.append(0) }
                widths[column] = max(widths[column], cell.count)
            }
        }
        for index in 0..<count {
            var text = row(index).enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            line(text)
        }
    }
}
