import Foundation
import Testing

@testable import SkillsCore

/// The class summary's fast reader must read exactly what the full decoder reads, and
/// step aside (nil) for anything unusual so the full decoder can handle or explain it.
@Suite struct FastReaderTests {
    func encoded(_ result: AssessmentResult) throws -> Data { try JSONFile.encode(result) }

    func expectSame(_ fast: ClassRecord?, _ full: ClassRecord) {
        guard let fast else {
            Issue.record("the fast reader stepped aside")
            return
        }
        #expect(fast.questionnaire == full.questionnaire)
        #expect(fast.person == full.person)
        #expect(fast.takenAt == full.takenAt)
        #expect(fast.overall == full.overall)
        #expect(fast.areaScores.map(\.area) == full.areaScores.map(\.area))
        #expect(fast.areaScores.map(\.score) == full.areaScores.map(\.score))
        #expect(fast.answers.map(\.item) == full.answers.map(\.item))
        #expect(fast.answers.map(\.points) == full.answers.map(\.points))
        #expect(fast.answers.map(\.type) == full.answers.map(\.type))
        // letters for choices; any answered reflection reads as answered
        #expect(fast.answers.map { $0.answer == nil } == full.answers.map { $0.answer == nil })
        #expect(zip(fast.answers, full.answers).allSatisfy { $0.type != .choice || $0.answer == $1.answer })
    }

    @Test func readsWhatTheFullDecoderReads() throws {
        let quiz = try Fixture.builtin("scenario-quiz")
        var responses = quiz.items.map { Response.choice($0.correctOptions) }
        responses[1] = .skipped
        responses[2] = .choice([0])
        let result = Fixture.result(quiz, responses)
        expectSame(ClassRecord.fastRead(try encoded(result)), ClassRecord(result))

        let checkin = try Fixture.builtin("shift-checkin")
        let rated = Fixture.result(
            checkin,
            [.skipped, .skipped] + [3, 4, 5, 1, 2, 3, 4, 5].map(Response.rating) + [
                .text(String(repeating: "long reflection ", count: 20))
            ])
        expectSame(ClassRecord.fastRead(try encoded(rated)), ClassRecord(rated))
    }

    @Test func stepsAsideForEscapesOtherTimesAndNewerFormats() throws {
        let checkin = try Fixture.builtin("shift-checkin")
        let quoted = Fixture.result(
            checkin, [3, 3, 3, 3, 3, 3, 3, 3, 3, 3].map(Response.rating) + [.skipped], person: "Ana \"The Ear\"")
        #expect(ClassRecord.fastRead(try encoded(quoted)) == nil)
        let plain = String(
            decoding: try encoded(
                Fixture.result(checkin, [3, 3, 3, 3, 3, 3, 3, 3, 3, 3].map(Response.rating) + [.skipped])),
            as: UTF8.self)
        #expect(ClassRecord.fastRead(Data(plain.utf8)) != nil)
        let fractional = plain.replacingOccurrences(of: "Z\"", with: ".5Z\"")
        #expect(ClassRecord.fastRead(Data(fractional.utf8)) == nil)
        let newer = plain.replacingOccurrences(of: "\"format\" : 1", with: "\"format\" : 2")
        #expect(ClassRecord.fastRead(Data(newer.utf8)) == nil)
        #expect(ClassRecord.fastRead(Data(plain.prefix(plain.count / 2).utf8)) == nil)
        #expect(ClassRecord.fastRead(Data()) == nil)
    }

    @Test(arguments: ["1970-01-01T00:00:00Z", "2000-02-29T23:59:59Z", "2026-11-23T05:12:00Z", "2100-03-01T12:00:00Z"])
    func readsTimesAsFoundationDoes(text: String) throws {
        let date = try Array(text.utf8).withUnsafeBufferPointer { try ClassRecord.isoDate($0) }
        #expect(date == ISO8601DateFormatter().date(from: text))
    }
}
