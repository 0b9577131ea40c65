import SkillsCore

/// Shell completion scripts, generated from the command specs so they never fall behind.
/// Questionnaire ids are asked of `skills list --quiet` when completing, so a trainer's
/// own questionnaires in the store complete too.
enum CompletionsCommand: Command {
    static let spec = CommandSpec(
        name: "completions", summary: "Print a shell completion script for bash, zsh or fish.",
        usage: "bash|zsh|fish", positionals: 1...1,
        discussion: """
            bash: add  source <(skills completions bash)  to ~/.bashrc
            zsh:  skills completions zsh > "${fpath[1]}/_skills"  (then restart the shell)
            fish: skills completions fish > ~/.config/fish/completions/skills.fish
            """,
        examples: ["skills completions bash", "skills completions zsh", "skills completions fish"])

    static func run(_ context: Context) throws -> Int32 {
        let shell = context.arguments.positionals[0]
        switch shell {
        case "bash": context.print(bash())
        case "zsh": context.print(zsh())
        case "fish": context.print(fish())
        default:
            throw CommandLineError(
                message:
                    "'\(TextSafety.visible(shell))' is not a supported "
                    + "shell\(Suggestion.hint(for: shell, in: ["bash", "zsh", "fish"])); expected bash, zsh or fish",
                spec: spec)
        }
        return ExitCode.success
    }

    static var specs: [CommandSpec] { CLI.commands.map { $0.spec } }
    /// Each command's own formats, as shell `case` arms.
    static func formatCases(_ arm: (String, String) -> String) -> String {
        specs.filter { !$0.formats.isEmpty }.map { arm($0.name, $0.formats.joined(separator: " ")) }
            .joined(separator: "\n")
    }
    static let fileOptions = ["--store", "--output", "--answers-file"]
    /// Commands whose first argument is a questionnaire id (or a file).
    static let takesQuestionnaire = ["show", "take"]

    static func options(_ spec: CommandSpec) -> String {
        (spec.options + CommandSpec.globalOptions).map(\.name).joined(separator: " ")
    }

    static func bash() -> String {
        let cases = specs.map { "        \($0.name)) opts=\"\(options($0))\" ;;" }.joined(separator: "\n")
        return """
            # bash completion for skills; load with: source <(skills completions bash)
            _skills() {
                local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"
                if [ "$COMP_CWORD" -eq 1 ]; then
                    COMPREPLY=( $(compgen -W "\(specs.map(\.name).joined(separator: " ")) help --help --version" -- \
                    "$cur") )
                    return
                fi
                case "$prev" in
                    \(fileOptions.joined(separator: "|"))) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;
                    --format)
                        local formats=""
                        case "${COMP_WORDS[1]}" in
            \(formatCases { "            \($0)) formats=\"\($1)\" ;;" })
                        esac
                        COMPREPLY=( $(compgen -W "$formats" -- "$cur") ); return ;;
                    --questionnaire) COMPREPLY=( $(compgen -W "$(skills list --quiet 2>/dev/null)" -- "$cur") ); \
                    return ;;
                esac
                local opts=""
                case "${COMP_WORDS[1]}" in
            \(cases)
                esac
                if [[ "$cur" == -* ]]; then
                    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
                elif [[ " \(takesQuestionnaire.joined(separator: " ")) " == *" ${COMP_WORDS[1]} "* ]]; then
                    COMPREPLY=( $(compgen -W "$(skills list --quiet 2>/dev/null)" -- "$cur") $(compgen -f -- "$cur") )
                else
                    COMPREPLY=( $(compgen -f -- "$cur") )
                fi
            }
            complete -F _skills skills
            """
    }

    static func zsh() -> String {
        let commands = specs.map {
            let summary = $0.summary.replacingOccurrences(of: "'", with: "'\\''")
                .replacingOccurrences(of: ":", with: "\\:")
            return "        '\($0.name):\(summary)'"
        }.joined(separator: "\n")
        let cases = specs.map { "        \($0.name)) opts=(\(options($0))) ;;" }.joined(separator: "\n")
        return """
            #compdef skills
            # zsh completion for skills; save as _skills in a folder on $fpath
            _skills() {
                local -a commands opts
                commands=(
            \(commands)
                )
                if (( CURRENT == 2 )); then
                    _describe 'command' commands
                    return
                fi
                case ${words[CURRENT-1]} in
                    \(fileOptions.joined(separator: "|"))) _files; return ;;
                    --format)
                        case ${words[2]} in
            \(formatCases { "            \($0)) compadd \($1) ;;" })
                        esac
                        return ;;
                    --questionnaire) compadd -- ${(f)"$(skills list --quiet 2>/dev/null)"}; return ;;
                esac
                case ${words[2]} in
            \(cases)
                esac
                if [[ $PREFIX == -* ]]; then
                    compadd -- $opts
                elif [[ ${words[2]} == (\(takesQuestionnaire.joined(separator: "|"))) ]]; then
                    compadd -- ${(f)"$(skills list --quiet 2>/dev/null)"}
                    _files -g '*.json'
                else
                    _files
                fi
            }
            compdef _skills skills
            """
    }

    static func fish() -> String {
        var lines = [
            "# fish completion for skills; save as ~/.config/fish/completions/skills.fish", "complete -c skills -f",
        ]
        for spec in specs {
            let summary = spec.summary.replacingOccurrences(of: "'", with: "\\'")
            lines.append("complete -c skills -n __fish_use_subcommand -a \(spec.name) -d '\(summary)'")
            for option in spec.options + CommandSpec.globalOptions {
                let help = option.help.replacingOccurrences(of: "'", with: "\\'")
                let value = option.takesValue ? (fileOptions.contains(option.name) ? " -r -F" : " -r") : ""
                let choices =
                    option.name == "--format"
                    ? " -a '\(spec.formats.joined(separator: " "))'"
                    : option.name == "--questionnaire" ? " -a '(skills list --quiet 2>/dev/null)'" : ""
                lines.append(
                    "complete -c skills -n '__fish_seen_subcommand_from \(spec.name)' -l "
                        + "\(option.name.dropFirst(2))\(value)\(choices) -d '\(help)'"
                )
            }
        }
        lines.append(
            "complete -c skills -n '__fish_seen_subcommand_from \(takesQuestionnaire.joined(separator: " "))' -a "
                + "'(skills list --quiet 2>/dev/null)' -F"
        )
        return lines.joined(separator: "\n")
    }
}
