import Foundation
import Testing

@testable import SkillsCore

/// The training gain between two sittings. The figures of the fixed class below are
/// pingouin 0.7.0 (`compute_effsize(paired=True, eftype="cohen_dz")`, `compute_esci`), scipy
/// 1.17.1 (`t.ppf`, `nct.cdf` with `brentq`) and numpy 2.4.6 on Python 3.11, printed by
/// scripts/oracles/gain_oracle.py; the forms are worked by hand.
@Suite struct GainBuilderTests {
    static let names = ["Ana", "Ben", "Cleo", "Dev", "Eve", "Finn", "Gus", "Hana"]
    /// (before, after, SE before, SE after) per person; nil where a score or an error is missing.
    static let listening: [(Double?, Double?, Double?, Double?)] = [
        (40, 60, 8, 7), (55, 65, 7, 7), (62.5, 75, 6, 6), (70, 72.5, 6, 6), (30, 55, 9, 8), (85, 90, 5, 4),
        (100, 95, 3, 3), (45, 70, 8, 7),
    ]
    static let empathy: [(Double?, Double?, Double?, Double?)] = [
        (50, 55, 6, 6), (60, 58, 6, 6), (nil, 70, 6, 6), (45, 60, 6, nil), (35, 50, 6, 6), (80, 85, 6, 6),
        (90, 88, 6, 6), (55, 52, 6, 6),
    ]
    static let overall: [(Double?, Double?, Double?, Double?)] = [
        (45, 57.5, 5, 5), (57.5, 61.5, 5, 5), (62.5, 72.5, 5, 5), (57.5, 66.25, 5, 5), (32.5, 52.5, 5, 5),
        (82.5, 87.5, 5, 5), (95, 91.5, nil, nil), (50, 61, 5, 5),
    ]

    static let reference = AssessmentResult.QuestionnaireRef(
        id: "course-check", version: "1", title: "Course check", kind: .selfAssessment, hash: "h")

    static func result(
        _ person: String, day: Int, overall: (Double?, Double?), areas: [(String, Double?, Double?)],
        answers: [AnswerRecord] = [], questionnaire: AssessmentResult.QuestionnaireRef = reference
    ) -> AssessmentResult {
        AssessmentResult(
            format: 1, id: "\(person)-\(day)-\(questionnaire.id)", person: person,
            takenAt: Date(timeIntervalSince1970: 1_795_000_000 + Double(day) * 86_400), questionnaire: questionnaire,
            answers: answers,
            scores: Scores(
                overall: overall.0,
                areas: areas.map { area, score, error in
                    AreaScore(area: area, score: score, answered: 6, items: 6, required: 3, standardError: error)
                }, standardError: overall.1))
    }

    /// The class: Ivy sat only before, Jon only after.
    static func sides() -> (before: [AssessmentResult], after: [AssessmentResult]) {
        var before: [AssessmentResult] = []
        var after: [AssessmentResult] = []
        for (index, name) in names.enumerated() {
            let (l, e, o) = (listening[index], empathy[index], overall[index])
            before.append(
                result(name, day: 0, overall: (o.0, o.2), areas: [("listening", l.0, l.2), ("empathy", e.0, e.2)]))
            after.append(
                result(name, day: 30, overall: (o.1, o.3), areas: [("listening", l.1, l.3), ("empathy", e.1, e.3)]))
        }
        before.append(result("Ivy", day: 0, overall: (50, 5), areas: [("listening", 50, 5)]))
        after.append(result("Jon", day: 30, overall: (50, 5), areas: [("listening", 50, 5)]))
        return (before, after)
    }

    static func close(_ value: Double?, _ expected: Double) -> Bool {
        value.map { abs($0 - expected) <= 1e-9 } ?? false
    }

    static func build(_ before: [AssessmentResult], _ after: [AssessmentResult], latest: Bool = false) -> GainReport {
        GainBuilder.build(
            before: before, after: after, questionnaire: before.first?.questionnaire.id ?? "",
            labels: ("pre", "post"), latest: latest, framework: Fixture.framework)
    }

