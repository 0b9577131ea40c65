import FoundationEssentials
import Glibc

/// The training gain as one self-contained HTML page, with an inline SVG chart of each
/// area's class mean before (hollow dot) and after (filled dot), joined by an arrow.
public enum GainHTML {
    public static func page(_ report: GainReport) -> String {
        let h = Escaping.html
        let rows = [report.overall] + report.areas
        var body = [
            "<h1>Training gain</h1>", "<p class=\"meta\">\(h(GainRenderer.heading(report)))</p>",
            "<ul>",
            "<li>\(h(GainRenderer.sitting("Before", report.before, timeZone: Zone.utc)))</li>",
            "<li>\(h(GainRenderer.sitting("After", report.after, timeZone: Zone.utc)))</li>",
            "</ul>",
        ]
        body += report.caveats.map { "<p><strong>Caveat:</strong> \(h($0))</p>" }
        body.append("<h2>Class mean before and after</h2>")
        body.append(chart(rows))
        body.append(
            HTMLTable.render(
                [
                    "", "N", "Before", "After", "Change", "Hake g", "d<sub>z</sub>", "95% interval",
                    "Reliable change", "Compared on",
                ],
                rows.map { row in
                    [
                        h(row.name), String(row.people), GainRenderer.one(row.meanBefore),
                        GainRenderer.one(row.meanAfter), GainRenderer.signed(row.meanChange),
                        GainRenderer.two(row.hakeGain), GainRenderer.two(row.effectSize),
                        GainRenderer.interval(row), GainRenderer.reliable(row.reliableChange),
                        h(GainRenderer.basis(row)),
                    ]
                }))
        body.append("<p>\(h(GainRenderer.hakeNote))</p>")
        if rows.contains(where: { $0.people >= 2 && $0.effectSize == nil }) {
            body.append("<p>\(h(GainRenderer.noSpreadNote))</p>")
        }
        body.append("<h2>People in both sittings (overall)</h2>")
        body.append(
            HTMLTable.render(
                ["Name", "Before", "After", "Change", "Reliable change"],
                report.people.map { person in
                    [
                        h(person.name), GainRenderer.one(person.before), GainRenderer.one(person.after),
                        GainRenderer.signed(person.change),
                        person.reliableChange.map(GainRenderer.direction) ?? "unknown",
                    ]
                }))
        body.append("<h2>Not matched</h2>")
        body.append(
            "<ul><li>Only before: \(h(GainRenderer.people(report.unmatched.before)))</li>"
                + "<li>Only after: \(h(GainRenderer.people(report.unmatched.after)))</li></ul>")
        return HTMLReportRenderer.page(title: "Training gain: \(report.title)", body: body)
    }

    /// Dots on a 0–100 axis, one row per area: readable in black and white, since before and
    /// after differ by fill and the numbers are written at the end of each row.
    static func chart(_ rows: [GainReport.Row]) -> String {
        let labelWidth = 190.0
        let plotWidth = 360.0
        let rowHeight = 30.0
        let top = 34.0
        let height = top + rowHeight * Double(rows.count) + 24
        let width = labelWidth + plotWidth + 150
        let x = { (score: Double) in labelWidth + plotWidth * max(0, min(100, score)) / 100 }
        let title = "Class mean before (hollow dot) and after (filled dot), 0 to 100"
        var svg =
            SVGChart.opening(width: width, height: height, title: title) + """
                <circle cx="\(f(labelWidth + 6))" cy="12" r="5" fill="#fff" stroke="#333" stroke-width="2"/>\
                <text x="\(f(labelWidth + 16))" y="16" font-size="12">before</text>\
                <circle cx="\(f(labelWidth + 76))" cy="12" r="5" fill="#333"/>\
                <text x="\(f(labelWidth + 86))" y="16" font-size="12">after</text>

                """
        for tick in stride(from: 0, through: 100, by: 20) {
            let position = x(Double(tick))
            svg +=
                "<line x1=\"\(f(position))\" y1=\"\(f(top))\" x2=\"\(f(position))\" y2=\"\(f(height - 20))\" "
                + "stroke=\"#ddd\"/><text x=\"\(f(position))\" y=\"\(f(height - 5))\" font-size=\"11\" "
                + "text-anchor=\"middle\" fill=\"#555\">\(tick)</text>\n"
        }
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index) + rowHeight / 2
            svg +=
                "<text x=\"\(f(labelWidth - 10))\" y=\"\(f(y + 4))\" font-size=\"13\" text-anchor=\"end\""
                + "\(row.area == nil ? " font-weight=\"bold\"" : "")>\(Escaping.html(row.name))</text>"
            guard let before = row.meanBefore, let after = row.meanAfter else {
                svg +=
                    "<text x=\"\(f(labelWidth + 6))\" y=\"\(f(y + 4))\" font-size=\"12\" fill=\"#555\">"
                    + "no one scored on both sides</text>\n"
                continue
            }
            svg +=
                "<line x1=\"\(f(x(before)))\" y1=\"\(f(y))\" x2=\"\(f(x(after)))\" y2=\"\(f(y))\" stroke=\"#333\" "
                + "stroke-width=\"2\"/>"
                + "<circle cx=\"\(f(x(before)))\" cy=\"\(f(y))\" r=\"6\" fill=\"#fff\" stroke=\"#333\" "
                + "stroke-width=\"2\"/><circle cx=\"\(f(x(after)))\" cy=\"\(f(y))\" r=\"6\" fill=\"#333\"/>"
                + "<text x=\"\(f(labelWidth + plotWidth + 12))\" y=\"\(f(y + 4))\" font-size=\"12\">"
                + "\(GainRenderer.one(before)) → \(GainRenderer.one(after)) "
                + "(\(GainRenderer.signed(after - before)))</text>\n"
        }
        return svg + "</svg>"
    }

    private static func f(_ value: Double) -> String { SVGChart.number(value) }
}
