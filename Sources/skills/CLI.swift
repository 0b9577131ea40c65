import Foundation
import SkillsCore

/// Finds the command, parses its arguments, runs it, and turns every error into one line
/// on standard error and the documented exit code. Nothing here calls exit().
enum CLI {
    static let version = "0.1.0"

    static var commands: [any Command.Type] {
        [
            ListCommand.self, ShowCommand.self, RubricCommand.self, ValidateCommand.self,
            TakeCommand.self, ReportCommand.self, HistoryCommand.self, TargetCommand.self,
            ClassCommand.self, ExportCommand.self, CompareCommand.self, ImportCommand.self,
            SyncCommand.self, PullCommand.self, CompletionsCommand.self,
        ]
    }

    static func run(
        _ arguments: [String], environment: [String: String],
        output: any OutputHandler, errors: any OutputHandler,
        input: any InputProvider, inputIsTerminal: Bool
    ) -> Int32 {
        var rest = arguments
        var leading: [String] = []
        // Global options may come before the command: `skills --store DIR list`.
        while let first = rest.first, first.hasPrefix("-") {
            if first == "--version" {
                output.write("skills \(version)\n")
                return ExitCode.success
            }
            if first == "--help" || first == "-h" {
                output.write(overview)
                return ExitCode.success
            }
            leading.append(rest.removeFirst())
            if (leading.last == "--store") && !rest.isEmpty { leading.append(rest.removeFirst()) }
        }
        guard let name = rest.first else {
            errors.write("Error: no command given.\n" + overviewUsage)
            return ExitCode.usage
        }
        rest.removeFirst()
        if name == "help" {
            guard let topic = rest.first else {
                output.write(overview)
                return ExitCode.success
            }
            guard let command = commands.first(where: { $0.spec.name == topic }) else {
                return unknownCommand(topic, errors: errors)
            }
            output.write(command.spec.help)
            return ExitCode.success
        }
        guard let command = commands.first(where: { $0.spec.name == name }) else {
            return unknownCommand(name, errors: errors)
        }
        do {
            let parsed = try ParsedArguments.parse(leading + rest, spec: command.spec)
            if parsed.has("--help") {
                output.write(command.spec.help)
                return ExitCode.success
            }
            let context = Context(
                arguments: parsed, environment: environment, output: output, errors: errors,
                input: input, inputIsTerminal: inputIsTerminal,
                colour: TTY.wantsColour(noColorFlag: parsed.has("--no-color"), environment: environment))
            return try command.run(context)
        } catch let error as CommandLineError {
            errors.write("Error: \(error.message)\n")
            if let spec = error.spec { errors.write("Usage: \(spec.usageLine)  (see 'skills \(spec.name) --help')\n") }
            return ExitCode.usage
        } catch let error as SkillsError {
            for line in error.description.split(separator: "\n") { errors.write("Error: \(line)\n") }
            return ExitCode.of(error.kind)
        } catch {
            errors.write("Error: \(error)\n")
            return ExitCode.io
        }
    }

    private static func unknownCommand(_ name: String, errors: any OutputHandler) -> Int32 {
        let hint = Suggestion.hint(for: name, in: commands.map { $0.spec.name })
        errors.write("Error: unknown command '\(TextSafety.visible(name))'\(hint)\n" + overviewUsage)
        return ExitCode.usage
    }

    static let overviewUsage = "Usage: skills <command> [options]  (see 'skills --help')\n"

    static var overview: String {
        let width = commands.map { $0.spec.name.count }.max() ?? 0
        var lines = [
            "skills: customer-service skills self-assessment: check-ins, self-assessments and scenario quizzes,",
            "with development reports for agents and class summaries for trainers.",
            "",
            "Usage: skills <command> [options]",
            "",
            "Commands:",
        ]
        for command in commands {
            lines.append(
                "  " + command.spec.name + String(repeating: " ", count: width - command.spec.name.count + 2)
                    + command.spec.summary)
        }
        lines += [
            "",
            "Global options: --store DIR, --no-color, --help (-h), --version",
            "",
            "Examples:",
            "  skills take shift-checkin",
            "  skills report",
            "  skills take --help",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
