import FoundationEssentials
import Glibc
import SkillsCore

enum CalibrateCommand: Command {
    static let spec = CommandSpec(
        name: "calibrate", summary: "How far coaches agree when they observe the same agents; opens a blind session.",
        usage: "[DIR|FILE...] [--since DATE] [--session NAME] [--format FORMAT] [--output FILE]",
        positionals: 0...Int.max,
        options: [
            OptionSpec("--since", value: "DATE", "only observations from this day on (2026-11-01) or this time"),
            OptionSpec(
                "--session", value: "NAME",
                "open the blind calibration session NAME and report on its observations only"),
            OptionSpec("--output", value: "FILE", "write to FILE instead of standard output"),
        ],
        formats: Format.names,
        discussion: """
            Reads coach observations ('skills take coach-observation --name AGENT --rater COACH'), from
            the store's results unless folders or files are named; when a coach observed the same
            agent more than once, the latest counts. Per skill area: Krippendorff's alpha (ordinal)
            with a 95% bootstrap interval (2000 resamples, seed 16, so the same observations always
            give the same figures), and the percent of pairs of coaches on the same level and within
            one level. Per coach: the mean offset from the consensus (the median of all the coaches'
            ratings of the same agent and area), with a 95% interval; lenient or severe only when
            the whole interval is above or below 0. Then the agent-area pairs with the widest
            disagreement, to talk through first.
            A blind session: each coach records with 'skills take coach-observation --name AGENT
            --rater COACH --session NAME'; no command shows those ratings until 'skills calibrate
            --session NAME' opens the session, after which they are ordinary results.
            """,
        examples: [
            "skills calibrate --since 2026-11-01",
            "skills calibrate --session november --format html --output november.html",
            "skills calibrate collected/ --format csv --output calibration.csv",
        ])

    enum Format: String, CommandFormat { case text, markdown, json, csv, html }

    static func run(_ context: Context) throws -> Int32 {
        let format = try context.format(Format.self, spec: spec)
        let since = try context.date(option: "--since", spec: spec)
        let paths = context.arguments.positionals
        let session = try context.arguments.value("--session").map {
            try CalibrationSession(named: $0, store: context.store)
        }
        if session != nil, !paths.isEmpty {
            throw CommandLineError(
                message: "--session reads the session's own observations; name no folders or files with it",
                spec: spec)
        }
        try context.checkOutput()
        var problems: [String] = []
        defer { Set(problems).sorted().forEach(context.warn) }

        let place: String
        let results: [AssessmentResult]
        if let session {
            let waiting = try session.pending(problems: &problems).count
            results = try session.open(store: context.store, problems: &problems).map(\.result)
            place = "session '\(session.name)'"
            if waiting > 0 {
                context.note(
                    "Opened session '\(session.name)': its \(waiting) new observation\(waiting == 1 ? "" : "s") now "
                        + "count with the others in \(context.store.resultsFolder.path).")
            }
        } else if paths.isEmpty {
            results = try context.store.allResults(problems: &problems).map(\.result)
            place = context.store.resultsFolder.path
        } else {
            results = ResultReader.readAll(try ClassCollector.expand(paths), problems: &problems).map(\.result)
            place = paths.joined(separator: " ")
        }
        let report = CoachAgreementBuilder.build(
            results, since: since, session: session?.name, framework: try context.framework())
        guard report.observations > 0 else {
            let when = since.map { " since \(ISODate.string($0))" } ?? ""
            throw SkillsError.notFound(
                "no coach observations in \(place)\(when); coaches record them with 'skills take coach-observation "
                    + "--name AGENT --rater COACH'")
        }
        switch format {
        case .json: try context.emitData(try JSONFile.text(report))
        case .csv: try context.emitData(CoachAgreementRenderer.csv(report))
        case .markdown: try context.emitData(CoachAgreementRenderer.markdown(report, timeZone: context.timeZone))
        case .html: try context.emitData(CoachAgreementRenderer.html(report, timeZone: context.timeZone))
        case .text: try context.emit(CoachAgreementRenderer.text(report, style: context.textStyle))
        }
        return ExitCode.success
    }
}
