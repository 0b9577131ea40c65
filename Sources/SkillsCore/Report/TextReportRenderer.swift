/// The development report for people at a terminal: summary first, then bars.
public struct TextReportRenderer {
    public var style: TextStyle

    public init(style: TextStyle = TextStyle()) { self.style = style }

    public func render(_ report: DevelopmentReport) -> String {
        let safe = { (text: String) in TextSafety.visible(text) }
        var out: [String] = []
        var heading =
            "\(safe(report.person)) · \(safe(report.questionnaire.title)) · \(TextStyle.date(report.takenAt))"
        if let rater = report.rater { heading += " · rated by \(safe(rater))" }
        out.append(style.bold(heading))
        if let overall = report.overall {
            let from = report.areasScored.map { " (from \($0) of \(report.areas.count) areas)" } ?? ""
            out.append(
                "Overall \(TextStyle.score(overall))\(TextStyle.margin(report.standardError)) / 100 · "
                    + "\(report.level ?? "")\(from)"
                    + changeNote(report.previous?.change, reliable: report.previous?.reliable))
            if let meaning = report.meaning { out.append(TextStyle.wrap(meaning, indent: "")) }
        } else {
            out.append("Overall: not enough answers to score any skill area.")
        }

        for code in report.responseStyle {
            out.append(style.bold(TextStyle.wrap("Caution: " + ResponseStyle.message(for: code), indent: "")))
        }

        out.append("")
        out.append(style.bold("Skill areas, strongest first"))
        let nameWidth = max(12, report.areas.map(\.name.count).max() ?? 0)
        for area in report.areas {
            let name = TextStyle.pad(safe(area.name), nameWidth)
            guard let score = area.score else {
                if area.items == 0 {
                    out.append("  \(name)  not applicable: none of its statements came up")
                } else {
                    out.append(
                        "  \(name)  not enough answers (\(area.answered) of \(area.items); \(area.required) needed)")
                }
                continue
            }
            let number = TextStyle.pad(TextStyle.score(score) + TextStyle.margin(area.standardError), 7)
            out.append("  \(name)  \(style.bar(score)) \(number) \(area.level ?? "")")
            // What the number means, on a line of its own: the band's levels, the change, the target.
            let notes = [
                TextStyle.couldBe(area.bandLevels, level: area.level),
                area.change.map { "since last time: " + TextStyle.change($0, reliable: area.reliable) },
                TextStyle.targetNote(score: score, target: area.target),
            ].compactMap { $0 }
            if !notes.isEmpty { out.append(TextStyle.wrap(notes.joined(separator: " · "), indent: "    ")) }
            if let count = area.notApplicable {
                out.append(style.dim("    \(count) statement\(count == 1 ? "" : "s") didn't come up (n/a), left out"))
            }
            if let descriptor = area.descriptor {
                out.append(style.dim(TextStyle.wrap(descriptor, indent: String(repeating: " ", count: 4))))
            }
        }

        out.append("")
        out.append("Strengths: " + report.strengthsText { names($0, report) })
        out.append("Focus: " + names(report.focusAreas, report))
        for note in report.tieNotes({ names($0, report) }) {
            out.append(TextStyle.wrap(note, width: style.width, indent: ""))
        }

        if !report.plan.isEmpty {
            out.append("")
            out.append(style.bold("Development plan"))
            for area in report.focusAreas {
                let line = report.areas.first { $0.area == area }
                out.append("  \(safe(line?.name ?? area)) (\(TextStyle.score(line?.score)), \(line?.level ?? ""))")
                for explained in report.explainedSteps(area: area) {
                    out.append(
                        TextStyle.wrap(safe(explained.step.text), indent: "    • ")
                            .replacingFirstIndent("    • ", with: "      ")
                    )
                    if let because = report.explanation(explained, safe) {
                        out.append(style.dim(TextStyle.wrap(because, indent: "      ")))
                    }
                }
            }
            if let practice = report.practice {
                out.append("  Practice: \(safe(practice.title))")
                out.append(TextStyle.wrap(safe(practice.text), indent: "    "))
            }
        }

        if !report.missedQuestions.isEmpty {
            out.append("")
            out.append(style.bold("Questions to review (\(report.missedQuestions.count))"))
            for missed in report.missedQuestions {
                out.append(
                    TextStyle.wrap(safe(missed.text), indent: "  • ").replacingFirstIndent("  • ", with: "    "))
                let (chose, best) = missed.sentences(safe)
                out.append(TextStyle.wrap(chose, indent: "    "))
                if let feedback = missed.feedback { out.append(TextStyle.wrap(safe(feedback), indent: "      ")) }
                out.append(TextStyle.wrap(best, indent: "    "))
                out.append(style.dim(TextStyle.wrap(safe(missed.explanation), indent: "    ")))
            }
        }

        if !report.reflections.isEmpty {
            out.append("")
            out.append(style.bold(report.rater == nil ? "Reflections" : "Coach's evidence"))
            for reflection in report.reflections {
                out.append("  \(safe(reflection.prompt))")
                out.append(TextStyle.wrap(safe(reflection.text), indent: "    "))
            }
        }

        if let previous = report.previous {
            out.append("")
            out.append(
                "Compared with \(TextStyle.date(previous.takenAt)): overall "
                    + (previous.change.map { TextStyle.change($0, reliable: previous.reliable) } ?? "not comparable"))
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
