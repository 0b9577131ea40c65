import FoundationEssentials
import Glibc

/// The class summary as text, Markdown, CSV and HTML. JSON is the `ClassSummary` itself.
public enum ClassRenderer {
    static func decimal(_ value: Double?, places: Int = 2) -> String {
        value.map { String(cFormat: "%.\(places)f", $0) } ?? "–"
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
        line(style.bold(style.wrap("Class summary · " + v(heading(summary)), indent: "")))
        if !summary.reliable { line(style.wrap(unreliableNote, indent: "")) }

        line("")
        line(style.bold("Participants, by overall score"))
        participants(summary, style: style, line: line)
        var out: [String] = []
        if !summary.cautions.isEmpty {
            let names = summary.cautions.map { "\(v($0.name)) (\($0.responseStyle.joined(separator: ", ")))" }
            out += [
                "",
                style.wrap(
                    "Answering-style cautions (their scores may reflect how they answered rather than their skill): "
                        + names.joined(separator: "; "), indent: ""),
            ]
        }

        out += ["", style.bold("Skill areas")]
        let statistics = "MEDIAN     SD   MIN   MAX"
        let layout = BarLineLayout(
            names: summary.areas.map { v($0.name) }, after: 1 + 3 + 2 + statistics.count, style: style)
        let barWidth = layout.style.barWidth
        out.append(
            (layout.nameOnItsOwnLine ? "    " : TextStyle.pad("", layout.nameWidth + 4))
                + TextStyle.pad("MEAN", barWidth + 6) + statistics)
        for area in summary.areas {
            let bar =
                area.mean.map { layout.style.bar($0) + " " + TextStyle.pad(TextStyle.score($0), 3) }
                ?? TextStyle.pad("not enough answers", barWidth + 4)
            let numbers = [
                TextStyle.score(area.median), decimal(area.standardDeviation, places: 1),
                TextStyle.score(area.minimum), TextStyle.score(area.maximum),
            ]
            out += layout.lines(
                name: v(area.name),
                bar: "\(bar)  "
                    + numbers.map { String(repeating: " ", count: max(0, 5 - $0.count)) + $0 }
                    .joined(separator: " "))
        }
        if let heading = ClassPictureRenderer.weakestHeading(summary, name: v) {
            let tied = ClassPictureRenderer.tied(summary)
            out += ["", style.bold(style.wrap(heading + ". What to train:", indent: ""))]
            for weakest in tied {
                if tied.count > 1 { out.append(style.wrap(v(weakest.name) + ":", indent: "  ")) }
                let bullet = tied.count > 1 ? "    • " : "  • "
                out += weakest.actions.map {
                    style.wrap(v($0.text), first: bullet, rest: String(repeating: " ", count: bullet.count))
                }
            }
        }
        out += ClassPictureRenderer.text(summary, style: style, detail: detail)

        out += [
            "",
            style.bold("Item analysis"),
            style.wrap(
                "(facility = mean score as % of the maximum; discrimination = correlation with the rest of the "
                    + "area)", indent: ""),
        ]
        let codes = AreaCodes(ids: summary.areas.map(\.area), names: summary.areas.map { v($0.name) })
        let itemRows = { (area: (String) -> String) in
            [["ITEM", "AREA", "N", "FACILITY", "SD%", "DISCR.", "OPTIONS (* = key)", "FLAGS"]]
                + summary.items.map { item in
                    [
                        v(item.item), area(item.area), String(item.answered), percent(item.facility),
                        decimal(item.standardDeviation, places: 0), decimal(item.discrimination), options(item),
                        item.flags.map(\.kind).joined(separator: ", "),
                    ]
                }
        }
        let code = { (area: String) in
            summary.areas.firstIndex { $0.area == area }.map { codes.codes[$0] } ?? v(area)
        }
        let items = TextTable.first(
            fitting: [itemRows { v(shortName($0, summary)) }, itemRows(code)], rightAligned: [2, 3, 4, 5],
            width: style.width)
        out.append(items.text)
        if items.index == 1 { out.append(style.dim(codes.legend(style: style))) }
        let flagged = summary.items.filter { !$0.flags.isEmpty }
        if summary.itemFlagsWithheld {
            out += [
                "",
                style.wrap(
                    "Too few to judge items: with fewer than \(ClassSummary.itemFlagsFrom) participants no question "
                        + "is flagged, since chance alone can make one look too easy, too hard or misleading.",
                    indent: ""),
            ]
        } else if flagged.isEmpty {
            out += [
                "",
                style.wrap("Every item looks fine: none too easy, too hard or running against its area.", indent: ""),
            ]
        }
        if !flagged.isEmpty {
            out += ["", style.bold("Items that need checking")]
            for item in flagged {
                for flag in item.flags {
                    out.append(
                        style.wrap(
                            "\(v(item.item)): \(flag.kind.replacing("-", with: " ")): "
                                + "\(flag.reason). \"\(v(item.text))\"", first: "  • ", rest: "    "))
                }
            }
        }

        out += [
            "", style.bold("Reliability per area"),
            style.wrap("(error ratio = 100 × √(1 − alpha); lower is better)", indent: ""),
        ]
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
                rightAligned: [1, 2, 4, 6], width: style.width))
        if let calibration = summary.calibration, let json = try? JSONFile.text(["calibration": calibration]) {
            out += ["", style.bold("Calibration")]
            // JSON cannot be wrapped and still be pasted: on a narrow terminal, say where to find it.
            if json.split(separator: "\n").allSatisfy({ TerminalCells.count($0) <= style.width }) {
                out += [
                    style.wrap(
                        "(paste into the questionnaire's JSON so that scores carry their error bands)", indent: ""),
                    json,
                ]
            } else {
                out.append(
                    style.wrap(
                        "The block to paste into the questionnaire's JSON, so that its scores carry error bands, is "
                            + "wider than \(style.width) columns: it is the \"calibration\" key of --format json, "
                            + "or shown here with COLUMNS=100.", indent: ""))
            }
        }
        for text in out {
            for piece in text.split(separator: "\n", omittingEmptySubsequences: false) { line(String(piece)) }
        }
    }

    /// The participants table: areas by name, else by code with a legend, else one block
    /// per person. Rows are made as they are written, for a class of 100,000.
    static func participants(_ summary: ClassSummary, style: TextStyle, line: (String) -> Void) {
        let v = { (text: String) in TextSafety.visible(text) }
        let names = summary.areas.map { v($0.name) }
        let codes = AreaCodes(ids: summary.areas.map(\.area), names: names)
        let rows = { (areaHeadings: [String]) in
            { (index: Int) -> [String] in
                index > 0 ? summary.participants.textCells(index - 1) : ["NAME", "OVERALL", "LEVEL"] + areaHeadings
            }
        }
        let count = summary.participants.count + 1
        let right = [1] + Array(3..<(3 + names.count))
        // The people are measured once, from the columns; only the heading differs between the two tables.
        let body = summary.participants.isEmpty ? [] : summary.participants.textWidths()
        let named = TextTable.widths(heading: rows(names)(0), body: body)
        let coded = TextTable.widths(heading: rows(codes.codes)(0), body: body)
        if named.total <= style.width {
            TextTable.write(count: count, row: rows(names), columns: named.columns, rightAligned: right, line: line)
        } else if coded.total <= style.width {
            TextTable.write(
                count: count, row: rows(codes.codes), columns: coded.columns, rightAligned: right, line: line)
            for piece in style.dim(codes.legend(style: style)).split(separator: "\n") { line(String(piece)) }
        } else {
            TextTable.write(count: count, row: rows(names), rightAligned: right, width: style.width, line: line)
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
