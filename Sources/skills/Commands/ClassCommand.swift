import FoundationEssentials
import Glibc
import SkillsCore

enum ClassCommand: Command {
    static let spec = CommandSpec(
        name: "class", summary: "The trainer's class summary over many result files, with item analysis.",
        usage:
            "[DIR|FILE...] [--questionnaire ID[@VERSION]] [--all-attempts] [--anonymize] [--detail] "
            + "[--format FORMAT] [--output FILE]",
        positionals: 0...Int.max,
        options: [
            OptionSpec(
                "--questionnaire", value: "ID", "which questionnaire, when the files hold several (ID or ID@VERSION)"),
            OptionSpec("--all-attempts", "use every attempt, not only each person's first"),
            OptionSpec(
                "--anonymize",
                "replace names with random codes (T-7Q2K), new on every run and recorded nowhere; times become days"),
            OptionSpec("--detail", "in text, also list each trainee's missed questions"),
            OptionSpec("--output", value: "FILE", "write to FILE instead of standard output"),
        ],
        formats: Format.names,
        discussion: "With no folder or file, the store's results are used. Damaged files are reported and skipped.",
        examples: [
            "skills class collected/",
            "skills class collected/ --questionnaire scenario-quiz --format html --output class.html",
            "skills class collected/ --anonymize --format csv --output class.csv", "skills class collected/ --detail",
        ])

    /// csv is one row per participant.
    enum Format: String, CommandFormat { case text, markdown, json, csv, html }

    static func run(_ context: Context) throws -> Int32 {
        let format = try context.format(Format.self, spec: spec)
        try context.checkOutput()
        let paths =
            context.arguments.positionals.isEmpty
            ? [try context.store.checkedResultsFolder()] : context.arguments.positionals
        var collector = ClassCollector(allAttempts: context.arguments.has("--all-attempts"))
        try collector.add(paths: paths)
        collector.problems.forEach(context.warn)

        let group = try choose(from: collector.groups, paths: paths, context: context)
        if group.hashes.count > 1 {
            context.warn(
                "results of \(group.id) \(group.version) come from \(group.hashes.count) different versions of its "
                    + "content (it was edited without a new version number); they are summarised together"
            )
        }
        let summary = ClassSummaryBuilder.build(
            group, anonymize: context.arguments.has("--anonymize"),
            framework: try context.framework())
        switch format {
        case .json: try context.emitData(try JSONFile.text(summary))
        case .csv: try context.emitData(ClassRenderer.csv(summary))
        case .markdown: try context.emitData(ClassRenderer.markdown(summary))
        case .html: try context.emitData(ClassRenderer.html(summary, levels: try context.framework().levels))
        case .text:
            try context.emitLines {
                ClassRenderer.text(
                    summary, style: context.textStyle, detail: context.arguments.has("--detail"), line: $0)
            }
        }
        return ExitCode.success
    }

    /// One questionnaire version; never several mixed silently.
    private static func choose(from groups: [ClassGroup], paths: [String], context: Context) throws -> ClassGroup {
        let place = paths.joined(separator: " ")
        guard !groups.isEmpty else {
            throw SkillsError.notFound(
                "no results found in \(place); expected result files (.json, as 'skills take' saves them), "
                    + "a folder of them, or a store")
        }
        func describe(_ list: [ClassGroup]) -> String {
            list.map { "\($0.id)@\($0.version) (\($0.resultCount) result\($0.resultCount == 1 ? "" : "s"))" }
                .joined(separator: ", ")
        }
        var candidates = groups
        if let wanted = context.arguments.value("--questionnaire") {
            let parts = wanted.split(separator: "@", maxSplits: 1).map(String.init)
            candidates = groups.filter { $0.id == parts.first && (parts.count == 1 || $0.version == parts[1]) }
            if candidates.isEmpty {
                throw SkillsError.notFound(
                    "no results of '\(TextSafety.visible(wanted))' in \(place); found \(describe(groups))")
            }
        }
        if candidates.count > 1 {
            throw CommandLineError(
                message:
                    "\(place) holds results of several questionnaires or versions: \(describe(candidates)); choose "
                    + "one with --questionnaire ID@VERSION",
                spec: spec)
        }
        return candidates[0]
    }
}
