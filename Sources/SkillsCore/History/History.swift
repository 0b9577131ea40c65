import Foundation

/// One person's results of one questionnaire over time: per-area scores, the change since
/// the result before, the best so far, targets, and a trend per area.
public struct History: Codable, Sendable, Equatable {
    public var person: String
    public var questionnaire: String
    public var title: String
    public var since: Date?
    /// Oldest first.
    public var entries: [Entry]
    public var areas: [AreaTrend]
    /// The overall score from the first result shown to the last, and whether the change is
    /// more than measurement error.
    public var trend: OverallTrend? = nil

    /// A history with no results, for machine-readable output when there is nothing yet.
    public static func empty(person: String, questionnaire: String, since: Date?) -> History {
        History(person: person, questionnaire: questionnaire, title: "", since: since, entries: [], areas: [])
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var takenAt: Date
        public var result: String
        public var version: String
        public var overall: Double?
        /// Since the result before it (which may be older than `since`).
        public var change: Double?
        /// Whether `change` is more than measurement error (absent when an error is unknown).
        public var reliable: Bool?
        public var areas: [AreaPoint]
    }

    public struct AreaPoint: Codable, Sendable, Equatable {
        public var area: String
        public var score: Double?
        public var change: Double?
        public var reliable: Bool?
        /// The rolling mean up to this result (as `AreaTrend.rollingMean`), for the chart.
        public var rollingMean: Double? = nil
        public var rollingBand: ScoreBand? = nil
    }

    public struct AreaTrend: Codable, Sendable, Equatable {
        public var area: String
        public var name: String
        public var latest: Double?
        public var change: Double?
        public var best: Double?
        public var target: Double?
        /// One score per entry, nil where the area had too few answers.
        public var scores: [Double?]
        /// The real trend: the mean of the last `RollingMean` window (up to five) scores, with
        /// the 90% band of that mean, and how many scores it stands on.
        public var rollingMean: Double?
        public var rollingBand: ScoreBand?
        public var rollingCount: Int?
    }

    /// Results averaged in a trend.
    public static let window = 5
}

public enum HistoryBuilder {
    /// `results` are one person's results of one questionnaire, in any order.
    public static func build(
        _ results: [AssessmentResult], since: Date? = nil, targets: [String: Double] = [:], framework: Framework
    ) -> History? {
        let ordered = results.sorted { $0.takenAt < $1.takenAt }
        guard let latest = ordered.last else { return nil }
        var entries: [History.Entry] = []
        for (index, result) in ordered.enumerated() {
            let before = index > 0 ? ordered[index - 1] : nil
            let points = result.scores.areas.map { area in
                let earlier = before?.scores.area(area.area)
                return History.AreaPoint(
                    area: area.area, score: area.score,
                    change: ReportBuilder.difference(area.score, earlier?.score),
                    reliable: ReportBuilder.isReliable(
                        from: earlier?.score, earlier?.standardError, to: area.score, area.standardError))
            }
            entries.append(
                .init(
                    takenAt: result.takenAt, result: result.id, version: result.questionnaire.version,
                    overall: result.scores.overall,
                    change: ReportBuilder.difference(result.scores.overall, before?.scores.overall),
                    reliable: ReportBuilder.isReliable(
                        from: before?.scores.overall, before?.scores.standardError, to: result.scores.overall,
                        result.scores.standardError),
                    areas: points))
        }
        if let since { entries = entries.filter { $0.takenAt >= since } }
        let shown = ordered.filter { $0.takenAt >= (since ?? .distantPast) }
        addRollingMeans(to: &entries, shown)
        let areaIDs = latest.scores.areas.map(\.area)
        let trends = areaIDs.map { area in
            let scores = entries.map { entry in entry.areas.first { $0.area == area }?.score }
            let last = entries.last?.areas.first { $0.area == area }
            // The last scores of the area that carry an error, as the trend.
            let measured = ordered.filter { $0.takenAt >= (since ?? .distantPast) }.compactMap { result in
                result.scores.area(area).flatMap { both($0.score, $0.standardError) }
            }
            let rolling = RollingMean.trailing(
                scores: measured.map(\.0), standardErrors: measured.map(\.1), window: History.window)?.last
            return History.AreaTrend(
                area: area, name: framework.name(ofArea: area), latest: last?.score, change: last?.change,
                best: scores.compactMap { $0 }.max(), target: targets[area], scores: scores,
                rollingMean: rolling?.mean, rollingBand: rolling?.band, rollingCount: rolling?.count)
        }
        return History(
            person: latest.person, questionnaire: latest.questionnaire.id, title: latest.questionnaire.title,
            since: since, entries: entries, areas: trends, trend: OverallTrend.between(shown))
    }

    /// Each entry's rolling mean per area, over the scores shown up to it that carry an error,
    /// as `AreaTrend.rollingMean` is for the last.
    static func addRollingMeans(to entries: inout [History.Entry], _ shown: [AssessmentResult]) {
        var windows: [String: [(Double, Double)]] = [:]
        for (index, result) in shown.enumerated() where index < entries.count {
            for (position, point) in entries[index].areas.enumerated() {
                guard let measured = result.scores.area(point.area).flatMap({ both($0.score, $0.standardError) })
                else { continue }
                windows[point.area, default: []].append(measured)
                let window = windows[point.area, default: []].suffix(History.window)
                let rolling = RollingMean.trailing(
                    scores: window.map(\.0), standardErrors: window.map(\.1), window: History.window)?.last
                entries[index].areas[position].rollingMean = rolling?.mean
                entries[index].areas[position].rollingBand = rolling?.band
            }
        }
    }
}
