import FoundationEssentials
import Glibc
import SkillsCore

enum SyncCommand: Command {
    static let spec = CommandSpec(
        name: "sync", summary: "Send results not yet sent to a Learning Record Store (xAPI 1.0.3 statements).",
        usage:
            "[DIR|FILE...] --lrs URL [--user NAME --password-file FILE] --actor-homepage URL|--actor-mbox "
            + "MAILTO [--batch-size N] [--dry-run]",
        positionals: 0...Int.max,
        options: LRSOptions.connection + [
            OptionSpec("--actor-homepage", value: "URL", "identify people by an account on this platform"),
            OptionSpec("--actor-mbox", value: "MAILTO", "identify the one person synced by this mailbox"),
            OptionSpec("--activity-base", value: "URL", "activity ids under this web address"),
            OptionSpec("--name", value: "NAME", "only this person's results"),
            OptionSpec("--questionnaire", value: "ID", "only results of this questionnaire"),
            OptionSpec("--batch-size", value: "N", "statements per request (default \(defaultBatchSize))"),
            OptionSpec("--include-reflections", "also send free-text reflections (never sent otherwise)"),
            OptionSpec("--dry-run", "print the statements that would be sent, and send nothing"),
        ],
        environment: LRSOptions.environment,
        discussion:
            "The same statements as 'export --format xapi', without reflections unless asked. What the LRS "
            + "accepted is recorded in the store's lrs-ledger.json, so a second run, or a run after an "
            + "interruption, sends only what is left. https:// uses the system's OpenSSL 3 and always "
            + "checks the LRS's certificate. Exit 64 when the LRS refuses the credentials or its "
            + "certificate cannot be trusted, 65 when it refuses statements, 74 when it cannot be "
            + "reached after retries.",
        examples: [
            "skills sync --lrs https://lrs.example.org/xAPI/ --user skills --password-file ~/.lrs-password "
                + "--actor-homepage https://lms.example.org",
            "SKILLS_LRS_URL=http://127.0.0.1:8100/xAPI/ skills sync collected/ --actor-homepage "
                + "https://lms.example.org --dry-run",
        ])

    static let defaultBatchSize = 200

    static func run(_ context: Context) throws -> Int32 {
        let connection = try LRSOptions.connection(context, spec: spec)
        let actor = try XAPIStatements.actor(
            homePage: context.arguments.value("--actor-homepage"), mbox: context.arguments.value("--actor-mbox"))
        var batchSize = defaultBatchSize
        if let text = context.arguments.value("--batch-size") {
            guard let value = Int(text), value >= 1 else {
                throw CommandLineError(
                    message:
                        "--batch-size '\(TextSafety.visible(text))' is not a count; expected a whole number from 1",
                    spec: spec)
            }
            batchSize = value
        }
        let paths =
            context.arguments.positionals.isEmpty ? [context.store.resultsFolder.path] : context.arguments.positionals
        var problems: [String] = []
        let name = try context.arguments.value("--name").map { try PersonName.validate($0) }
        let questionnaire = context.arguments.value("--questionnaire")
        let results = ResultReader.readAll(try ClassCollector.expand(paths), problems: &problems).map(\.result).filter {
            (name == nil || $0.person.lowercased() == name!.lowercased())
                && (questionnaire == nil || $0.questionnaire.id == questionnaire)
        }
        problems.forEach(context.warn)
        if case .mbox = actor, Set(results.map { $0.person.lowercased() }).count > 1 {
            throw SkillsError.usage(
                "--actor-mbox names one person, but the results are of several; use --actor-homepage")
        }
        let ledgerURL = LRSLedger.url(in: context.store)
        let plan = try LRSSync.plan(
            results: results, actor: actor, activityBase: context.arguments.value("--activity-base"),
            includeReflections: context.arguments.has("--include-reflections"), ledgerURL: ledgerURL,
            connection: connection)
        if context.arguments.has("--dry-run") {
            let list =
                "[" + plan.statements.map { String(decoding: $0.json, as: UTF8.self) }.joined(separator: ",\n") + "]"
            try context.emit(list)
            context.note(
                "Dry run: would send \(plan.statements.count) statements of \(plan.results) results to "
                    + "\(connection.displayName); \(plan.alreadySent) results already sent."
            )
            return ExitCode.success
        }
        let several = plan.statements.count > batchSize
        // A line per 2,000 statements at most: a big class sends hundreds of batches.
        var shown = 0
        let summary = try LRSSync.send(
            plan,
            sender: LRSSender(
                connection: connection, transport: LRSOptions.transport(context), retry: LRSOptions.retry(context)),
            batchSize: batchSize, ledgerURL: ledgerURL
        ) { progress in
            switch progress {
            case .accepted(let done, let total):
                if several && (done - shown >= 2000 || done == total) {
                    context.note("sync: \(done)/\(total) statements accepted")
                    shown = done
                }
            case .retrying(let problem): context.note("sync: \(problem)")
            }
        }
        LRSSync.refusalLines(summary.outcome).forEach(context.warn)
        switch LRSSync.verdict(summary, connection: connection) {
        case .success(let line):
            context.note(line)
            return ExitCode.success
        case .failure(let error): throw error
        }
    }
}
