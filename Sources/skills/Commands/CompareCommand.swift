import Foundation
import SkillsCore

enum CompareCommand: Command {
    static let spec = CommandSpec(
        name: "compare", summary: "Put an agent's latest self-assessment beside the latest coach rating.",
        usage: "--name NAME [--format FORMAT] [--output FILE]",
        options: [
            OptionSpec("--name", value: "NAME", "the agent (default: your login name)"),
            OptionSpec("--format", value: "FORMAT", "text (default), markdown, json or html"),
            OptionSpec("--output", value: "FILE", "write to FILE instead of standard output"),
        ],
        discussion: """
            Self: the latest self-assessment (or, without one, the latest check-in). Coach: the latest
            coach observation ('skills take coach-observation --name NAME'). Gaps of 15 points or more
            are blind spots (self higher) or hidden strengths (self lower).
            """,
        examples: ["skills compare --name Ana", "skills compare --name Ana --format html --output ana.html"])

    static func run(_ context: Context) throws -> Int32 {
        let format = try OutputFormat.choose(context, from: [.text, .markdown, .json, .html], spec: spec)
        let person = try context.personName()
        var problems: [String] = []
        let results = context.store.results(of: person, problems: &problems).map(\.result)
        Set(problems).sorted().forEach(context.warn)
        let own = results.filter { $0.rater == nil }
        guard let coach = results.last(where: { $0.questionnaire.kind == .observation }) else {
            throw SkillsError.notFound(
                "no coach observation of '\(TextSafety.visible(person))' in \(context.store.resultsFolder.path); a coach records one with 'skills take coach-observation --name \(TextSafety.visible(person))'"
            )
        }
        guard
            let mine = own.last(where: { $0.questionnaire.kind == .selfAssessment })
                ?? own.last(where: { $0.questionnaire.kind == .checkIn })
        else {
            throw SkillsError.notFound(
                "no self-assessment of '\(TextSafety.visible(person))' in \(context.store.resultsFolder.path); take one with 'skills take self-assessment --name \(TextSafety.visible(person))'"
            )
        }
        let comparison = ComparisonBuilder.build(self: mine, coach: coach, framework: try context.framework())
        switch format {
        case .json: try context.emit(try JSONFile.text(comparison))
        case .markdown: try context.emit(ComparisonRenderer.markdown(comparison))
        case .html: try context.emit(ComparisonRenderer.html(comparison))
        case .text, .csv: try context.emit(ComparisonRenderer.text(comparison, style: context.textStyle))
        }
        return ExitCode.success
    }
}
