import Foundation
import Testing

@testable import SkillsCore

/// The calibration report on three coaches observing four agents, against the `krippendorff`
/// 0.9.0 package (ordinal alpha), numpy 2.4.6 and scipy 1.17.1 (median consensus, t interval)
/// with Python 3.11, in scripts/oracles/coach_agreement_oracle.py, which holds the same ratings.
/// The observations are built as results here, with two that must be left out: Bo's earlier
/// look at Dev (his later one counts) and Cy's observation of Eve before `since`.
/// Bootstrap intervals come from the project's seeded resampling and are only checked for
/// plausibility (ordered, around the estimate), not against Python.
@Suite struct CoachAgreementReportTests {
    /// Levels per area, in the framework's area order; nil is "not applicable".
    static let ratings: [String: [String: [Int?]]] = [
        "Ali": ["Ana": [2, 3, 2, 3, 2], "Ben": [1, 2, 2, 1, 2], "Cleo": [3, 3, 2, 3, 3], "Dev": [2, 2, 1, 2, 1]],
        "Bo": ["Ana": [2, 2, 2, 3, 1], "Ben": [1, 2, 3, 1, 2], "Cleo": [3, 4, 2, 3, 3], "Dev": [3, 2, 1, nil, 1]],
        "Cy": ["Ana": [3, 3, 3, 4, 2], "Ben": [2, 2, 3, 3, 3], "Cleo": [4, 4, 3, 3, 4], "Dev": [2, 3, 2, 3, 3]],
    ]
    static let since = Fixture.date

    static func observation(of agent: String, by coach: String, levels: [Int?], at date: Date) throws
        -> AssessmentResult
    {
        let questionnaire = try Fixture.builtin("coach-observation")
        let areas = Fixture.framework.areaIDs
        let responses = questionnaire.items.map { item -> Response in
            guard item.type == .level, let index = areas.firstIndex(of: item.area ?? "") else { return .skipped }
            return levels[index].map(Response.rating) ?? .notApplicable
        }
        return ResultBuilder.build(
            questionnaire: questionnaire, responses: responses, person: agent, rater: coach, takenAt: date,
            framework: Fixture.framework)
    }

    static func observations() throws -> [AssessmentResult] {
        var results: [AssessmentResult] = []
        for (coach, agents) in ratings {
            for (agent, levels) in agents {
                results.append(
                    try observation(of: agent, by: coach, levels: levels, at: since.addingTimeInterval(3600)))
            }
        }
        // Superseded by Bo's later observation of Dev; and before the period.
        results.append(try observation(of: "dev", by: "BO", levels: [4, 4, 4, 4, 4], at: since.addingTimeInterval(60)))
        results.append(
            try observation(of: "Eve", by: "Cy", levels: [1, 1, 1, 1, 1], at: since.addingTimeInterval(-60)))
        // A self-assessment is not an observation.
        let checkin = try Fixture.builtin("shift-checkin")
        results.append(Fixture.result(checkin, [Response](repeating: .rating(3), count: 10) + [.skipped]))
        return results
    }

    static func report() throws -> CoachAgreementReport {
        CoachAgreementBuilder.build(try observations(), since: since, framework: Fixture.framework)
    }

    static func close(_ value: Double?, _ expected: Double) -> Bool {
        value.map { abs($0 - expected) <= 1e-9 } ?? false
    }

    @Test("the latest observation of each coach for each agent in the period counts")
    func latestInPeriod() throws {
        let r = try Self.report()
        #expect(r.coaches == ["Ali", "Bo", "Cy"])
        #expect(r.agents == ["Ana", "Ben", "Cleo", "Dev"])
        #expect(r.observations == 12)
        #expect(r.superseded == 1)
        #expect(r.seed == 16)
        #expect(r.notes.isEmpty)
    }

    @Test("alpha and pair agreement per area match the krippendorff package")
    func alphaPerArea() throws {
        let r = try Self.report()
        let expected: [(String, Double, Int, Double, Double)] = [
            ("listening", 0.5758169934640522, 12, 33.333333333333336, 100),
            ("anticipating-needs", 0.5493055555555555, 12, 50, 100),
            ("communicating", 0.30486111111111114, 12, 33.333333333333336, 100),
            ("empathy", 0.3056330172894589, 10, 50, 80),
            ("above-and-beyond", 0.3649809160305343, 12, 33.333333333333336, 83.33333333333333),
            ("all", 0.41903106924891487, 58, 39.6551724137931, 93.10344827586206),
        ]
        for (area, alpha, pairs, exact, within) in expected {
            let row = try #require((r.areas + [r.allAreas]).first { $0.area == area })
            #expect(Self.close(row.alpha, alpha), "\(area)")
            #expect(row.pairs == pairs, "\(area)")
            #expect(Self.close(row.exact, exact), "\(area)")
            #expect(Self.close(row.withinOneLevel, within), "\(area)")
            // The seeded bootstrap: ordered, and around the estimate.
            let interval = try #require(row.alphaInterval, "\(area)")
            #expect(interval.low <= interval.high)
            #expect(interval.low <= alpha + 1e-9 && alpha - 1e-9 <= interval.high, "\(area)")
        }
        #expect(r.allAreas.units == 20)
        #expect(r.areas.first { $0.area == "empathy" }?.units == 4)
    }

