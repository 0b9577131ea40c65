import Foundation
import Testing

@testable import SkillsCore

/// The binary decodes a built-in questionnaire without validating it, and lists them
/// without decoding: these tests are where the built-ins are checked.
@Suite struct BuiltinDataTests {
    @Test("every built-in questionnaire is valid and named by its id")
    func everyBuiltinIsValid() {
        #expect(BuiltinData.problems(in: BuiltinData.questionnaireFiles, framework: Fixture.framework) == [])
        #expect(BuiltinData.ids == ["shift-checkin", "self-assessment", "scenario-quiz", "coach-observation"])
    }

    @Test("a broken built-in is caught")
    func aBrokenBuiltinFails() throws {
        let good = BuiltinData.questionnaireFiles[0]
        var object = try JSONSerialization.jsonObject(with: Data(good.bytes)) as! [String: Any]
        object["title"] = "  "
        let broken = BuiltinData.File(name: good.name, bytes: Array(try JSONSerialization.data(withJSONObject: object)))
        let misnamed = BuiltinData.File(name: "questionnaires/other.json", bytes: good.bytes)
        let problems = BuiltinData.problems(in: [broken, misnamed], framework: Fixture.framework)
        #expect(problems.count == 2)
        #expect(problems.first?.contains("title") == true)
        #expect(problems.last?.contains("named otherwise than its id 'shift-checkin'") == true)
    }

    @Test("the quick listing says what decoding says")
    func listingMatchesDecoding() throws {
        let decoded = try BuiltinData.questionnaires(framework: Fixture.framework).map {
            QuestionnaireListing($0, origin: .builtin)
        }
        #expect(try BuiltinData.listing() == decoded)
        #expect(BuiltinData.questionnaireFiles.allSatisfy { BuiltinData.scanned($0) != nil })
    }

