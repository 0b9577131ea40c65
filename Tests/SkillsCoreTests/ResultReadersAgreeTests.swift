import Foundation
import Testing

@testable import SkillsCore

/// Both readers of result files (the full decoder behind report, history and export, and
/// the class summary's fast reader) give the same verdict on damaged and hand-edited
/// files, read the same values, and never crash. Each case starts from a real quiz result
/// and changes its JSON text in one way; the expected verdicts come from RFC 8259 and
/// from what Foundation's JSONDecoder does on Swift 6.3.1 (first of two duplicate keys
/// wins; escapes are read).
@Suite struct ResultReadersAgreeTests {
    enum Damage: String, CaseIterable, Sendable {
        case trailingBytes, controlCharacter, invalidUTF8, leadingZero, duplicateKey, escapedAnswerLetter
        case deepNesting, hugeScore, zeroMaxPoints, pointsPastFloat, negativeOptionCount, hugeOptionCount
        case yearZero, letterPastOptions
        case hugeStandardError, bandOfText, optionOrderPastOptions
    }

    /// The quiz answered right throughout: the first question's answer is "C" of 4 options.
    static func plain() throws -> String {
        var quiz = try Fixture.builtin("scenario-quiz")
        // The key moved to the third option, whatever the bank's order, so the answer is "C".
        if case .choice(var choice) = quiz.items[0].kind, let key = choice.correctOptions.first {
            choice.options.swapAt(key, 2)
            quiz.items[0].kind = .choice(choice)
        }
        let result = Fixture.result(quiz, quiz.items.map { Response.choice($0.correctOptions) })
        return String(decoding: try JSONFile.encode(result), as: UTF8.self)
    }

    /// The damaged bytes, whether the full decoder should accept them, and what its error says.
    static func damaged(_ damage: Damage) throws -> (data: Data, accepted: Bool, says: String) {
        let text = try plain()
        func first(_ old: String, _ new: String) -> Data {
            guard let range = text.range(of: old) else { fatalError("no \(old) in the fixture") }
            return Data(text.replacingCharacters(in: range, with: new).utf8)
        }
        switch damage {
        case .trailingBytes: return (Data((text + "\n}").utf8), false, "not valid JSON")
        case .controlCharacter: return (first("\"Ana\"", "\"A\u{01}na\""), false, "not valid JSON")
        case .invalidUTF8:
            let data = first("\"Ana\"", "\"A#na\"")
            return (Data(data.map { $0 == 0x23 ? 0xFF : $0 }), false, "not UTF-8")
        case .leadingZero: return (first("\"format\" : 1", "\"format\" : 01"), false, "not valid JSON")
        case .duplicateKey: return (first("{", "{\"person\" : \"First\", "), true, "")
        case .escapedAnswerLetter: return (first("\"answer\" : \"C\"", "\"answer\" : \"\\u0043\""), true, "")
        case .deepNesting:
            let deep = String(repeating: "[", count: 300_000) + String(repeating: "]", count: 300_000)
            return (first("{", "{\"extra\" : \(deep), "), false, "nested more than 64 levels")
        case .hugeScore: return (first("\"score\" : ", "\"score\" : 1e300, \"_\" : "), false, "scores.areas[0].score")
        case .zeroMaxPoints: return (first("\"maxPoints\" : 1", "\"maxPoints\" : 0"), false, "answers[0].maxPoints")
        case .pointsPastFloat: return (first("\"points\" : 1", "\"points\" : 1e39"), false, "answers[0].points")
        case .negativeOptionCount:
            return (first("\"optionCount\" : 4", "\"optionCount\" : -3"), false, "answers[0].optionCount")
        case .hugeOptionCount:
            return (first("\"optionCount\" : 4", "\"optionCount\" : 4000000000"), false, "answers[0].optionCount")
        case .yearZero: return (first("\"takenAt\" : \"2026", "\"takenAt\" : \"0000"), false, "takenAt")
        case .letterPastOptions: return (first("\"answer\" : \"C\"", "\"answer\" : \"E\""), false, "answers[0].answer")
        case .hugeStandardError:
            return (first("\"standardError\" : ", "\"standardError\" : 1e300, \"_\" : "), false, "standardError")
        case .bandOfText: return (first("\"low\" : ", "\"low\" : \"x\", \"_\" : "), false, "band")
        case .optionOrderPastOptions:
            let order = "\"optionCount\" : 4, \"optionOrder\" : [0, 9, 1, 2]"
            return (first("\"optionCount\" : 4", order), false, "optionOrder")
        }
    }

    @Test("both readers give the same verdict and read the same values", arguments: Damage.allCases)
    func sameVerdict(damage: Damage) throws {
        let (data, accepted, says) = try Self.damaged(damage)
        let full = Result { try ResultReader.read(data: data, path: "damaged.json") }
        var collector = ClassCollector()
        // The first file of a questionnaire is read in full, the second by the fast path.
        collector.add(data: data, path: "damaged.json")
        collector.add(data: data, path: "damaged.json")
        let fast = ClassRecord.fastRead(data)
        switch full {
        case .success(let result):
            #expect(accepted)
            #expect(collector.problems == [])
            #expect(collector.groups.first?.resultCount == 2)
            if let fast {
                #expect(fast.person == result.person)
                #expect(fast.answers.map(\.answer) == result.answers.map(\.answer))
                #expect(fast.answers.map(\.points) == result.answers.map(\.points))
            }
        case .failure(let error):
            #expect(!accepted, "full decoder: \(error)")
            #expect("\(error)".contains(says), "full decoder: \(error)")
            #expect(fast == nil)
            #expect(collector.groups.isEmpty)
            #expect(collector.problems.count == 2)
            #expect(collector.problems.first?.contains(says) == true)
        }
    }

    @Test func theFirstOfTwoDuplicateKeysWinsInTheClassSummaryToo() throws {
        let (data, _, _) = try Self.damaged(.duplicateKey)
        var collector = ClassCollector(allAttempts: true)
        collector.add(data: data, path: "a.json")
        collector.add(data: data, path: "b.json")
        #expect(collector.groups.first?.participants.map(\.name) == ["First", "First"])
    }

    @Test func anEscapedAnswerLetterStillCountsForItsOption() throws {
        let (data, _, _) = try Self.damaged(.escapedAnswerLetter)
        var collector = ClassCollector(allAttempts: true)
        collector.add(data: data, path: "a.json")
        collector.add(data: data, path: "b.json")
        // C is the third option, picked in both attempts.
        #expect(collector.groups.first?.tallies[0].picks == [0, 0, 2])
    }

    @Test func aDeeplyNestedFileIsRefusedWithoutACrash() throws {
        let deep = Data((String(repeating: "[", count: 300_000) + String(repeating: "]", count: 300_000)).utf8)
        #expect(ClassRecord.fastRead(deep) == nil)
        #expect(throws: SkillsError.self) { try ResultReader.read(data: deep, path: "deep.json") }
        var collector = ClassCollector()
        collector.add(data: deep, path: "deep.json")
        #expect(collector.problems.count == 1)
    }

    @Test func anAnswerOutOfRangeIsNamedWithItsRange() throws {
        let (data, _, _) = try Self.damaged(.hugeScore)
        #expect(
            throws: SkillsError.invalidData(
                file: "x.json", detail: "at `scores.areas[0].score`: 1e+300 is out of range; expected 0 to 100, or null"
            )
        ) {
            try ResultReader.read(data: data, path: "x.json")
        }
    }
}