    @Test("offsets from the consensus match numpy and scipy; the lenient coach is named")
    func offsets() throws {
        let r = try Self.report()
        let expected: [(String, Int, Double, Double, Double, String)] = [
            ("Ali", 20, -0.125, -0.2744525318840739, 0.024452531884073953, "in-line"),
            ("Bo", 19, -0.05263157894736842, -0.2476672716635867, 0.14240411376884987, "in-line"),
            ("Cy", 20, 0.725, 0.4263360859796748, 1.0236639140203252, "lenient"),
        ]
        #expect(r.coachOffsets.count == 3)
        for ((coach, n, mean, low, high, verdict), offset) in zip(expected, r.coachOffsets) {
            #expect(offset.coach == coach)
            #expect(offset.ratings == n)
            #expect(Self.close(offset.meanOffset, mean), "\(coach)")
            #expect(Self.close(offset.interval?.low, low), "\(coach)")
            #expect(Self.close(offset.interval?.high, high), "\(coach)")
            #expect(offset.verdict == verdict)
        }
    }

    @Test("the widest disagreements come first, ties in area then agent order")
    func widest() throws {
        let r = try Self.report()
        #expect(
            r.widestDisagreements.map { "\($0.agent) \($0.area) \($0.spread)" } == [
                "Ben empathy 2", "Dev above-and-beyond 2", "Ana listening 1", "Ben listening 1", "Cleo listening 1",
            ])
        #expect(
            r.widestDisagreements[0].ratings.map { "\($0.coach) \($0.level) \($0.levelName)" } == [
                "Ali 1 Beginning", "Bo 1 Beginning", "Cy 3 Proficient",
            ])
    }

    @Test("the same observations give the same report, bootstrap included")
    func reproducible() throws {
        #expect(try Self.report() == Self.report())
    }

    @Test("too few coaches or agents is said plainly")
    func tooFew() throws {
        let one = [try Self.observation(of: "Ana", by: "Ali", levels: [2, 2, 2, 2, 2], at: Self.since)]
        let alone = CoachAgreementBuilder.build(one, framework: Fixture.framework)
        #expect(alone.notes.contains { $0.contains("Only one coach (Ali)") })
        #expect(alone.allAreas.alpha == nil)
        #expect(alone.coachOffsets.isEmpty)

        // Two coaches, one agent: percentages, but too few agents for alpha per area.
        let pair = one + [try Self.observation(of: "Ana", by: "Bo", levels: [3, 2, 2, 2, 2], at: Self.since)]
        let r = CoachAgreementBuilder.build(pair, framework: Fixture.framework)
        let listening = try #require(r.areas.first)
        #expect(listening.alpha == nil)
        #expect(listening.note?.contains("only one agent") == true)
        #expect(listening.exact == 0)
        #expect(r.allAreas.units == 5)

        let none = CoachAgreementBuilder.build([], framework: Fixture.framework)
        #expect(none.observations == 0)
        #expect(none.notes == ["No coach observations in this period."])
    }

    @Test("a coach always exactly one level above the others is lenient (the interval is one point)")
    func noSpread() throws {
        var results: [AssessmentResult] = []
        for agent in ["Ana", "Ben", "Cleo"] {
            results.append(try Self.observation(of: agent, by: "Ali", levels: [2, 2, 1, 2, 2], at: Self.since))
            results.append(try Self.observation(of: agent, by: "Bo", levels: [2, 2, 1, 2, 2], at: Self.since))
            results.append(try Self.observation(of: agent, by: "Cy", levels: [3, 3, 2, 3, 3], at: Self.since))
        }
        let r = CoachAgreementBuilder.build(results, framework: Fixture.framework)
        let cy = try #require(r.coachOffsets.first { $0.coach == "Cy" })
        #expect(cy.meanOffset == 1)
        #expect(cy.interval == ConfidenceInterval(low: 1, high: 1))
        #expect(cy.verdict == "lenient")
        #expect(r.coachOffsets.first { $0.coach == "Ali" }?.verdict == "in-line")
    }
}
