/// The self-versus-coach comparison as text, Markdown and HTML. JSON is the value itself.
public enum ComparisonRenderer {
    static func finding(_ gap: Comparison.AreaGap) -> String {
        switch gap.finding {
        case "blind-spot": "blind spot (you rate yourself higher)"
        case "hidden-strength": "hidden strength (you rate yourself lower)"
        case "agreed": "agreed"
        default: "not comparable"
        }
    }

    static func shortFinding(_ gap: Comparison.AreaGap) -> String {
        switch gap.finding {
        case "blind-spot": "blind spot"
        case "hidden-strength": "hidden strength"
        case "agreed": "agreed"
        default: "not comparable"
        }
    }

    static func sources(_ c: Comparison, style: TextStyle = TextStyle()) -> String {
        sourceEntries(c, style: style).joined(separator: "; ")
    }

    /// "self: …" then "coach: …", or "coaches (the median of their levels): …" when several rated.
    static func sourceEntries(_ c: Comparison, style: TextStyle) -> [String] {
        let own = "self: \(c.selfResult.title), \(style.date(c.selfResult.takenAt))"
        guard let coaches = c.coaches, coaches.count > 1 else {
            return [own, "coach: \(c.coachResult.rater ?? "coach"), \(style.date(c.coachResult.takenAt))"]
        }
        return [own]
            + coaches.enumerated().map { index, coach in
                (index == 0 ? "coaches (the median of their levels): " : "")
                    + "\(coach.rater ?? "coach"), \(style.date(coach.takenAt))"
            }
    }

    public static func text(_ c: Comparison, style: TextStyle = TextStyle()) -> String {
        let v = { (text: String) in TextSafety.visible(text) }
        var out = [
            style.bold(style.wrap("\(v(c.person)): self-rating beside coach rating", indent: "")),
            style.wrap(entries: sourceEntries(c, style: style).map(v), separator: "; ", first: "", rest: ""), "",
        ]
        // Told more briefly as the width shrinks: findings by name only, then areas by code.
        let codes = AreaCodes(ids: c.areas.map(\.area), names: c.areas.map { v($0.name) })
        let table = { (heading: [String], area: (Int) -> String, finding: (Comparison.AreaGap) -> String) in
            [heading]
                + c.areas.enumerated().map { index, gap in
                    [
                        area(index), TextStyle.score(gap.selfScore) + TextStyle.margin(gap.selfStandardError),
                        gap.selfLevel ?? "–", gap.coachLevel ?? "–", finding(gap),
                    ]
                }
        }
        let long = ["AREA", "SELF", "SELF LEVEL", "COACH LEVEL", "FINDING"]
        let short = ["AREA", "SELF", "LEVEL", "COACH", "FINDING"]
        let name = { (index: Int) in v(c.areas[index].name) }
        let code = { (index: Int) in codes.codes[index] }
        let chosen = TextTable.first(
            fitting: [
                table(long, name, finding), table(short, name, shortFinding), table(short, code, shortFinding),
            ], rightAligned: [1], width: style.width)
        out.append(chosen.text)
        if chosen.index == 2 { out.append(style.dim(codes.legend(style: style))) }
        if chosen.index != 0 {
            out.append(
                style.dim(
                    style.wrap(
                        "Blind spot: you rate yourself higher than your coach; hidden strength: lower.", indent: "")))
        }
        let evidence = c.areas.filter { $0.evidence != nil }
        if !evidence.isEmpty {
            out += ["", style.bold("Coach's evidence")]
            out += evidence.map { style.wrap("\(v($0.name)): \(v($0.evidence ?? ""))", indent: "  ") }
        }
        out.append("")
        out.append(
            style.wrap(
                "Blind spots: " + names(c.blindSpots, c) + " · Hidden strengths: " + names(c.hiddenStrengths, c),
                indent: ""))
        if !c.actions.isEmpty {
            out += ["", style.bold("For the blind spots")]
            out += c.actions.map {
                style.wrap(v($0.text), first: "  • ", rest: "    ")
            }
        }
        out += [
            "",
            style.wrap(
                "A blind spot or hidden strength is flagged only when your level differs from your coach's "
                    + "and your score's band (±) lies wholly outside it. Talk them through with your coach: ask "
                    + "what they saw, and set one goal from it.",
                indent: ""),
        ]
        return out.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ c: Comparison, style: TextStyle = TextStyle()) -> String {
        let md = Escaping.markdown
        var out = [
            "# Self-rating beside coach rating: \(md(c.person))", "", md(sources(c, style: style)), "",
            "| Area | Self | Self level | Coach level | Finding |", "|---|---:|---|---|---|",
        ]
        out += c.areas.map {
            "| \(md($0.name)) | \(TextStyle.score($0.selfScore))\(TextStyle.margin($0.selfStandardError)) | "
                + "\($0.selfLevel ?? "–") | \($0.coachLevel ?? "–") | \(finding($0)) |"
        }
        for gap in c.areas where gap.evidence != nil { out += ["", "- *\(md(gap.name))*: \(md(gap.evidence ?? ""))"] }
        if !c.actions.isEmpty {
            out += ["", "## For the blind spots", ""] + c.actions.map { "- \(md($0.text))" }
        }
        return out.joined(separator: "\n") + "\n"
    }

    public static func html(_ c: Comparison, levels: [LevelBand], style: TextStyle = TextStyle()) -> String {
        let h = Escaping.html
        var body = [
            "<h1>Self-rating beside coach rating: \(h(c.person))</h1>",
            "<p class=\"meta\">\(h(sources(c, style: style)))</p>",
        ]
        body.append(
            SVGChart.bars(
                c.areas.map { .init(label: "\($0.name) (self)", value: $0.selfScore, marker: $0.coachScore) },
                title: "Self-rating by area; the dashed line is the coach's rating",
                colours: LevelColours(levels: levels)))
        body.append(
            HTMLTable.render(
                ["Area", "Self", "Self level", "Coach level", "Finding", "Coach's evidence"],
                c.areas.map {
                    [
                        h($0.name), TextStyle.score($0.selfScore) + TextStyle.margin($0.selfStandardError),
                        h($0.selfLevel ?? "–"), h($0.coachLevel ?? "–"), h(finding($0)), h($0.evidence ?? ""),
                    ]
                }))
        if !c.actions.isEmpty {
            body.append(
                "<h2>For the blind spots</h2><ul>" + c.actions.map { "<li>\(h($0.text))</li>" }.joined() + "</ul>")
        }
        return HTMLReportRenderer.page(title: "Self and coach: \(c.person)", body: body)
    }

    static func names(_ ids: [String], _ c: Comparison) -> String {
        ids.isEmpty
            ? "none"
            : ids.map { id in TextSafety.visible(c.areas.first { $0.area == id }?.name ?? id) }.joined(separator: ", ")
    }
}
