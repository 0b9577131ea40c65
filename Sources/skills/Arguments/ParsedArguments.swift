import SkillsCore

/// A command's arguments after parsing: option values, flags, and positionals.
struct ParsedArguments {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    func value(_ name: String) -> String? { values[name] }
    func has(_ name: String) -> Bool { flags.contains(name) }

    /// Parses `arguments` (after the command name) against `spec` and the global options.
    /// `--opt value`, `--opt=value` and `--` (end of options) are understood.
    static func parse(_ arguments: [String], spec: CommandSpec) throws -> ParsedArguments {
        var parsed = ParsedArguments()
        let known = spec.options + CommandSpec.globalOptions
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "-h" {
                parsed.flags.insert("--help")
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let option = known.first(where: { $0.name == name }) else {
                let hint = Suggestion.hint(for: name, in: known.map(\.name))
                throw CommandLineError(message: "unknown option '\(name)'\(hint)", spec: spec)
            }
            if option.takesValue {
                if let inlineValue {
                    parsed.values[name] = inlineValue
                } else if index < arguments.count {
                    parsed.values[name] = arguments[index]
                    index += 1
                } else {
                    throw CommandLineError(
                        message: "option '\(name)' needs a value (\(option.value ?? "VALUE"))", spec: spec)
                }
            } else {
                if inlineValue != nil { throw CommandLineError(message: "option '\(name)' takes no value", spec: spec) }
                parsed.flags.insert(name)
            }
        }
        if !parsed.has("--help") && !spec.positionals.contains(parsed.positionals.count) {
            throw CommandLineError(message: wrongCount(parsed.positionals, spec: spec), spec: spec)
        }
        return parsed
    }

    /// "expected 1 argument; found none", with the spec's hint when one is missing.
    static func wrongCount(_ positionals: [String], spec: CommandSpec) -> String {
        let range = spec.positionals
        if positionals.count < range.lowerBound, let missing = spec.missing { return missing }
        let noun = { (count: Int) in count == 1 ? "argument" : "arguments" }
        let expected =
            range.lowerBound == range.upperBound
            ? "\(range.lowerBound) \(noun(range.lowerBound))"
            : range.upperBound == Int.max
                ? "at least \(range.lowerBound) \(noun(range.lowerBound))"
                : range.lowerBound == 0
                    ? "at most \(range.upperBound) \(noun(range.upperBound))"
                    : "\(range.lowerBound) to \(range.upperBound) arguments"
        let found =
            positionals.isEmpty
            ? "none" : positionals.map { "'\(TextSafety.visible($0))'" }.joined(separator: " ")
        return "expected \(expected); found \(found)"
    }
}

/// A usage error: printed with the command's usage line, exit 64.
struct CommandLineError: Error {
    let message: String
    let spec: CommandSpec?
}
