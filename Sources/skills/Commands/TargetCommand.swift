import FoundationEssentials
import Glibc
import SkillsCore

enum TargetCommand: Command {
    static let spec = CommandSpec(
        name: "target", summary: "Set, list or clear your target score per skill area.",
        usage: "[AREA SCORE] [--clear [AREA]] [--name NAME]", positionals: 0...2,
        options: [
            OptionSpec("--name", value: "NAME", "whose targets (default: your login name)"),
            OptionSpec("--clear", "clear the target of AREA, or every target when no area is given"),
        ],
        discussion: "Reports and history show the progress toward each target.",
        examples: [
            "skills target listening 75", "skills target", "skills target --clear listening", "skills target --clear",
        ]
    ).completing(.areas, .nothing)

    static func run(_ context: Context) throws -> Int32 {
        let framework = try context.framework()
        let person = try context.person()
        let arguments = context.arguments.positionals

        if context.arguments.has("--clear") {
            guard arguments.count <= 1 else {
                throw CommandLineError(message: "--clear takes at most one area", spec: spec)
            }
            let area = try arguments.first.map { try framework.areaID(typed: $0) }
            try context.store.updateTargets { $0.clear(person, area: area) }
            context.note(
                area.map { "Cleared the \(framework.name(ofArea: $0)) target of \(TextSafety.visible(person))." }
                    ?? "Cleared every target of \(TextSafety.visible(person)).")
            return ExitCode.success
        }
        switch arguments.count {
        case 0:
            let mine = try context.store.loadTargets().of(person)
            if mine.isEmpty {
                context.print(
                    context.textStyle.wrap(
                        "No targets for \(TextSafety.visible(person)). Set one with 'skills target listening 75'.",
                        indent: ""))
            } else {
                let rows = framework.areas.compactMap { area in mine[area.id].map { [area.name, TextStyle.score($0)] } }
                context.print(
                    TextTable.render([["AREA", "TARGET"]] + rows, rightAligned: [1], width: context.textStyle.width))
            }
        case 2:
            let area = try framework.areaID(typed: arguments[0])
            guard let score = Double(arguments[1]), score >= 0, score <= 100 else {
                throw CommandLineError(
                    message:
                        "score '\(TextSafety.visible(arguments[1]))' is not a target; expected a number from 0 to 100",
                    spec: spec)
            }
            try context.store.updateTargets { $0.set(person, area: area, score: score) }
            context.note(
                "Target for \(TextSafety.visible(person)): \(framework.name(ofArea: area)) \(TextStyle.score(score)).")
        default:
            throw CommandLineError(
                message: "expected an area and a score, such as 'skills target listening 75'", spec: spec)
        }
        return ExitCode.success
    }
}
