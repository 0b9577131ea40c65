import Foundation
import SkillsCore

enum HistoryCommand: Command {
    static let spec = CommandSpec(
        name: "history", summary: "Show a person's results over time: per-area scores, change, best and trend.",
        usage: "[--name NAME] [--questionnaire ID] [--since DATE] [--format FORMAT] [--output FILE]",
        options: [
            OptionSpec("--name", value: "NAME", "whose history (default: your login name)"),
            OptionSpec("--questionnaire", value: "ID", "which questionnaire (default: the one taken most recently)"),
            OptionSpec("--since", value: "DATE", "only results from this day on (2026-11-01) or this time"),
            OptionSpec("--format", value: "FORMAT", "text (default), markdown, json or csv"),
            OptionSpec("--output", value: "FILE", "write to FILE instead of standard output"),
        ],
        examples: [
            "skills history", "skills history --name Ana --questionnaire self-assessment --since 2026-09-01",
            "skills history --format csv --output ana.csv",
        ])

    static func run(_ context: Context) throws -> Int32 {
        let format = try OutputFormat.choose(context, from: [.text, .markdown, .json, .csv], spec: spec)
        var since: Date?
        if let text = context.arguments.value("--since") {
            guard let date = ISODate.parse(text) else {
                throw CommandLineError(
                    message: "--since '\(TextSafety.visible(text))' is not a date; expected a day such as 2026-11-01",
                    spec: spec)
            }
            since = date
        }
        var problems: [String] = []
        var results = try context.personResults(
            questionnaire: context.arguments.value("--questionnaire"), problems: &problems)
        Set(problems).sorted().forEach(context.warn)
        // One questionnaire per history: scores of different questionnaires do not compare.
        if let latest = results.last {
            let others = Set(results.map(\.result.questionnaire.id)).subtracting([latest.result.questionnaire.id])
            results = results.filter { $0.result.questionnaire.id == latest.result.questionnaire.id }
            if !others.isEmpty {
                context.note(
                    "Showing \(latest.result.questionnaire.id); also taken: \(others.sorted().joined(separator: ", ")) (choose with --questionnaire)"
                )
            }
        }
        let person = try results.last?.result.person ?? context.personName()
        let history =
            HistoryBuilder.build(
                results.map(\.result), since: since, targets: context.targets(of: person),
                framework: try context.framework())
            ?? History.empty(
                person: person, questionnaire: context.arguments.value("--questionnaire") ?? "", since: since)
        if history.entries.isEmpty && (format == .text || format == .markdown) {
            let when = since.map { " since \(TextStyle.date($0))" } ?? ""
            context.print(
                "No results yet for \(TextSafety.visible(person))\(when). Take the after-shift check-in with 'skills take shift-checkin'."
            )
            return ExitCode.success
        }
        switch format {
        case .json: try context.emit(try JSONFile.text(history))
        case .csv: try context.emit(HistoryRenderer.csv(history))
        case .markdown: try context.emit(HistoryRenderer.markdown(history))
        case .text, .html: try context.emit(HistoryRenderer.text(history, style: context.textStyle))
        }
        return ExitCode.success
    }
}
