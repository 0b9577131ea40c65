import FoundationEssentials
import Glibc
import SkillsCore

enum ExportCommand: Command {
    static let spec = CommandSpec(
        name: "export", summary: "Export results: CSV with one row per answer, or JSON with everything.",
        usage: "[DIR|FILE...] [--name NAME] [--questionnaire ID] [--anonymize] [--format FORMAT] [--output FILE]",
        positionals: 0...Int.max,
        options: [
            OptionSpec("--name", value: "NAME", "only this person's results"),
            OptionSpec("--questionnaire", value: "ID", "only results of this questionnaire"),
            OptionSpec(
                "--anonymize",
                "csv: people and result ids as random codes (new every run, recorded nowhere), days without times"),
            OptionSpec(
                "--actor-homepage", value: "URL",
                "xapi: identify people by an account on this platform (account.name is the person's name)"),
            OptionSpec(
                "--actor-mbox", value: "MAILTO", "xapi: identify the one person exported by this mailbox (mailto:…)"),
            OptionSpec(
                "--activity-base", value: "URL",
                "xapi: activity ids under this web address (default: urn:skills:questionnaire:…)"),
            OptionSpec("--output", value: "FILE", "write to FILE instead of standard output"),
        ],
        formats: Format.names,
        discussion: """
            csv: one row per answer; json: the result files as one list; xapi: xAPI 1.0.3 statements.
            With no folder or file, the store's results are exported. Cells that a spreadsheet
            would run as a formula are neutralised.
            """,
        examples: [
            "skills export --output answers.csv", "skills export collected/ --questionnaire scenario-quiz",
            "skills export --name Ana --format json", "skills export collected/ --anonymize --output class.csv",
            "skills export collected/ --format xapi --actor-homepage https://lms.example.org --output statements.json",
        ])

    private static func xapiActor(_ context: Context) throws -> XAPIStatements.Actor {
        let actor: XAPIStatements.Actor
        switch (context.arguments.value("--actor-homepage"), context.arguments.value("--actor-mbox")) {
        case (let homePage?, nil): actor = .account(homePage: homePage)
        case (nil, let mbox?): actor = .mbox(mbox)
        case (nil, nil):
            throw CommandLineError(
                message:
                    "xapi needs to know who people are on your platform: give --actor-homepage URL or --actor-mbox "
                    + "mailto:…",
                spec: spec)
        case (_?, _?):
            throw CommandLineError(message: "give --actor-homepage or --actor-mbox, not both", spec: spec)
        }
        try XAPIStatements.check(actor)
        if let base = context.arguments.value("--activity-base") {
            guard let url = URL(string: base), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
                throw CommandLineError(
                    message:
                        "--activity-base '\(TextSafety.visible(base))' is not a web address; expected one such as "
                        + "https://lms.example.org/skills",
                    spec: spec)
            }
        }
        return actor
    }

    enum Format: String, CommandFormat { case csv, json, xapi }

    static func run(_ context: Context) throws -> Int32 {
        let format = try context.format(Format.self, spec: spec)
        let anonymize = context.arguments.has("--anonymize")
        if anonymize && format != .csv {
            throw CommandLineError(
                message:
                    "--anonymize works with --format csv: \(format.rawValue) carries each result whole, with "
                    + "names, ids and exact times",
                spec: spec)
        }
        let actor = format == .xapi ? try xapiActor(context) : nil
        try context.checkOutput()
        let paths =
            context.arguments.positionals.isEmpty
            ? [try context.store.checkedResultsFolder()] : context.arguments.positionals
        if context.arguments.positionals.isEmpty && !FileManager.default.fileExists(atPath: paths[0]) {
            throw SkillsError.notFound(
                "no results yet in \(context.store.root.path); take one with 'skills take shift-checkin', "
                    + "or name result files or folders to export")
        }
        var problems: [String] = []
        let name = try context.arguments.value("--name").map { try PersonName.validate($0) }
        let questionnaire = context.arguments.value("--questionnaire")
        let files = try ClassCollector.expand(paths)
        if format == .csv && !anonymize {
            // Read on every core and kept only as rows: the spreadsheet export of a large folder.
            let (text, count) = AnswerExport.csv(
                paths: files, person: name, questionnaire: questionnaire, problems: &problems)
            problems.forEach(context.warn)
            try context.emitData(text)
            if count == 0 { context.note("No results to export in \(paths.joined(separator: " ")).") }
            return ExitCode.success
        }
        let results = ResultReader.readAll(files, problems: &problems).map(\.result).filter {
            AnswerExport.includes($0, person: name, questionnaire: questionnaire)
        }.sorted { $0.takenAt < $1.takenAt }
        problems.forEach(context.warn)
        if let actor {
            let people = Set(results.map { PersonName.key($0.person) })
            if case .mbox = actor, people.count > 1 {
                throw CommandLineError(
                    message:
                        "--actor-mbox names one person, but the results are of \(people.count) people; use "
                        + "--actor-homepage, or choose one with --name",
                    spec: spec)
            }
            let statements = results.flatMap {
                XAPIStatements.statements(
                    for: $0, actor: actor, activityBase: context.arguments.value("--activity-base"))
            }
            try context.emitData(StatementJSON.pretty(statements))
        } else if format == .json {
            try context.emitData(try JSONFile.text(results))
        } else {
            // Anonymised: codes are given in the order the rows are written, so the results are
            // held and written oldest first.
            var codes = Anonymizer()
            var text = Escaping.csvRow(AnswerExport.header) + "\r\n"
            for result in results {
                for row in AnswerExport.anonymousCSVRows(result, codes: &codes) {
                    text += row
                    text += "\r\n"
                }
            }
            try context.emitData(text)
        }
        if results.isEmpty { context.note("No results to export in \(paths.joined(separator: " ")).") }
        return ExitCode.success
    }
}
