/// What a command accepts, used to parse its arguments and to print its help.
struct OptionSpec {
    let name: String
    let value: String?
    let help: String

    var takesValue: Bool { value != nil }

    init(_ name: String, value: String? = nil, _ help: String) {
        self.name = name
        self.value = value
        self.help = help
    }
}

struct CommandSpec {
    let name: String
    let summary: String
    /// After "skills NAME", such as "ID|FILE [--name NAME]".
    let usage: String
    let positionals: ClosedRange<Int>
    let options: [OptionSpec]
    let discussion: String?
    let examples: [String]
    /// The `--format` values, the default first; none when the command has one output.
    let formats: [String]
    /// Environment variables the command reads, with what they do.
    let environment: [(name: String, help: String)]
    /// What to do when a required argument is missing, such as "name the questionnaire to
    /// take ('skills list' shows them), for example: skills take shift-checkin".
    private(set) var missing: String?
    /// What the arguments complete to in a shell; see `completing(_:)`.
    var argumentKinds: [Completion]? = nil

    init(
        name: String, summary: String, usage: String, positionals: ClosedRange<Int> = 0...0,
        options: [OptionSpec] = [], formats: [String] = [], environment: [(name: String, help: String)] = [],
        discussion: String? = nil, examples: [String]
    ) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.positionals = positionals
        self.formats = formats
        self.options =
            options
            + (formats.isEmpty
                ? [] : [OptionSpec("--format", value: "FORMAT", Self.formatHelp(formats))])
        self.environment = environment
        self.missing = nil
        self.discussion = discussion
        self.examples = examples
    }

    /// The same spec, with the hint shown when a required argument is missing.
    func whenMissing(_ hint: String) -> CommandSpec {
        var spec = self
        spec.missing = hint
        return spec
    }

    /// "text (default), markdown, json or html"
    static func formatHelp(_ formats: [String]) -> String {
        var names = formats
        names[0] += " (default)"
        guard names.count > 1 else { return names[0] }
        return Array(names.dropLast()).joined(separator: ", ") + " or " + names[names.count - 1]
    }

    var usageLine: String { "skills \(name)\(usage.isEmpty ? "" : " " + usage)" }

    /// Options every command takes.
    static let globalOptions = [
        OptionSpec(
            "--store", value: "DIR",
            "the store folder (also SKILLS_STORE; default $XDG_DATA_HOME/skills or ~/.local/share/skills)"),
        OptionSpec("--no-color", "no colour (also when NO_COLOR is set, TERM=dumb, or output is not a terminal)"),
        OptionSpec("--help", "show this help (also -h)"),
    ]

    /// Variables every command reads.
    static let globalEnvironment: [(name: String, help: String)] = [
        ("SKILLS_STORE", "the store folder, when --store is not given"),
        ("XDG_DATA_HOME", "the store is $XDG_DATA_HOME/skills when neither is given"),
        ("NO_COLOR", "no colour when set (as does TERM=dumb)"),
    ]

    /// Variables read because of what the command does: its text output, or whose results it is about.
    var impliedEnvironment: [(name: String, help: String)] {
        var variables: [(name: String, help: String)] = []
        if options.contains(where: { $0.name == "--name" }) {
            variables.append(("USER, LOGNAME", "your name, when --name is not given"))
        }
        if formats.contains("text") {
            variables.append(("COLUMNS", "the width of text output (default: the terminal's, else 80)"))
            variables.append(("TZ", "the time zone times are shown in (default: the system's)"))
        }
        return variables
    }

    /// Every variable the help lists: the command's own, then those its options imply, then the global ones.
    var allEnvironment: [(name: String, help: String)] { environment + impliedEnvironment + Self.globalEnvironment }

    var help: String {
        var lines = ["\(summary)", "", "Usage: \(usageLine)"]
        if let discussion { lines += ["", discussion] }
        let all = options + Self.globalOptions
        let width = all.map { $0.name.count + ($0.value.map { $0.count + 1 } ?? 0) }.max() ?? 0
        lines += ["", "Options:"]
        for option in all {
            let left = option.name + (option.value.map { " " + $0 } ?? "")
            lines.append("  " + left + String(repeating: " ", count: width - left.count + 2) + option.help)
        }
        let variables = allEnvironment
        let variableWidth = variables.map(\.name.count).max() ?? 0
        lines += ["", "Environment:"]
        for variable in variables {
            lines.append(
                "  " + variable.name + String(repeating: " ", count: variableWidth - variable.name.count + 2)
                    + variable.help)
        }
        lines += ["", "Examples:"] + examples.map { "  " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }
}
