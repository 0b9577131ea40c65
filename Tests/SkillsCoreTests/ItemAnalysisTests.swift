import Foundation
import Testing

@testable import SkillsCore

/// A fixed class of six, A to F. Listening has four 1–5 ratings; the fourth is worded
/// negatively but (by mistake) not reverse-keyed. Empathy has five right/wrong questions.
///
/// Expected values were computed independently with pandas 2 and pingouin 0.7.0
/// (`pingouin.cronbach_alpha`, `Series.corr` against the sum of the other items,
/// `Series.std` for sample SDs); the script is in the comment at the end of this file.
@Suite struct ItemAnalysisTests {
    static let ratings = [[5, 5, 4, 1], [4, 4, 4, 2], [3, 3, 2, 4], [2, 3, 2, 4], [1, 2, 1, 5], [4, 5, 5, 2]]
    static let rightWrong = [
        [1, 1, 1, 1, 0], [1, 1, 0, 1, 1], [1, 0, 0, 1, 0], [0, 1, 0, 0, 0], [1, 0, 0, 0, 0], [1, 1, 1, 1, 1],
    ]
    static let people = ["A", "B", "C", "D", "E", "F"]

    static func questionnaire() -> Questionnaire {
        let ratings = (1...4).map {
            Item(id: "l\($0)", area: "listening", text: "Listening \($0)", source: "s#s", kind: .rating(RatingItem()))
        }
        let choices = (1...5).map {
            Item(
                id: "e\($0)", area: "empathy", text: "Empathy \($0)", source: "s#s",
                kind: .choice(
                    ChoiceItem(
                        options: [Option(text: "right", correct: true), Option(text: "wrong")], explanation: "x")))
        }
        return Questionnaire(
            format: 1, id: "class-test", version: "1", title: "Class test", kind: .quiz,
            scale: RatingScale(min: 1, max: 5, labels: ["1", "2", "3", "4", "5"]), items: ratings + choices)
    }

    /// `copies` repeats the class under new names: correlations, facilities and alpha stay
    /// the same, but twelve people are enough for items to be judged.
    static func summary(anonymize: Bool = false, copies: Int = 1) -> ClassSummary {
        var collector = ClassCollector()
        let q = questionnaire()
        for copy in 0..<copies {
            for (index, name) in people.enumerated() {
                let person = copy == 0 ? name : "\(name)\(copy + 1)"
                let responses =
                    ratings[index].map(Response.rating) + rightWrong[index].map { Response.choice([$0 == 1 ? 0 : 1]) }
                collector.add(
                    ResultBuilder.build(
                        questionnaire: q, responses: responses, person: person,
                        takenAt: Fixture.date, framework: Fixture.framework))
            }
        }
        return ClassSummaryBuilder.build(collector.groups[0], anonymize: anonymize, framework: Fixture.framework)
    }

    func item(_ id: String) -> ClassSummary.ItemStatistics { Self.summary().items.first { $0.item == id }! }

    func close(_ value: Double?, _ expected: Double) -> Bool { value.map { abs($0 - expected) < 1e-9 } ?? false }

    @Test func cronbachsAlphaMatchesPingouin() {
        let listening = Self.summary().scales.first { $0.area == "listening" }!
        #expect(close(listening.alpha, -0.28070175438596456))
        #expect(close(listening.errorRatio, 113.1680941955799))
        #expect(listening.measure == "alpha")
        #expect(listening.complete == 6)
    }

    @Test func rightOrWrongScalesReportKR20() {
        // pingouin's alpha on 0/1 items; KR-20 by its textbook formula gives 0.7303370786516852 too
        let empathy = Self.summary().scales.first { $0.area == "empathy" }!
        #expect(empathy.measure == "KR-20")
        #expect(close(empathy.alpha, 0.7303370786516854))
        #expect(close(empathy.errorRatio, 51.92907868894986))
    }

    @Test func itemRestCorrelationsMatchPandas() {
        #expect(close(item("l1").discrimination, 0.7292928985449753))
        #expect(close(item("l2").discrimination, 0.934946990008457))
        #expect(close(item("l3").discrimination, 0.8834522085987724))
        #expect(close(item("l4").discrimination, -0.9716006682511947))
        #expect(close(item("e1").discrimination, 0.3162277660168379))
        #expect(close(item("e4").discrimination, 0.679900103650085))
    }

    @Test func facilityAndStandardDeviationArePercentsOfTheMaximum() {
        #expect(close(item("l1").facility, 54.166666666666664))
        #expect(close(item("l1").standardDeviation, 36.79900360969937))
        #expect(close(item("e1").facility, 83.33333333333334))
        #expect(close(item("e2").standardDeviation, 51.63977794943223))
    }

    @Test func theMisKeyedItemIsFlaggedAsNegativelyDiscriminating() {
        let twelve = Self.summary(copies: 2)
        let l4 = twelve.items.first { $0.item == "l4" }!
        #expect(l4.flags.map(\.kind) == ["negative-discrimination"])
        #expect(l4.flags[0].reason.contains("reverse-keyed"))
        #expect(l4.verdict == "needs checking")
        #expect(twelve.items.filter { !$0.flags.isEmpty }.map(\.item) == ["l4"])
        #expect(abs((l4.discrimination ?? 0) - (item("l4").discrimination ?? 0)) < 1e-12)
    }

