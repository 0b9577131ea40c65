/// The development report for people at a terminal: summary first, then bars.
public struct TextReportRenderer {
    public var style: TextStyle

    public init(style: TextStyle = TextStyle()) { self.style = style }

    public func render(_ report: DevelopmentReport) -> String {
        let safe = { (text: String) in TextSafety.visible(text) }
        var out: [String] = []
        // Broken between its parts, so that a time stays beside its zone.
        var heading = [safe(report.person), safe(report.questionnaire.title), style.date(report.takenAt)]
        if let rater = report.rater { heading.append("rated by \(safe(rater))") }
        out.append(style.bold(style.wrap(entries: heading, first: "", rest: "")))
        if let overall = report.overall {
            let from = report.areasScored.map { " (from \($0) of \(report.areas.count) areas)" } ?? ""
            out.append(
                style.wrap(
                    "Overall \(TextStyle.score(overall))\(TextStyle.margin(report.standardError)) / 100 · "
                        + "\(report.level ?? "")\(from)"
                        + changeNote(report.previous?.change, reliable: report.previous?.reliable), indent: ""))
            if let meaning = report.meaning { out.append(style.wrap(meaning, indent: "")) }
        } else {
            out.append(style.wrap("Overall: not enough answers to score any skill area.", indent: ""))
        }

        for code in report.responseStyle {
            out.append(style.bold(style.wrap("Caution: " + ResponseStyle.message(for: code), indent: "")))
        }

        out.append("")
        out.append(style.bold("Skill areas, strongest first"))
        let levelWidth = report.areas.map { TerminalCells.count($0.level ?? "") }.max() ?? 0
        let layout = BarLineLayout(
            names: report.areas.map { safe($0.name) }, after: 1 + 7 + 1 + levelWidth, style: style, minimumNameWidth: 12
        )
        for area in report.areas {
            let name = safe(area.name)
            guard let score = area.score else {
                let why =
                    area.items == 0
                    ? "not applicable: none of its statements came up"
                    : "not enough answers (\(area.answered) of \(area.items); \(area.required) needed)"
                let first = "  " + TextStyle.pad(name, layout.nameWidth) + "  "
                out.append(style.wrap(why, first: first, rest: "    "))
                continue
            }
            let number = TextStyle.pad(TextStyle.score(score) + TextStyle.margin(area.standardError), 7)
            let bar = "\(layout.style.bar(score)) \(number) \(area.level ?? "")"
            out += layout.lines(name: name, bar: bar)
            // What the number means, on a line of its own: the band's levels, the change, the target.
            let notes = [
                TextStyle.couldBe(area.bandLevels, level: area.level),
                area.change.map { "since last time: " + TextStyle.change($0, reliable: area.reliable) },
                TextStyle.targetNote(score: score, target: area.target),
            ].compactMap { $0 }
            if !notes.isEmpty { out.append(style.wrap(notes.joined(separator: " · "), indent: "    ")) }
            if let count = area.notApplicable {
                out.append(
                    style.dim(
                        style.wrap(
                            "\(count) statement\(count == 1 ? "" : "s") didn't come up (n/a), left out", indent: "    ")
                    ))
            }
            if let descriptor = area.descriptor {
                out.append(style.dim(style.wrap(descriptor, indent: String(repeating: " ", count: 4))))
            }
        }

        out.append("")
        out.append(style.wrap("Strengths: " + report.strengthsText { names($0, report) }, first: "", rest: "  "))
        out.append(style.wrap("Focus: " + names(report.focusAreas, report), first: "", rest: "  "))
        for note in report.tieNotes({ names($0, report) }) {
            out.append(style.wrap(note, indent: ""))
        }

        if !report.plan.isEmpty {
            out.append("")
            out.append(style.bold("Development plan"))
            for area in report.focusAreas {
                let line = report.areas.first { $0.area == area }
                out.append(
                    style.wrap(
                        "\(safe(line?.name ?? area)) (\(TextStyle.score(line?.score)), \(line?.level ?? ""))",
                        indent: "  "))
                for explained in report.explainedSteps(area: area) {
                    out.append(style.wrap(safe(explained.step.text), first: "    • ", rest: "      "))
                    if let because = report.explanation(explained, safe) {
                        out.append(style.dim(style.wrap(because, indent: "      ")))
                    }
                }
            }
            if let practice = report.practice {
                out.append(style.wrap("Practice: \(safe(practice.title))", indent: "  "))
                out.append(style.wrap(safe(practice.text), indent: "    "))
            }
        }

        if !report.missedQuestions.isEmpty {
            out.append("")
            out.append(style.bold("Questions to review (\(report.missedQuestions.count))"))
            for missed in report.missedQuestions {
                out.append(
                    style.wrap(safe(missed.text), first: "  • ", rest: "    "))
                let (chose, best) = missed.sentences(safe)
                out.append(style.wrap(chose, indent: "    "))
                if let feedback = missed.feedback { out.append(style.wrap(safe(feedback), indent: "      ")) }
                out.append(style.wrap(best, indent: "    "))
                out.append(style.dim(style.wrap(safe(missed.explanation), indent: "    ")))
            }
        }

        if !report.reflections.isEmpty {
            out.append("")
            out.append(style.bold(report.rater == nil ? "Reflections" : "Coach's evidence"))
            for reflection in report.reflections {
                out.append(style.wrap(safe(reflection.prompt), indent: "  "))
                out.append(style.wrap(safe(reflection.text), indent: "    "))
            }
        }

        if let previous = report.previous {
            out.append("")
            out.append(
                style.wrap(
                    "Compared with \(style.date(previous.takenAt)): overall "
                        + (previous.change.map { TextStyle.change($0, reliable: previous.reliable) }
                            ?? "not comparable"),
                    indent: ""))
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func names(_ ids: [String], _ report: DevelopmentReport) -> String {
        ids.map { id in TextSafety.visible(report.areas.first { $0.area == id }?.name ?? id) }.joined(separator: ", ")
    }

    private func changeNote(_ change: Double?, reliable: Bool?) -> String {
        change.map { " (since last time: \(TextStyle.change($0, reliable: reliable)))" } ?? ""
    }
}
