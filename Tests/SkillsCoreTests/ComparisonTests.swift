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

/// Several coaches: the consensus is the median of their levels (hand working in each test).
@Suite struct CoachConsensusTests {
    static func observation(by coach: String, levels: [Int], daysAgo: Double) throws -> AssessmentResult {
        let questionnaire = try Fixture.builtin("coach-observation")
        let areas = Fixture.framework.areaIDs
        let responses = questionnaire.items.map { item -> Response in
            item.type == .level ? .rating(levels[areas.firstIndex(of: item.area!)!]) : .text("\(coach) saw it")
        }
        return ResultBuilder.build(
            questionnaire: questionnaire, responses: responses, person: "Ana", rater: coach,
            takenAt: Fixture.date.addingTimeInterval(-daysAgo * 86_400), framework: Fixture.framework)
    }

    @Test("each coach's latest observation within 14 days of the latest counts")
    func window() throws {
        let results = [
            try Self.observation(by: "Ali", levels: [1, 1, 1, 1, 1], daysAgo: 3),
            try Self.observation(by: "Ali", levels: [2, 2, 2, 2, 2], daysAgo: 1),
            try Self.observation(by: "Bo", levels: [3, 3, 3, 3, 3], daysAgo: 0),
            try Self.observation(by: "Cy", levels: [4, 4, 4, 4, 4], daysAgo: 15),
        ]
        let chosen = ResultChoice.coachRatings(among: results)
        #expect(chosen.map { $0.rater ?? "" } == ["Bo", "Ali"])
        #expect(chosen[1].takenAt == results[1].takenAt)
        // --since reaches back further, still the latest per coach.
        let since = Fixture.date.addingTimeInterval(-20 * 86_400)
        #expect(ResultChoice.coachRatings(among: results, since: since).map { $0.rater ?? "" } == ["Bo", "Ali", "Cy"])
    }

    @Test("three coaches: the median level; a self-rating above it is a blind spot")
    func median() throws {
        // Listening: levels 2, 2, 4 → median 2 (Developing, 49.5); the lenient 4 does not move it.
        // Self: the check-in with listening 5, 1 (reverse) → 100, Role model; its band cannot reach Developing.
        let coaches = [
            try Self.observation(by: "Ali", levels: [2, 3, 3, 3, 3], daysAgo: 0),
            try Self.observation(by: "Bo", levels: [2, 3, 3, 3, 3], daysAgo: 0),
            try Self.observation(by: "Cy", levels: [4, 4, 4, 4, 4], daysAgo: 0),
        ]
        let checkin = try Fixture.builtin("shift-checkin")
        let own = Fixture.result(checkin, [5, 1, 4, 4, 4, 2, 2, 4, 4, 4].map(Response.rating) + [.skipped])
        let c = try #require(ComparisonBuilder.build(self: own, coaches: coaches, framework: Fixture.framework))
        let listening = try #require(c.areas.first { $0.area == "listening" })
        #expect(listening.coachLevel == "Developing")
        #expect(listening.coachScore == 49.5)
        #expect(listening.finding == "blind-spot")
        #expect(listening.evidence == "Ali: Ali saw it; Bo: Bo saw it; Cy: Cy saw it")
        #expect(c.coaches?.map { $0.rater ?? "" } == ["Ali", "Bo", "Cy"])
    }

    @Test("two coaches split across two levels: both levels, and either agrees")
    func evenSplit() throws {
        // Levels 2 and 3: the consensus is Developing–Proficient, score (49.5 + 69.5) / 2 = 59.5.
        let area = "listening"
        let coaches = [
            try Self.observation(by: "Ali", levels: [2, 2, 2, 2, 2], daysAgo: 0),
            try Self.observation(by: "Bo", levels: [3, 3, 3, 3, 3], daysAgo: 0),
        ]
        let consensus = CoachConsensus(area: area, observations: coaches, levels: Fixture.framework.levels)
        #expect(consensus.levelName == "Developing–Proficient")
        #expect(consensus.score == 59.5)
        let levels = Fixture.framework.levels
        let developing = AreaScore(area: area, score: 50, level: "Developing", answered: 2, items: 2, required: 1)
        let proficient = AreaScore(area: area, score: 70, level: "Proficient", answered: 2, items: 2, required: 1)
        let roleModel = AreaScore(area: area, score: 95, level: "Role model", answered: 2, items: 2, required: 1)
        let beginning = AreaScore(area: area, score: 10, level: "Beginning", answered: 2, items: 2, required: 1)
        #expect(consensus.finding(self: developing, levels: levels) == "agreed")
        #expect(consensus.finding(self: proficient, levels: levels) == "agreed")
        #expect(consensus.finding(self: roleModel, levels: levels) == "blind-spot")
        #expect(consensus.finding(self: beginning, levels: levels) == "hidden-strength")
    }
}
