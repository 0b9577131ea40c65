/// The development report as Markdown, for a coaching note or a wiki page.
public struct MarkdownReportRenderer {
    public init() {}

    public func render(_ report: DevelopmentReport) -> String {
        let md = Escaping.markdown
        var out: [String] = []
        out.append("# Development report: \(md(report.person))")
        var about =
            "\(md(report.questionnaire.title)) (\(md(report.questionnaire.id)) "
            + "\(md(report.questionnaire.version))), \(TextStyle.date(report.takenAt))"
        if let rater = report.rater { about += ", rated by \(md(rater))" }
        out.append("")
        out.append(about)
        out.append("")
        if let overall = report.overall {
            out.append(
                "**Overall \(TextStyle.score(overall))\(TextStyle.margin(report.standardError)) / 100, "
                    + "\(report.level ?? "")**"
                    + (report.areasScored.map { " (from \($0) of \(report.areas.count) areas)" } ?? "")
                    + (report.previous?.change.map {
                        " (\(TextStyle.change($0, reliable: report.previous?.reliable)) since last time)"
                    } ?? ""))
            for code in report.responseStyle { out.append("\n> **Caution:** " + ResponseStyle.message(for: code)) }
            if let meaning = report.meaning { out += ["", meaning] }
        } else {
            out.append("**Overall: not enough answers to score any skill area.**")
        }

        out += [
            "", "## Skill areas, strongest first", "",
            "| Area | Score | Level | Change | Target | What it looks like |", "|---|---:|---|---:|---|---|",
        ]
        for area in report.areas {
            let score =
                area.score.map { TextStyle.score($0) + TextStyle.margin(area.standardError) }
                ?? (area.items == 0 ? "not applicable" : "not enough answers")
            let change = area.change.map { TextStyle.change($0, reliable: area.reliable) } ?? ""
            let target = TextStyle.targetNote(score: area.score, target: area.target) ?? ""
            out.append(
                "| \(md(area.name)) | \(score) | \(area.level ?? "") | \(change) | \(target) | "
                    + "\(md(area.descriptor ?? "")) |"
            )
        }

        out += [
            "", "**Strengths:** " + report.strengthsText { names($0, report) },
            "", "**Focus areas:** " + names(report.focusAreas, report),
        ]
        out += report.tieNotes { names($0, report) }.flatMap { ["", $0] }

        if !report.plan.isEmpty {
            out += ["", "## Development plan"]
            for area in report.focusAreas {
                out += ["", "### \(names([area], report))", ""]
                for explained in report.explainedSteps(area: area) {
                    out.append("- \(md(explained.step.text))")
                    if let because = report.explanation(explained, md) {
                        out.append("  *" + because.prefix(1).uppercased() + because.dropFirst() + ".*")
                    }
                }
            }
            if let practice = report.practice {
                out += ["", "**Practice: \(md(practice.title)).** \(md(practice.text))"]
            }
        }

        if !report.missedQuestions.isEmpty {
            out += ["", "## Questions to review", ""]
            for missed in report.missedQuestions {
                out.append("- \(md(missed.text))")
                let (chose, best) = missed.sentences(md)
                out.append("  \(chose)" + (missed.feedback.map { " (\(md($0)))" } ?? ""))
                out.append("  **\(best)**")
                out.append("  \(md(missed.explanation))")
            }
        }

        if !report.reflections.isEmpty {
            out += ["", report.rater == nil ? "## Reflections" : "## Coach's evidence", ""]
            for reflection in report.reflections {
                out.append("- *\(md(reflection.prompt))*")
                out.append("  \(md(reflection.text))")
            }
        }
        if let previous = report.previous {
            out += [
                "",
                "Compared with \(TextStyle.date(previous.takenAt)): overall "
                    + (previous.change.map { TextStyle.change($0, reliable: previous.reliable) } ?? "not comparable")
                    + ".",
            ]
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func names(_ ids: [String], _ report: DevelopmentReport) -> String {
        ids.map { id in Escaping.markdown(report.areas.first { $0.area == id }?.name ?? id) }.joined(separator: ", ")
    }
}
