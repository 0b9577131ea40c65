import Foundation

/// The class summary as text, Markdown, CSV and HTML. JSON is the `ClassSummary` itself.
public enum ClassRenderer {
    static func decimal(_ value: Double?, places: Int = 2) -> String {
        value.map { String(format: "%.\(places)f", $0) } ?? "–"
    }

    static func percent(_ value: Double?) -> String { value.map { "\(Int($0.rounded()))%" } ?? "–" }

    static func options(_ item: ClassSummary.ItemStatistics) -> String {
        (item.options ?? []).map { "\($0.option)\($0.correct ? "*" : "") \($0.count)" }.joined(separator: "  ")
    }

    static func heading(_ summary: ClassSummary) -> String {
        "\(summary.title) (\(summary.questionnaire) \(summary.version)) · \(summary.participantCount) "
            + "participant\(summary.participantCount == 1 ? "" : "s"), "
            + (summary.attempts == "all" ? "every attempt" : "first attempt each")
    }

    static var unreliableNote: String {
        "Fewer than \(ClassSummary.reliableFrom) participants: the statistics are shown but are not reliable yet."
    }

    // MARK: Text

    public static func text(_ summary: ClassSummary, style: TextStyle = TextStyle(), detail: Bool = false) -> String {
        var lines: [String] = []
        text(summary, style: style, detail: detail) { lines.append($0) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The text summary a line at a time: the participants table of a large class is
    /// written as it is made rather than built whole.
    /// `detail` adds each trainee's missed questions.
    public static func text(
        _ summary: ClassSummary, style: TextStyle = TextStyle(), detail: Bool = false, line: (String) -> Void
    ) {
        let v = { (text: String) in TextSafety.visible(text) }
        line(style.bold("Class summary · " + v(heading(summary))))
        if !summary.reliable { line(unreliableNote) }

        line("")
        line(style.bold("Participants, by overall score"))
        let header = ["NAME", "OVERALL", "LEVEL"] + summary.areas.map { v($0.name) }
        TextTable.write(
            count: summary.participants.count + 1,
            row: { index in
                guard index > 0 else { return header }
                let p = summary.participants[index - 1]
                return [v(p.name), TextStyle.score(p.overall), p.level ?? "–"] + p.scores.map { TextStyle.score($0) }
            }, rightAligned: Set([1] + Array(3..<header.count)), line: line)
        var out: [String] = []
        if !summary.cautions.isEmpty {
            let names = summary.cautions.map { "\(v($0.name)) (\($0.responseStyle.joined(separator: ", ")))" }
            out += [
                "",
                TextStyle.wrap(
                    "Answering-style cautions (their scores may reflect how they answered rather than their skill): "
                        + names.joined(separator: "; "), indent: ""),
            ]
        }

        out += ["", style.bold("Skill areas")]
        let nameWidth = summary.areas.map(\.name.count).max() ?? 0
        out.append(
            TextStyle.pad("", nameWidth) + "  " + TextStyle.pad("MEAN", style.barWidth + 4)
                + "MEDIAN     SD   MIN   MAX")
        for area in summary.areas {
            let bar =
                area.mean.map { style.bar($0) + " " + TextStyle.pad(TextStyle.score($0), 3) }
                ?? TextStyle.pad("not enough answers", style.barWidth + 4)
            out.append(
                "\(TextStyle.pad(v(area.name), nameWidth))  \(bar)  "
                    + [
                        TextStyle.score(area.median), decimal(area.standardDeviation, places: 1),
                        TextStyle.score(area.minimum), TextStyle.score(area.maximum),
                    ]
                    .map { String(repeating: " ", count: max(0, 5 - $0.count)) + $0 }.joined(separator: " "))
        }
        if let heading = ClassPictureRenderer.weakestHeading(summary, name: v) {
            let tied = ClassPictureRenderer.tied(summary)
            out += ["", style.bold(TextStyle.wrap(heading + ". What to train:", width: style.width, indent: ""))]
            for weakest in tied {
                if tied.count > 1 { out.append("  " + v(weakest.name) + ":") }
                let bullet = tied.count > 1 ? "    • " : "  • "
                out += weakest.actions.map {
                    TextStyle.wrap(v($0.text), width: style.width, indent: bullet)
                        .replacingFirstIndent(bullet, with: String(repeating: " ", count: bullet.count))
                }
            }
        }
        out += ClassPictureRenderer.text(summary, style: style, detail: detail)

        out += [
            "",
            style.bold("Item analysis")
                + "  (facility = mean score as % of the maximum; discrimination = correlation with the rest of the "
                + "area)",
        ]
        let itemRows = summary.items.map { item in
            [
                v(item.item), v(shortName(item.area, summary)), String(item.answered), percent(item.facility),
                decimal(item.standardDeviation, places: 0), decimal(item.discrimination), options(item),
                item.flags.map(\.kind).joined(separator: ", "),
            ]
        }
        out.append(
            TextTable.render(
                [["ITEM", "AREA", "N", "FACILITY", "SD%", "DISCR.", "OPTIONS (* = key)", "FLAGS"]] + itemRows,
                rightAligned: [2, 3, 4, 5]))
        let flagged = summary.items.filter { !$0.flags.isEmpty }
        if summary.itemFlagsWithheld {
            out += [
                "",
                TextStyle.wrap(
                    "Too few to judge items: with fewer than \(ClassSummary.itemFlagsFrom) participants no question "
                        + "is flagged, since chance alone can make one look too easy, too hard or misleading.",
                    indent: ""),
            ]
        } else if flagged.isEmpty {
            out += ["", "Every item looks fine: none too easy, too hard or running against its area."]
        }
        if !flagged.isEmpty {
            out += ["", style.bold("Items that need checking")]
            for item in flagged {
                for flag in item.flags {
                    out.append(
                        TextStyle.wrap(
                            "\(v(item.item)): \(flag.kind.replacingOccurrences(of: "-", with: " ")): "
                                + "\(flag.reason). \"\(v(item.text))\"",
                            indent: "  • "
                        )
                        .replacingFirstIndent("  • ", with: "    "))
                }
            }
        }

        out += ["", style.bold("Reliability per area") + "  (error ratio = 100 × √(1 − alpha); lower is better)"]
        let scaleRows = summary.scales.map { scale in
            [
                v(scale.name), String(scale.items), String(scale.complete), scale.measure, decimal(scale.alpha),
                scale.alphaInterval.map { "\(decimal($0.low)) to \(decimal($0.high))" } ?? "–",
                percent(scale.errorRatio),
            ]
        }
        out.append(
            TextTable.render(
                [["AREA", "ITEMS", "N", "MEASURE", "VALUE", "95% INTERVAL", "ERROR RATIO"]] + scaleRows,
                rightAligned: [1, 2, 4, 6]))
        if let calibration = summary.calibration, let json = try? JSONFile.text(["calibration": calibration]) {
            out += [
                "",
                style.bold("Calibration")
                    + "  (paste into the questionnaire's JSON so that scores carry their error bands)",
                json,
            ]
        }
        for text in out {
            for piece in text.split(separator: "\n", omittingEmptySubsequences: false) { line(String(piece)) }
        }
    }

    static func shortName(_ area: String, _ summary: ClassSummary) -> String {
        summary.areas.first { $0.area == area }?.name ?? area
    }

    // MARK: Markdown

    public static func markdown(_ summary: ClassSummary) -> String {
        let md = Escaping.markdown
        var out = ["# Class summary", "", md(heading(summary))]
        if !summary.reliable { out += ["", "> " + unreliableNote] }
        out += [
            "", "## Participants", "",
            "| Name | Overall | Level | " + summary.areas.map { md($0.name) }.joined(separator: " | ") + " |",
            "|---|---:|---|" + String(repeating: "---:|", count: summary.areas.count),
        ]
        for p in summary.participants {
            out.append(
                "| \(md(p.name)) | \(TextStyle.score(p.overall)) | \(p.level ?? "–") | "
                    + p.scores.map { TextStyle.score($0) }.joined(separator: " | ") + " |")
        }
        out += [
            "", "## Skill areas", "", "| Area | Mean | Median | SD | Min | Max |", "|---|---:|---:|---:|---:|---:|",
        ]
        for a in summary.areas {
            out.append(
                "| \(md(a.name)) | \(TextStyle.score(a.mean)) | \(TextStyle.score(a.median)) | "
                    + "\(decimal(a.standardDeviation, places: 1)) | \(TextStyle.score(a.minimum)) | "
                    + "\(TextStyle.score(a.maximum)) |"
            )
        }
        if let heading = ClassPictureRenderer.weakestHeading(summary, name: md) {
            let tied = ClassPictureRenderer.tied(summary)
            out += ["", "**\(heading).** What to train:", ""]
            for weakest in tied {
                if tied.count > 1 { out += ["*\(md(weakest.name))*", ""] }
                out += weakest.actions.map { "- " + md($0.text) }
                if tied.count > 1 { out.append("") }
            }
        }
        out += ClassPictureRenderer.markdown(summary)
        out += [
            "", "## Item analysis", "",
            "| Item | Area | N | Facility | SD % | Discrimination | Options (* = key) | Flags |",
            "|---|---|---:|---:|---:|---:|---|---|",
        ]
        for item in summary.items {
            out.append(
                "| \(md(item.item)) | \(md(shortName(item.area, summary))) | \(item.answered) | "
                    + "\(percent(item.facility)) | \(decimal(item.standardDeviation, places: 0)) | "
                    + "\(decimal(item.discrimination)) | \(md(options(item))) | "
                    + "\(item.flags.map { "\($0.kind): \(md($0.reason))" }.joined(separator: "; ")) |"
            )
        }
        out += [
            "", "## Reliability per area", "", "| Area | Items | N | Measure | Value | Error ratio |",
            "|---|---:|---:|---|---:|---:|",
        ]
        for s in summary.scales {
            out.append(
                "| \(md(s.name)) | \(s.items) | \(s.complete) | \(s.measure) | \(decimal(s.alpha)) | "
                    + "\(percent(s.errorRatio)) |"
            )
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: CSV

    /// One row per participant, unrounded, for a spreadsheet or a learning platform.
    public static func csv(_ summary: ClassSummary) -> String {
        var rows = [
            Escaping.csvRow(
                ["name", "questionnaire", "version", "taken_at", "overall", "level"] + summary.areas.map(\.area))
        ]
        for p in summary.participants {
            rows.append(
                Escaping.csvRow(
                    [
                        p.name, summary.questionnaire, summary.version,
                        p.takenOn ?? p.takenAt.map(ISODate.string) ?? "",
                        p.overall.map(TextStyle.decimal) ?? "", p.level ?? "",
                    ]
                        + p.scores.map { $0.map(TextStyle.decimal) ?? "" }))
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    // MARK: HTML

    public static func html(_ summary: ClassSummary, levels: [LevelBand]) -> String {
        let h = Escaping.html
        var body = ["<h1>Class summary</h1>", "<p class=\"meta\">\(h(heading(summary)))</p>"]
        if !summary.reliable { body.append("<p><strong>\(h(unreliableNote))</strong></p>") }
        body.append("<h2>Skill areas</h2>")
        body.append(
            SVGChart.bars(
                summary.areas.map { .init(label: $0.name, value: $0.mean) },
                title: "Class mean by skill area, 0 to 100",
                colours: LevelColours(levels: levels)))
        body.append(
            HTMLTable.render(
                ["Area", "Mean", "Median", "SD", "Min", "Max"],
                summary.areas.map { a in
                    [
                        h(a.name), TextStyle.score(a.mean), TextStyle.score(a.median),
                        decimal(a.standardDeviation, places: 1), TextStyle.score(a.minimum), TextStyle.score(a.maximum),
                    ]
                }))
        if let heading = ClassPictureRenderer.weakestHeading(summary, name: h) {
            let tied = ClassPictureRenderer.tied(summary)
            body.append("<p><strong>\(heading).</strong> What to train:</p>")
            for weakest in tied {
                if tied.count > 1 { body.append("<h3>\(h(weakest.name))</h3>") }
                body.append("<ul>" + weakest.actions.map { "<li>\(h($0.text))</li>" }.joined() + "</ul>")
            }
        }
        body += ClassPictureRenderer.html(summary)
        body.append("<h2>Participants</h2>")
        body.append(
            HTMLTable.render(
                ["Name", "Overall", "Level"] + summary.areas.map { h($0.name) },
                summary.participants.map { p in
                    [h(p.name), TextStyle.score(p.overall), h(p.level ?? "–")] + p.scores.map { TextStyle.score($0) }
                }))
        body.append("<h2>Item analysis</h2>")
        body.append(
            HTMLTable.render(
                ["Item", "Area", "N", "Facility", "SD %", "Discrimination", "Options (* = key)", "Flags"],
                summary.items.map { item in
                    [
                        h(item.item) + "<br/><span class=\"because\">\(h(item.text))</span>",
                        h(shortName(item.area, summary)), String(item.answered),
                        percent(item.facility), decimal(item.standardDeviation, places: 0),
                        decimal(item.discrimination), h(options(item)),
                        item.flags.map { "\(h($0.kind)): \(h($0.reason))" }.joined(separator: "<br/>"),
                    ]
                }))
        body.append("<h2>Reliability per area</h2>")
        body.append(
            HTMLTable.render(
                ["Area", "Items", "N", "Measure", "Value", "Error ratio"],
                summary.scales.map { s in
                    [
                        h(s.name), String(s.items), String(s.complete), s.measure, decimal(s.alpha),
                        percent(s.errorRatio),
                    ]
                }))
        return HTMLReportRenderer.page(title: "Class summary: \(summary.title)", body: body)
    }

    /// Cells are already escaped by the caller.
}
