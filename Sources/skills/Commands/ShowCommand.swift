import SkillsCore

enum ShowCommand: Command {
    static let spec = CommandSpec(
        name: "show", summary: "Show a questionnaire's items, scales and options.",
        usage: "ID|FILE [--key] [--form NAME] [--format FORMAT]", positionals: 1...1,
        options: [
            OptionSpec("--key", "also show the right answers and explanations of choice items"),
            OptionSpec("--form", value: "NAME", "a quiz drawn from a bank: only the questions of that form"),
        ],
        formats: Format.names,
        examples: [
            "skills show shift-checkin", "skills show scenario-quiz --form monday-class",
            "skills show my-quiz.json --key",
        ]
    ).completing(.questionnaires).whenMissing(
        "which questionnaire? For example: skills show self-assessment ('skills list' shows them all)")

    /// json is the questionnaire itself.
    enum Format: String, CommandFormat { case text, json }

    static func run(_ context: Context) throws -> Int32 {
        let format = try context.format(Format.self, spec: spec)
        let catalog = try context.catalog()
        var questionnaire = try catalog.resolve(context.arguments.positionals[0]).questionnaire
        if let name = context.arguments.value("--form") {
            guard questionnaire.draw != nil else {
                throw CommandLineError(
                    message: "--form is for a quiz drawn from a bank; '\(questionnaire.id)' asks every item",
                    spec: spec)
            }
            questionnaire = QuizForms.named(name, bank: questionnaire)
        }
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
        if let draw = questionnaire.draw {
            lines.append(
                "Each sitting asks \(draw.perArea) questions per area from these \(questionnaire.scoredItems.count) "
                    + "(--form NAME for a shared form, --full for all).")
        }
        if let name = context.arguments.value("--form") {
            lines.append("Form '\(v(name))': \(questionnaire.items.count) questions.")
        }
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
            lines.append(TextStyle.wrap("Source: " + v(catalog.framework.citationTitle(item.source)), indent: "   "))
        }
        context.print(lines.joined(separator: "\n"))
        return ExitCode.success
    }

    private static func describe(_ scale: RatingScale) -> String {
        (scale.min...scale.max).map { "\($0) \(TextSafety.visible(scale.label(for: $0) ?? ""))" }.joined(
            separator: " · ")
    }
}
