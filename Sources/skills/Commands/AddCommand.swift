import FoundationEssentials
import Glibc
import SkillsCore

enum AddCommand: Command {
    static let spec = CommandSpec(
        name: "add", summary: "Check a questionnaire file and install it into the store.",
        usage: "FILE [--replace]", positionals: 1...1,
        options: [
            OptionSpec("--replace", "replace an installed questionnaire that has the same id but different content")
        ],
        discussion: """
            The file is checked as 'skills validate' checks it (every problem listed, exit 1 when
            there are any) and copied into the store's questionnaires/ folder as ID.json; then
            'skills list' shows it and 'skills take ID' runs it. A built-in questionnaire's id is
            refused; another questionnaire already installed with the same id is kept unless
            --replace is given. Adding the same file twice changes nothing.
            """,
        examples: [
            "skills add my-quiz.json", "skills add my-quiz.json --replace",
            "skills import gift bank.gift --area empathy --add",
        ])

    static func run(_ context: Context) throws -> Int32 {
        let path = context.arguments.positionals[0]
        let data = try JSONFile.read(path, regularOnly: false)
        let (questionnaire, problems) = QuestionnaireValidator(framework: try context.framework()).check(
            data: data, file: path)
        guard let questionnaire, problems.isEmpty else {
            for problem in problems { context.print(TextSafety.visible(problem.description)) }
            context.note("Not added: fix the problems above and run 'skills add \(path)' again.")
            return ExitCode.checkFailed
        }
        try install(questionnaire, data: data, from: path, context: context)
        return ExitCode.success
    }

    /// Installs a checked questionnaire and says where it went and how to take it.
    static func install(_ questionnaire: Questionnaire, data: Data, from file: String, context: Context) throws {
        let installer = QuestionnaireInstaller(
            catalog: try context.catalog(), folder: context.store.questionnairesFolder)
        let outcome = try installer.install(
            questionnaire, data: data, from: file, replace: context.arguments.has("--replace"))
        let id = questionnaire.id
        switch outcome {
        case .added(let path):
            context.note("Added \(id) (version \(questionnaire.version)) as \(path). Take it with 'skills take \(id)'.")
        case .unchanged(let path):
            context.note("\(id) (version \(questionnaire.version)) is already installed as \(path); nothing changed.")
        case .replaced(let path, let previous):
            context.note("Replaced \(id) version \(previous) with version \(questionnaire.version) in \(path).")
        }
    }
}
