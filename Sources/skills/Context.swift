import FoundationEssentials
import Glibc
import SkillsCore

/// What a command runs with: its parsed arguments, the streams, the environment and the
/// store. Tests of SkillsCore never need it; the end-to-end tests run the real binary.
struct Context {
    let arguments: ParsedArguments
    let environment: [String: String]
    let output: any OutputHandler
    let errors: any OutputHandler
    let input: any InputProvider
    let inputIsTerminal: Bool
    /// Data written to a terminal is made visible-safe in every format (a CSV or Markdown
    /// file may hold escape sequences typed into a name or reflection).
    let outputIsTerminal: Bool
    let colour: Bool
    /// Found once per command: the report, its messages and their styles each ask for it.
    private let zone = Once<Zone>()

    var store: ResultStore {
        var store = ResultStore(
            path: StoreLocation.path(option: arguments.value("--store"), environment: environment))
        // A hook for the test that kills a save between write and link.
        if let pause = environment["SKILLS_TEST_SAVE_PAUSE"].flatMap(TimeInterval.init), pause > 0 {
            store.beforeLink = { wait(seconds: pause) }
        }
        return store
    }

    func framework() throws -> Framework { try BuiltinData.framework() }

    /// Built-in questionnaires and the store's own; unusable store files are reported.
    func catalog() throws -> QuestionnaireCatalog {
        let framework = try framework()
        let catalog = QuestionnaireCatalog(framework: framework, storeFolder: store.questionnairesPath)
        for problem in catalog.problems { warn(problem) }
        return catalog
    }

    /// What `list` shows. Without questionnaires of the store's own, nothing needs decoding:
    /// not even the framework, which only checks a store's questionnaires here.
    func listing() throws -> [QuestionnaireListing] {
        if let names = try? JSONFile.names(in: store.questionnairesPath), names.isEmpty {
            return try BuiltinData.listing()
        }
        return try catalog().listing()
    }

    /// The command's `--format`, from its own formats only.
    func format<F: CommandFormat>(_ type: F.Type, spec: CommandSpec) throws -> F {
        guard let raw = arguments.value("--format") else { return F.standard }
        guard let format = F(rawValue: raw.lowercased()) else {
            throw CommandLineError(
                message:
                    "--format '\(TextSafety.visible(raw))' is not available "
                    + "here\(Suggestion.hint(for: raw, in: F.names)); expected one of "
                    + "\(F.names.joined(separator: ", "))",
                spec: spec)
        }
        return format
    }

    var loginName: String {
        environment["USER"] ?? environment["LOGNAME"] ?? ProcessInfo.processInfo.userName
    }

    /// The person a command is about, by the one rule every command follows (`WhoseResults`).
    func person(problems: inout [String]) throws -> String {
        try WhoseResults(store: store).person(
            named: arguments.value("--name"), loginName: loginName, problems: &problems)
    }

    /// The person's results, read lazily from where `WhoseResults` stopped; the caller
    /// reports their `problems` once it has read what it needs.
    func theirResults(questionnaire: String? = nil) throws -> PersonResults {
        try WhoseResults(store: store).results(
            named: arguments.value("--name"), loginName: loginName, questionnaire: questionnaire)
    }

    /// Damaged files met while reading, as warnings, each once.
    func warn(problems: [String]) { Set(problems).sorted().forEach(warn) }

    /// The same, with problems in the store reported as warnings.
    func person() throws -> String {
        var problems: [String] = []
        defer { Set(problems).sorted().forEach(warn) }
        return try person(problems: &problems)
    }

    /// `--output FILE`, checked before any work (and before the first question of `take`):
    /// a file name, not a folder, in a folder that exists, and never inside the store.
    func checkOutput() throws {
        guard let path = arguments.value("--output") else { return }
        try OutputFile.check(path, store: store.root)
    }

    /// A command's data: to `--output FILE` when given, else standard output.
    func emit(_ text: String) throws {
        if let path = arguments.value("--output") {
            try OutputFile.write(Self.endingWithNewline(text), to: path, store: store.root)
            note("Wrote \(path)")
        } else {
            print(text)
        }
    }

    /// Data for programs (CSV, JSON, Markdown, HTML): written to a terminal, it is made
    /// visible-safe, since such files may carry escape sequences typed into a name or a
    /// reflection. (The text format makes user content safe as it renders it.)
    func emitData(_ text: String) throws {
        try emit(
            outputIsTerminal && arguments.value("--output") == nil ? TextSafety.visible(text, keepNewlines: true) : text
        )
    }

