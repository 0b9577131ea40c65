import Testing

@testable import SkillsCore

@Suite struct ComparisonTests {
    /// Self: the check-in with listening 5, 1 (reverse) → 8 / 8 = 100; empathy 2, 4 (reverse)
    /// → (1 + 1) / 8 = 25; the others 4 and 2 (reverse), or 4 and 4 (no reverse) → 6 / 8 = 75.
    /// Coach: listening level 2
    /// (Developing, 49.5), empathy 4 (Role model, 90), the others 3 (Proficient, 69.5).
    static func comparison() throws -> Comparison {
        let checkin = try Fixture.builtin("shift-checkin")
        let own = Fixture.result(checkin, [5, 1, 4, 4, 4, 2, 2, 4, 4, 4].map(Response.rating) + [.skipped])
        let observation = try Fixture.builtin("coach-observation")
        let levels = ["listening": 2, "anticipating-needs": 3, "communicating": 3, "empathy": 4, "above-and-beyond": 3]
        let responses = observation.items.map { item -> Response in
            item.type == .level
                ? .rating(levels[item.area!]!) : (item.area == "listening" ? .text("Cut in twice") : .skipped)
        }
        let coach = ResultBuilder.build(
            questionnaire: observation, responses: responses, person: "Ana", rater: "Sam",
            takenAt: Fixture.date, framework: Fixture.framework)
        return ComparisonBuilder.build(self: own, coach: coach, framework: Fixture.framework)
    }

    @Test func gapsOfFifteenPointsAreBlindSpotsOrHiddenStrengths() throws {
        let c = try Self.comparison()
        let listening = c.areas.first { $0.area == "listening" }!
        #expect(listening.selfScore == 100)
        #expect(listening.coachScore == 49.5)
        #expect(listening.gap == 50)  // 100 − 50 (49.5 as printed)
        #expect(c.blindSpots == ["listening"])
        #expect(c.hiddenStrengths == ["empathy"])  // 25 against 90: −65
        let communicating = c.areas.first { $0.area == "communicating" }!
        #expect(communicating.gap == 5)  // 75 against 70 (69.5 as printed)
        #expect(communicating.finding == "agreed")
        #expect(listening.evidence == "Cut in twice")
    }

    @Test func blindSpotsComeWithTheirAreasActions() throws {
        let c = try Self.comparison()
        #expect(c.actions.map(\.area) == ["listening", "listening"])
        #expect(c.actions.map(\.action) == ["listening.let-them-finish", "listening.confirm-need"])
    }

    @Test func aLevelItemScoresAtTheMiddleOfItsBand() {
        let context = ItemContext(scale: nil, framework: Fixture.framework, area: "listening")
        let points = LevelItem().points(for: .rating(3), in: context)
        #expect(points.points == 69.5)  // Proficient: (60 + 79) / 2
        #expect(points.max == 100)
        #expect(Fixture.framework.level(for: 69.5)?.name == "Proficient")
        #expect(Fixture.framework.level(for: 19.5)?.name == "Beginning")
    }
}
