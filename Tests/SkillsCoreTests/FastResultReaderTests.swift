import Foundation
import Testing

@testable import SkillsCore

/// The fast reader of whole results (`AssessmentResult.fastRead`, behind every command that
/// reads a result) must give exactly the value JSONDecoder gives, and step aside (nil) for
/// anything it does not read simply, so the full decoder accepts or explains it. The
/// expected values come from Foundation's JSONDecoder (`ResultReader.readInFull`), and for
/// the hand-made files from the JSON text written in the test.
@Suite struct FastResultReaderTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every result file kept in the repository: snapshots, fuzz seeds, samples.
    static var repositoryResults: [String] {
        var found: [String] = []
        for folder in ["Tests", "scripts", "docs"] {
            let base = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let path as String in walker where path.hasSuffix(".json") {
                let full = base.appendingPathComponent(path).path
                if let data = FileManager.default.contents(atPath: full),
                    String(decoding: data, as: UTF8.self).contains("\"takenAt\"")
                {
                    found.append(folder + "/" + path)
                }
            }
        }
        return found.sorted()
    }

    /// The same value as JSONDecoder, or nil only where JSONDecoder refuses or the file has
    /// something the fast reader leaves to it; `mustRead` when it has nothing of the kind.
    func expectAgrees(_ data: Data, mustRead: Bool = true, _ comment: Comment? = nil) throws {
        let full = try? ResultReader.readInFull(data: data, path: "x.json")
        let fast = AssessmentResult.fastRead(data)
        if let fast {
            #expect(fast == full, comment)
            // Equal as values, and byte for byte when written again (Equatable on texts is
            // canonical equivalence; the bytes are what reports show).
            if let full { #expect(try JSONFile.encode(fast) == JSONFile.encode(full), comment) }
        } else if mustRead {
            Issue.record("the fast reader stepped aside: \(comment?.rawValue ?? "")")
        }
        #expect(full != nil || fast == nil, comment)
    }

    @Test func everyResultInTheRepositoryReadsAsJSONDecoderReadsIt() throws {
        let paths = Self.repositoryResults
        #expect(paths.count >= 10)
        var (results, read) = (0, 0)
        for path in paths {
            let data = try Data(contentsOf: Self.root.appendingPathComponent(path))
            try expectAgrees(data, mustRead: false, Comment(rawValue: path))
            if (try? ResultReader.readInFull(data: data, path: path)) != nil { results += 1 }
            if AssessmentResult.fastRead(data) != nil { read += 1 }
        }
        // Every result among them (others are practice records) was written by skills: all read fast.
        #expect(results >= 9)
        #expect(read == results)
    }

    /// Results of every built-in, answered in every way an item allows.
    @Test func generatedResultsOfEveryQuestionnaire() throws {
        for questionnaire in try BuiltinData.questionnaires(framework: Fixture.framework) {
            var mixes: [[Response]] = []
            for mix in 0..<4 {
                mixes.append(
                    questionnaire.items.enumerated().map { index, item in
                        let turn = (index + mix) % 4
                        switch item.kind {
                        case .rating: return turn == 0 ? .skipped : turn == 1 ? .notApplicable : .rating(1 + turn)
                        case .choice(let choice):
                            return turn == 0 ? .skipped : .choice(turn == 1 ? [0] : choice.correctOptions)
                        case .reflection:
                            let texts = [
                                "Said \"sorry\" twice\nand\tmeant it \\ ok / fine", "Zsófia: ünnepi 🎉 műszak",
                                "control \u{01}\u{1F} bytes", "",
                            ]
                            return turn == 0 ? .skipped : .text(texts[turn])
                        case .level: return turn == 0 ? .skipped : .rating(turn)
                        }
                    })
            }
            for (index, responses) in mixes.enumerated() {
                let people = ["Ana", "Zsófia Kovács", "O'Neil \"Ed\"", "李 明"]
                var result = Fixture.result(questionnaire, responses, person: people[index])
                if index == 2 {
                    result.rater = "Coach Bea"
                    result.responseStyle = ["too-fast"]
                }
                let data = try JSONFile.encode(result)
                let comment = Comment(rawValue: "\(questionnaire.id) mix \(index)")
                try expectAgrees(data, comment)
                #expect(AssessmentResult.fastRead(data) == result, comment)
            }
        }
    }

    static let minimal = """
        {"format":1,"id":"r1","person":"Ana","takenAt":"2026-11-23T05:12:00Z",
        "questionnaire":{"id":"q","version":"1","title":"Q","kind":"check-in","hash":"h"},
        "answers":[{"item":"i1","type":"rating","text":"T"}],
        "scores":{"areas":[{"area":"a","answered":0,"items":1,"required":1}]}}
        """

    /// Hand working: 0001-01-01T00:00:00Z is −62,135,596,800 s (719,162 days before 1970), and
    /// 10000-01-01T00:00:00Z is 253,402,300,800 s (2,932,897 days after).
    @Test func takenAtMustFallInYearsOneTo9999() throws {
        let check = ResultCheck(file: "x.json")
        for seconds in [-62_135_596_800.0, 0, 253_402_300_799] {
            #expect(throws: Never.self) { try check.takenAt(Date(timeIntervalSince1970: seconds)) }
        }
        let cases: [(Double, String)] = [
            (-62_135_596_801, "a year before 1"), (253_402_300_800, "year 10000"), (1e300, "a year after 9999"),
            (.nan, "a year after 9999"),
        ]
        for (seconds, year) in cases {
            #expect(
                throws: SkillsError.invalidData(
                    file: "x.json", detail: "at `takenAt`: \(year) is out of range; expected 1 to 9999")
            ) { try check.takenAt(Date(timeIntervalSince1970: seconds)) }
        }
    }

    @Test func optionalFieldsAbsentOrNull() throws {
        try expectAgrees(Data(Self.minimal.utf8))
        let read = try #require(AssessmentResult.fastRead(Data(Self.minimal.utf8)))
        #expect(read.rater == nil && read.responseStyle == nil && read.scores.overall == nil)
        #expect(read.answers[0].answer == nil && read.answers[0].points == nil)
        #expect(read.takenAt == Date(timeIntervalSince1970: 1_795_410_720))
        let nulls = Self.minimal
            .replacingOccurrences(
                of: "\"person\":\"Ana\"", with: "\"person\":\"Ana\",\"rater\":null,\"responseStyle\":null"
            )
            .replacingOccurrences(
                of: "\"text\":\"T\"",
                with: """
                    "text":"T","area":null,"answer":null,"points":null,"maxPoints":null,"reverse":null,\
                    "label":null,"correct":null,"correctText":null,"optionCount":null,"optionOrder":null,\
                    "answerText":null,"feedback":null,"explanation":null,"actions":null,"notApplicable":null
                    """
            )
            .replacingOccurrences(
                of: "\"areas\":[",
                with: "\"overall\":null,\"level\":null,\"areasScored\":null,\"band\":null,\"areas\":["
            )
            .replacingOccurrences(
                of: "\"required\":1",
                with: "\"required\":1,\"score\":null,\"level\":null,\"notApplicable\":null,\"band\":null")
        try expectAgrees(Data(nulls.utf8))
    }

    @Test(
        "hand-made files the fast reader reads as JSONDecoder does",
        arguments: [
            // Escapes of every kind JSON has, in a text that is read.
            ("\"person\":\"Ana\"", #""person":"A\"n\\a\/\b\f\n\r\t\u00e9\u0041\u20AC\u0000""#),
            // Unicode written raw.
            ("\"person\":\"Ana\"", "\"person\":\"Zsófia 李 🎉\""),
            // Unknown fields, of any kind, are skipped.
            ("\"format\":1", "\"extra\":{\"a\":[1,2.5e3,true,null,\"x\\u00e9\"]},\"format\":1"),
            // Whitespace anywhere.
            ("\"format\":1,", " \"format\" :\n\t1 ,\r\n "),
            // Numbers in any RFC 8259 form a Double reads.
            ("\"answered\":0", "\"answered\":0,\"score\":-0,\"standardError\":1.5E1"),
            ("\"text\":\"T\"", "\"text\":\"T\",\"points\":2.5e-1,\"maxPoints\":4,\"reverse\":true"),
            (
                "\"type\":\"rating\"",
                "\"type\":\"choice\",\"answer\":\"CA\",\"correct\":\"A\",\"optionCount\":4,\"optionOrder\":[3,2,1,0]"
            ),
            ("\"required\":1", "\"required\":1,\"band\":{\"high\":80,\"low\":20.25}"),
            ("\"text\":\"T\"", "\"text\":\"T\",\"actions\":[],\"notApplicable\":false"),
            (
                "\"answers\":[{",
                "\"answers\":[{\"item\":\"i0\",\"type\":\"reflection\",\"text\":\"R\",\"answer\":\"\"},{"
            ),
            ("\"areas\":[", "\"areasScored\":0,\"areas\":["),
            ("\"kind\":\"check-in\"", "\"kind\":\"observation\""),
        ])
    func handMade(old: String, new: String) throws {
        let text = Self.minimal.replacingOccurrences(of: old, with: new)
        #expect(text != Self.minimal)
        try expectAgrees(Data(text.utf8), Comment(rawValue: text))
    }

    @Test(
        "the fast reader steps aside for what it leaves to JSONDecoder",
        arguments: [
            ("\"person\":\"Ana\"", "\"person\":\"First\",\"person\":\"Ana\""),  // duplicate field
            ("\"person\":\"Ana\"", #""person":"A\ud83c\udf89""#),  // a surrogate pair
            ("\"format\":1", "\"format\":1.0"),  // a whole number written as a fraction
            ("\"format\":1", "\"format\":2"),  // a newer format
            ("\"format\":1", "\"format\":0"),  // not a format
            ("05:12:00Z", "05:12:00.5Z"),  // another time form
            ("05:12:00Z", "05:12:00+01:00"),
            ("2026-11-23", "1969-12-31"),  // before 1970
            ("\"kind\":\"check-in\"", "\"kind\":\"poll\""),  // unknown kind
            ("\"type\":\"rating\"", "\"type\":\"essay\""),  // unknown type
            ("\"person\":\"Ana\"", "\"person\":null"),  // a required text null
            ("\"answered\":0", "\"answered\":-1"),  // out of range
            ("\"required\":1", "\"required\":1,\"score\":101"),
            ("\"required\":1", "\"required\":1,\"band\":{\"low\":50,\"high\":40}"),
            ("\"text\":\"T\"", "\"text\":\"T\",\"points\":2"),  // points without maxPoints
            ("\"answered\":0,", ""),  // a required count absent
            ("{\"format\"", "\u{FEFF}{\"format\""),  // a byte-order mark
            ("}}", "}},"),  // damage
        ])
    func stepsAside(old: String, new: String) throws {
        let text = Self.minimal.replacingOccurrences(of: old, with: new)
        #expect(text != Self.minimal)
        let data = Data(text.utf8)
        #expect(AssessmentResult.fastRead(data) == nil, Comment(rawValue: text))
        // What the commands do with it is what JSONDecoder does: the same value or the same error.
        let full = Result { try ResultReader.readInFull(data: data, path: "x.json") }
        let read = Result { try ResultReader.read(data: data, path: "x.json") }
        switch (full, read) {
        case (.success(let a), .success(let b)): #expect(a == b)
        case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)")
        default: Issue.record("the readers disagree on \(text)")
        }
    }

    @Test func aDamagedFileIsExplainedWithTheMessageItAlwaysHad() throws {
        let text = Self.minimal.replacingOccurrences(of: "\"answered\":0", with: "\"answered\":-1")
        #expect(
            throws: SkillsError.invalidData(
                file: "x.json", detail: "at `scores.areas[0].answered`: -1 is out of range; expected 0 to 10000")
        ) {
            try ResultReader.read(data: Data(text.utf8), path: "x.json")
        }
    }

    /// Numbers are read without strtod when they are plain decimals: the value must be the
    /// one Swift's `Double(String)` (strtod) gives, bit for bit, and anything else is left to
    /// the scanner's strict reading.
    @Test func plainDecimalsReadAsStrtodReadsThem() throws {
        var texts = [
            "0", "-0", "0.0", "-0.0", "1", "4", "37.5", "12.345678901234", "99.99999999999999", "0.1", "0.2",
            "0.30000000000000004", "123456789012345", "999999999999999", "1.5E1", "2.5e-1", "1e300", "-3.25",
            "100", "0.000000000000001", "62.5", "57.14285714285714",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let whole = Int.random(in: 0...99_999, using: &generator)
            let places = Int.random(in: 0...10, using: &generator)
            let fraction = (0..<places).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            texts.append(places == 0 ? "\(whole)" : "\(whole).\(fraction)")
        }
        for text in texts {
            let bytes = Array((text + ",").utf8)
            let read = try bytes.withUnsafeBufferPointer { buffer -> (Double, Int) in
                var scanner = JSONScanner(buffer)
                return (try scanner.number(), scanner.index)
            }
            let expected = try #require(Double(text))
            #expect(read.0.bitPattern == expected.bitPattern, "\(text)")
            #expect(read.1 == bytes.count - 1, "\(text)")
        }
        // Up to 19 digits in all, as scores' errors and bands are written in full, and past
        // 2^53, where one division of doubles would not be exact.
        for _ in 0..<20000 {
            let digits = String(UInt64.random(in: 1...UInt64(9_999_999_999_999_999_999), using: &generator))
            let point = Int.random(in: 1...digits.count, using: &generator)
            let text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
            texts.append(point == digits.count ? String(digits) : text)
            texts.append("0." + String(repeating: "0", count: Int.random(in: 0...3, using: &generator)) + digits)
        }
        texts += [
            "14.470352502697743", "60.52964749730226", "0.1000000000000000055511151231257827", "9007199254740993",
        ]
        texts += ["9999999999999999999", "1844674407370955161.5", "0.30000000000000001665", "2.2250738585072014"]
        for text in texts {
            let bytes = Array((text + ",").utf8)
            let read = try bytes.withUnsafeBufferPointer { buffer -> Double in
                var scanner = JSONScanner(buffer)
                return try scanner.number()
            }
            #expect(read.bitPattern == (try #require(Double(text))).bitPattern, "\(text)")
        }
        for refused in ["1.", "-", ".5", "+1", "1e", "--1"] {
            let bytes = Array((refused + ",").utf8)
            #expect(throws: JSONScanner.Unexpected.self, "\(refused)") {
                try bytes.withUnsafeBufferPointer { buffer in
                    var scanner = JSONScanner(buffer)
                    _ = try scanner.number()
                }
            }
        }
    }
}
