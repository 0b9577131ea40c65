import FoundationEssentials
import Glibc
import SkillsCore

enum CompareCommand: Command {
    static let spec = CommandSpec(
        name: "compare", summary: "Put an agent's latest self-assessment beside the latest coach rating.",
        usage: "--name NAME [--since DATE] [--format FORMAT] [--output FILE]",
        options: [
            OptionSpec("--name", value: "NAME", "the agent (default: your login name)"),
            OptionSpec(
                "--since", value: "DATE",
                "with several coaches: each one's latest observation from this day on (default: within "
                    + "\(ResultChoice.coachRoundDays) days of the latest observation)"),
            OptionSpec("--output", value: "FILE", "write to FILE instead of standard output"),
        ],
        formats: Format.names,
        discussion: """
            Self: the latest self-assessment (or, without one, the latest check-in). Coach: the latest
            coach observation ('skills take coach-observation --name NAME'). When several coaches
            observed the agent, each coach's latest observation within 14 days of the latest one (or
            since --since) counts, and the coach figures are their consensus: the median of their
            levels per area (both levels when they split evenly), with every coach named. A blind
            spot (self higher) or hidden strength (self lower) is flagged only when the levels
            differ and the agent's band lies wholly outside the coach's level.
            """,
        examples: ["skills compare --name Ana", "skills compare --name Ana --format html --output ana.html"])

    enum Format: String, CommandFormat { case text, markdown, json, html }

    static func run(_ context: Context) throws -> Int32 {
        let format = try context.format(Format.self, spec: spec)
        try context.checkOutput()
        let since = try context.date(option: "--since", spec: spec)
        let store = try context.theirResults()
        let person = store.person
        let results = store.all().map(\.result)
        context.warn(problems: store.problems)
        let coaches = ResultChoice.coachRatings(among: results, since: since)
        guard !coaches.isEmpty else {
            throw SkillsError.notFound(
                "no coach observation of '\(TextSafety.visible(person))'"
                    + (since.map { " since \(ISODate.string($0))" } ?? "")
                    + " in \(context.store.resultsFolder.path); a "
                    + "coach records one with 'skills take coach-observation --name \(TextSafety.visible(person))'"
            )
        }
        guard let mine = ResultChoice.selfRating(among: results) else {
            throw SkillsError.notFound(
                "no self-assessment of '\(TextSafety.visible(person))' in \(context.store.resultsFolder.path); take "
                    + "one with 'skills take self-assessment --name \(TextSafety.visible(person))'"
            )
        }
        guard let comparison = ComparisonBuilder.build(self: mine, coaches: coaches, framework: try context.framework())
        else { return ExitCode.success }
        switch format {
        case .json: try context.emitData(try JSONFile.text(comparison))
        case .markdown: try context.emitData(ComparisonRenderer.markdown(comparison, style: context.textStyle))
        case .html:
            try context.emitData(
                ComparisonRenderer.html(comparison, levels: try context.framework().levels, style: context.textStyle))
        case .text: try context.emit(ComparisonRenderer.text(comparison, style: context.textStyle))
        }
        return ExitCode.success
    }
}
