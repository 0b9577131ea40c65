import FoundationEssentials
import Glibc

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
    ///
    /// Linear in the results: three years of daily check-ins are a thousand of them, and each
    /// step below visits each result once.
    public static func build(
        _ results: [AssessmentResult], since: Date? = nil, targets: [String: Double] = [:], framework: Framework
    ) -> History? {
        let ordered = results.sorted { $0.takenAt < $1.takenAt }
        guard let latest = ordered.last else { return nil }
        // In time order, what a filter on the date keeps is a tail. The entries start at
        // `since`; the results the trends stand on at `since` or the earliest date there is.
        let firstEntry = since.map { since in ordered.firstIndex { $0.takenAt >= since } ?? ordered.count } ?? 0
        let earliest = since ?? .distantPast
        let shown = ordered[(ordered.firstIndex { $0.takenAt >= earliest } ?? ordered.count)...]
        var entries: [History.Entry] = []
        entries.reserveCapacity(ordered.count - firstEntry)
        for index in firstEntry..<ordered.count {
            let result = ordered[index]
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
        addRollingMeans(to: &entries, shown)
        let trends = areaTrends(
            of: latest.scores.areas.map(\.area), entries: entries, shown: shown, targets: targets, framework: framework)
        return History(
            person: latest.person, questionnaire: latest.questionnaire.id, title: latest.questionnaire.title,
            since: since, entries: entries, areas: trends, trend: OverallTrend.between(shown))
    }

    /// One trend per area of the latest result, in one pass over the entries and one over the
    /// results shown.
    static func areaTrends(
        of areaIDs: [String], entries: [History.Entry], shown: ArraySlice<AssessmentResult>,
        targets: [String: Double], framework: Framework
    ) -> [History.AreaTrend] {
        var scores = Array(repeating: [Double?](), count: areaIDs.count)
        var measured = Array(repeating: [(Double, Double)](), count: areaIDs.count)
        for column in areaIDs.indices { scores[column].reserveCapacity(entries.count) }
        for entry in entries {
            for (column, area) in areaIDs.enumerated() {
                scores[column].append(entry.areas.first { $0.area == area }?.score)
            }
        }
        for result in shown {
            for (column, area) in areaIDs.enumerated() {
                // The last scores of the area that carry an error, as the trend.
                guard let pair = result.scores.area(area).flatMap({ both($0.score, $0.standardError) }) else {
                    continue
                }
                measured[column].append(pair)
            }
        }
        return areaIDs.enumerated().map { column, area in
            let last = entries.last?.areas.first { $0.area == area }
            let rolling = RollingMean.last(of: measured[column][...], window: History.window)
            return History.AreaTrend(
                area: area, name: framework.name(ofArea: area), latest: last?.score, change: last?.change,
                best: scores[column].compactMap { $0 }.max(), target: targets[area], scores: scores[column],
                rollingMean: rolling?.mean, rollingBand: rolling?.band, rollingCount: rolling?.count)
        }
    }

    /// Each entry's rolling mean per area, over the scores shown up to it that carry an error,
    /// as `AreaTrend.rollingMean` is for the last. `shown[k]` goes with `entries[k]`.
    static func addRollingMeans(to entries: inout [History.Entry], _ shown: ArraySlice<AssessmentResult>) {
        // Each area's scores so far, in the order the areas first come.
        var slots: [String: Int] = [:]
        var windows: [[(Double, Double)]] = []
        for (index, result) in shown.enumerated() where index < entries.count {
            for position in entries[index].areas.indices {
                let area = entries[index].areas[position].area
                guard let measured = result.scores.area(area).flatMap({ both($0.score, $0.standardError) }) else {
                    continue
                }
                let slot = slots[area] ?? windows.count
                if slot == windows.count {
                    slots[area] = slot
                    windows.append([])
                }
                windows[slot].append(measured)
                let rolling = RollingMean.last(of: windows[slot][...], window: History.window)
                entries[index].areas[position].rollingMean = rolling?.mean
                entries[index].areas[position].rollingBand = rolling?.band
            }
        }
    }
}
