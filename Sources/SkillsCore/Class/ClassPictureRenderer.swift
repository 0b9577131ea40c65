import FoundationEssentials
import Glibc

/// The parts of the class summary a trainer reads first, in every format: the weakest
/// area(s) with ties named, the reflections under their questions, the spread of answers to
/// each rating item, and each trainee's missed questions.
enum ClassPictureRenderer {
    /// "Weakest area: Listening (mean 46)" or "Weakest areas, tied at a mean of 46: Listening, Empathy".
    static func weakestHeading(_ summary: ClassSummary, name: (String) -> String) -> String? {
        let tied = summary.weakestAreas.isEmpty ? summary.weakestArea.map { [$0] } ?? [] : summary.weakestAreas
        guard let first = tied.first else { return nil }
        if tied.count == 1 { return "Weakest area: \(name(first.name)) (mean \(TextStyle.score(first.mean)))" }
        return "Weakest areas, tied at a mean of \(TextStyle.score(first.mean)): "
            + tied.map { name($0.name) }.joined(separator: ", ")
    }

    static func tied(_ summary: ClassSummary) -> [ClassSummary.WeakestArea] {
        summary.weakestAreas.isEmpty ? summary.weakestArea.map { [$0] } ?? [] : summary.weakestAreas
    }

    /// Rating items with a spread, and the answers that spread has, in order.
    static func spreadColumns(_ summary: ClassSummary) -> (items: [ClassSummary.ItemStatistics], answers: [String]) {
        let items = summary.items.filter { $0.spread != nil }
        var answers: [String] = []
        for item in items {
            for count in item.spread ?? [] where !answers.contains(count.answer) { answers.append(count.answer) }
        }
        let numbers = answers.compactMap { Int($0) }.sorted().map(String.init)
        return (items, numbers + answers.filter { Int($0) == nil })
    }

    static func count(_ item: ClassSummary.ItemStatistics, _ answer: String) -> Int {
        item.spread?.first { $0.answer == answer }?.count ?? 0
    }

    static func itemText(_ id: String, _ summary: ClassSummary) -> String {
        summary.items.first { $0.item == id }?.text ?? ""
    }

    /// The first words of a question, for a list of missed ones.
    static func short(_ text: String, words: Int = 8) -> String {
        let all = text.split(separator: " ")
        return all.prefix(words).joined(separator: " ") + (all.count > words ? " …" : "")
    }

    // MARK: Text

    static func text(_ summary: ClassSummary, style: TextStyle, detail: Bool) -> [String] {
        let v = { (text: String) in TextSafety.visible(text) }
        let width = style.width
        var out: [String] = []
        let (items, answers) = spreadColumns(summary)
        if !summary.reflections.isEmpty {
            out += ["", style.bold("Reflections, by question")]
            for question in summary.reflections {
                out.append(TextStyle.wrap(v(question.prompt), width: width, indent: "  "))
                for answer in question.answers {
                    out.append(
                        TextStyle.wrap("\(v(answer.name)): \(v(answer.text))", width: width, indent: "    • ")
                            .replacingFirstIndent("    • ", with: "      "))
                }
            }
        }
        if !items.isEmpty {
            out += [
                "", style.bold(TextStyle.wrap("Answer spread (how many chose each answer)", width: width, indent: "")),
            ]
            let header = ["ITEM"] + answers.map { $0.uppercased() }
            let rows = items.map { item in [v(item.item)] + answers.map { String(count(item, $0)) } }
            out.append(TextTable.render([header] + rows, rightAligned: Array(1..<header.count), width: width))
        }
        if !summary.missedQuestions.isEmpty {
            if detail {
                out += ["", style.bold("Missed questions, per trainee")]
                for trainee in summary.missedQuestions {
                    out.append(
                        TextStyle.wrap(
                            "\(v(trainee.name)) (\(trainee.missed.count)): "
                                + trainee.missed.map(v).joined(separator: ", "), width: width, indent: "  "))
                }
            } else {
                out += [
                    "",
                    TextStyle.wrap(
                        "\(summary.missedQuestions.count) trainee\(summary.missedQuestions.count == 1 ? "" : "s") "
                            + "missed questions: add --detail to list them here (also in --format json and html).",
                        width: width, indent: ""),
                ]
            }
        }
        return out
    }

    // MARK: Markdown

    static func markdown(_ summary: ClassSummary) -> [String] {
        let md = Escaping.markdown
        var out: [String] = []
        let (items, answers) = spreadColumns(summary)
        if !summary.reflections.isEmpty {
            out += ["", "## Reflections, by question"]
            for question in summary.reflections {
                out += ["", "**\(md(question.prompt))**", ""]
                out += question.answers.map { "- \(md($0.name)): \(md($0.text))" }
            }
        }
        if !items.isEmpty {
            out += [
                "", "## Answer spread", "", "| Item | " + answers.joined(separator: " | ") + " |",
                "|---|" + String(repeating: "---:|", count: answers.count),
            ]
            out += items.map { item in
                "| \(md(item.item)) | " + answers.map { String(count(item, $0)) }.joined(separator: " | ") + " |"
            }
        }
        if !summary.missedQuestions.isEmpty {
            out += ["", "## Missed questions, per trainee", ""]
            out += summary.missedQuestions.map {
                "- \(md($0.name)) (\($0.missed.count)): " + $0.missed.map(md).joined(separator: ", ")
            }
        }
        return out
    }

    // MARK: HTML

    static func html(_ summary: ClassSummary) -> [String] {
        let h = Escaping.html
        var body: [String] = []
        let (items, answers) = spreadColumns(summary)
        if !summary.reflections.isEmpty {
            body.append("<h2>Reflections, by question</h2>")
            for question in summary.reflections {
                body.append("<h3>\(h(question.prompt))</h3><ul>")
                body += question.answers.map { "<li><strong>\(h($0.name)):</strong> \(h($0.text))</li>" }
                body.append("</ul>")
            }
        }
        if !items.isEmpty {
            body.append("<h2>Answer spread</h2>")
            body.append("<p class=\"because\">How many chose each answer to each rating item.</p>")
            body.append(
                HTMLTable.render(
                    ["Item"] + answers.map(h),
                    items.map { item in
                        [h(item.item) + "<br/><span class=\"because\">\(h(item.text))</span>"]
                            + answers.map { String(count(item, $0)) }
                    }))
        }
        if !summary.missedQuestions.isEmpty {
            body.append("<h2>Missed questions, per trainee</h2>")
            body.append(
                HTMLTable.render(
                    ["Trainee", "Missed"],
                    summary.missedQuestions.map { trainee in
                        [
                            h(trainee.name) + " (\(trainee.missed.count))",
                            trainee.missed.map {
                                "\(h($0)) <span class=\"because\">\(h(short(itemText($0, summary))))</span>"
                            }
                            .joined(separator: "<br/>"),
                        ]
                    }))
        }
        return body
    }
}