    @Test func perAreaAndOverallFiguresMatchPingouinAndScipy() throws {
        let (before, after) = Self.sides()
        let report = Self.build(before, after)
        #expect(report.matched == 8)
        #expect(report.hakeGainForm.hasPrefix("class average"))
        #expect(report.areas.map(\.area) == ["listening", "empathy"])

        let l = report.areas[0]
        #expect(l.people == 8)
        #expect(Self.close(l.meanBefore, 60.9375))
        #expect(Self.close(l.meanAfter, 72.8125))
        #expect(Self.close(l.meanChange, 11.875))
        #expect(Self.close(l.hakeGain, 0.304))
        #expect(Self.close(l.meanIndividualGain, 0.3024634096062667))
        #expect(l.startedAtTop == 1)
        #expect(Self.close(l.effectSize, 1.0876821385206843))
        #expect(Self.close(l.effectSizeApproximateInterval?.low, 0.03299404200330858))
        #expect(Self.close(l.effectSizeApproximateInterval?.high, 2.14237023503806))
        #expect(Self.close(l.effectSizeInterval?.low, 0.1753012971865195))
        #expect(Self.close(l.effectSizeInterval?.high, 1.9551797559927235))
        #expect(l.reliableChange == .init(up: 3, down: 0, noClearChange: 5, undetermined: 0))
        #expect(l.basis == .sameItems)

        // Cleo has no empathy score before, so seven people; Dev's after score has no error.
        let e = report.areas[1]
        #expect(e.people == 7)
        #expect(Self.close(e.meanBefore, 59.285714285714285))
        #expect(Self.close(e.meanAfter, 64.0))
        #expect(Self.close(e.hakeGain, 0.11578947368421055))
        #expect(Self.close(e.meanIndividualGain, 0.07668997668997668))
        #expect(Self.close(e.effectSize, 0.6074076879484505))
        #expect(Self.close(e.effectSizeApproximateInterval?.low, -0.3991338750818383))
        #expect(Self.close(e.effectSizeApproximateInterval?.high, 1.6139492509787392))
        #expect(Self.close(e.effectSizeInterval?.low, -0.22623965983247077))
        #expect(Self.close(e.effectSizeInterval?.high, 1.4005330927171824))
        #expect(e.reliableChange == .init(up: 1, down: 0, noClearChange: 5, undetermined: 1))

        let o = report.overall
        #expect(o.area == nil)
        #expect(o.people == 8)
        #expect(Self.close(o.meanBefore, 60.3125))
        #expect(Self.close(o.meanAfter, 68.78125))
        #expect(Self.close(o.meanChange, 8.46875))
        #expect(Self.close(o.hakeGain, 0.21338582677165355))
        #expect(Self.close(o.meanIndividualGain, 0.11199374699374699))
        #expect(Self.close(o.effectSize, 1.227291204494892))
        #expect(Self.close(o.effectSizeApproximateInterval?.low, 0.12035345766394534))
        #expect(Self.close(o.effectSizeApproximateInterval?.high, 2.334228951325839))
        #expect(Self.close(o.effectSizeInterval?.low, 0.2681804136604644))
        #expect(Self.close(o.effectSizeInterval?.high, 2.14106988428178))
        #expect(o.reliableChange == .init(up: 2, down: 0, noClearChange: 5, undetermined: 1))
    }

    @Test func unmatchedPeopleAreListedOnTheirSide() {
        let (before, after) = Self.sides()
        let report = Self.build(before, after)
        #expect(report.unmatched == .init(before: ["Ivy"], after: ["Jon"]))
        #expect(report.before.people == 9)
        #expect(report.after.people == 9)
        // Eight matched people is a small class: the caveat says so.
        #expect(report.caveats.contains { $0.contains("Only 8 people sat both") })
        // Each person's overall, with whether it moved beyond measurement error:
        // Eve 32.5 → 52.5 is RCI 20/√50 = 2.83, up; Ana 45 → 57.5 is 12.5/√50 = 1.77, up.
        let eve = report.people.first { $0.name == "Eve" }
        #expect(eve?.change == 20)
        #expect(eve?.reliableChange == .up)
        #expect(report.people.first { $0.name == "Ana" }?.reliableChange == ReliableChange.Direction.up)
        #expect(report.people.first { $0.name == "Gus" }?.reliableChange == nil)
    }

