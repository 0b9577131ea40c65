import Foundation
import SkillsCore

enum ReportCommand: Command {
    static let spec = CommandSpec(
        name: "report", summary: "Print the development report for a result file, or your latest result.",
        usage: "[RESULT] [--name NAME] [--questionnaire ID] [--format FORMAT]", positionals: 0...1,
        options: [
            OptionSpec("--name", value: "NAME", "whose latest result (default: your login name)"),
            OptionSpec("--questionnaire", value: "ID", "the latest result of this questionnaire"),
            OptionSpec("--format", value: "FORMAT", "text (default) or json"),
        ],
        examples: ["skills report", "skills report --name Ana --questionnaire self-assessment", "skills report results/2026-11-23T051200-ana-shift-checkin-1a2b3c4d.json --format json"])

    static func run(_ context: Context) throws -> Int32 {
        let format = try OutputFormat.choose(context, from: [.text, .json], spec: spec)
        let framework = try context.framework()
        var problems: [String] = []
        let result: AssessmentResult
        if let path = context.arguments.positionals.first {
            result = try ResultReader.read(path: path)
        } else {
            let person = try context.personName()
            let questionnaire = context.arguments.value("--questionnaire")
            guard let latest = context.store.results(of: person, questionnaire: questionnaire, problems: &problems).last else {
                problems.forEach(context.warn)
                let which = questionnaire.map { " for '\(TextSafety.visible($0))'" } ?? ""
                throw SkillsError.notFound("no results for '\(TextSafety.visible(person))'\(which) in \(context.store.resultsFolder.path); take one with 'skills take shift-checkin --name \(TextSafety.visible(person))'")
            }
            result = latest.result
        }
        let previous = context.store.results(of: result.person, questionnaire: result.questionnaire.id, problems: &problems)
            .last { $0.result.takenAt < result.takenAt && $0.result.id != result.id }?.result
        Set(problems).sorted().forEach(context.warn)
        let report = ReportBuilder.build(result, previous: previous, framework: framework)
        context.print(try render(report, format: format, context: context))
        return ExitCode.success
    }

    static func render(_ report: DevelopmentReport, format: OutputFormat, context: Context) throws -> String {
        switch format {
        case .json: String(decoding: try JSONFile.encode(report), as: UTF8.self)
        default: TextReportRenderer(style: context.textStyle).render(report)
        }
    }
}
