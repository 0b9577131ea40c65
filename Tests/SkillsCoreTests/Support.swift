import Foundation
import TestScratch

@testable import SkillsCore

/// Shared helpers for the SkillsCore tests: the built-in framework, fixtures beside the
/// tests, and small questionnaires made in code.
enum Fixture {
    static let framework: Framework = try! BuiltinData.framework()

    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }
    static var dataFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Data")
    }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    static func small() throws -> Questionnaire {
        try QuestionnaireValidator(framework: framework).load(
            data: data("small-questionnaire.json"), file: "small-questionnaire.json")
    }

    /// The small questionnaire's JSON with one change applied to the parsed object.
    static func smallJSON(_ change: (inout [String: Any]) -> Void) throws -> Data {
        var object = try JSONSerialization.jsonObject(with: data("small-questionnaire.json")) as! [String: Any]
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    static func builtin(_ id: String) throws -> Questionnaire {
        try BuiltinData.questionnaires(framework: framework).first { $0.id == id }!
    }

    static let date = Date(timeIntervalSince1970: 1_795_000_000)

    static func result(
        _ questionnaire: Questionnaire, _ responses: [Response], person: String = "Ana", at date: Date = date
    ) -> AssessmentResult {
        ResultBuilder.build(
            questionnaire: questionnaire, responses: responses, person: person, takenAt: date, framework: framework)
    }

    /// A new folder inside this run's scratch folder.
    static func temporaryFolder() -> URL { Scratch.folder() }
}

extension Array where Element == [String: Any] {
    /// Edits the item at `index` of a questionnaire object's "items".
    static func edit(_ object: inout [String: Any], item index: Int, _ change: (inout [String: Any]) -> Void) {
        var items = object["items"] as! [[String: Any]]
        change(&items[index])
        object["items"] = items
    }
}
