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
        ResultStore(root: StoreLocation.resolve(option: arguments.value("--store"), environment: environment))
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
        let login = environment["USER"] ?? environment["LOGNAME"] ?? ProcessInfo.processInfo.userName
        return try PersonName.validate(login, option: "login name")
    }

    func print(_ text: String) { output.write(text.hasSuffix("\n") ? text : text + "\n") }
    func warn(_ text: String) { errors.write("warning: \(text)\n") }
    func note(_ text: String) { errors.write(text + "\n") }

    var textStyle: TextStyle { TextStyle(colour: colour) }
}
