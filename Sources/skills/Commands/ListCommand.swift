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
        let entries = try context.listing()
        if context.arguments.has("--quiet") {
            context.print(entries.map(\.id).joined(separator: "\n"))
            return ExitCode.success
        }
        if format == .json {
            let rows = entries.map {
                ListedQuestionnaire(
                    id: $0.id, title: $0.title, kind: $0.kind, version: $0.version, items: $0.items,
                    minutes: $0.minutes, origin: $0.origin.label)
            }
            context.print(try JSONFile.text(rows))
            return ExitCode.success
        }
        let rows =
            [["ID", "TITLE", "KIND", "ITEMS", "MINUTES", "FROM"]]
            + entries.map {
                [$0.id, $0.title, $0.kind, String($0.items), $0.minutes.map(String.init) ?? "–", $0.origin.label]
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
