import Foundation
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
    let colour: Bool

    var store: ResultStore {
        var store = ResultStore(
            root: StoreLocation.resolve(option: arguments.value("--store"), environment: environment))
        // A hook for the test that kills a save between write and rename.
        store.pauseBeforeLink = environment["SKILLS_TEST_SAVE_PAUSE"].flatMap(TimeInterval.init) ?? 0
        return store
    }

    func framework() throws -> Framework { try BuiltinData.framework() }

    /// Built-in questionnaires and the store's own; unusable store files are reported.
    func catalog() throws -> QuestionnaireCatalog {
        let framework = try framework()
        let catalog = QuestionnaireCatalog(
            framework: framework, builtins: try BuiltinData.questionnaires(framework: framework),
            storeFolder: store.questionnairesFolder)
        for problem in catalog.problems { warn(problem) }
        return catalog
    }

    /// The person a command is about: --name, or the login name.
    func personName() throws -> String {
        if let name = arguments.value("--name") { return try PersonName.validate(name) }
        return try PersonName.validate(loginName, option: "login name")
    }

    var loginName: String {
        environment["USER"] ?? environment["LOGNAME"] ?? ProcessInfo.processInfo.userName
    }

    /// The results of --name, or of the login name, oldest first. Without --name, a store
    /// that holds one person's results only (an agent's own store) gives that person's;
    /// a shared store asks for --name.
    func personResults(questionnaire: String?, problems: inout [String]) throws -> [StoredResult] {
        let person = try personName()
        let own = store.results(of: person, questionnaire: questionnaire, problems: &problems)
        guard own.isEmpty, arguments.value("--name") == nil else { return own }
        let everyone = store.allResults(problems: &problems)
            .filter { questionnaire == nil || $0.result.questionnaire.id == questionnaire }
        let people = Set(everyone.map { $0.result.person.lowercased() })
        if people.count > 1 {
            let names = Set(everyone.map(\.result.person)).sorted().map { TextSafety.visible($0) }.joined(
                separator: ", ")
            throw SkillsError.notFound(
                "no results for '\(TextSafety.visible(person))'; the store has results for \(names): choose with --name"
            )
        }
        return everyone
    }

    /// A command's data: to `--output FILE` when given, else standard output.
    func emit(_ text: String) throws {
        if let path = arguments.value("--output") {
            try OutputFile.write(Self.endingWithNewline(text), to: path)
            note("Wrote \(path)")
        } else {
            print(text)
        }
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
    func warn(_ text: String) { errors.write("warning: \(text)\n") }
    func note(_ text: String) { errors.write(text + "\n") }

    /// Colour only when the text goes to the terminal, not to --output.
    var textStyle: TextStyle { TextStyle(colour: colour && arguments.value("--output") == nil) }

    /// The store's targets for a person; a damaged targets file is a warning, not a stop.
    func targets(of person: String) -> [String: Double] {
        do { return try store.loadTargets().of(person) } catch {
            warn("\(error); targets are not shown")
            return [:]
        }
    }
}