    @Test func peopleMatchByNameWhateverTheCase() {
        let before = [Self.result("Ana Lima", day: 0, overall: (40, nil), areas: [])]
        let after = [Self.result("ana lima", day: 9, overall: (60, nil), areas: [])]
        let report = Self.build(before, after)
        #expect(report.matched == 1)
        #expect(report.people.map(\.name) == ["Ana Lima"])
    }

    @Test func theFirstAttemptInEachSittingCountsUnlessTheLatestIsAsked() {
        let before = [
            Self.result("Ana", day: 2, overall: (50, nil), areas: []),
            Self.result("Ana", day: 1, overall: (40, nil), areas: []),
        ]
        let after = [
            Self.result("Ana", day: 20, overall: (60, nil), areas: []),
            Self.result("Ana", day: 21, overall: (80, nil), areas: []),
        ]
        #expect(Self.build(before, after).people.first?.change == 20)  // 40 → 60
        #expect(Self.build(before, after, latest: true).people.first?.change == 30)  // 50 → 80
        #expect(Self.build(before, after, latest: true).attempts == "latest")
    }

    static func quiz(_ person: String, day: Int, _ right: [(String, String, Bool)]) -> AssessmentResult {
        let answers = right.map { item, area, correct in
            AnswerRecord(
                item: item, type: .choice, area: area, text: item, answer: correct ? "A" : "B",
                points: correct ? 1 : 0, maxPoints: 1, correct: "A")
        }
        let quizRef = AssessmentResult.QuestionnaireRef(
            id: "scenario-quiz", version: "2.0", title: "Quiz", kind: .quiz, hash: "q")
        var result = Self.result(
            person, day: day, overall: (nil, nil), areas: [], answers: answers, questionnaire: quizRef)
        result.scores = Scoring.scores(for: answers, framework: Fixture.framework)
        return result
    }

    static func asked(_ items: [String], _ area: String, _ marks: String) -> [(String, String, Bool)] {
        zip(items, marks).map { ($0, area, $1 == "1") }
    }

    @Test func differentFormsAreComparedOnTheirItemsInCommonOrWholeWithACaveat() throws {
        // Before: listening l1–l5, empathy e1–e3. After: listening l1–l3, l6, l7, empathy e4–e6.
        // Listening shares l1–l3 (3, enough); empathy shares none; the whole quiz shares 3 (< 8).
        let l = "listening"
        let e = "empathy"
        let pre = ["l1", "l2", "l3", "l4", "l5"]
        let post = ["l1", "l2", "l3", "l6", "l7"]
        let before = [
            Self.quiz("P1", day: 0, Self.asked(pre, l, "10011") + Self.asked(["e1", "e2", "e3"], e, "110")),
            Self.quiz("P2", day: 0, Self.asked(pre, l, "00011") + Self.asked(["e1", "e2", "e3"], e, "000")),
            Self.quiz("P3", day: 0, Self.asked(pre, l, "11000") + Self.asked(["e1", "e2", "e3"], e, "100")),
        ]
        let after = [
            Self.quiz("P1", day: 30, Self.asked(post, l, "11000") + Self.asked(["e4", "e5", "e6"], e, "111")),
            Self.quiz("P2", day: 30, Self.asked(post, l, "11100") + Self.asked(["e4", "e5", "e6"], e, "010")),
            Self.quiz("P3", day: 30, Self.asked(post, l, "11111") + Self.asked(["e4", "e5", "e6"], e, "110")),
        ]
        let report = Self.build(before, after)
        let listening = try #require(report.areas.first { $0.area == l })
        #expect(listening.basis == .itemsInCommon)
        #expect(listening.commonItems == 3)
        // On l1–l3 only: before 1/3, 0/3, 2/3 → mean 100/3; after 2/3, 3/3, 3/3 → mean 800/9
        // (the whole forms would give 60, 40, 40 before).
        #expect(Self.close(listening.meanBefore, 100.0 / 3))
        #expect(Self.close(listening.meanAfter, 800.0 / 9))
        let empathy = try #require(report.areas.first { $0.area == e })
        #expect(empathy.basis == .wholeForms)
        #expect(empathy.commonItems == 0)
        // Whole forms: before 2/3, 0, 1/3 → 100/3; after 1, 1/3, 2/3 → 200/3.
        #expect(Self.close(empathy.meanBefore, 100.0 / 3))
        #expect(Self.close(empathy.meanAfter, 200.0 / 3))
        #expect(report.overall.basis == .wholeForms)
        #expect(report.overall.commonItems == 3)
        let caveat = try #require(report.caveats.first { $0.contains("different questions") })
        #expect(caveat.contains("Empathy (0 in common)"))
        #expect(caveat.contains("Overall (3 in common)"))
        #expect(!caveat.contains("Listening"))
    }

