import FoundationEssentials
import Glibc

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
        if let framework = frameworkFile.bytes.withUnsafeBufferPointer(Framework.fastRead) {
            return .success(framework)
        }
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

    /// The built-in questionnaires' ids, from their file names (`questionnaires/ID.json`, pinned
    /// by `BuiltinDataTests`), so that nothing is decoded to know them.
    public static let ids: [String] = questionnaireFiles.map { file in
        String(file.name.dropFirst("questionnaires/".count).dropLast(".json".count))
    }

    /// One built-in questionnaire, decoded only: every built-in is validated by the tests
    /// (`BuiltinDataTests`), not on every run. Nil for an id that is not built in.
    public static func questionnaire(id: String) throws -> Questionnaire? {
        guard let index = ids.firstIndex(of: id) else { return nil }
        return try decoded(questionnaireFiles[index])
    }

    static func decoded(_ file: File) throws -> Questionnaire {
        try JSONFile.decode(Questionnaire.self, from: Data(file.bytes), file: "built-in " + file.name)
    }

    /// What is wrong with built-in files: each must pass the validator and be named by its id
    /// (the id is read from the name). Run by the tests, since the binary no longer checks its
    /// built-ins on every run.
    public static func problems(in files: [File], framework: Framework) -> [String] {
        let validator = QuestionnaireValidator(framework: framework)
        return files.flatMap { file -> [String] in
            let (questionnaire, problems) = validator.check(data: Data(file.bytes), file: "built-in " + file.name)
            var found = problems.map(\.description)
            if let questionnaire, file.name != "questionnaires/\(questionnaire.id).json" {
                found.append("built-in \(file.name): named otherwise than its id '\(questionnaire.id)'")
            }
            return found
        }
    }

    /// Every built-in questionnaire, decoded and validated: for the tests and tools that check them.
    public static func questionnaires(framework: Framework) throws -> [Questionnaire] {
        let validator = QuestionnaireValidator(framework: framework)
        return try questionnaireFiles.map { try validator.load(data: Data($0.bytes), file: "built-in " + $0.name) }
    }
}
