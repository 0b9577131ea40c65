import Foundation

/// The framework and questionnaires from Data/, compiled into the binary by SwiftPM
/// (`embedInCode` in Package.swift), so `skills` needs no files beside it.
public enum BuiltinData {
    public struct File: Sendable {
        public let name: String
        public let bytes: [UInt8]
    }

    public static let frameworkFile = File(name: "framework.json", bytes: PackageResources.framework_json)

    public static let questionnaireFiles: [File] = [
        File(name: "questionnaires/shift-checkin.json", bytes: PackageResources.shift_checkin_json),
        File(name: "questionnaires/self-assessment.json", bytes: PackageResources.self_assessment_json),
        File(name: "questionnaires/scenario-quiz.json", bytes: PackageResources.scenario_quiz_json),
        File(name: "questionnaires/coach-observation.json", bytes: PackageResources.coach_observation_json),
    ]

    /// The built-in framework. Its validity is pinned by the tests over Data/, so a
    /// failure here means the binary was built from a broken Data/ folder. Decoded once per
    /// process: commands ask for it from several places (levels for colours, targets, HTML).
    public static func framework() throws -> Framework { try decodedFramework.get() }

    private static let decodedFramework: Result<Framework, SkillsError> = {
        do {
            return .success(
                try JSONFile.decode(
                    Framework.self, from: Data(frameworkFile.bytes), file: "built-in " + frameworkFile.name))
        } catch let error as SkillsError {
            return .failure(error)
        } catch {
            return .failure(.invalidData(file: "built-in " + frameworkFile.name, detail: "\(error)"))
        }
    }()

    public static func questionnaires(framework: Framework) throws -> [Questionnaire] {
        let validator = QuestionnaireValidator(framework: framework)
        return try questionnaireFiles.map { try validator.load(data: Data($0.bytes), file: "built-in " + $0.name) }
    }
}
