import Foundation
import Testing

@testable import SkillsCore

/// Every file in Data/ is valid, is the one compiled into the binary, and meets the
/// content brief (items per area, reverse keys, options per scenario).
@Suite struct DataFilesTests {
    static var questionnaireFiles: [String] {
        let folder = Fixture.dataFolder.appendingPathComponent("questionnaires")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            $0.hasSuffix(".json")
        }.sorted()
    }

    @Test func theDataFolderHoldsTheFrameworkAndTheBuiltInQuestionnaires() {
        #expect(
            Self.questionnaireFiles == [
                "coach-observation.json", "scenario-quiz.json", "self-assessment.json", "shift-checkin.json",
            ])
    }

    @Test(arguments: questionnaireFiles)
    func everyQuestionnaireFileIsValidAndBuiltIn(name: String) throws {
        let data = try Data(contentsOf: Fixture.dataFolder.appendingPathComponent("questionnaires/" + name))
        let (questionnaire, problems) = QuestionnaireValidator(framework: Fixture.framework).check(
            data: data, file: name)
        #expect(problems.map(\.description) == [])
        #expect(questionnaire?.id == name.replacingOccurrences(of: ".json", with: ""))
        let builtin = BuiltinData.questionnaireFiles.first { $0.name == "questionnaires/" + name }
        #expect(builtin?.bytes == Array(data), "rebuild: the compiled copy differs from Data/")
        // every item cites one of the seed chapters, not free material
        for item in questionnaire?.items ?? [] {
            #expect(
                Fixture.framework.sources.contains { item.source.hasPrefix($0.file + "#") },
                "\(item.id): \(item.source)")
        }
    }

    @Test func theFrameworkFileIsValidAndBuiltIn() throws {
        let data = try Data(contentsOf: Fixture.dataFolder.appendingPathComponent("framework.json"))
        let framework = try JSONFile.decode(Framework.self, from: data, file: "framework.json")
        #expect(FrameworkValidator.check(framework, file: "framework.json").map(\.description) == [])
        #expect(BuiltinData.frameworkFile.bytes == Array(data))
        #expect(
            framework.areaIDs == ["listening", "anticipating-needs", "communicating", "empathy", "above-and-beyond"])
        for area in framework.areas {
            #expect(area.rubric.count == 4)
            #expect(area.actions.count >= 4)
            #expect(area.behaviours.count >= 3)
        }
        let kinds = Set(framework.practices.map(\.kind))
        #expect(kinds.isSuperset(of: ["feedback-and-coaching", "continuous-learning", "collaboration"]))
    }

    func perArea(_ questionnaire: Questionnaire, _ filter: (Item) -> Bool = { _ in true }) -> [String: Int] {
        Dictionary(grouping: questionnaire.scoredItems.filter(filter), by: { $0.area ?? "" }).mapValues(\.count)
    }

    @Test func theCheckInHasTwoRatingsPerAreaSomeReverseKeyedAndAReflection() throws {
        let checkin = try Fixture.builtin("shift-checkin")
        #expect(perArea(checkin).values.sorted() == [2, 2, 2, 2, 2])
        #expect(checkin.items.filter(\.isReverseKeyed).count >= 3)
        #expect(checkin.items.filter { $0.type == .reflection }.count == 1)
        #expect(checkin.minutes == 2)
    }

    @Test func theSelfAssessmentHasSixRatingsPerAreaAtLeastTwoReverseKeyed() throws {
        let assessment = try Fixture.builtin("self-assessment")
        #expect(perArea(assessment).values.sorted() == [6, 6, 6, 6, 6])
        #expect(perArea(assessment, \.isReverseKeyed).values.allSatisfy { $0 >= 2 })
        #expect(perArea(assessment, \.isReverseKeyed).count == 5)
    }

    @Test func theQuizBankHasNineScenariosPerAreaWithFourOptionsFeedbackAndAnExplanation() throws {
        let quiz = try Fixture.builtin("scenario-quiz")
        #expect(perArea(quiz).values.sorted() == [9, 9, 9, 9, 9])
        #expect(quiz.draw?.perArea == 3)
        for item in quiz.items {
            #expect(item.type == .choice)
            #expect(item.options?.count == 4)
            #expect(item.options?.allSatisfy { !($0.feedback ?? "").isEmpty } == true)
            #expect(item.options?.contains { $0.text.lowercased().contains("all of the above") } == false)
        }
        // the key is spread over the letters rather than always A
        let keys = Set(quiz.items.compactMap { $0.correctOptions.first })
        #expect(keys.count == 4)
    }
}

/// The README's example questionnaire is what trainers copy, so it must be valid.
@Suite struct ReadmeExampleTests {
    @Test func theReadmeExampleQuestionnaireIsValid() throws {
        let readme = try String(
            contentsOf: Fixture.dataFolder.deletingLastPathComponent().appendingPathComponent("README.md"),
            encoding: .utf8)
        let block = try #require(
            readme.components(separatedBy: "```json\n").dropFirst().first?.components(separatedBy: "```").first)
        let (questionnaire, problems) = QuestionnaireValidator(framework: Fixture.framework).check(
            data: Data(block.utf8), file: "README.md")
        #expect(problems.map(\.description) == [])
        #expect(questionnaire?.items.count == 4)
    }
}
