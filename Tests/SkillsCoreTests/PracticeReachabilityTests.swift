import Foundation
import Testing

@testable import SkillsCore

/// Every practice in the framework can be the one a report suggests. For each, a person
/// low on one action the practice lists (and at full marks elsewhere) gets it. The reports
/// are kept as JSON samples in docs/samples/practices/ (re-recorded with
/// `SKILLS_RECORD_SNAPSHOTS=1`).
@Suite struct PracticeReachabilityTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/samples/practices").standardized

    /// A check-in-like questionnaire: one rating per area; the area that owns `action` is
    /// answered 1 with that action linked, the others 5.
    static func report(lowOn action: String, in area: String) throws -> DevelopmentReport {
        let framework = Fixture.framework
        let items = framework.areaIDs.map { id in
            Item(
                id: "rate-\(id)", area: id, text: "I did the \(framework.name(ofArea: id)) behaviour this week.",
                source: "Practice sample", actions: id == area ? [action] : nil, kind: .rating(RatingItem()))
        }
        let questionnaire = Questionnaire(
            id: "practice-sample", version: "1", title: "Practice sample", kind: .checkIn,
            scale: RatingScale(min: 1, max: 5, labels: ["1", "2", "3", "4", "5"]), items: items)
        let responses = items.map { Response.rating($0.area == area ? 1 : 5) }
        let result = ResultBuilder.build(
            questionnaire: questionnaire, responses: responses, person: "Sample", takenAt: Fixture.date,
            framework: framework, id: "sample")
        return ReportBuilder.build(result, framework: framework)
    }

    @Test func everyPracticeIsSuggestedForTheAnswersItIsLinkedTo() throws {
        let framework = Fixture.framework
        for practice in framework.practices {
            // Its first action, in one of its own areas.
            let action = try #require(practice.actions?.first, "\(practice.id) lists no actions")
            let area = try #require(
                framework.areas.first { area in area.actions.contains { $0.id == action } }?.id)
            #expect(practice.areas?.contains(area) == true)
            let report = try Self.report(lowOn: action, in: area)
            #expect(report.focusAreas == [area])
            #expect(report.practice?.id == practice.id, "\(practice.id) via \(action)")
            let json = try JSONFile.text(report)
            let url = Self.samples.appendingPathComponent("\(practice.id).json")
            if ProcessInfo.processInfo.environment["SKILLS_RECORD_SNAPSHOTS"] != nil {
                try FileManager.default.createDirectory(at: Self.samples, withIntermediateDirectories: true)
                try (json + "\n").write(to: url, atomically: true, encoding: .utf8)
            } else {
                #expect(try String(contentsOf: url, encoding: .utf8) == json + "\n", "\(url.lastPathComponent)")
            }
        }
    }

    @Test func withNoLinkedShortfallTheAreasFirstPracticeIsSuggested() throws {
        let report = try Self.report(lowOn: "no-such-action", in: "empathy")
        let first = Fixture.framework.practices.first { $0.areas?.contains("empathy") == true }
        #expect(report.practice?.id == first?.id)
    }
}
