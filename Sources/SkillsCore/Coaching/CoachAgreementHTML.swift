import FoundationEssentials
import Glibc

extension CoachAgreementRenderer {
    /// A self-contained page: the tables, and a chart of each coach's offset with its interval.
    public static func html(_ r: CoachAgreementReport, timeZone: Zone = Zone.utc) -> String {
        let h = Escaping.html
        var body = ["<h1>Coach calibration</h1>", "<p class=\"meta\">\(h(summary(r, timeZone: timeZone)))</p>"]
        body += r.notes.map { "<p>\(h($0))</p>" }
        if r.coaches.count >= 2, r.allAreas.units > 0 {
            body.append("<h2>Agreement by area</h2>")
            body.append(
                HTMLTable.render(
                    ["Area", "Agents", "Alpha", "95% interval", "Exact", "Within 1", "Note"],
                    (r.areas + [r.allAreas]).map { areaRow($0).map(h) + [h($0.note ?? "")] }))
            body.append("<h2>Each coach beside the others (in levels)</h2>")
            body.append(offsetChart(r.coachOffsets))
            body.append(
                HTMLTable.render(
                    ["Coach", "Ratings", "Mean offset", "95% interval", "Verdict"],
                    r.coachOffsets.map { offsetRow($0).map(h) }))
            if !r.widestDisagreements.isEmpty {
                body.append("<h2>Talk these through first (widest disagreement)</h2><ul>")
                body += r.widestDisagreements.map {
                    "<li>\(h($0.agent)), \(h($0.areaName)): \(h(ratings($0))) (\($0.spread) apart)</li>"
                }
                body.append("</ul>")
            }
            body.append("<p>\(h(method))</p>")
            body.append("<p>\(h(reproducibility(r)))</p>")
        }
        return HTMLReportRenderer.page(title: "Coach calibration", body: body)
    }

    /// Each coach's mean offset as a dot on a line from −2 to +2 levels, its interval as a
    /// whisker, and 0 (the consensus) marked; the numbers are in the table below it.
    static func offsetChart(_ offsets: [CoachAgreementReport.CoachOffset]) -> String {
        let labelWidth = 160.0
        let plotWidth = 360.0
        let rowHeight = 28.0
        let top = 24.0
        let span = max(
            2,
            offsets.flatMap { [abs($0.meanOffset), abs($0.interval?.low ?? 0), abs($0.interval?.high ?? 0)] }
                .max().map { ($0 * 2).rounded(.up) / 2 } ?? 2)
        let height = top + rowHeight * Double(offsets.count) + 24
        let width = labelWidth + plotWidth + 40
        let x = { (value: Double) in labelWidth + plotWidth * (value + span) / (2 * span) }
        let f = { (value: Double) in String(cFormat: "%.1f", value) }
        let title = "Mean offset from the consensus, in levels, with 95% intervals"
        var svg = SVGChart.opening(width: width, height: height, title: title)
        for tick in stride(from: -span, through: span, by: span / 2) {
            svg +=
                "<line x1=\"\(f(x(tick)))\" y1=\"\(f(top - 8))\" x2=\"\(f(x(tick)))\" y2=\"\(f(height - 20))\" "
                + "stroke=\"\(tick == 0 ? "#555" : "#ddd")\"/>"
                + "<text x=\"\(f(x(tick)))\" y=\"\(f(height - 6))\" font-size=\"11\" text-anchor=\"middle\" "
                + "fill=\"#555\">\(String(cFormat: "%+.1f", tick))</text>\n"
        }
        svg +=
            "<text x=\"\(f(x(-span)))\" y=\"12\" font-size=\"11\" fill=\"#555\">severe</text>"
            + "<text x=\"\(f(x(span)))\" y=\"12\" font-size=\"11\" fill=\"#555\" text-anchor=\"end\">lenient</text>\n"
        for (index, offset) in offsets.enumerated() {
            let y = top + rowHeight * Double(index) + rowHeight / 2
            let colour =
                switch offset.verdict {
                case "lenient": "#b35900"
                case "severe": "#1f5fa8"
                default: "#333"
                }
            svg +=
                "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 4))\" font-size=\"13\" text-anchor=\"end\">"
                + "\(Escaping.html(offset.coach))</text>"
            if let interval = offset.interval {
                svg +=
                    "<line x1=\"\(f(x(interval.low)))\" y1=\"\(f(y))\" x2=\"\(f(x(interval.high)))\" y2=\"\(f(y))\" "
                    + "stroke=\"\(colour)\" stroke-width=\"2\"/>"
            }
            svg += "<circle cx=\"\(f(x(offset.meanOffset)))\" cy=\"\(f(y))\" r=\"5\" fill=\"\(colour)\"/>\n"
        }
        return svg + "</svg>"
    }
}
