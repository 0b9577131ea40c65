import FoundationEssentials
import Glibc
import SkillsCore

enum RemoveCommand: Command {
    static let spec = CommandSpec(
        name: "remove", summary: "Move a result entered by mistake out of the store (recoverable with --undo).",
        usage: "RESULT [--name NAME] [--yes] [--undo]", positionals: 1...1,
        options: [
            OptionSpec("--name", value: "NAME", "whose result, when RESULT is a time (default: your login name)"),
            OptionSpec("--yes", "remove without asking (for scripts; required when not at a terminal)"),
            OptionSpec("--undo", "put a removed result back into the store's results"),
        ],
        environment: [
            ("TZ", "the time zone of a RESULT given as a time without one (else the system's)"),
            ("USER", "whose result a time names, without --name (also LOGNAME)"),
        ],
        discussion: """
            RESULT is a result file's name, as 'skills take' prints it after "Saved" (the path, or
            the name alone, with or without .json), or the time a row of 'skills history' shows
            ("2026-11-20 10:00 UTC"; without a zone, TZ's or the system's). The file is
            moved into the store's removed/ folder, never deleted; from then on no command counts it
            (report, history, class, export, sync, compare, target). 'skills remove --undo RESULT'
            moves it back. Nothing already in removed/ or results/ is ever replaced.
            """,
        examples: [
            "skills remove 2026-11-23T051200-ana-shift-checkin-3f2a9c1e",
            "skills remove '2026-11-23 05:12 UTC' --name Ana",
            "skills remove ~/.local/share/skills/results/2026-11-23T051200-ana-shift-checkin-3f2a9c1e.json --yes",
            "skills remove --undo 2026-11-23T051200-ana-shift-checkin-3f2a9c1e",
        ]
    ).completing(.results)

    static func run(_ context: Context) throws -> Int32 {
        let argument = context.arguments.positionals[0]
        let store = context.store
        let undo = context.arguments.has("--undo")
        let location = try locate(argument, undo: undo, context: context)
        let name = String(location.lastPathComponent.dropLast(".json".count))
        if undo {
            try store.move(location, undo: true)
            context.note("Put \(name) back into \(store.resultsFolder.path); every command counts it again.")
            return ExitCode.success
        }
        // Only results are removed: a stray file is not this command's business.
        let result: AssessmentResult
        do { result = try ResultReader.read(path: location.path) } catch let error as SkillsError {
            throw SkillsError.invalidData(
                file: location.path,
                detail: "is not a result skills can read (\(error.description.split(separator: "\n").first ?? "")); "
                    + "only results are removed, and this file is left as it is")
        }
        if !context.arguments.has("--yes") {
            guard context.inputIsTerminal else {
                throw SkillsError.usage(
                    "not at a terminal, so nobody can confirm; add --yes to remove \(name) without asking")
            }
            context.errors.write(
                "Remove \(TextSafety.visible(name)) "
                    + "(\(TextSafety.visible(summary(of: result, context: context))))? (y/N) "
            )
            let reply = context.input.readLine()?.trimmedSpaces.lowercased() ?? ""
            guard reply == "y" || reply == "yes" else {
                context.note("Kept \(name); nothing was moved.")
                return ExitCode.success
            }
        }
        let destination = try store.move(location)
        context.note(
            "Moved \(name) to \(destination.deletingLastPathComponent().path); no command counts it now. "
                + "Undo with 'skills remove --undo \(name)'.")
        return ExitCode.success
    }

    /// A file name or path, or for a result still in the store the minute history shows.
    static func locate(_ argument: String, undo: Bool, context: Context) throws -> URL {
        guard !undo, let minute = ResultAtTime.minute(argument, zone: context.timeZone) else {
            if !undo, argument.count > 17, ResultAtTime.minute(String(argument.prefix(16)), zone: .utc) != nil {
                throw SkillsError.usage(
                    "'\(argument.dropFirst(17))' is not a time zone; expected UTC, an abbreviation such as CET, a "
                        + "zone such as Europe/Paris, or an offset such as +01:00")
            }
            return try context.store.locate(argument, undo: undo)
        }
        let person = try context.person()
        let (matches, problems) = try ResultAtTime.results(of: person, in: context.store, at: minute)
        Set(problems).sorted().forEach(context.warn)
        switch matches.count {
        case 0:
            throw SkillsError.notFound(
                "no result of '\(person)' taken at \(argument) in \(context.store.resultsFolder.path); see "
                    + "'skills history --name \(person)' (add --questionnaire ID for other questionnaires)")
        case 1:
            return URL(fileURLWithPath: matches[0].path)
        default:
            let names = matches.map { URL(fileURLWithPath: $0.path).deletingPathExtension().lastPathComponent }
            throw SkillsError.usage(
                "\(matches.count) results of '\(person)' were taken at \(argument); name one by its file: "
                    + names.joined(separator: ", "))
        }
    }

    /// "Ana, shift-checkin, taken 2026-11-23 06:12 CET, overall 72": enough to recognise it.
    static func summary(of result: AssessmentResult, context: Context) -> String {
        let overall = result.scores.overall.map { ", overall \(TextStyle.score($0))" } ?? ""
        let who = result.rater.map { "\(result.person), observed by \($0)" } ?? result.person
        let taken = TextStyle(timeZone: context.timeZone).date(result.takenAt)
        return "\(who), \(result.questionnaire.id), taken \(taken)\(overall)"
    }
}
