import FoundationEssentials
import Glibc
import SkillsCore

/// Finds the command, parses its arguments, runs it, and turns every error into one line
/// on standard error and the documented exit code. Nothing here calls exit().
enum CLI {
    static let version = "0.1.0"

    static var commands: [any Command.Type] {
        [
            ListCommand.self, ShowCommand.self, RubricCommand.self, ValidateCommand.self,
            TakeCommand.self, ReportCommand.self, HistoryCommand.self, TargetCommand.self,
            ClassCommand.self, ExportCommand.self, CompareCommand.self, RemoveCommand.self, AddCommand.self,
            ImportCommand.self, PracticeCommand.self, GainCommand.self, CalibrateCommand.self, SyncCommand.self,
            PullCommand.self, CompletionsCommand.self,
        ]
    }

    static func run(
        _ arguments: [String], environment: [String: String],
        output: any OutputHandler, errors: any OutputHandler,
        input: any InputProvider, inputIsTerminal: Bool, outputIsTerminal: Bool = false
    ) -> Int32 {
        if arguments.first == "--version" {
            output.write("skills \(version)\n")
            return ExitCode.success
        }
        // Options may stand anywhere, before the command too (`skills --format json list`):
        // the command is the first word that is not an option or an option's value.
        guard let position = commandPosition(in: arguments) else {
            if arguments.isEmpty || arguments.contains("--help") || arguments.contains("-h") {
                output.write(overview)
                return ExitCode.success
            }
            errors.write("Error: no command given.\n" + overviewUsage)
            return ExitCode.usage
        }
        let name = arguments[position]
        var rest = arguments
        rest.remove(at: position)
        if name == "help" {
            guard let topic = rest.first(where: { !$0.hasPrefix("-") }) else {
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
            let parsed = try ParsedArguments.parse(rest, spec: command.spec)
            if parsed.has("--help") {
                output.write(command.spec.help)
                return ExitCode.success
            }
            let context = Context(
                arguments: parsed, environment: environment, output: output, errors: errors,
                input: input, inputIsTerminal: inputIsTerminal, outputIsTerminal: outputIsTerminal,
                colour: TTY.wantsColour(noColorFlag: parsed.has("--no-color"), environment: environment))
            return try command.run(context)
        } catch let error as CommandLineError {
            errors.write("Error: \(TextSafety.visible(error.message))\n")
            if let spec = error.spec { errors.write("Usage: \(spec.usageLine)  (see 'skills \(spec.name) --help')\n") }
            return ExitCode.usage
        } catch let error as SkillsError {
            // A stop is the person's choice, not an error: one "Stopped …" line, however it came.
            let prefix = error.kind == .cancelled ? "" : "Error: "
            for line in error.description.split(separator: "\n") { errors.write("\(prefix)\(line)\n") }
            return ExitCode.of(error.kind)
        } catch {
            errors.write("Error: \(TextSafety.visible("\(error)"))\n")
            return ExitCode.io
        }
    }

    /// Where the command's name is: the first argument that is neither an option nor the
    /// value of an option that takes one (in any command), before a `--`.
    static func commandPosition(in arguments: [String]) -> Int? {
        // Usually the command comes first: then no command's options need be gathered (that
        // builds every command's help, a twentieth of a short command's start-up).
        if let first = arguments.first, !first.hasPrefix("-") || first == "-" { return 0 }
        var takingValues: Set<String> = []
        for option in commands.flatMap({ $0.spec.options }) + CommandSpec.globalOptions where option.takesValue {
            takingValues.insert(option.name)
        }
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { return nil }
            if !argument.hasPrefix("-") || argument == "-" { return index }
            index += takingValues.contains(argument) ? 2 : 1
        }
        return nil
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
            "Global options (anywhere on the line): --store DIR, --no-color, --help (-h), --version",
            "Help on a command: skills help COMMAND, or skills COMMAND --help",
            "",
            "Examples:",
            "  skills take shift-checkin",
            "  skills report",
            "  skills take --help",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}
