import Foundation

/// The participants of a class summary. A class can be 100,000 people, so they are kept as
/// columns (a name, a time, scores with NaN for "none") and read as rows; in JSON they are
/// a list of rows.
public struct ParticipantTable: RandomAccessCollection, Codable, Sendable, Equatable {
    private var names: [String] = []
    private var times: [Date?] = []
    private var days: [String?] = []
    private var overalls: [Double] = []
    private var levels: [String?] = []
    /// `scores[area][row]`, in the summary's area order.
    private(set) var scores: [[Double]]

    init(areaCount: Int) { scores = Array(repeating: [], count: areaCount) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { names.count }

    public subscript(row: Int) -> ClassSummary.Participant {
        ClassSummary.Participant(
            name: names[row], takenAt: times[row], takenOn: days[row],
            overall: overalls[row].isNaN ? nil : overalls[row],
            level: levels[row],
            scores: scores.map { $0[row].isNaN ? nil : $0[row] })
    }

    mutating func append(_ participant: ClassSummary.Participant) {
        names.append(participant.name)
        times.append(participant.takenAt)
        days.append(participant.takenOn)
        overalls.append(participant.overall ?? .nan)
        levels.append(participant.level)
        for column in scores.indices { scores[column].append(participant.scores[column] ?? .nan) }
    }

    /// The scores of one area with the gaps left out.
    func values(area column: Int) -> [Double] { scores[column].filter { !$0.isNaN } }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for row in self { try container.encode(row) }
    }

    public init(from decoder: any Decoder) throws {
        let rows = try [ClassSummary.Participant](from: decoder)
        self.init(areaCount: rows.first?.scores.count ?? 0)
        for row in rows where row.scores.count == scores.count { append(row) }
    }
}
