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

    init(
        name: String, summary: String, usage: String, positionals: ClosedRange<Int> = 0...0,
        options: [OptionSpec] = [], discussion: String? = nil, examples: [String]
    ) {
        self.name = name
        self.summary = summary
        self.usage = usage
        self.positionals = positionals
        self.options = options
        self.discussion = discussion
        self.examples = examples
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
        lines += ["", "Examples:"] + examples.map { "  " + $0 }
        return lines.joined(separator: "\n") + "\n"
    }
}
