import Foundation
import Testing

@testable import SkillsCore

/// What is read to answer a question about one person. A damaged file is reported when it
/// is read, so "no problem reported" proves a damaged file was never opened.
@Suite struct PersonResultsTests {
    let answers: [Response] = [.rating(4), .rating(2), .choice([0]), .skipped]

    /// Ana's results at minutes 0, 1, 2 and Ben's at minute 1; files of Ben and an old file
    /// of Ana damaged after saving.
    func store() throws -> (ResultStore, oldest: URL, bens: URL) {
        let store = ResultStore(root: Fixture.temporaryFolder())
        let small = try Fixture.small()
        let minute = { (n: Double) in Fixture.date.addingTimeInterval(60 * n) }
        let oldest = try store.save(Fixture.result(small, answers, person: "Ana", at: minute(0)))
        try store.save(Fixture.result(small, answers, person: "Ana", at: minute(1)))
        try store.save(Fixture.result(small, answers, person: "Ana", at: minute(2)))
        let bens = try store.save(Fixture.result(small, answers, person: "Ben", at: minute(1)))
        for damaged in [oldest, bens] { try Data("{\"format\": 1, \"person\":".utf8).write(to: damaged) }
        return (store, oldest, bens)
    }

    @Test("another person's damaged file is never opened")
    func anotherPersonsFileIsNotRead() throws {
        let (store, oldest, bens) = try store()
        let theirs = try PersonResults(store: store, person: "ana")
        #expect(theirs.all().count == 2)
        // Ana's own damaged file was read and reported; Ben's was not.
        #expect(theirs.problems.count == 1)
        #expect(theirs.problems.first?.contains(oldest.lastPathComponent) == true)
        #expect(!theirs.problems.joined().contains(bens.lastPathComponent))
    }

    @Test("the latest result reads newest first and stops there")
    func latestStopsAtTheNewest() throws {
        let (store, _, _) = try store()
        let theirs = try PersonResults(store: store, person: "Ana")
        let latest = ResultChoice.latest(in: theirs)
        #expect(latest?.takenAt == Fixture.date.addingTimeInterval(120))
        let previous = latest.flatMap { ResultChoice.previous(of: $0, in: theirs) }
        #expect(previous?.takenAt == Fixture.date.addingTimeInterval(60))
        // The damaged oldest file is older than both: never read.
        #expect(theirs.problems.isEmpty)
    }

    @Test("a file not named the way save names them is always read")
    func otherNamesAreRead() throws {
        let (store, _, _) = try store()
        let late = Fixture.result(try Fixture.small(), answers, person: "Ana", at: Fixture.date.addingTimeInterval(600))
        try JSONFile.encode(late).write(to: store.resultsFolder.appendingPathComponent("copied-by-hand.json"))
        let theirs = try PersonResults(store: store, person: "Ana")
        #expect(ResultChoice.latest(in: theirs)?.takenAt == late.takenAt)
        #expect(theirs.problems.isEmpty)
    }

    @Test("the lazy rules agree with the rules over every result")
    func lazyRulesAgree() throws {
        let (store, _, _) = try store()
        let theirs = try PersonResults(store: store, person: "Ana")
        let all = theirs.all().map(\.result)
        let latest = ResultChoice.latest(among: all)
        #expect(ResultChoice.latest(in: theirs)?.id == latest?.id)
        #expect(
            latest.flatMap { ResultChoice.previous(of: $0, in: theirs)?.id }
                == latest.flatMap { ResultChoice.previous(of: $0, among: all)?.id })
    }

    @Test("a store whose only person is not the login name is read once")
    func whoseResultsPassesWhatItRead() throws {
        let (store, _, _) = try store()
        try FileManager.default.removeItem(
            at: store.resultsFolder.appendingPathComponent(
                try FileManager.default.contentsOfDirectory(atPath: store.resultsFolder.path).first {
                    $0.contains("-ben-")
                }!))
        let theirs = try WhoseResults(store: store).results(named: nil, loginName: "root")
        #expect(theirs.person == "Ana")
        #expect(theirs.all().count == 2)
        // The damaged file is reported once, though both WhoseResults and the command looked.
        #expect(theirs.problems.count == 1)
    }
}
