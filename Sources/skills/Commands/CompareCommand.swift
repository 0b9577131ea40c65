import Foundation
import SkillsCore

enum CompareCommand: Command {
    static let spec = CommandSpec(
        name: "compare", summary: "Put an agent's latest self-assessment beside the latest coach rating.",
        usage: "--name NAME [--format FORMAT] [--output FILE]",
        options: [
            OptionSpec("--name", value: "NAME", "the agent (default: your login name)"),
            OptionSpec("--output", value: "FILE", "write to FILE instead of standard output"),
        ],
        formats: Format.names,
        discussion: """
            Self: the latest self-assessment (or, without one, the latest check-in). Coach: the latest
            coach observation ('skills take coach-observation --name NAME'). Gaps of 15 points or more
            are blind spots (self higher) or hidden strengths (self lower).
            """,
        examples: ["skills compare --name Ana", "skills compare --name Ana --format html --output ana.html"])

    enum Format: String, CommandFormat { case text, markdown, json, html }

    static func run(_ context: Context) throws -> Int32 {
        let format = try context.format(Format.self, spec: spec)
        try context.checkOutput()
        let store = try context.theirResults()
        let person = store.person
        let results = store.all().map(\.result)
        context.warn(problems: store.problems)
        guard let coach = ResultChoice.coachRating(among: results) else {
            throw SkillsError.notFound(
                "no coach observation of '\(TextSafety.visible(person))' in \(context.store.resultsFolder.path); a "
                    + "coach records one with 'skills take coach-observation --name \(TextSafety.visible(person))'"
            )
        }
        guard let mine = ResultChoice.selfRating(among: results) else {
            throw SkillsError.notFound(
                "no self-assessment of '\(TextSafety.visible(person))' in \(context.store.resultsFolder.path); take "
                    + "one with 'skills take self-assessment --name \(TextSafety.visible(person))'"
            )
        }
        let comparison = ComparisonBuilder.build(self: mine, coach: coach, framework: try context.framework())
        switch format {
        case .json: try context.emitData(try JSONFile.text(comparison))
        case .markdown: try context.emitData(ComparisonRenderer.markdown(comparison))
        case .html: try context.emitData(ComparisonRenderer.html(comparison, levels: try context.framework().levels))
        case .text: try context.emit(ComparisonRenderer.text(comparison, style: context.textStyle))
        }
        return ExitCode.success
    }
}