    @Test(
        "items are counted by brackets and commas outside strings",
        arguments: [
            ("[]", 0), ("[ ]", 0), ("[1]", 1), ("[{\"a\": [1, 2]}, \"x,]\\\"\", null]", 3),
            ("[\n  \"a, b\",\n  \"\",\n  \"café [\"\n]", 3), ("[ {\"text\": \"one, two\"} ]", 1),
        ])
    func countsElements(json: String, count: Int) throws {
        let bytes = Array(json.utf8)
        let counted = try bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            return try scanner.countElements()
        }
        #expect(counted == count)
    }

    @Test("one built-in is decoded by id, the same as validated")
    func oneByID() throws {
        for questionnaire in try BuiltinData.questionnaires(framework: Fixture.framework) {
            #expect(try BuiltinData.questionnaire(id: questionnaire.id) == questionnaire)
        }
        #expect(try BuiltinData.questionnaire(id: "nope") == nil)
    }

    @Test("the trimmed set is Foundation's, scalar for scalar")
    func trimmedSetIsFoundations() {
        let differ = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            $0.isTrimmedSpace != CharacterSet.whitespacesAndNewlines.contains($0)
        }
        #expect(differ.map { String($0.value, radix: 16) } == [])
        let spacesDiffer = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            $0.isSpaceOrTab != CharacterSet.whitespaces.contains($0)
        }
        #expect(spacesDiffer.map { String($0.value, radix: 16) } == [])
    }

    @Test("trimming agrees with Foundation's on every kind of white space")
    func trimmingAgrees() {
        let spaces = ["", " ", "\t", "\n", "\r\n", "\u{85}", "\u{A0}", "\u{2003}", "\u{2028}", "\u{3000}", "\u{200B}"]
        for before in spaces {
            for after in spaces {
                for core in ["", "a", "Ana María", " \u{301}x", "a b"] {
                    let text = before + core + after
                    #expect(
                        text.trimmed == text.trimmingCharacters(in: .whitespacesAndNewlines),
                        "\(Array(text.unicodeScalars))")
                    #expect(text.trimmedSpaces == text.trimmingCharacters(in: .whitespaces))
                }
            }
        }
    }

    @Test("questionnaires are read from their bytes exactly as JSONDecoder reads them, or left to it")
    func questionnairesReadAsJSONDecoderReadsThem() throws {
        for file in BuiltinData.questionnaireFiles {
            let decoded = try JSONDecoder().decode(Questionnaire.self, from: Data(file.bytes))
            #expect(file.bytes.withUnsafeBufferPointer(Questionnaire.fastRead) == decoded, "\(file.name)")
            #expect(try BuiltinData.questionnaire(id: decoded.id) == decoded)
            // Written again by JSONEncoder (escapes, no spaces, keys sorted): the same.
            let rewritten = [UInt8](try JSONEncoder().encode(decoded))
            #expect(rewritten.withUnsafeBufferPointer(Questionnaire.fastRead) == decoded)
        }
        // Every other JSON file in the repository, and hand-made edge cases: whatever the fast
        // reader accepts, JSONDecoder reads to the same value (misplaced fields and all).
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..")
            .standardized
        var texts: [String] = [
            #"{"kind": "quiz", "items": [{"type": "choice", "id": "q", "reverse": true, "options": [{"text": "a"}]}]}"#,
            #"{"kind": "check-in", "format": null, "id": null, "items": null, "scale": null}"#,
            #"{"kind": "check-in", "items": [{"type": "rating", "scale": {"min": 1, "max": 3, "labels": []}}]}"#,
            #"{"kind": "check-in", "items": [{"type": "rating", "scale": {"min": 1, "labels": []}}]}"#,
            #"{"kind": "observation", "calibration": {"source": "x", "areas": {"a": {"reliability": 0.8}}}}"#,
            #"{"kind": "quiz", "draw": {"perArea": 2}, "items": [{"type": "level", "explanation": "x"}]}"#,
            #"{"kind": "quiz", "items": [{"type": "choice", "options": [{"text": "a", "correct": null}]}]}"#,
            #"{"kind": "Quiz"}"#, #"{"kind": "quiz", "id": "a", "id": "b"}"#, #"{"kind": "quiz", "minutes": 2.5}"#,
            #"{"kind": "quiz", "items": [{"type": "rating", "text": "café "x""}]}"#, #"{"id": "x"}"#,
        ]
        let enumerator = try #require(FileManager.default.enumerator(atPath: root.path))
        for case let path as String in enumerator
        where path.hasSuffix(".json") && !path.hasPrefix(".build") && !path.contains("/.build/") {
            texts.append(try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
        var checked = 0
        for text in texts {
            let bytes = Array(text.utf8)
            guard let fast = bytes.withUnsafeBufferPointer(Questionnaire.fastRead) else { continue }
            checked += 1
            #expect(fast == (try? JSONDecoder().decode(Questionnaire.self, from: Data(bytes))), "\(text.prefix(80))")
        }
        #expect(checked >= 10)
    }

    @Test("the remembered content hashes of the built-ins are the ones computed from them")
    func contentHashes() throws {
        #expect(Set(BuiltinData.contentHashes.keys) == Set(BuiltinData.ids))
        for (index, id) in BuiltinData.ids.enumerated() {
            let file = BuiltinData.questionnaireFiles[index]
            let questionnaire = try #require(try BuiltinData.questionnaire(id: id))
            let expected = (file: BuiltinData.fingerprint(file.bytes), content: ContentHash.of(questionnaire))
            #expect(BuiltinData.contentHashes[id]?.file == expected.file, "\(id): \(expected)")
            #expect(BuiltinData.contentHashes[id]?.content == expected.content, "\(id): \(expected)")
            #expect(BuiltinData.knownContentHash(id: id) == expected.content)
        }
    }

    @Test("a file's fingerprint is its 64-bit FNV-1a hash")
    func fingerprintIsFNV1a() throws {
        // Expected values from Python: h = 0xcbf29ce484222325; for each byte b:
        // h = ((h ^ b) * 0x100000001b3) % 2**64 (the published FNV-1a test vectors for "" and "a").
        #expect(BuiltinData.fingerprint([]) == 0xcbf2_9ce4_8422_2325)
        #expect(BuiltinData.fingerprint(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(BuiltinData.fingerprint(Array("foobar".utf8)) == 0x8594_4171_f739_67e8)
        // Data/questionnaires/shift-checkin.json, hashed by the same Python lines.
        let index = try #require(BuiltinData.ids.firstIndex(of: "shift-checkin"))
        #expect(BuiltinData.fingerprint(BuiltinData.questionnaireFiles[index].bytes) == 0x0a43_11b2_1991_e340)
    }

    @Test("the framework is read from its bytes exactly as JSONDecoder reads it")
    func theFrameworkReadsAsJSONDecoderReadsIt() throws {
        let bytes = BuiltinData.frameworkFile.bytes
        let decoded = try JSONFile.decode(Framework.self, from: Data(bytes), file: "framework.json")
        let fast = try #require(bytes.withUnsafeBufferPointer(Framework.fastRead))
        #expect(fast == decoded)
        #expect(try JSONFile.encode(fast) == JSONFile.encode(decoded))
        #expect(try BuiltinData.framework() == decoded)
        // Written again by JSONEncoder (escapes, no spaces): the same.
        let rewritten = [UInt8](try JSONEncoder().encode(decoded))
        #expect(rewritten.withUnsafeBufferPointer(Framework.fastRead) == decoded)
    }

    @Test("the fast framework reader steps aside for what it leaves to JSONDecoder")
    func theFrameworkReaderStepsAside() throws {
        let text = String(decoding: BuiltinData.frameworkFile.bytes, as: UTF8.self)
        for (old, new) in [
            ("\"format\": 1", "\"format\": 1, \"format\": 1"), ("\"format\": 1", "\"format\": \"1\""),
            ("\"version\"", "\"versions\""), ("{", "{\"x\": \"\\ud83c\\udf89\", "), ("{", "[{"),
        ] {
            let changed = Array(text.replacingOccurrences(of: old, with: new).utf8)
            #expect(changed != Array(text.utf8), "\(new)")
            #expect(changed.withUnsafeBufferPointer(Framework.fastRead) == nil, "\(new)")
        }
    }
}
