import FoundationEssentials
import Glibc
import SkillsCore

enum GainCommand: Command {
    static let spec = CommandSpec(
        name: "gain", summary: "Did the training work? A class's change between two sittings of a questionnaire.",
        usage:
            "BEFORE AFTER | [DIR] --split DATE [--questionnaire ID] [--latest] [--format FORMAT] [--output FILE]",
        positionals: 0...2,
        options: [
            OptionSpec("--split", value: "DATE", "one folder: results before DATE against those from DATE on"),
            OptionSpec("--questionnaire", value: "ID", "which questionnaire, when the results hold several"),
            OptionSpec("--latest", "use each person's latest attempt in each sitting, not their first"),
            OptionSpec("--output", value: "FILE", "write to FILE instead of standard output"),
        ],
        formats: Format.names,
        discussion:
            "BEFORE and AFTER are folders of result files (a store folder counts as its results) or single files. "
            + "People are matched by name. With --split and no folder, the store's results are used. Damaged "
            + "files are reported and skipped. Exit 65 when no one sat both.",
        examples: [
            "skills gain pre-course/ post-course/",
            "skills gain collected/ --split 2026-11-16 --questionnaire scenario-quiz",
            "skills gain pre/ post/ --format html --output gain.html",
        ])

    /// csv is one row for the overall and one per area.
    enum Format: String, CommandFormat { case text, markdown, json, csv, html }

    static func run(_ context: Context) throws -> Int32 {
        let format = try context.format(Format.self, spec: spec)
        let positionals = context.arguments.positionals
        let split = try context.date(option: "--split", spec: spec, example: "2026-11-16")
        if split != nil {
            guard positionals.count <= 1 else {
                throw CommandLineError(message: "--split takes one folder or file, not two", spec: spec)
            }
        } else if positionals.count != 2 {
            throw CommandLineError(
                message: "give two folders or files, BEFORE and AFTER, or one with --split DATE", spec: spec)
        }
        try context.checkOutput()

        let before: [AssessmentResult]
        let after: [AssessmentResult]
        let labels: (String, String)
        if let split, let splitText = context.arguments.value("--split") {
            let place = try positionals.first ?? context.store.checkedResultsFolder()
            let sides = GainSittings.split(try read([place], context: context), at: split)
            (before, after) = (sides.before, sides.after)
            labels = ("\(place) before \(splitText)", "\(place) from \(splitText) on")
        } else {
            before = try read([positionals[0]], context: context)
            after = try read([positionals[1]], context: context)
            labels = (positionals[0], positionals[1])
        }
        let questionnaire = try GainSittings.questionnaire(
            before: before, after: after, asked: context.arguments.value("--questionnaire"), labels: labels)
        let report = GainBuilder.build(
            before: before, after: after, questionnaire: questionnaire, labels: labels,
            latest: context.arguments.has("--latest"), framework: try context.framework())
        guard report.matched > 0 else {
            throw SkillsError.invalidData(
                file: "\(labels.0) and \(labels.1)",
                detail:
                    "no one sat both (\(report.before.people) before, \(report.after.people) after); people are "
                    + "matched by name, so check the names are spelt the same")
        }
        switch format {
        case .json: try context.emitData(try JSONFile.text(report))
        case .csv: try context.emitData(GainRenderer.csv(report))
        case .markdown: try context.emitData(GainRenderer.markdown(report))
        case .html: try context.emitData(GainHTML.page(report))
        case .text: try context.emit(GainRenderer.text(report, style: context.textStyle))
        }
        return ExitCode.success
    }

    /// Every readable result under the paths (folders give their .json files; a store
    /// folder its results); damaged files become warnings.
    private static func read(_ paths: [String], context: Context) throws -> [AssessmentResult] {
        var problems: [String] = []
        let results = ResultReader.readAll(try ClassCollector.expand(paths), problems: &problems)
        problems.forEach(context.warn)
        return results.map(\.result)
    }
}
