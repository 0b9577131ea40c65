import FoundationEssentials
import Glibc
import SkillsCore

enum PullCommand: Command {
    static let spec = CommandSpec(
        name: "pull", summary: "Rebuild result files from the statements a Learning Record Store holds.",
        usage: "--lrs URL --activity IRI --into DIR [--since DATE] [--user NAME --password-file FILE]",
        options: LRSOptions.connection + [
            OptionSpec(
                "--activity", value: "IRI",
                "the questionnaire's activity id: urn:skills:questionnaire:ID, or under the --activity-base of sync"),
            OptionSpec("--since", value: "DATE", "only results taken on or after DATE (2026-11-20 or a full time)"),
            OptionSpec("--into", value: "DIR", "the folder for the result files (made if missing)"),
        ],
        environment: LRSOptions.environment,
        discussion:
            "Results are rebuilt with the questionnaire version they answered (matched by its content "
            + "hash), so their scores are the originals'; that version must be built in or in the "
            + "store. Results the folder already holds are left alone. Statements that cannot be "
            + "rebuilt are counted with the reason. https:// uses the system's OpenSSL 3 and always "
            + "checks the LRS's certificate (exit 64 when it cannot be trusted).",
        examples: [
            "skills pull --lrs https://lrs.example.org/xAPI/ --activity "
                + "urn:skills:questionnaire:shift-checkin --into class-a/",
            "skills pull --activity https://lms.example.org/skills/questionnaires/scenario-quiz --since "
                + "2026-11-01 --into quiz/",
        ])

    static func run(_ context: Context) throws -> Int32 {
        let connection = try LRSOptions.connection(context, spec: spec)
        guard let activity = context.arguments.value("--activity") else {
            throw CommandLineError(message: "which questionnaire? give --activity IRI", spec: spec)
        }
        guard let into = context.arguments.value("--into") else {
            throw CommandLineError(message: "where to? give --into DIR", spec: spec)
        }
        let since = try context.arguments.value("--since").map { text in
            guard let date = ISODate.parse(text) else {
                throw CommandLineError(
                    message:
                        "--since '\(TextSafety.visible(text))' is not a date; expected 2026-11-20 or "
                        + "2026-11-20T17:30:00Z",
                    spec: spec)
            }
            return date
        }
        var shown = 0
        let reader = LRSReader(
            connection: connection, transport: LRSOptions.transport(context), retry: LRSOptions.retry(context))
        let summary = try LRSPull.run(
            reader: reader, activity: activity, since: since, catalog: try context.catalog(),
            into: URL(fileURLWithPath: into)
        ) { read in
            if read - shown >= 2000 {
                context.note("pull: \(read) statements read")
                shown = read
            }
        }
        for (reason, count) in summary.skipped.sorted(by: { $0.key < $1.key }) {
            context.warn("skipped \(count): \(reason)")
        }
        context.note(
            "Rebuilt \(summary.saved.count) results into \(into) from \(summary.statementsRead) statements"
                + (summary.alreadyThere > 0 ? "; \(summary.alreadyThere) were already there" : "") + ".")
        return ExitCode.success
    }
}
