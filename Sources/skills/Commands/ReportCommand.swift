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
            guard let latest = try latestResult(context, problems: &problems) else {
                problems.forEach(context.warn)
                let person = try context.personName()
                let which = context.arguments.value("--questionnaire").map { " for '\(TextSafety.visible($0))'" } ?? ""
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

    /// The latest result of --name, or of the login name. Without --name, a store that
    /// holds one person's results only (an agent's own store) shows that person's.
    private static func latestResult(_ context: Context, problems: inout [String]) throws -> StoredResult? {
        let questionnaire = context.arguments.value("--questionnaire")
        let person = try context.personName()
        if let found = context.store.results(of: person, questionnaire: questionnaire, problems: &problems).last {
            return found
        }
        guard context.arguments.value("--name") == nil else { return nil }
        let everyone = context.store.allResults(problems: &problems)
            .filter { questionnaire == nil || $0.result.questionnaire.id == questionnaire }
        let people = Set(everyone.map { $0.result.person.lowercased() })
        if people.count == 1 { return everyone.last }
        if people.count > 1 {
            let names = Set(everyone.map(\.result.person)).sorted().map { TextSafety.visible($0) }.joined(separator: ", ")
            throw SkillsError.notFound("no results for '\(TextSafety.visible(person))'; the store has results for \(names): choose with --name")
        }
        return nil
    }

    static func render(_ report: DevelopmentReport, format: OutputFormat, context: Context) throws -> String {
        switch format {
        case .json: String(decoding: try JSONFile.encode(report), as: UTF8.self)
        default: TextReportRenderer(style: context.textStyle).render(report)
        }
    }
}
