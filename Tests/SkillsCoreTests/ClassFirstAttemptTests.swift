import Foundation
import Testing

@testable import SkillsCore

/// "Each person's first attempt" when files do not come in time order: the class summary
/// counts attempts as it reads them, so a person's earlier attempt found after a later one
/// must take the later one's place. The expected summary is the one read from a folder that
/// holds only the first attempts, where nothing needs replacing.
@Suite struct ClassFirstAttemptTests {
    /// The fixed class of `ItemAnalysisTests`, each person answering three times, a day apart,
    /// with the answers rotated so every attempt differs.
    static func attempts() -> [(day: Int, result: AssessmentResult)] {
        let q = ItemAnalysisTests.questionnaire()
        return ItemAnalysisTests.people.indices.flatMap { person in
            (0..<3).map { day in
                let row = (person + day * 2) % ItemAnalysisTests.people.count
                let responses =
                    ItemAnalysisTests.ratings[row].map(Response.rating)
                    + ItemAnalysisTests.rightWrong[row].map { Response.choice([$0 == 1 ? 0 : 1]) }
                let result = ResultBuilder.build(
                    questionnaire: q, responses: responses, person: ItemAnalysisTests.people[person],
                    takenAt: Fixture.date.addingTimeInterval(Double(day) * 86_400), framework: Fixture.framework)
                return (day, result)
            }
        }
    }

    static func summary(_ files: [(name: String, result: AssessmentResult)]) throws -> (ClassSummary, Int) {
        let folder = Fixture.temporaryFolder()
        for file in files {
            try Data(JSONFile.text(file.result).utf8).write(to: folder.appendingPathComponent(file.name))
        }
        var collector = ClassCollector()
        try collector.add(paths: [folder.path])
        #expect(collector.problems == [])
        return (
            ClassSummaryBuilder.build(collector.groups[0], framework: Fixture.framework),
            collector.groups[0].resultCount
        )
    }

    @Test func anEarlierAttemptReadLaterTakesThePlaceOfTheOneCounted() throws {
        let all = Self.attempts()
        // Later days first in file order ("0-…" is day 2), and the first days alone.
        let (mixed, read) = try Self.summary(all.enumerated().map { ("\(2 - $1.day)-\($0).json", $1.result) })
        let (expected, _) = try Self.summary(all.enumerated().filter { $1.day == 0 }.map { ("\($0).json", $1.result) })
        #expect(read == 18)
        #expect(Array(mixed.participants) == Array(expected.participants))
        #expect(mixed.participants.allSatisfy { $0.takenAt == Fixture.date })
        #expect(mixed.scales.map(\.complete) == expected.scales.map(\.complete))
        for (got, want) in zip(mixed.scales, expected.scales) {
            #expect(abs((got.alpha ?? .nan) - (want.alpha ?? .nan)) < 1e-12, "\(got.area)")
        }
        for (got, want) in zip(mixed.items, expected.items) {
            #expect(got.answered == want.answered)
            #expect(got.options == want.options)
            #expect(got.spread == want.spread)
            #expect(abs((got.facility ?? .nan) - (want.facility ?? .nan)) < 1e-9, "\(got.item)")
            #expect(abs((got.discrimination ?? 9) - (want.discrimination ?? 9)) < 1e-9, "\(got.item)")
        }
        #expect(mixed.missedQuestions == expected.missedQuestions)
    }

    @Test func everyAttemptCountsWhenAllAreAsked() throws {
        let folder = Fixture.temporaryFolder()
        for (index, attempt) in Self.attempts().enumerated() {
            try Data(JSONFile.text(attempt.result).utf8).write(to: folder.appendingPathComponent("\(index).json"))
        }
        var collector = ClassCollector(allAttempts: true)
        try collector.add(paths: [folder.path])
        let summary = ClassSummaryBuilder.build(collector.groups[0], framework: Fixture.framework)
        #expect(summary.participantCount == 18)
        #expect(summary.attempts == "all")
        // Each of the six rows of answers is given three times; e1 is right in five rows
        // (all but D's), so 15 of 18 attempts: 83.3%.
        let e1 = summary.items.first { $0.item == "e1" }
        #expect(e1?.answered == 18)
        #expect(abs((e1?.facility ?? 0) - 1500.0 / 18) < 1e-9)
    }

    /// Files are split into batches of 512 and each batch into pieces per core: every count,
    /// whole pieces or not, reads each file once (18 files in 16 pieces once crashed).
    @Test(arguments: [1, 7, 17, 18, 31, 513, 1_025, 1_041])
    func everyFileIsReadOnce(count: Int) throws {
        let folder = Fixture.temporaryFolder()
        let result = Self.attempts()[0].result
        let data = Data(try JSONFile.text(result).utf8)
        for index in 0..<count { try data.write(to: folder.appendingPathComponent("\(index).json")) }
        var collector = ClassCollector(allAttempts: true)
        try collector.add(paths: [folder.path])
        #expect(collector.problems == [])
        #expect(collector.groups.first?.resultCount == count)
        #expect(collector.groups.first?.participants.count == count)
    }

    /// The counted attempt is read again to be taken out; if its file was replaced meanwhile,
    /// nothing is taken out (which would spoil every tally): the earlier one is skipped, with
    /// a warning naming both files.
    @Test func aCountedFileReplacedMeanwhileIsNotTakenOut() throws {
        let attempts = Self.attempts()
        let (later, earlier) = (attempts[2].result, attempts[0].result)  // A on day 2, A on day 0
        let first = Fixture.temporaryFolder()
        let second = Fixture.temporaryFolder()
        let counted = first.appendingPathComponent("a.json")
        try Data(JSONFile.text(later).utf8).write(to: counted)
        try Data(JSONFile.text(earlier).utf8).write(to: second.appendingPathComponent("b.json"))
        var collector = ClassCollector()
        try collector.add(paths: [first.path])
        try Data(JSONFile.text(attempts[3].result).utf8).write(to: counted)  // now B's
        try collector.add(paths: [second.path])
        #expect(collector.problems.count == 1)
        #expect(collector.problems.first?.contains("changed while the class was being read") == true)
        #expect(collector.problems.first?.contains("b.json") == true)
        let summary = ClassSummaryBuilder.build(collector.groups[0], framework: Fixture.framework)
        #expect(summary.participants.map(\.takenAt) == [later.takenAt])
        #expect(summary.items.allSatisfy { $0.answered == 1 })
    }
}
