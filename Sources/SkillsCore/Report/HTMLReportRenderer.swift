/// The development report as one self-contained HTML file: inline CSS, an inline SVG
/// chart, no scripts and nothing fetched from the network; laid out to print on A4 or
/// Letter. Every piece of user text is escaped. The markup is also well-formed XML, which
/// the tests rely on to check it.
public struct HTMLReportRenderer {
    public let levels: [LevelBand]

    public init(levels: [LevelBand]) { self.levels = levels }

    static let style = """
        body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #111; max-width: 46rem; \
        margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.2rem; margin-top: 1.6rem; border-bottom: \
        1px solid #ccc; }
        .meta { color: #444; margin-top: 0; } .overall { font-size: 1.3rem; font-weight: bold; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 0.3rem 0.4rem; \
        border-bottom: 1px solid #e0e0e0; vertical-align: top; }
        td.num { text-align: right; white-space: nowrap; } .because, .explanation { color: #444; font-size: 0.92rem; }
        svg { max-width: 100%; height: auto; }
        @page { size: auto; margin: 15mm; }
        @media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } tr, li { break-inside: avoid; } }
        """

    public func render(_ report: DevelopmentReport) -> String {
        let h = Escaping.html
        var body: [String] = []
        body.append("<h1>Development report: \(h(report.person))</h1>")
        var meta =
            "\(h(report.questionnaire.title)) (\(h(report.questionnaire.id)) \(h(report.questionnaire.version))), "
            + "\(TextStyle.date(report.takenAt))"
        if let rater = report.rater { meta += ", rated by \(h(rater))" }
        body.append("<p class=\"meta\">\(meta)</p>")
        if let overall = report.overall {
            let change =
                report.previous?.change.map {
                    " (\(TextStyle.change($0, reliable: report.previous?.reliable)) since last time)"
                } ?? ""
            let from = report.areasScored.map { " (from \($0) of \(report.areas.count) areas)" } ?? ""
            body.append(
                "<p class=\"overall\">Overall \(TextStyle.score(overall))"
                    + "\(TextStyle.margin(report.standardError)) / 100, \(h(report.level ?? ""))\(from)\(change)</p>")
            for code in report.responseStyle {
                body.append("<p class=\"caution\"><strong>Caution:</strong> \(h(ResponseStyle.message(for: code)))</p>")
            }
            if let meaning = report.meaning { body.append("<p>\(h(meaning))</p>") }
        } else {
            body.append("<p class=\"overall\">Overall: not enough answers to score any skill area.</p>")
        }

        body.append("<h2>Skill areas, strongest first</h2>")
        body.append(
            SVGChart.bars(
                report.areas.map { .init(label: $0.name, value: $0.score, marker: $0.target) },
                title: "Scores by skill area, 0 to 100", colours: LevelColours(levels: levels)))
        body.append(
            "<table><thead><tr><th>Area</th><th>Score</th><th>Level</th><th>Change</th><th>What it looks "
                + "like</th></tr></thead><tbody>"
        )
        for area in report.areas {
            let score =
                area.score.map { TextStyle.score($0) + TextStyle.margin(area.standardError) }
                ?? (area.items == 0 ? "not applicable" : "not enough answers")
            let target = TextStyle.targetNote(score: area.score, target: area.target).map { "<br/>\(h($0))" } ?? ""
            body.append(
                "<tr><td>\(h(area.name))</td><td "
                    + "class=\"num\">\(score)\(target)</td><td>\(h(area.level ?? ""))</td><td "
                    + "class=\"num\">\(area.change.map { TextStyle.change($0, reliable: area.reliable) } ?? "")</td>"
                    + "<td>\(h(area.descriptor ?? ""))</td></tr>"
            )
        }
        body.append("</tbody></table>")
        body.append("<p><strong>Strengths:</strong> \(report.strengthsText { names($0, report) })</p>")
        body.append("<p><strong>Focus areas:</strong> \(names(report.focusAreas, report))</p>")
        body += report.tieNotes { names($0, report) }.map { "<p>\($0)</p>" }

        if !report.plan.isEmpty {
            body.append("<h2>Development plan</h2>")
            for area in report.focusAreas {
                body.append("<h3>\(names([area], report))</h3><ul>")
                for explained in report.explainedSteps(area: area) {
                    let because =
                        report.explanation(explained, h).map {
                            "<br/><span class=\"because\">" + $0.prefix(1).uppercased() + $0.dropFirst() + ".</span>"
                        } ?? ""
                    body.append("<li>\(h(explained.step.text))\(because)</li>")
                }
                body.append("</ul>")
            }
            if let practice = report.practice {
                body.append("<p><strong>Practice: \(h(practice.title)).</strong> \(h(practice.text))</p>")
            }
        }
        if !report.missedQuestions.isEmpty {
            body.append("<h2>Questions to review</h2><ul>")
            for missed in report.missedQuestions {
                let (chose, best) = missed.sentences(h)
                let feedback = missed.feedback.map { " <em>\(h($0))</em>" } ?? ""
                body.append(
                    "<li>\(h(missed.text))<br/>\(chose)\(feedback)<br/><strong>\(best)</strong><br/><span "
                        + "class=\"explanation\">\(h(missed.explanation))</span></li>"
                )
            }
            body.append("</ul>")
        }
        if !report.reflections.isEmpty {
            body.append(report.rater == nil ? "<h2>Reflections</h2><ul>" : "<h2>Coach's evidence</h2><ul>")
            for reflection in report.reflections {
                body.append("<li><em>\(h(reflection.prompt))</em><br/>\(h(reflection.text))</li>")
            }
            body.append("</ul>")
        }
        if let previous = report.previous {
            body.append(
                "<p>Compared with \(TextStyle.date(previous.takenAt)): overall "
                    + (previous.change.map { TextStyle.change($0, reliable: previous.reliable) } ?? "not comparable")
                    + ".</p>"
            )
        }
        return Self.page(title: "Development report: \(report.person)", body: body)
    }

    /// The page around a body; shared by every HTML renderer.
    public static func page(title: String, body: [String]) -> String {
        """
        <!DOCTYPE html>
        <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(Escaping.html(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    private func names(_ ids: [String], _ report: DevelopmentReport) -> String {
        ids.map { id in Escaping.html(report.areas.first { $0.area == id }?.name ?? id) }.joined(separator: ", ")
    }
}