    @Test func theSameFormEverywhereUsesTheStoredScores() {
        let items = ["l1", "l2", "l3"]
        let report = Self.build(
            [Self.quiz("P1", day: 0, Self.asked(items, "listening", "100"))],
            [Self.quiz("P1", day: 30, Self.asked(items, "listening", "110"))])
        #expect(report.overall.basis == .sameItems)
        #expect(report.overall.commonItems == nil)
        #expect(report.areas.allSatisfy { $0.basis == .sameItems })
        #expect(!report.caveats.contains { $0.contains("different questions") })
    }

    @Test func aChangeThatDiffersOnlyByRoundingHasNoEffectSize() {
        // 2/3 − 1/3 and 1 − 2/3 of 100 differ in the last bit: the same change for everyone.
        let before = [100.0 / 3, 200.0 / 3, 0]
        let after = [200.0 / 3, 100, 100.0 / 3]
        #expect(after[0] - before[0] != after[1] - before[1])
        let gain = TrainingGain(before: before, after: after)
        #expect(gain?.effectSize == nil)
        #expect(gain?.effectSizeInterval == nil)
    }

    @Test func aSplitPutsResultsBeforeTheMomentOnOneSideAndTheRestOnTheOther() throws {
        let moment = try #require(ISODate.parse("2026-11-20"))  // two days after day 0
        let results = [
            Self.result("A", day: 0, overall: (1, nil), areas: []),
            AssessmentResult(
                format: 1, id: "at", person: "B", takenAt: moment, questionnaire: Self.reference, answers: [],
                scores: Scores(overall: 2, areas: [])),
        ]
        let sides = GainSittings.split(results, at: moment)
        #expect(sides.before.map(\.person) == ["A"])
        #expect(sides.after.map(\.person) == ["B"])
    }

    @Test func differentQuestionnairesAreNeverMixed() {
        let quizRef = AssessmentResult.QuestionnaireRef(
            id: "scenario-quiz", version: "2.0", title: "Quiz", kind: .quiz, hash: "q")
        let check = Self.result("A", day: 0, overall: (1, nil), areas: [])
        let quiz = Self.result("A", day: 9, overall: (1, nil), areas: [], questionnaire: quizRef)
        #expect(throws: SkillsError.self) {
            try GainSittings.questionnaire(before: [check], after: [quiz], asked: nil, labels: ("a", "b"))
        }
        do {
            _ = try GainSittings.questionnaire(before: [check, quiz], after: [quiz], asked: nil, labels: ("a", "b"))
            Issue.record("several questionnaires on one side need --questionnaire")
        } catch let error as SkillsError {
            #expect(error.kind == .usage)
            #expect(error.description.contains("--questionnaire"))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(
            (try? GainSittings.questionnaire(
                before: [check, quiz], after: [quiz], asked: "scenario-quiz", labels: ("a", "b"))) == "scenario-quiz")
        #expect(throws: SkillsError.self) {
            try GainSittings.questionnaire(before: [], after: [quiz], asked: nil, labels: ("a", "b"))
        }
    }
}
