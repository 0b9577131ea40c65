import FoundationEssentials
import Glibc
import SkillsCore

enum ValidateCommand: Command {
    static let spec = CommandSpec(
        name: "validate", summary: "Check questionnaire files; every problem on its own line.",
        usage: "FILE...", positionals: 1...Int.max,
        discussion: "Exit 0 when every file is valid, 1 when any has problems, 66 when a file is missing.",
        examples: ["skills validate my-quiz.json", "skills validate questionnaires/*.json"]
    ).whenMissing(
        "which file? For example: skills validate my-quiz.json")

    static func run(_ context: Context) throws -> Int32 {
        let validator = QuestionnaireValidator(framework: try context.framework())
        var status = ExitCode.success
        for path in context.arguments.positionals {
            let data: Data
            do {
                data = try JSONFile.read(path, regularOnly: false)
            } catch let error as SkillsError {
                context.print(error.description)
                status = max(status, error.kind == .notFound ? ExitCode.notFound : ExitCode.checkFailed)
                continue
            }
            let (questionnaire, problems) = validator.check(data: data, file: path)
            if let questionnaire, problems.isEmpty {
                context.print("\(path): valid (\(questionnaire.id), \(questionnaire.items.count) items)")
            } else {
                for problem in problems { context.print(TextSafety.visible(problem.description)) }
                status = max(status, ExitCode.checkFailed)
            }
        }
        return status
    }
}
