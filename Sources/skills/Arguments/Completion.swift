/// What a shell should offer for a command's arguments and option values. Derived from the
/// specs, so a new command or option completes without touching the completion scripts.
enum Completion: String {
    case nothing, questionnaires, areas, files, folders, results, shells, commands, bankFormats, formats

    /// The words the shell functions switch on; the scripts name each kind as in the rawValue.
    static func forValue(of option: OptionSpec) -> Completion {
        switch (option.name, option.value) {
        case ("--format", _): .formats
        case ("--questionnaire", _): .questionnaires
        case (_, "AREA"): .areas
        case (_, "FILE"): .files
        case (_, "DIR"): .folders
        default: .nothing
        }
    }
}

extension CommandSpec {
    /// The same spec, completing its arguments by position; the last kind repeats.
    func completing(_ kinds: Completion...) -> CommandSpec {
        var spec = self
        spec.argumentKinds = kinds
        return spec
    }

    /// What each argument position completes to: files by default, nothing for a command
    /// that takes no arguments.
    var completions: [Completion] {
        argumentKinds ?? (positionals.upperBound == 0 ? [] : [.files])
    }

    /// Every option, the global ones included, with what its value completes to.
    var completedOptions: [(option: OptionSpec, value: Completion?)] {
        (options + Self.globalOptions).map { ($0, $0.takesValue ? Completion.forValue(of: $0) : nil) }
    }
}
