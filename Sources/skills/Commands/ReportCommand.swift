import Foundation
import SkillsCore

enum ReportCommand: Command {
    static let spec = CommandSpec(
        name: "report", summary: "Print the development report for a result file, or your latest result.",
        usage: "[RESULT] [--name NAME] [--questionnaire ID] [--format FORMAT] [--output FILE]", positionals: 0...1,
        options: [
            OptionSpec("--name", value: "NAME", "whose latest result (default: your login name)"),
            OptionSpec("--questionnaire", value: "ID", "the latest result of this questionnaire"),
            OptionSpec("--format", value: "FORMAT", "text (default), markdown, json or html"),
            OptionSpec("--output", value: "FILE", "write the report to FILE instead of standard output"),
        ],
        examples: [
            "skills report", "skills report --format html --output report.html",
            "skills report --name Ana --questionnaire self-assessment",
            "skills report results/2026-11-23T051200-ana-shift-checkin-1a2b3c4d.json --format json",
        ])

    static func run(_ context: Context) throws -> Int32 {
        let format = try OutputFormat.choose(context, from: formats, spec: spec)
        let framework = try context.framework()
        var problems: [String] = []
        let result: AssessmentResult
        var theirs: [StoredResult]?  // the person's results, read once
        if let path = context.arguments.positionals.first {
            result = try ResultReader.read(path: path)
        } else {
            theirs = try context.personResults(questionnaire: nil, problems: &problems)
            let wanted = context.arguments.value("--questionnaire")
            guard let latest = theirs?.last(where: { wanted == nil || $0.result.questionnaire.id == wanted }) else {
                problems.forEach(context.warn)
                let person = try context.personName()
                let which = context.arguments.value("--questionnaire").map { " for '\(TextSafety.visible($0))'" } ?? ""
                throw SkillsError.notFound(
                    "no results for '\(TextSafety.visible(person))'\(which) in \(context.store.resultsFolder.path); take one with 'skills take shift-checkin --name \(TextSafety.visible(person))'"
                )
            }
            result = latest.result
        }
        let previous = (theirs ?? context.store.results(of: result.person, problems: &problems))
            .last {
                $0.result.questionnaire.id == result.questionnaire.id && $0.result.takenAt < result.takenAt
                    && $0.result.id != result.id
            }?.result
        Set(problems).sorted().forEach(context.warn)
        let report = ReportBuilder.build(
            result, previous: previous, targets: context.targets(of: result.person), framework: framework)
        try context.emit(try render(report, format: format, context: context))
        return ExitCode.success
    }

    static let formats: [OutputFormat] = [.text, .markdown, .json, .html]

    static func render(_ report: DevelopmentReport, format: OutputFormat, context: Context) throws -> String {
        switch format {
        case .json: try JSONFile.text(report)
        case .markdown: MarkdownReportRenderer().render(report)
        case .html: HTMLReportRenderer().render(report)
        case .text, .csv: TextReportRenderer(style: context.textStyle).render(report)
        }
    }
}
