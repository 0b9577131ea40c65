import FoundationEssentials
import Glibc
import SkillsCore

enum HistoryCommand: Command {
    static let spec = CommandSpec(
        name: "history", summary: "Show a person's results over time: per-area scores, change, best and trend.",
        usage: "[--name NAME] [--questionnaire ID] [--since DATE] [--format FORMAT] [--output FILE]",
        options: [
            OptionSpec("--name", value: "NAME", "whose history (default: your login name)"),
            OptionSpec(
                "--questionnaire", value: "ID",
                "which questionnaire (default: the one you took most often; never a coach's observation unless named)"),
            OptionSpec(
                "--since", value: "DATE",
                "only results from this day on (2026-11-01, from midnight in your time zone) or this time"),
            OptionSpec("--output", value: "FILE", "write to FILE instead of standard output"),
        ],
        formats: Format.names,
        examples: [
            "skills history", "skills history --name Ana --questionnaire self-assessment --since 2026-09-01",
            "skills history --format csv --output ana.csv", "skills history --format html --output history.html",
        ])

    enum Format: String, CommandFormat { case text, markdown, json, csv, html }

    static func run(_ context: Context) throws -> Int32 {
        let format = try context.format(Format.self, spec: spec)
        let since = try context.date(option: "--since", spec: spec, dayIn: context.timeZone)
        try context.checkOutput()
        let store = try context.theirResults()
        let person = store.person
        // Without answers: a history shows only dates and scores, and these results go nowhere else.
        let theirs = store.all(answers: false).map(\.result)
        context.warn(problems: store.problems)
        // One questionnaire per history: scores of different questionnaires do not compare.
        let asked = context.arguments.value("--questionnaire")
        let shown = ResultChoice.historyQuestionnaire(among: theirs, asked: asked)
        let results = theirs.filter { $0.questionnaire.id == shown }
        let others = Set(theirs.filter { $0.rater == nil }.map(\.questionnaire.id)).subtracting([shown ?? ""])
        if asked == nil, let shown, !others.isEmpty {
            context.say(
                "Showing \(shown); also taken: \(others.sorted().joined(separator: ", ")) (choose with --questionnaire)"
            )
        }
        let history =
            HistoryBuilder.build(
                results, since: since, targets: context.targets(of: person), framework: try context.framework())
            ?? History.empty(person: person, questionnaire: asked ?? "", since: since)
        if history.entries.isEmpty && (format == .text || format == .markdown) {
            let style = context.textStyle
            let when = since.map { " since \(style.date($0))" } ?? ""
            context.print(
                style.wrap(
                    "No results yet for \(TextSafety.visible(person))\(when). Take the after-shift check-in with "
                        + "'skills take shift-checkin'.", indent: ""))
            return ExitCode.success
        }
        switch format {
        case .json: try context.emitData(try JSONFile.text(history))
        case .csv: try context.emitData(HistoryRenderer.csv(history))
        case .markdown: try context.emitData(HistoryRenderer.markdown(history, style: context.textStyle))
        case .html: try context.emitData(HistoryHTMLRenderer.render(history, times: context.textStyle))
        case .text: try context.emit(HistoryRenderer.text(history, style: context.textStyle))
        }
        return ExitCode.success
    }
}
