import SkillsCore

enum RubricCommand: Command {
    static let spec = CommandSpec(
        name: "rubric", summary: "Show the skill areas: rubric levels, behaviours and development actions.",
        usage: "[AREA] [--format FORMAT]", positionals: 0...1,
        formats: Format.names,
        examples: ["skills rubric", "skills rubric empathy", "skills rubric --format json"]
    ).completing(.areas)

    enum Format: String, CommandFormat { case text, json }

    static func run(_ context: Context) throws -> Int32 {
        let format = try context.format(Format.self, spec: spec)
        let framework = try context.framework()
        var areas = framework.areas
        if let wanted = context.arguments.positionals.first {
            let id = try framework.areaID(typed: wanted)
            areas = framework.areas.filter { $0.id == id }
        }
        if format == .json {
            var selected = framework
            selected.areas = areas
            context.print(try JSONFile.text(selected))
            return ExitCode.success
        }
        let style = context.textStyle
        var lines: [String] = []
        for area in areas {
            lines.append(style.bold("\(area.name) (\(area.id))"))
            lines.append(TextStyle.wrap(area.description, indent: "  "))
            lines.append("  Levels:")
            for band in framework.levels {
                lines.append("    \(band.name) (\(band.min)–\(band.max))")
                if let descriptor = area.descriptor(forLevel: band.name) {
                    lines.append(TextStyle.wrap(descriptor, indent: "      "))
                }
            }
            lines.append("  What it looks like:")
            lines += area.behaviours.map { bullet($0.text, indent: "    ") }
            lines.append("  Development actions:")
            lines += area.actions.map { bullet("\($0.text) [\($0.id)]", indent: "    ") }
            lines.append("")
        }
        if context.arguments.positionals.isEmpty {
            lines.append(style.bold("Practices"))
            lines += framework.practices.map { practice in
                let areas = (practice.areas ?? []).map(framework.name(ofArea:)).joined(separator: ", ")
                return bullet("\(practice.title) (\(areas)): \(practice.text)", indent: "  ")
            }
        }
        context.print(lines.joined(separator: "\n"))
        return ExitCode.success
    }

    /// The bullet on the first line only; wrapped lines line up under the text.
    private static func bullet(_ text: String, indent: String) -> String {
        TextStyle.wrap(text, indent: indent + "• ").replacingFirstIndent(indent + "• ", with: indent + "  ")
    }
}
