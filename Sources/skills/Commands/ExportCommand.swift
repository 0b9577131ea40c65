import Foundation
import SkillsCore

enum ExportCommand: Command {
    static let spec = CommandSpec(
        name: "export", summary: "Export results: CSV with one row per answer, or JSON with everything.",
        usage: "[DIR|FILE...] [--name NAME] [--questionnaire ID] [--format csv|json] [--output FILE]",
        positionals: 0...Int.max,
        options: [
            OptionSpec("--name", value: "NAME", "only this person's results"),
            OptionSpec("--questionnaire", value: "ID", "only results of this questionnaire"),
            OptionSpec("--format", value: "FORMAT", "csv (default: one row per answer) or json (the result files as one list)"),
            OptionSpec("--output", value: "FILE", "write to FILE instead of standard output"),
        ],
        discussion: "With no folder or file, the store's results are exported. Cells that a spreadsheet would run as a formula are neutralised.",
        examples: ["skills export --output answers.csv", "skills export collected/ --questionnaire scenario-quiz", "skills export --name Ana --format json"])

    static func run(_ context: Context) throws -> Int32 {
        let format = context.arguments.value("--format") == nil ? OutputFormat.csv : try OutputFormat.choose(context, from: [.csv, .json], spec: spec)
        let paths = context.arguments.positionals.isEmpty ? [context.store.resultsFolder.path] : context.arguments.positionals
        var problems: [String] = []
        let name = try context.arguments.value("--name").map { try PersonName.validate($0) }
        let questionnaire = context.arguments.value("--questionnaire")
        let results = ResultReader.readAll(try ClassCollector.expand(paths), problems: &problems).map(\.result).filter {
            (name == nil || $0.person.caseInsensitiveCompare(name!) == .orderedSame) && (questionnaire == nil || $0.questionnaire.id == questionnaire)
        }.sorted { $0.takenAt < $1.takenAt }
        problems.forEach(context.warn)
        if format == .json {
            try context.emit(String(decoding: try JSONFile.encode(results), as: UTF8.self))
        } else {
            let rows = [Escaping.csvRow(AnswerExport.header)] + results.flatMap(AnswerExport.csvRows)
            try context.emit(rows.joined(separator: "\r\n") + "\r\n")
        }
        if results.isEmpty { context.note("No results to export in \(paths.joined(separator: " ")).") }
        return ExitCode.success
    }
}