    @Test func belowTenParticipantsNoItemIsJudged() {
        let six = Self.summary()
        #expect(six.itemFlagsWithheld)
        #expect(six.items.allSatisfy { $0.flags.isEmpty && $0.verdict == "too few to judge" })
        #expect(!Self.summary(copies: 2).itemFlagsWithheld)
    }

    @Test func tooEasyAndTooHardFollowTheFacilityThresholds() {
        #expect(ClassSummaryBuilder.flags(facility: 90, discrimination: 0.3, type: .choice).map(\.kind) == ["too-easy"])
        #expect(ClassSummaryBuilder.flags(facility: 89.9, discrimination: 0.3, type: .choice).isEmpty)
        #expect(
            ClassSummaryBuilder.flags(facility: 20, discrimination: -0.1, type: .choice).map(\.kind) == [
                "too-hard", "negative-discrimination",
            ])
    }

    @Test func optionCountsShowHowOftenEachOptionWasPicked() {
        #expect(
            item("e1").options == [
                .init(option: "A", count: 5, correct: true), .init(option: "B", count: 1, correct: false),
            ])
        #expect(item("l1").options == nil)
    }

    @Test func areaStatisticsMatchPandas() {
        let summary = Self.summary()
        let listening = summary.areas.first { $0.area == "listening" }!
        #expect(close(listening.mean, 55.208333333333336))
        #expect(close(listening.median, 56.25))
        #expect(close(listening.standardDeviation, 16.496527412357626))
        #expect(listening.minimum == 31.25 && listening.maximum == 75)
        let empathy = summary.areas.first { $0.area == "empathy" }!
        #expect(close(empathy.standardDeviation, 34.448028487370166))
        #expect(summary.weakestArea?.area == "listening")
        #expect(summary.weakestArea?.actions.isEmpty == false)
        #expect(summary.reliable)
    }

    @Test func participantsAreSortedByOverallAndCanBeAnonymized() {
        // overall = mean of listening and empathy: F (75 + 100) / 2 = 87.5 first, E (31.25 + 20) / 2 last
        let summary = Self.summary()
        #expect(summary.participants.map(\.name) == ["F", "A", "B", "C", "D", "E"])
        // Anonymised: the same order by overall, each person a distinct random code.
        let anonymous = Self.summary(anonymize: true).participants
        #expect(anonymous.map(\.overall) == summary.participants.map(\.overall))
        #expect(Set(anonymous.map(\.name)).count == 6)
        #expect(anonymous.allSatisfy { $0.name.wholeMatch(of: #/T-[2-9A-Z]{4}/#) != nil && $0.takenAt == nil })
    }

    @Test func theFirstAttemptPerPersonIsUsedUnlessAllAreAsked() {
        let q = Self.questionnaire()
        let responses =
            Self.ratings[0].map(Response.rating) + Self.rightWrong[0].map { Response.choice([$0 == 1 ? 0 : 1]) }
        func summary(allAttempts: Bool) -> ClassSummary {
            var collector = ClassCollector(allAttempts: allAttempts)
            for (person, offset) in [("Ana", 100.0), ("ana", 0.0), ("Ben", 50.0)] {
                collector.add(
                    ResultBuilder.build(
                        questionnaire: q, responses: responses, person: person,
                        takenAt: Fixture.date.addingTimeInterval(offset), framework: Fixture.framework))
            }
            return ClassSummaryBuilder.build(collector.groups[0], framework: Fixture.framework)
        }
        let first = summary(allAttempts: false)
        #expect(first.participants.map(\.name).sorted() == ["Ben", "ana"])
        #expect(first.participants.map(\.takenAt).contains(Fixture.date))
        #expect(!first.reliable)
        #expect(summary(allAttempts: true).participantCount == 3)
    }

    @Test func differentQuestionnairesOrVersionsFormSeparateGroups() throws {
        var collector = ClassCollector()
        let q = Self.questionnaire()
        var v2 = q
        v2.version = "2"
        let responses =
            Self.ratings[0].map(Response.rating) + Self.rightWrong[0].map { Response.choice([$0 == 1 ? 0 : 1]) }
        for questionnaire in [q, v2, q] {
            collector.add(
                ResultBuilder.build(
                    questionnaire: questionnaire, responses: responses, person: "x", takenAt: Fixture.date,
                    framework: Fixture.framework))
        }
        #expect(collector.groups.map(\.version) == ["1", "2"])
        #expect(collector.groups.map(\.resultCount) == [2, 1])
    }
}

//  The independent computation (python3 with pandas and pingouin installed):
// import pandas as pd, pingouin as pg
// L = pd.DataFrame([[5,5,4,1],[4,4,4,2],[3,3,2,4],[2,3,2,4],[1,2,1,5],[4,5,5,2]]) - 1
// E = pd.DataFrame([[1,1,1,1,0],[1,1,0,1,1],[1,0,0,1,0],[0,1,0,0,0],[1,0,0,0,0],[1,1,1,1,1]])
// for df, mx in ((L, 4), (E, 1)):
//     print(pg.cronbach_alpha(data=df)[0])
//     for c in df.columns:
//         print(df[c].mean() / mx * 100, df[c].std() / mx * 100, df[c].corr(df.drop(columns=c).sum(axis=1)))
//     score = df.sum(axis=1) / (mx * df.shape[1]) * 100
//     print(score.mean(), score.median(), score.std())
