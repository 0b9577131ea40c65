import FoundationEssentials
import Glibc

/// The overall score from the first result of a history to the last, with the margin a
/// change must exceed to be more than measurement error, so the text can say plainly
/// whether a rise is real or within the noise.
public struct OverallTrend: Codable, Sendable, Equatable {
    public var from: Double
    public var to: Double
    public var fromDate: Date
    public var toDate: Date
    /// In whole points, as the scores are shown (62.5 → 75 is +12).
    public var change: Double
    /// 1.645 × √(SE₁² + SE₂²): a change smaller than this is within measurement error at 90%.
    /// Absent when either result's error is unknown.
    public var margin: Double?
    /// Jacobson and Truax's reliable change at 90%; absent when the margin is.
    public var reliable: Bool?
    /// Results between the two, both included.
    public var results: Int

    /// From the first and last results with an overall score; nil with fewer than two.
    static func between(_ results: ArraySlice<AssessmentResult>) -> OverallTrend? {
        // Counted and found in place: a long history is a thousand results.
        let count = results.count { $0.scores.overall != nil }
        guard count >= 2, let first = results.first(where: { $0.scores.overall != nil }),
            let last = results.last(where: { $0.scores.overall != nil }),
            let from = first.scores.overall, let to = last.scores.overall
        else { return nil }
        var margin: Double?
        if let before = first.scores.standardError, let after = last.scores.standardError {
            margin = Measurement.z90 * (before * before + after * after).squareRoot()
        }
        return OverallTrend(
            from: from, to: to, fromDate: first.takenAt, toDate: last.takenAt,
            change: to.rounded() - from.rounded(), margin: margin,
            reliable: ReportBuilder.isReliable(
                from: from, first.scores.standardError, to: to, last.scores.standardError),
            results: count)
    }

    /// "Overall 58 → 80 over 5 days (6 results): +22 ±14, more than measurement error."
    public var sentence: String {
        let span = Self.span(from: fromDate, to: toDate)
        var text =
            "Overall \(TextStyle.score(from)) → \(TextStyle.score(to)) over \(span) (\(results) results): "
            + (change == 0 ? "no change" : TextStyle.signed(change))
        if let margin { text += " ±\(Int(margin.rounded()))" }
        switch reliable {
        case true?: text += ", more than measurement error: a real \(change > 0 ? "rise" : "fall")."
        case false?: text += ", within measurement error: not a clear change yet."
        case nil: text += " (its measurement error is unknown, so it may be noise)."
        }
        return text
    }

    /// "3 days", "2 weeks", "4 months": the time between two results, in the largest whole unit.
    static func span(from start: Date, to end: Date) -> String {
        let days = Int((end.timeIntervalSince(start) / 86_400).rounded())
        func unit(_ count: Int, _ name: String) -> String { "\(count) \(name)\(count == 1 ? "" : "s")" }
        if days >= 61 { return unit(days / 30, "month") }
        if days >= 14 { return unit(days / 7, "week") }
        return days == 0 ? "one day" : unit(days, "day")
    }
}
