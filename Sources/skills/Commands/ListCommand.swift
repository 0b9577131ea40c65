import SkillsCore

enum ListCommand: Command {
    static let spec = CommandSpec(
        name: "list", summary: "List the questionnaires you can take: built-in ones and the store's own.",
        usage: "[--quiet] [--format FORMAT]",
        options: [
            OptionSpec("--quiet", "only the ids, one per line (for scripts and shell completion)")
        ],
        formats: Format.names,
        discussion: "A trainer's questionnaires go in the store's questionnaires/ folder (see 'skills validate').",
        examples: ["skills list", "skills list --format json", "skills --store /shared/class-a list"])

    enum Format: String, CommandFormat { case text, json }

    static func run(_ context: Context) throws -> Int32 {
        let format = try context.format(Format.self, spec: spec)
        let entries = try context.catalog().entries
        if context.arguments.has("--quiet") {
            context.print(entries.map(\.questionnaire.id).joined(separator: "\n"))
            return ExitCode.success
        }
        if format == .json {
            let rows = entries.map {
                ListedQuestionnaire(
                    id: $0.questionnaire.id, title: $0.questionnaire.title, kind: $0.questionnaire.kind.rawValue,
                    version: $0.questionnaire.version, items: $0.questionnaire.items.count,
                    minutes: $0.questionnaire.minutes, origin: $0.origin.label)
            }
            context.print(try JSONFile.text(rows))
            return ExitCode.success
        }
        let rows =
            [["ID", "TITLE", "KIND", "ITEMS", "MINUTES", "FROM"]]
            + entries.map {
                [
                    $0.questionnaire.id, $0.questionnaire.title, $0.questionnaire.kind.rawValue,
                    String($0.questionnaire.items.count), $0.questionnaire.minutes.map(String.init) ?? "–",
                    $0.origin.label,
                ]
            }
        context.print(
            TextTable.render(
                rows.map { $0.map { TextSafety.visible($0) } }, rightAligned: [3, 4], width: context.textStyle.width))
        return ExitCode.success
    }

    struct ListedQuestionnaire: Codable {
        let id, title, kind, version: String
        let items: Int
        let minutes: Int?
        let origin: String
    }
}
