import SkillsCore

enum ShowCommand: Command {
    static let spec = CommandSpec(
        name: "show", summary: "Show a questionnaire's items, scales and options.",
        usage: "ID|FILE [--key] [--format FORMAT]", positionals: 1...1,
        options: [
            OptionSpec("--key", "also show the right answers and explanations of choice items")
        ],
        formats: Format.names,
        examples: ["skills show shift-checkin", "skills show scenario-quiz --key", "skills show my-quiz.json"])

    /// json is the questionnaire itself.
    enum Format: String, CommandFormat { case text, json }

    static func run(_ context: Context) throws -> Int32 {
        let format = try context.format(Format.self, spec: spec)
        let catalog = try context.catalog()
        let questionnaire = try catalog.resolve(context.arguments.positionals[0]).questionnaire
        if format == .json {
            context.print(try JSONFile.text(questionnaire))
            return ExitCode.success
        }
        let v = { (text: String) in TextSafety.visible(text) }
        let key = context.arguments.has("--key")
        var lines = [
            "\(v(questionnaire.title)) (\(questionnaire.id), version \(v(questionnaire.version)), "
                + "\(questionnaire.kind.rawValue))"
        ]
        if let description = questionnaire.description { lines.append(TextStyle.wrap(v(description), indent: "")) }
        if let scale = questionnaire.scale { lines.append("Scale: " + describe(scale)) }
        for (index, item) in questionnaire.items.enumerated() {
            lines.append("")
            let area = item.area.map { catalog.framework.name(ofArea: $0) } ?? "any area"
            let reverse = item.isReverseKeyed ? ", reverse-keyed" : ""
            lines.append("\(index + 1). [\(v(item.id))] \(item.type.rawValue), \(v(area))\(reverse)")
            lines.append(TextStyle.wrap(v(item.text), indent: "   "))
            if case .rating(let rating) = item.kind, let scale = rating.scale {
                lines.append("   Scale: " + describe(scale))
            }
            for (i, option) in (item.options ?? []).enumerated() {
                let mark = key && option.correct == true ? " ✓" : ""
                lines.append(TextStyle.wrap("\(OptionLetters.letter(i))) \(v(option.text))\(mark)", indent: "   "))
                if key, let feedback = option.feedback { lines.append(TextStyle.wrap(v(feedback), indent: "      ")) }
            }
            if key, let explanation = item.explanation {
                lines.append(TextStyle.wrap("Why: " + v(explanation), indent: "   "))
            }
            lines.append("   Source: \(v(item.source))")
        }
        context.print(lines.joined(separator: "\n"))
        return ExitCode.success
    }

    private static func describe(_ scale: RatingScale) -> String {
        (scale.min...scale.max).map { "\($0) \(TextSafety.visible(scale.label(for: $0) ?? ""))" }.joined(
            separator: " · ")
    }
}
