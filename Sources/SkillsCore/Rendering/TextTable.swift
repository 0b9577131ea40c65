/// Aligned plain-text columns, for listings and tables in the text formats.
public enum TextTable {
    /// Columns in `rightAligned` are padded on the left (numbers); no line ends in spaces.
    public static func render(_ rows: [[String]], rightAligned: [Int] = []) -> String {
        var lines: [String] = []
        write(count: rows.count, row: { rows[$0] }, rightAligned: rightAligned, line: { lines.append($0) })
        return lines.joined(separator: "\n")
    }

    /// The table when it fits `width`; else one block per row (its first cell, then each
    /// other cell under its column's heading), since a table wider than the terminal
    /// wraps into a pattern nobody can read. The first row is the heading.
    public static func render(_ rows: [[String]], rightAligned: [Int] = [], width: Int) -> String {
        var lines: [String] = []
        write(
            count: rows.count, row: { rows[$0] }, rightAligned: rightAligned, width: width,
            line: { lines.append($0) })
        return lines.joined(separator: "\n")
    }

    /// The first of `tables` (the same table told more briefly each time) that fits `width`,
    /// with its index; else the first folded into blocks, with index nil.
    public static func first(fitting tables: [[[String]]], rightAligned: [Int] = [], width: Int) -> (
        text: String, index: Int?
    ) {
        for (index, rows) in tables.enumerated() where fits(count: rows.count, row: { rows[$0] }, width: width) {
            return (render(rows, rightAligned: rightAligned), index)
        }
        return (render(tables.first ?? [], rightAligned: rightAligned, width: width), nil)
    }

    /// Columns' widths in terminal cells, and the table's whole width.
    public static func measure(count: Int, row: (Int) -> [String]) -> (columns: [Int], total: Int) {
        var widths: [Int] = []
        for index in 0..<count {
            for (column, cell) in row(index).enumerated() {
                if column == widths.count { widths.append(0) }
                widths[column] = max(widths[column], TerminalCells.count(cell))
            }
        }
        return (widths, widths.reduce(0, +) + 2 * max(0, widths.count - 1))
    }

    /// Columns' widths for a heading over body columns already measured.
    public static func widths(heading: [String], body: [Int]) -> (columns: [Int], total: Int) {
        let columns = (0..<max(heading.count, body.count)).map { column in
            max(
                column < heading.count ? TerminalCells.count(heading[column]) : 0,
                column < body.count ? body[column] : 0)
        }
        return (columns, columns.reduce(0, +) + 2 * max(0, columns.count - 1))
    }

    /// Rows written with columns measured beforehand.
    public static func write(
        count: Int, row: (Int) -> [String], columns: [Int], rightAligned: [Int] = [], line: (String) -> Void
    ) {
        for index in 0..<count { line(aligned(row(index), widths: columns, rightAligned: rightAligned)) }
    }

    /// Whether the table is at most `width` cells wide.
    public static func fits(count: Int, row: (Int) -> [String], width: Int) -> Bool {
        measure(count: count, row: row).total <= width
    }

    /// The same, one line at a time, for tables too long to build in memory (a class of
    /// 100,000): rows are made twice, once to measure and once to write.
    public static func write(count: Int, row: (Int) -> [String], rightAligned: [Int] = [], line: (String) -> Void) {
        let widths = measure(count: count, row: row).columns
        for index in 0..<count { line(aligned(row(index), widths: widths, rightAligned: rightAligned)) }
    }

    /// Streamed, and folded into blocks when wider than `width`.
    public static func write(
        count: Int, row: (Int) -> [String], rightAligned: [Int] = [], width: Int, line: (String) -> Void
    ) {
        let (widths, total) = measure(count: count, row: row)
        guard total > width, count > 0 else {
            for index in 0..<count { line(aligned(row(index), widths: widths, rightAligned: rightAligned)) }
            return
        }
        let heading = row(0)
        let labelWidth = heading.dropFirst().map { TerminalCells.count($0) }.max() ?? 0
        // A long heading (an area's name) at a narrow width goes on a line of its own, unless
        // the value still fits beside it (a score).
        let roomy = labelWidth + 4 <= width / 2
        for index in 1..<count {
            let cells = row(index)
            if index > 1 { line("") }
            line(cells.first ?? "")
            for (column, cell) in cells.enumerated().dropFirst() where !cell.isEmpty {
                let label = column < heading.count ? heading[column] : ""
                let cellWidth = TerminalCells.count(cell)
                if roomy || labelWidth + 4 + cellWidth <= width {
                    let first = "  " + TextStyle.pad(label, labelWidth) + "  "
                    // Most cells are a score: nothing to wrap (a long history has thousands).
                    guard labelWidth + 4 + cellWidth > width || cell.first == " " || cell.last == " " else {
                        line(first + cell)
                        continue
                    }
                    let rest = String(repeating: " ", count: labelWidth + 4)
                    line(TextStyle.wrap(cell, width: width, first: first, rest: rest))
                } else {
                    line(TextStyle.wrap(label, width: width, indent: "  "))
                    line(TextStyle.wrap(cell, width: width, indent: "    "))
                }
            }
        }
    }

    private static func aligned(_ cells: [String], widths: [Int], rightAligned: [Int]) -> String {
        // Bytes, made into one String at the end: a class of 300,000 writes this once per
        // person, and a String grown a space at a time cost more than all the rest of a row.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(widths.reduce(2 * cells.count, +) + 16)
        for (column, cell) in cells.enumerated() {
            if column > 0 { bytes.append(contentsOf: repeatElement(0x20, count: 2)) }
            let padding = max(0, widths[column] - TerminalCells.count(cell))
            let right = rightAligned.contains(column)
            if right { bytes.append(contentsOf: repeatElement(0x20, count: padding)) }
            bytes.append(contentsOf: cell.utf8)
            if !right { bytes.append(contentsOf: repeatElement(0x20, count: padding)) }
        }
        var text = String(decoding: bytes, as: UTF8.self)
        while text.utf8.last == 0x20 { text.removeLast() }
        return text
    }
}