    func emit<F: CommandFormat>(_ text: String, as format: F) throws {
        try format.rawValue == "text" ? emit(text) : emitData(text)
    }

    /// Data made a line at a time: to --output whole, else to standard output in 64 KiB
    /// pieces, so a long table is neither held in memory nor written line by line.
    func emitLines(_ body: ((String) -> Void) -> Void) throws {
        if arguments.value("--output") != nil {
            var lines: [String] = []
            body { lines.append($0) }
            try emit(lines.joined(separator: "\n"))
            return
        }
        var buffer = ""
        body { line in
            buffer += line
            buffer += "\n"
            if buffer.utf8.count >= 65_536 {
                output.write(buffer)
                buffer = ""
            }
        }
        output.write(buffer)
    }

    func print(_ text: String) { output.write(Self.endingWithNewline(text)) }

    /// Checks the last scalar: in Swift "\r\n" is one Character, so hasSuffix("\n") misses it.
    static func endingWithNewline(_ text: String) -> String {
        text.unicodeScalars.last == "\n" ? text : text + "\n"
    }
    /// Messages name files and values from users: shown visibly, one line each.
    func warn(_ text: String) { errors.write("warning: \(TextSafety.visible(text))\n") }
    func note(_ text: String) { errors.write(TextSafety.visible(text) + "\n") }
    /// A note for a person at the terminal (a summary, not a problem), wrapped to its width.
    func say(_ text: String) { errors.write(messageStyle.wrap(TextSafety.visible(text), indent: "") + "\n") }

    /// A result named as the store's folder lists it (what shell completion offers) is found
    /// there; anything else is a path.
    func resultPath(_ argument: String) -> String {
        if argument.contains("/") || FileManager.default.fileExists(atPath: argument) { return argument }
        let inStore = store.resultsFolder.appendingPathComponent(argument).path
        return FileManager.default.fileExists(atPath: inStore) ? inStore : argument
    }

    /// Colour only when the text goes to the terminal, not to --output.
    var textStyle: TextStyle {
        let colour = colour && arguments.value("--output") == nil
        // The levels only colour the bars: without colour the framework need not be read.
        return TextStyle(
            colour: colour, levels: colour ? (try? framework().levels) ?? [] : [],
            width: TTY.width(environment: environment, outputIsTerminal: outputIsTerminal), timeZone: timeZone)
    }

    /// The style of what is written to standard error (take's questions, notes): its width is
    /// the terminal's that standard error is on, which standard output may not be.
    var messageStyle: TextStyle {
        var style = textStyle
        style.colour = false
        style.width = TTY.width(environment: environment, outputIsTerminal: TTY.isTerminal(2), descriptor: 2)
        return style
    }

    /// A date option such as `--since`: nil when absent, a usage error naming the option when
    /// the value is not a date. A bare day is read in `zone` (UTC unless the command means the
    /// person's own day).
    func date(
        option name: String, spec: CommandSpec, dayIn zone: Zone = Zone.utc,
        example: String = "2026-11-01"
    ) throws -> Date? {
        guard let text = arguments.value(name) else { return nil }
        guard let date = ISODate.parse(text, dayIn: zone) else {
            throw CommandLineError(
                message: "\(name) '\(TextSafety.visible(text))' is not a date; expected a day such as \(example)",
                spec: spec)
        }
        return date
    }

    /// TZ when it names a zone, else the system's zone.
    var timeZone: Zone { zone.value { Zone.system(tz: environment["TZ"], directory: environment["TZDIR"]) } }

    /// The store's targets for a person; a damaged targets file is a warning, not a stop.
    /// A damaged targets file, or a target for an area the framework lacks, is a warning.
    func targets(of person: String) -> [String: Double] {
        do {
            let areas = (try? framework().areaIDs) ?? []
            var mine = try store.loadTargets().of(person)
            for area in mine.keys.sorted() where !areas.contains(area) {
                warn("skipped the target for '\(area)' in \(store.targetsPath): not a skill area")
                mine[area] = nil
            }
            return mine
        } catch {
            warn("skipped \(error); targets are not shown")
            return [:]
        }
    }
}

/// A value made the first time it is asked for, then kept: a `lazy var` would make every use of
/// the (value-type) context mutating.
final class Once<Value> {
    private var made: Value?

    func value(_ make: () -> Value) -> Value {
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
