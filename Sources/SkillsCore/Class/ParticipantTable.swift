import FoundationEssentials
import Glibc

/// The participants of a class summary. A class can be 300,000 people, so they are kept as
/// columns (a name, a time, scores with NaN for "none"), in the order they were read, and
/// shown in the summary's order through a list of row numbers; in JSON they are a list of
/// rows.
public struct ParticipantTable: RandomAccessCollection, Codable, Sendable, Equatable {
    private var names: [String] = []
    /// Seconds since the reference date; NaN for none.
    private var times: [Double] = []
    private var overalls: [Double] = []
    /// `scores[area][row]`.
    private(set) var scores: [[Double]]
    /// The rows in the order shown; nil for the order read.
    private var order: [Int32]?
    /// Each row's level as a position in `levelNames` (`noLevel` for none), once known.
    private var levels: [UInt8] = []
    private var levelNames: [String] = []
    private static let noLevel = UInt8.max
    /// Anonymised: times are shown as days only.
    private var daysOnly = false

    init(areaCount: Int, expected: Int = 0) {
        scores = Array(repeating: [], count: areaCount)
        names.reserveCapacity(expected)
        times.reserveCapacity(expected)
        overalls.reserveCapacity(expected)
        for column in scores.indices { scores[column].reserveCapacity(expected) }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { order?.count ?? names.count }

    /// Rows as read, for the statistics that do not care about order.
    var rowCount: Int { names.count }

    public subscript(position: Int) -> ClassSummary.Participant {
        let row = order.map { Int($0[position]) } ?? position
        let time = times[row].isNaN ? nil : Date(timeIntervalSinceReferenceDate: times[row])
        let level = row < levels.count && levels[row] != Self.noLevel ? levelNames[Int(levels[row])] : nil
        return ClassSummary.Participant(
            name: names[row], takenAt: daysOnly ? nil : time, takenOn: daysOnly ? time.map(ISODate.day) : nil,
            overall: overalls[row].isNaN ? nil : overalls[row], level: level,
            scores: scores.map { $0[row].isNaN ? nil : $0[row] })
    }

    func name(row: Int) -> String { names[row] }
    func time(row: Int) -> Double { times[row] }
    func overall(row: Int) -> Double? { overalls[row].isNaN ? nil : overalls[row] }

    /// Adds a row, or with `row` given fills that one again; returns the row.
    @discardableResult
    mutating func set(row: Int? = nil, name: String, takenAt: Date?, overall: Double?, scores rowScores: [Double])
        -> Int
    {
        let time = takenAt?.timeIntervalSinceReferenceDate ?? .nan
        guard let row else {
            names.append(name)
            times.append(time)
            overalls.append(overall ?? .nan)
            for column in scores.indices { scores[column].append(rowScores[column]) }
            return names.count - 1
        }
        names[row] = name
        times[row] = time
        overalls[row] = overall ?? .nan
        for column in scores.indices { scores[column][row] = rowScores[column] }
        return row
    }

    /// The table as a summary shows it: rows in `order`, score columns in the summary's area
    /// order (`columns[i]` is the stored column of area i, nil for none), each row's level,
    /// and, anonymised, `labels` for names and days for times.
    func shown(order: [Int32], columns: [Int?], level: (Double) -> String?, labels: [String]? = nil, daysOnly: Bool)
        -> ParticipantTable
    {
        var table = self
        table.order = order
        table.scores = columns.map { $0.map { scores[$0] } ?? Array(repeating: .nan, count: names.count) }
        if let labels { table.names = labels }
        table.daysOnly = daysOnly
        var positions: [String: UInt8] = [:]
        table.levels = overalls.map { overall in
            guard !overall.isNaN, let name = level(overall) else { return Self.noLevel }
            if let known = positions[name] { return known }
            guard table.levelNames.count < Int(Self.noLevel) else { return Self.noLevel }
            positions[name] = UInt8(table.levelNames.count)
            table.levelNames.append(name)
            return positions[name]!
        }
        return table
    }

    /// The scores of one area in the order shown, with the gaps left out.
    func values(area column: Int) -> [Double] {
        var values: [Double] = []
        values.reserveCapacity(count)
        for position in indices {
            let value = scores[column][order.map { Int($0[position]) } ?? position]
            if !value.isNaN { values.append(value) }
        }
        return values
    }

    /// One row's cells as the text table shows them (`TextStyle.score`, "–" for none), made
    /// straight from the columns: a class of 300,000 is written a line at a time.
    func textCells(_ position: Int) -> [String] {
        let row = order.map { Int($0[position]) } ?? position
        var cells: [String] = []
        cells.reserveCapacity(3 + scores.count)
        cells.append(TextSafety.visible(names[row]))
        cells.append(TextStyle.score(overalls[row].isNaN ? nil : overalls[row]))
        cells.append(row < levels.count && levels[row] != Self.noLevel ? levelNames[Int(levels[row])] : "–")
        for column in scores { cells.append(TextStyle.score(column[row].isNaN ? nil : column[row])) }
        return cells
    }

    /// The widths of `textCells`' columns over every row, in terminal cells, without making
    /// the cells: a score is "–" or a whole number.
    func textWidths() -> [Int] {
        var widths = [Int](repeating: 1, count: 3 + scores.count)
        for row in 0..<names.count {
            widths[0] = Swift.max(widths[0], TerminalCells.count(TextSafety.visible(names[row])))
        }
        widths[1] = overalls.reduce(1) { Swift.max($0, Self.scoreWidth($1)) }
        widths[2] = Swift.max(1, levelNames.map { TerminalCells.count($0) }.max() ?? 1)
        for (column, values) in scores.enumerated() {
            widths[3 + column] = values.reduce(1) { Swift.max($0, Self.scoreWidth($1)) }
        }
        return widths
    }

    /// The width of `TextStyle.score`: "–", or the digits (and sign) of the rounded score.
    static func scoreWidth(_ value: Double) -> Int {
        guard !value.isNaN else { return 1 }
        var whole = Int(value.rounded())
        var width = whole < 0 ? 2 : 1
        whole = abs(whole)
        while whole >= 10 {
            whole /= 10
            width += 1
        }
        return width
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for row in self { try container.encode(row) }
    }

    public init(from decoder: any Decoder) throws {
        let rows = try [ClassSummary.Participant](from: decoder)
        self.init(areaCount: rows.first?.scores.count ?? 0)
        var levelsByName: [String: UInt8] = [:]
        for row in rows where row.scores.count == scores.count {
            let day = row.takenOn.flatMap { ISODate.parse($0 + "T00:00:00Z") }
            set(
                name: row.name, takenAt: row.takenAt ?? day, overall: row.overall, scores: row.scores.map { $0 ?? .nan }
            )
            daysOnly = daysOnly || (row.takenAt == nil && day != nil)
            guard let level = row.level else {
                levels.append(Self.noLevel)
                continue
            }
            if levelsByName[level] == nil, levelNames.count < Int(Self.noLevel) {
                levelsByName[level] = UInt8(levelNames.count)
                levelNames.append(level)
            }
            levels.append(levelsByName[level] ?? Self.noLevel)
        }
    }
}
