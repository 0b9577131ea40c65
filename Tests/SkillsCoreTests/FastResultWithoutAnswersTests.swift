import Foundation
import Testing

@testable import SkillsCore

/// `history` reads results without their answers (`ResultReader.readWithoutAnswers`). It
/// must accept and refuse exactly the files `ResultReader.read` accepts and refuses, with
/// the same message, and give the same history. The expected side of every comparison is
/// the full reader's, which JSONDecoder backs (`FastResultReaderTests`).
@Suite struct FastResultWithoutAnswersTests {
    /// The same outcome from both readers: the same result but for the answers, or the same error.
    func expectSameOutcome(_ data: Data, _ comment: Comment? = nil) {
        let full = Result { try ResultReader.read(data: data, path: "x.json") }
        let skimmed = Result { try ResultReader.readWithoutAnswers(data: data, path: "x.json") }
        switch (full, skimmed) {
        case (.success(var full), .success(let skimmed)):
            #expect(skimmed.answers.isEmpty, comment)
            full.answers = []
            #expect(full == skimmed, comment)
            #expect(
                HistoryBuilder.build([full], framework: Fixture.framework)
                    == HistoryBuilder.build([skimmed], framework: Fixture.framework), comment)
        case (.failure(let full), .failure(let skimmed)): #expect("\(full)" == "\(skimmed)", comment)
        default: Issue.record("the readers disagree: \(comment?.rawValue ?? "")")
        }
        // The quick path is never laxer than the fast reader, so what it takes the full decoder
        // takes too; it steps aside for a little more (escaped option letters or types, escaped
        // texts written longer than their limit), which the full decoder then reads.
        if AssessmentResult.fastRead(data, answers: false) != nil {
            #expect(AssessmentResult.fastRead(data) != nil, comment)
        }
    }

    @Test("every result in the repository reads the same, and gives the same history")
    func repositoryResults() throws {
        let paths = FastResultReaderTests.repositoryResults
        #expect(paths.count >= 10)
        var full: [AssessmentResult] = []
        var skimmed: [AssessmentResult] = []
        for path in paths {
            let file = FastResultReaderTests.root.appendingPathComponent(path).path
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            expectSameOutcome(data, Comment(rawValue: path))
            // What skills writes is read on the quick path, not handed to the full decoder.
            if AssessmentResult.fastRead(data) != nil {
                #expect(AssessmentResult.fastRead(data, answers: false) != nil, Comment(rawValue: path))
            }
            if let result = try? ResultReader.read(path: file),
                let without = try? ResultReader.readWithoutAnswers(path: file)
            {
                full.append(result)
                skimmed.append(without)
            }
        }
        #expect(full.count >= 9)
        // Each person's history of each questionnaire, from all their results at once.
        let groups = Set(full.map { [PersonName.key($0.person), $0.questionnaire.id] })
        for group in groups {
            let theirs = { (results: [AssessmentResult]) in
                results.filter { [PersonName.key($0.person), $0.questionnaire.id] == group }
            }
            let since = theirs(full).map(\.takenAt).min()
            for since in [nil, since] {
                let a = HistoryBuilder.build(theirs(full), since: since, framework: Fixture.framework)
                let b = HistoryBuilder.build(theirs(skimmed), since: since, framework: Fixture.framework)
                #expect(a == b, "\(group)")
                #expect(try JSONFile.encode(a) == JSONFile.encode(b), "\(group)")
            }
        }
    }

    @Test(
        "answers are checked as strictly as when they are kept",
        arguments: [
            // Read as they are.
            ("\"text\":\"T\"", "\"text\":\"T\",\"points\":2.5e-1,\"maxPoints\":4,\"reverse\":true,\"label\":\"L\""),
            (
                "\"type\":\"rating\"",
                "\"type\":\"choice\",\"answer\":\"CA\",\"correct\":\"A\",\"optionCount\":4,\"optionOrder\":[3,2,1,0]"
            ),
            ("\"text\":\"T\"", #""text":"T \"quoted\"\n\u00e9","actions":["a","b\tc"],"notApplicable":false"#),
            ("\"text\":\"T\"", "\"text\":\"T\",\"unknown\":{\"a\":[1,null]}"),
            ("\"type\":\"rating\"", "\"type\":\"reflection\",\"answer\":\"Zsófia 李 🎉\""),
            ("\"type\":\"rating\"", "\"type\":\"level\",\"points\":3,\"maxPoints\":100"),
            // Refused, each with the message the full reader gives.
            ("\"text\":\"T\"", "\"text\":\"T\",\"points\":2"),  // points without maxPoints
            ("\"text\":\"T\"", "\"text\":\"T\",\"points\":5,\"maxPoints\":4"),
            ("\"text\":\"T\"", "\"text\":\"T\",\"maxPoints\":1001"),
            ("\"text\":\"T\"", "\"text\":\"T\",\"optionCount\":1"),
            ("\"type\":\"rating\"", "\"type\":\"choice\",\"answer\":\"AA\",\"optionCount\":4"),
            ("\"type\":\"rating\"", "\"type\":\"choice\",\"answer\":\"E\",\"optionCount\":4"),
            ("\"type\":\"rating\"", #""type":"choice","answer":"\u0041""#),  // escaped letters
            ("\"text\":\"T\"", "\"text\":\"T\",\"correct\":\"a\""),
            ("\"text\":\"T\"", "\"text\":\"T\",\"optionCount\":3,\"optionOrder\":[0,1]"),
            ("\"text\":\"T\"", "\"text\":\"T\",\"optionCount\":3,\"optionOrder\":[0,1,1]"),
            ("\"text\":\"T\"", "\"text\":\"T\",\"optionOrder\":[0,64]"),
            ("\"text\":\"T\"", "\"text\":\"T\",\"optionOrder\":[-1]"),
            ("\"text\":\"T\"", "\"text\":\"T\",\"actions\":[\"a\",null]"),
            ("\"text\":\"T\"", "\"text\":\"T\",\"reverse\":\"yes\""),
            ("\"type\":\"rating\"", "\"type\":\"essay\""),
            ("\"type\":\"rating\"", #""type":"r\u0061ting""#),  // an escaped type
            ("\"item\":\"i1\",", ""),  // a required field absent
            ("\"item\":\"i1\"", "\"item\":null"),
            ("\"item\":\"i1\"", "\"item\":\"i1\",\"item\":\"i2\""),  // a duplicate field
            ("\"text\":\"T\"}]", "\"text\":\"T\",}]"),  // damage inside the answers
            ("\"text\":\"T\"}]", "\"text\":\"T\"}"),
            ("\"answers\":[", "\"answers\":[1,"),
            ("\"text\":\"T\"", "\"text\":\"T\u{01}\""),  // a raw control character
        ])
    func handMade(old: String, new: String) throws {
        let text = FastResultReaderTests.minimal.replacingOccurrences(of: old, with: new)
        #expect(text != FastResultReaderTests.minimal)
        expectSameOutcome(Data(text.utf8), Comment(rawValue: text))
    }

    /// Texts at and over their limits, written plainly and with escapes.
    @Test func textsAtTheirLimits() throws {
        let name = ResultLimits.nameBytes
        let text = ResultLimits.textBytes
        let cases = [
            ("\"item\":\"i1\"", "\"item\":\"\(String(repeating: "i", count: name))\""),
            ("\"item\":\"i1\"", "\"item\":\"\(String(repeating: "i", count: name + 1))\""),
            ("\"item\":\"i1\"", "\"item\":\"\(String(repeating: "\\n", count: name))\""),
            ("\"item\":\"i1\"", "\"item\":\"\(String(repeating: "\\n", count: name / 2 + 1))\""),
            ("\"text\":\"T\"", "\"text\":\"\(String(repeating: "t", count: text + 1))\""),
            ("\"text\":\"T\"", "\"text\":\"\(String(repeating: "\\\"", count: text / 2 + 1))\""),
            ("\"text\":\"T\"", "\"text\":\"T\",\"feedback\":\"\(String(repeating: "é", count: text / 2 + 1))\""),
            (
                "\"text\":\"T\"",
                "\"text\":\"T\",\"actions\":[\(Array(repeating: "\"a\"", count: 10_001).joined(separator: ","))]"
            ),
        ]
        for (old, new) in cases {
            let changed = FastResultReaderTests.minimal.replacingOccurrences(of: old, with: new)
            expectSameOutcome(Data(changed.utf8), Comment(rawValue: String(new.prefix(40))))
        }
        let answer = "{\"item\":\"i\",\"type\":\"rating\",\"text\":\"T\"}"
        let many = FastResultReaderTests.minimal.replacingOccurrences(
            of: "\"answers\":[", with: "\"answers\":[" + String(repeating: answer + ",", count: 10_000))
        expectSameOutcome(Data(many.utf8), "10,001 answers")
    }

    @Test("a damaged file of the person is the same warning, naming the file")
    func damagedFileInAStore() throws {
        let store = ResultStore(root: Fixture.temporaryFolder())
        let small = try Fixture.small()
        let answers: [Response] = [.rating(4), .rating(2), .choice([0]), .skipped]
        let minute = { (n: Double) in Fixture.date.addingTimeInterval(60 * n) }
        let damaged = try store.save(Fixture.result(small, answers, person: "Ana", at: minute(0)))
        try store.save(Fixture.result(small, answers, person: "Ana", at: minute(1)))
        try store.save(Fixture.result(small, answers, person: "Ana", at: minute(2)))
        let text = try String(contentsOf: damaged, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "\"answers\" : [", with: "\"answers\" : [,").utf8).write(to: damaged)
        let full = try PersonResults(store: store, person: "ana")
        let skimmed = try PersonResults(store: store, person: "ana")
        let (a, b) = (full.all().map(\.result), skimmed.all(answers: false).map(\.result))
        #expect(b.count == 2 && b.allSatisfy(\.answers.isEmpty))
        #expect(skimmed.problems == full.problems)
        #expect(skimmed.problems.count == 1 && skimmed.problems[0].contains(damaged.lastPathComponent))
        #expect(
            HistoryBuilder.build(a, framework: Fixture.framework)
                == HistoryBuilder.build(b, framework: Fixture.framework))
    }
}
