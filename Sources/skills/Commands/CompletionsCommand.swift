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
        examples: ["skills completions bash", "skills completions zsh", "skills completions fish"]
    ).completing(.shells).whenMissing(
        "which shell? bash, zsh or fish, for example: skills completions bash")

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
    static var areas: [String] { (try? BuiltinData.framework().areaIDs) ?? [] }
    static let shells = ["bash", "zsh", "fish"]
    static let bankFormats = ["gift", "aiken"]

    /// Options that take a value, across commands: the word after one is its value.
    static var valuedOptions: [String] {
        var seen: [String] = []
        for spec in specs {
            for (option, value) in spec.completedOptions where value != nil && !seen.contains(option.name) {
                seen.append(option.name)
            }
        }
        return seen
    }

    /// Options grouped by what their value completes to, as shell `case` patterns.
    static func valueArms(_ arm: (_ patterns: [String], _ kind: Completion) -> String) -> String {
        var kinds: [(Completion, [String])] = []
        for spec in specs {
            for case (let option, let value?) in spec.completedOptions {
                if let index = kinds.firstIndex(where: { $0.0 == value }) {
                    if !kinds[index].1.contains(option.name) { kinds[index].1.append(option.name) }
                } else {
                    kinds.append((value, [option.name]))
                }
            }
        }
        return kinds.map { arm($0.1, $0.0) }.joined(separator: "\n")
    }

    static func optionNames(_ spec: CommandSpec) -> String {
        spec.completedOptions.map(\.option.name).joined(separator: " ")
    }
    static func kindNames(_ spec: CommandSpec) -> String {
        spec.completions.map(\.rawValue).joined(separator: " ")
    }
    static var commandNames: String { (specs.map(\.name) + ["help"]).joined(separator: " ") }
    static let startOptions = "--store --no-color --help --version"
    /// "--store", then the default folders, as each shell spells them.
    static let helpSpec = CommandSpec(
        name: "help", summary: "Show the overview, or a command's help.", usage: "[COMMAND]", positionals: 0...1,
        examples: ["skills help take"]
    ).completing(.commands)

    static func bash() -> String {
        let cases = (specs + [helpSpec]).map {
            "        \($0.name)) opts=\"\(optionNames($0))\"; formats=\"\($0.formats.joined(separator: " "))\"; "
                + "kinds=\"\(kindNames($0))\" ;;"
        }.joined(separator: "\n")
        let values = valueArms { "        \($0.joined(separator: "|"))) _skills_offer \($1.rawValue); return ;;" }
        let valued = valuedOptions.joined(separator: "|")
        return #"""
            # bash completion for skills; load with: source <(skills completions bash)
            _skills_store() {
                local i w
                for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
                    w="${COMP_WORDS[i]}"
                    case "$w" in
                        --store)
                            w="${COMP_WORDS[i+1]}"
                            [ "$w" = "=" ] && w="${COMP_WORDS[i+2]}"
                            printf '%s' "${w/#\~/$HOME}"; return ;;
                        --store=*) w="${w#--store=}"; printf '%s' "${w/#\~/$HOME}"; return ;;
                    esac
                done
                printf '%s' "${SKILLS_STORE:-${XDG_DATA_HOME:-$HOME/.local/share}/skills}"
            }
            _skills_offer() {
                local store
                case "$1" in
                    files) COMPREPLY+=( $(compgen -f -- "$cur") ) ;;
                    folders) COMPREPLY+=( $(compgen -d -- "$cur") ) ;;
                    questionnaires)
                        store="$(_skills_store)"
                        COMPREPLY+=( $(compgen -W "$(skills list --quiet --store "$store" 2>/dev/null)" -- "$cur") )
                        COMPREPLY+=( $(compgen -f -X '!*.json' -- "$cur") ) ;;
                    results)
                        store="$(_skills_store)"
                        [ -d "$store/results" ] || return
                        COMPREPLY+=( $(compgen -W "$(ls -1 "$store/results" 2>/dev/null)" -- "$cur") ) ;;
                    areas) COMPREPLY+=( $(compgen -W "\#(areas.joined(separator: " "))" -- "$cur") ) ;;
                    shells) COMPREPLY+=( $(compgen -W "\#(shells.joined(separator: " "))" -- "$cur") ) ;;
                    bankFormats) COMPREPLY+=( $(compgen -W "\#(bankFormats.joined(separator: " "))" -- "$cur") ) ;;
                    commands) COMPREPLY+=( $(compgen -W "\#(commandNames)" -- "$cur") ) ;;
                    formats) COMPREPLY+=( $(compgen -W "$formats" -- "$cur") ) ;;
                esac
            }
            _skills() {
                local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}" command="" position=0 i
                COMPREPLY=()
                for ((i = 1; i < COMP_CWORD; i++)); do
                    case "${COMP_WORDS[i]}" in
                        \#(valued)) ((i++)) ;;
                        -*) ;;
                        *) if [ -z "$command" ]; then command="${COMP_WORDS[i]}"; else ((position++)); fi ;;
                    esac
                done
                local opts="\#(startOptions)" formats="" kinds="commands"
                case "$command" in
                    "") ;;
            \#(cases)
                    *) return ;;
                esac
                case "$prev" in
            \#(values)
                esac
                if [[ "$cur" == -* ]]; then
                    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
                    return
                fi
                local list=($kinds)
                [ ${#list[@]} -eq 0 ] && return
                ((position >= ${#list[@]})) && position=$((${#list[@]} - 1))
                _skills_offer "${list[position]}"
            }
            complete -F _skills skills
            """#
    }

    static func zsh() -> String {
        let commands = (specs + [helpSpec]).map {
            let summary = $0.summary.replacing("'", with: "'\\''")
                .replacing(":", with: "\\:")
            return "    '\($0.name):\(summary)'"
        }.joined(separator: "\n")
        let cases = (specs + [helpSpec]).map {
            "        \($0.name)) opts=(\(optionNames($0))); formats=(\($0.formats.joined(separator: " "))); "
                + "kinds=(\(kindNames($0))) ;;"
        }.joined(separator: "\n")
        let values = valueArms { "        \($0.joined(separator: "|"))) _skills_offer \($1.rawValue); return ;;" }
        let valued = valuedOptions.joined(separator: "|")
        return #"""
            #compdef skills
            # zsh completion for skills; save as _skills in a folder on $fpath
            _skills_commands=(
            \#(commands)
            )
            _skills_store() {
                local i w
                for (( i = 2; i < $#words; i++ )); do
                    case ${words[i]} in
                        --store) w=${words[i+1]}; print -r -- ${w/#\~/$HOME}; return ;;
                        --store=*) w=${words[i]#--store=}; print -r -- ${w/#\~/$HOME}; return ;;
                    esac
                done
                print -r -- ${SKILLS_STORE:-${XDG_DATA_HOME:-$HOME/.local/share}/skills}
            }
            _skills_offer() {
                local store
                case $1 in
                    files) _files ;;
                    folders) _files -/ ;;
                    questionnaires)
                        store=$(_skills_store)
                        compadd -- ${(f)"$(skills list --quiet --store $store 2>/dev/null)"}
                        _files -g '*.json' ;;
                    results)
                        store=$(_skills_store)
                        [[ -d $store/results ]] && compadd -- ${(f)"$(ls -1 $store/results 2>/dev/null)"} ;;
                    areas) compadd -- \#(areas.joined(separator: " ")) ;;
                    shells) compadd -- \#(shells.joined(separator: " ")) ;;
                    bankFormats) compadd -- \#(bankFormats.joined(separator: " ")) ;;
                    commands) _describe 'command' _skills_commands ;;
                    formats) compadd -- $formats ;;
                esac
            }
            _skills() {
                local command= position=1 i
                local -a opts formats kinds
                for (( i = 2; i < CURRENT; i++ )); do
                    case ${words[i]} in
                        \#(valued)) (( i++ )) ;;
                        -*) ;;
                        *) if [[ -z $command ]]; then command=${words[i]}; else (( position++ )); fi ;;
                    esac
                done
                opts=(\#(startOptions)); kinds=(commands)
                case $command in
                    '') ;;
            \#(cases)
                    *) return ;;
                esac
                case ${words[CURRENT-1]} in
            \#(values)
                esac
                if [[ ${words[CURRENT]} == -* ]]; then
                    compadd -- $opts
                    return
                fi
                (( $#kinds == 0 )) && return
                (( position > $#kinds )) && position=$#kinds
                _skills_offer ${kinds[position]}
            }
            if [[ $funcstack[1] == _skills ]]; then _skills "$@"; else compdef _skills skills; fi
            """#
    }

    static func fish() -> String {
        let commands = (specs + [helpSpec]).map {
            "        \($0.name)\\t'\($0.summary.replacing("'", with: "\\'"))'"
        }.joined(separator: " \\\n")
        let cases = (specs + [helpSpec]).map {
            "        case \($0.name)\n            set opts \(optionNames($0))\n"
                + "            set formats \($0.formats.joined(separator: " ")); set kinds \(kindNames($0))"
        }.joined(separator: "\n")
        let values = valueArms {
            "            case \($0.joined(separator: " "))\n"
                + "                __skills_offer \($1.rawValue) $formats; return"
        }
        let valued = valuedOptions.joined(separator: " ")
        return #"""
            # fish completion for skills; save as ~/.config/fish/completions/skills.fish
            function __skills_store
                set -l tokens (commandline -opc)
                for i in (seq 2 (count $tokens))
                    switch $tokens[$i]
                        case --store
                            set -l next (math $i + 1)
                            if test $next -le (count $tokens)
                                string replace -r '^~' $HOME -- $tokens[$next]
                                return
                            end
                        case '--store=*'
                            string replace -r '^--store=~?' '' -- $tokens[$i]
                            return
                    end
                end
                if set -q SKILLS_STORE; and test -n "$SKILLS_STORE"
                    echo $SKILLS_STORE
                else if set -q XDG_DATA_HOME; and test -n "$XDG_DATA_HOME"
                    echo $XDG_DATA_HOME/skills
                else
                    echo $HOME/.local/share/skills
                end
            end
            function __skills_offer --argument-names kind
                set -l current (commandline -ct)
                switch $kind
                    case files
                        __fish_complete_path $current
                    case folders
                        __fish_complete_directories $current
                    case questionnaires
                        skills list --quiet --store (__skills_store) 2>/dev/null
                        __fish_complete_suffix .json
                    case results
                        set -l store (__skills_store)
                        test -d $store/results; and ls -1 $store/results 2>/dev/null
                    case areas
                        printf '%s\n' \#(areas.joined(separator: " "))
                    case shells
                        printf '%s\n' \#(shells.joined(separator: " "))
                    case bankFormats
                        printf '%s\n' \#(bankFormats.joined(separator: " "))
                    case commands
                        printf '%s\n' \
            \#(commands)
                    case formats
                        printf '%s\n' $argv[2..]
                end
            end
            function __skills_complete
                set -l tokens (commandline -opc)
                set -l command ''
                set -l position 1
                set -l skip 0
                for token in $tokens[2..]
                    if test $skip = 1
                        set skip 0
                        continue
                    end
                    switch $token
                        case \#(valued)
                            set skip 1
                        case '-*'
                        case '*'
                            if test -z "$command"
                                set command $token
                            else
                                set position (math $position + 1)
                            end
                    end
                end
                set -l opts \#(startOptions)
                set -l formats
                set -l kinds commands
                switch "$command"
                    case ''
            \#(cases)
                    case '*'
                        return
                end
                if test (count $tokens) -gt 1
                    switch $tokens[-1]
            \#(values)
                    end
                end
                if string match -q -- '-*' (commandline -ct)
                    printf '%s\n' $opts
                    return
                end
                test (count $kinds) -eq 0; and return
                test $position -gt (count $kinds); and set position (count $kinds)
                __skills_offer $kinds[$position] $formats
            end
            complete -c skills -f -a '(__skills_complete)'
            """#
    }
}
