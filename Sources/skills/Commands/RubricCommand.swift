import SkillsCore

enum RubricCommand: Command {
    static let spec = CommandSpec(
        name: "rubric", summary: "Show the skill areas: rubric levels, behaviours and development actions.",
        usage: "[AREA] [--format FORMAT]", positionals: 0...1,
        formats: Format.names,
        examples: ["skills rubric", "skills rubric empathy", "skills rubric --format json"])

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
            lines += area.behaviours.map { TextStyle.wrap($0.text, indent: "    • ") }
            lines.append("  Development actions:")
            lines += area.actions.map { TextStyle.wrap("\($0.text) [\($0.id)]", indent: "    • ") }
            lines.append("")
        }
        if context.arguments.positionals.isEmpty {
            lines.append(style.bold("Practices for every area"))
            lines += framework.practices.map { TextStyle.wrap("\($0.title): \($0.text)", indent: "  • ") }
        }
        context.print(lines.joined(separator: "\n"))
        return ExitCode.success
    }
}
