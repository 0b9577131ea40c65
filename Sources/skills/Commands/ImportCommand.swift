import FoundationEssentials
import Glibc
import SkillsCore

enum ImportCommand: Command {
    static let spec = CommandSpec(
        name: "import", summary: "Turn a GIFT or Aiken question bank into a questionnaire file.",
        usage: "gift|aiken FILE [--id ID] [--title TITLE] [--area AREA] [--output FILE | --add [--replace]]",
        positionals: 2...2,
        options: [
            OptionSpec("--id", value: "ID", "the questionnaire id (default: from the file name)"),
            OptionSpec("--title", value: "TITLE", "the title (default: from the file name)"),
            OptionSpec("--area", value: "AREA", "the skill area of questions with no $CATEGORY (required for Aiken)"),
            OptionSpec("--output", value: "FILE", "write the questionnaire to FILE instead of standard output"),
            OptionSpec("--add", "install the questionnaire into the store, as 'skills add' does"),
            OptionSpec("--replace", "with --add: replace an installed questionnaire with the same id"),
        ],
        discussion: """
            GIFT: multiple choice (one right answer, or several with equal weights), true/false, essays
            (as reflections), question names, feedback, comments, and $CATEGORY lines naming a skill area.
            Other question types are reported with their line and skipped. The result passes 'skills validate'.
            Moodle's exports read as written: [html], [moodle], [markdown] and [plain] texts become plain
            text, and escaped characters (\\: \\= \\# \\{ \\} \\~) keep their meaning.
            """,
        examples: [
            "skills import gift bank.gift --add",
            "skills import gift bank.gift --output questionnaires/bank.json",
            "skills import aiken quiz.txt --area empathy --id empathy-quiz",
        ]
    ).completing(.bankFormats, .files).whenMissing(
        "expected the bank's format and its file, for example: skills import gift bank.gift")

    static func run(_ context: Context) throws -> Int32 {
        let (format, path) = (context.arguments.positionals[0].lowercased(), context.arguments.positionals[1])
        let adding = context.arguments.has("--add")
        if adding && context.arguments.value("--output") != nil {
            throw CommandLineError(message: "--add and --output do not go together; choose one", spec: spec)
        }
        if context.arguments.has("--replace") && !adding {
            throw CommandLineError(message: "--replace goes with --add", spec: spec)
        }
        try context.checkOutput()
        guard format == "gift" || format == "aiken" else {
            throw CommandLineError(
                message:
                    "'\(TextSafety.visible(format))' is not an import "
                    + "format\(Suggestion.hint(for: format, in: ["gift", "aiken"])); expected gift or aiken",
                spec: spec)
        }
        let framework = try context.framework()
        let data = try JSONFile.read(path, regularOnly: false)
        guard let text = String(data: data, encoding: .utf8) else {
            throw SkillsError.invalidData(
                file: path, detail: "is not UTF-8 text; expected a \(format == "gift" ? "GIFT" : "Aiken") file")
        }
        let fileName = String(path.split(separator: "/").last ?? Substring(path))
        // The name without its extension, as NSString's `deletingPathExtension` makes it.
        let base =
            fileName.lastIndex(of: ".").map { $0 == fileName.startIndex ? fileName : String(fileName[..<$0]) }
            ?? fileName
        let area = try context.arguments.value("--area").map { try framework.areaID(typed: $0) }
        let options = ImportOptions(
            id: context.arguments.value("--id") ?? TextSafety.slug(base, limit: 64),
            title: context.arguments.value("--title") ?? base,
            area: area, sourceName: fileName)
        let imported =
            format == "gift"
            ? try GIFTImporter.parse(text, file: path, options: options, framework: framework)
            : try AikenImporter.parse(text, file: path, options: options)
        for skipped in imported.skipped { context.warn("\(path): \(skipped)") }
        // What is written must pass `skills validate`; check before writing.
        let encoded = try JSONFile.encode(imported.questionnaire)
        _ = try QuestionnaireValidator(framework: framework).load(
            data: encoded, file: "the questionnaire imported from \(path)")
        context.say(
            "Imported \(imported.questionnaire.items.count) "
                + "question\(imported.questionnaire.items.count == 1 ? "" : "s") from \(path)"
                + (imported.skipped.isEmpty ? "." : "; skipped \(imported.skipped.count)."))
        if adding {
            try AddCommand.install(imported.questionnaire, data: encoded, from: path, context: context)
        } else {
            try context.emitData(String(decoding: encoded, as: UTF8.self))
        }
        if !adding && context.arguments.value("--output") == nil && context.outputIsTerminal {
            context.note(
                "To install it into the store instead of printing it, run 'skills import \(format) \(path) --add'.")
        }
        return ExitCode.success
    }
}
