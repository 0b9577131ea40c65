import FoundationEssentials
import Glibc
import SkillsCore

enum ReportCommand: Command {
    static let spec = CommandSpec(
        name: "report", summary: "Print the development report for a result file, or your latest result.",
        usage: "[RESULT] [--name NAME] [--questionnaire ID] [--format FORMAT] [--output FILE]", positionals: 0...1,
        options: [
            OptionSpec("--name", value: "NAME", "whose latest result (default: your login name)"),
            OptionSpec("--questionnaire", value: "ID", "the latest result of this questionnaire"),
            OptionSpec("--output", value: "FILE", "write the report to FILE instead of standard output"),
        ],
        formats: Format.names,
        examples: [
            "skills report", "skills report --format html --output report.html",
            "skills report --name Ana --questionnaire self-assessment",
            "skills report results/2026-11-23T051200-ana-shift-checkin-1a2b3c4d.json --format json",
        ]
    ).completing(.results)

    enum Format: String, CommandFormat { case text, markdown, json, html }

    static func run(_ context: Context) throws -> Int32 {
        let format = try context.format(Format.self, spec: spec)
        try context.checkOutput()
        let framework = try context.framework()
        let result: AssessmentResult
        var theirs: PersonResults
        if let path = context.arguments.positionals.first {
            result = try ResultReader.read(path: context.resultPath(path), regularOnly: false)
            theirs = try PersonResults(
                store: context.store, person: result.person, questionnaire: result.questionnaire.id)
        } else {
            theirs = try context.theirResults()
            let wanted = context.arguments.value("--questionnaire")
            guard let latest = ResultChoice.latest(in: theirs, questionnaire: wanted) else {
                context.warn(problems: theirs.problems)
                let person = theirs.person
                let which = wanted.map { " for '\(TextSafety.visible($0))'" } ?? ""
                throw SkillsError.notFound(
                    "no results for '\(TextSafety.visible(person))'\(which) in \(context.store.resultsFolder.path); "
                        + "take one with 'skills take shift-checkin --name \(TextSafety.visible(person))'"
                )
            }
            result = latest
            theirs = try theirs.narrowed(to: result.questionnaire.id)
        }
        let previous = ResultChoice.previous(of: result, in: theirs)
        context.warn(problems: theirs.problems)
        let report = ReportBuilder.build(
            result, previous: previous,
            targets: context.targets(of: result.person), framework: framework)
        try context.emit(try render(report, format: format, context: context), as: format)
        return ExitCode.success
    }

    static func render(_ report: DevelopmentReport, format: Format, context: Context) throws -> String {
        switch format {
        case .json: try JSONFile.text(report)
        case .markdown: MarkdownReportRenderer(times: context.textStyle).render(report)
        case .html: HTMLReportRenderer(levels: try context.framework().levels, times: context.textStyle).render(report)
        case .text: TextReportRenderer(style: context.textStyle).render(report)
        }
    }
}
