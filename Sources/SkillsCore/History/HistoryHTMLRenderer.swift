import FoundationEssentials
import Glibc

/// `skills history --format html`: one printable page in the report's shell (inline CSS,
/// no scripts, nothing fetched), with the overall trend in words, a line chart per area and
/// the table of results.
public enum HistoryHTMLRenderer {
    /// Times are shown in `times`' zone, named; days are that zone's days.
    public static func render(_ history: History, times: TextStyle = TextStyle()) -> String {
        let h = Escaping.html
        let day = { (date: Date) in String(times.date(date).prefix(10)) }
        var body = ["<h1>History: \(h(history.person))</h1>"]
        var meta = "\(h(history.title)) (\(h(history.questionnaire))), \(history.entries.count) "
        meta += "result\(history.entries.count == 1 ? "" : "s")"
        if let first = history.entries.first, let last = history.entries.last {
            meta += ", \(day(first.takenAt)) to \(day(last.takenAt))"
        }
        body.append("<p class=\"meta\">\(meta)</p>")
        guard !history.entries.isEmpty else {
            body.append("<p>No results in this period.</p>")
            return HTMLReportRenderer.page(title: "History: \(history.person)", body: body)
        }
        if let trend = history.trend {
            body.append("<p class=\"overall\">\(h(trend.sentence))</p>")
        } else if let only = history.entries.last?.overall {
            body.append("<p class=\"overall\">Overall \(TextStyle.score(only)): one result, so no trend yet.</p>")
        }
        body.append(SVGLineChart.legend())
        body.append("<h2>Overall</h2>")
        let overall = history.entries.map { entry in
            SVGLineChart.Point(
                label: day(entry.takenAt), time: entry.takenAt, score: entry.overall, mean: nil, band: nil,
                reliableChange: direction(entry.change, entry.reliable))
        }
        body.append(SVGLineChart.chart(overall, title: "Overall score over time, 0 to 100"))
        body.append("<h2>Skill areas over time</h2>")
        for trend in history.areas {
            body.append("<h3>\(h(trend.name))</h3>")
            body.append("<p class=\"because\">\(h(summary(trend, history)))</p>")
            let points = history.entries.map { entry in
                let point = entry.areas.first { $0.area == trend.area }
                return SVGLineChart.Point(
                    label: day(entry.takenAt), time: entry.takenAt, score: point?.score, mean: point?.rollingMean,
                    band: point?.rollingBand, reliableChange: direction(point?.change, point?.reliable))
            }
            body.append(
                SVGLineChart.chart(points, title: "\(trend.name): scores over time, 0 to 100", target: trend.target))
        }
        body.append("<h2>Results</h2>")
        let header = ["Date", "Overall"] + history.areas.map { h($0.name) }
        // Inline style rather than a class: the page's style sheet is the report's, shared.
        let nowrap = { (text: String) in "<span style=\"white-space: nowrap\">\(h(text))</span>" }
        let rows = history.entries.map { entry in
            [
                nowrap(times.date(entry.takenAt)),
                nowrap(HistoryRenderer.cell(entry.overall, entry.change, entry.reliable)),
            ]
                + history.areas.map { trend in
                    let point = entry.areas.first { $0.area == trend.area }
                    return nowrap(HistoryRenderer.cell(point?.score, point?.change, point?.reliable))
                }
        }
        // Smaller type, so seven columns of scores fit the printed page.
        body.append("<div style=\"font-size: 0.85rem\">" + HTMLTable.render(header, rows) + "</div>")
        body.append(
            "<p class=\"because\">A change marked ↑ or ↓ is more than measurement error (90%); the others are "
                + "within the noise of a single result.</p>")
        return HTMLReportRenderer.page(title: "History: \(history.person)", body: body)
    }

    /// "Average 63 (52–73) over the last 5; latest 88, +13, no clear change; best 88; target 80 reached."
    static func summary(_ trend: History.AreaTrend, _ history: History) -> String {
        var parts: [String] = []
        if let mean = trend.rollingMean, let band = trend.rollingBand {
            parts.append(
                "Average \(TextStyle.score(mean)) (90% band \(TextStyle.score(band.low))–"
                    + "\(TextStyle.score(band.high))) over the last \(trend.rollingCount ?? History.window)")
        }
        var latest = "latest \(TextStyle.score(trend.latest))"
        if let change = trend.change {
            let reliable = history.entries.last?.areas.first { $0.area == trend.area }?.reliable
            latest += ", \(TextStyle.change(change, reliable: reliable))"
        }
        parts.append(latest)
        parts.append("best \(TextStyle.score(trend.best))")
        if let note = TextStyle.targetNote(score: trend.latest, target: trend.target) { parts.append(note) }
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// +1 for a reliable rise, −1 for a reliable fall, 0 for a change within the noise.
    static func direction(_ change: Double?, _ reliable: Bool?) -> Int {
        guard reliable == true, let change, change != 0 else { return 0 }
        return change > 0 ? 1 : -1
    }
}
