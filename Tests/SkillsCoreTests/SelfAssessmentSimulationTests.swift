import Foundation
import Testing

@testable import SkillsCore

/// 200 simulated respondents to the self-assessment, scored by the product, checked with
/// the class summary's own statistics.
///
/// Why this is a check of the data and not of the simulation: the respondents answer
/// from what each statement *says* (the list of lapse statements below was written by
/// reading the texts, not copied from the `reverse` flags), while the product scores
/// them with the data's `reverse` flags. A statement keyed the wrong way in the data is
/// scored upside down, so its points run against the rest of its area: its item-rest
/// correlation turns negative and the area's alpha drops. The last test flips one flag to
/// show that the check catches it. The alpha threshold itself depends on the noise chosen
/// here (a person level, an area offset and item noise, as in `skills-bench`), so it shows
/// that six items per area can reach 0.7 with plausible answers, not that real people will.
@Suite struct SelfAssessmentSimulationTests {
    /// Statements that describe a lapse, so a strong agent disagrees with them.
    static let lapses: Set<String> = [
        "sa-listen-6", "sa-listen-7", "sa-anticipate-5", "sa-anticipate-7", "sa-communicate-5", "sa-communicate-9",
        "sa-empathy-5", "sa-empathy-7", "sa-beyond-7", "sa-beyond-8",
    ]

    /// SplitMix64 seeded with 2026 (pinned), normal draws by Box–Muller.
    struct Respondents {
        var generator = SplitMix64(seed: 2026)

        mutating func uniform() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }
        mutating func normal() -> Double {
            (-2 * log(max(uniform(), 1e-12))).squareRoot() * cos(2 * .pi * uniform())
        }

        mutating func answers(to questionnaire: Questionnaire, areas: [String]) -> [Response] {
            let general = 3.4 + 0.6 * normal()
            let offsets = Dictionary(uniqueKeysWithValues: areas.map { ($0, 0.5 * normal()) })
            return questionnaire.items.map { item in
                guard item.type == .rating, let area = item.area else { return .skipped }
                let agreement = general + offsets[area]! + 0.7 * normal()
                let raw = SelfAssessmentSimulationTests.lapses.contains(item.id) ? 6 - agreement : agreement
                return .rating(min(5, max(1, Int(raw.rounded()))))
            }
        }
    }

    /// Per area: alpha and the item-rest correlations, from the points the product stored.
    static func statistics(of questionnaire: Questionnaire) -> [String: (alpha: Double?, rest: [(String, Double?)])] {
        let areas = Fixture.framework.areaIDs
        var respondents = Respondents()
        let results = (0..<200).map { index in
            Fixture.result(
                questionnaire, respondents.answers(to: questionnaire, areas: areas), person: "Agent \(index)")
        }
        var statistics: [String: (alpha: Double?, rest: [(String, Double?)])] = [:]
        for area in areas {
            let indices = results[0].answers.indices.filter { results[0].answers[$0].area == area }
            let columns = indices.map { index in results.map { $0.answers[index].points! } }
            let rest = Statistics.itemRestCorrelations(columns)
            statistics[area] = (
                Statistics.cronbachAlpha(columns), zip(indices.map { results[0].answers[$0].item }, rest).map { $0 }
            )
        }
        return statistics
    }

    @Test func everyAreaHasAlphaOfAtLeastPointSevenAndNoItemRunsAgainstItsArea() throws {
        let questionnaire = try Fixture.builtin("self-assessment")
        #expect(Set(questionnaire.items.filter(\.isReverseKeyed).map(\.id)) == Self.lapses)
        for (area, found) in Self.statistics(of: questionnaire) {
            #expect((found.alpha ?? 0) >= 0.7, "\(area): alpha \(found.alpha ?? .nan)")
            for (item, correlation) in found.rest {
                #expect((correlation ?? -1) > 0, "\(item): item-rest \(correlation ?? .nan)")
            }
        }
    }

    @Test func aStatementKeyedTheWrongWayIsCaught() throws {
        var questionnaire = try Fixture.builtin("self-assessment")
        let index = try #require(questionnaire.items.firstIndex { $0.id == "sa-empathy-5" })
        guard case .rating(var rating) = questionnaire.items[index].kind else { return }
        rating.reverseField = nil
        questionnaire.items[index].kind = .rating(rating)
        let empathy = try #require(Self.statistics(of: questionnaire)["empathy"])
        let miskeyed = try #require(empathy.rest.first { $0.0 == "sa-empathy-5" }?.1)
        #expect(miskeyed < 0)
    }
}
