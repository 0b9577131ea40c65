import Foundation

/// The bad-input catalogue: every entry is run by BadInputCatalogueTests and listed in
/// docs/bad-input.md (re-written with SKILLS_RECORD_SNAPSHOTS=1). `$DIR` stands for the
/// case's own temporary folder; a message ending in "…" is matched as a prefix.
struct BadInput: Sendable {
    let id: String
    let what: String
    let arguments: [String]
    var stdin = ""
    var environment: [String: String] = [:]
    /// Files to create in `$DIR` first: name and contents.
    var files: [(String, Data)] = []
    let exit: Int32
    /// The first line on stderr.
    let message: String
}

enum Catalogue {
    static let q =
        #"{"format":1,"id":"t","version":"1","title":"T","kind":"quiz","scale":{"min":1,"max":5,"labels":["1","#
        + #""2","3","4","5"]},"items":[ITEMS]}"#
    static let rating = #"{"id":"r1","type":"rating","area":"listening","text":"I listen.","source":"x#y"}"#
    static let choice =
        #"{"id":"c1","type":"choice","area":"empathy","text":"Q?","source":"x#y","options":[{"text":"a","#
        + #""correct":true},{"text":"b"}],"explanation":"e"}"#

    static func questionnaire(_ items: String, top: (String) -> String = { $0 }) -> Data {
        Data(top(q.replacingOccurrences(of: "ITEMS", with: items)).utf8)
    }

    static func file(_ name: String, _ text: String) -> (String, Data) { (name, Data(text.utf8)) }

    static let tenAnswers = "3,3,3,3,3,3,3,3,3,3"
    static let validResult: Data = {
        // A real result file, made once by the binary.
        let store = SkillsBinary.temporaryFolder()
        _ = try? SkillsBinary.run(["take", "shift-checkin", "--store", store.path, "--answers", tenAnswers])
        let name = SkillsBinary.results(in: store)[0]
        return try! Data(contentsOf: store.appendingPathComponent("results/" + name))
    }()

    static var cases: [BadInput] {
        [
            // Questionnaire files
            BadInput(
                id: "malformed-json", what: "a questionnaire that is not valid JSON",
                arguments: ["take", "$DIR/q.json"],
                files: [file("q.json", "{\"id\": ")], exit: 65,
                message: "Error: $DIR/q.json: (file): not valid JSON…"),
            BadInput(
                id: "wrong-type", what: "a field of the wrong type", arguments: ["take", "$DIR/q.json"],
                files: [
                    (
                        "q.json",
                        questionnaire(
                            rating.replacingOccurrences(of: "\"source\"", with: "\"reverse\":\"yes\",\"source\""))
                    )
                ],
                exit: 65,
                message: "Error: $DIR/q.json: items[0].reverse: expected true or false; found another kind of value"),
            BadInput(
                id: "missing-field", what: "an item with no text", arguments: ["take", "$DIR/q.json"],
                files: [
                    ("q.json", questionnaire(rating.replacingOccurrences(of: "\"text\":\"I listen.\",", with: "")))
                ],
                exit: 65,
                message: "Error: $DIR/q.json: items[0] (r1).text: missing or empty; expected the question or "
                    + "statement"),
            BadInput(
                id: "duplicate-id", what: "two items with one id", arguments: ["take", "$DIR/q.json"],
                files: [("q.json", questionnaire(rating + "," + rating))],
                exit: 65, message: "Error: $DIR/q.json: items[1] (r1): duplicate id 'r1'; items[0] already uses it"),
            BadInput(
                id: "unknown-area", what: "an unknown skill area", arguments: ["take", "$DIR/q.json"],
                files: [("q.json", questionnaire(rating.replacingOccurrences(of: "listening", with: "listenng")))],
                exit: 65,
                message: "Error: $DIR/q.json: items[0] (r1).area: unknown area 'listenng' (did you mean "
                    + "'listening'?)…"),
            BadInput(
                id: "bad-scale", what: "a scale whose max is not above its min", arguments: ["take", "$DIR/q.json"],
                files: [
                    (
                        "q.json",
                        questionnaire(rating) {
                            $0.replacingOccurrences(of: "\"min\":1,\"max\":5", with: "\"min\":5,\"max\":5")
                        }
                    )
                ],
                exit: 65, message: "Error: $DIR/q.json: scale: max 5 must be greater than min 5"),
            BadInput(
                id: "empty-questionnaire", what: "a questionnaire with no items", arguments: ["take", "$DIR/q.json"],
                files: [("q.json", questionnaire(""))],
                exit: 65, message: "Error: $DIR/q.json: items: the questionnaire has no items; expected at least one"),
            BadInput(
                id: "no-correct-option", what: "a choice with no correct option", arguments: ["take", "$DIR/q.json"],
                files: [("q.json", questionnaire(choice.replacingOccurrences(of: ",\"correct\":true", with: "")))],
                exit: 65,
                message:
                    "Error: $DIR/q.json: items[0] (c1).options: no option is marked \"correct\": true; expected at "
                    + "least one"
            ),
            BadInput(
                id: "reverse-on-choice", what: "a reverse key on a choice item", arguments: ["take", "$DIR/q.json"],
                files: [
                    (
                        "q.json",
                        questionnaire(
                            choice.replacingOccurrences(of: "\"source\"", with: "\"reverse\":true,\"source\""))
                    )
                ],
                exit: 65, message: "Error: $DIR/q.json: items[0] (c1).reverse: only rating items can be reverse-keyed"),
            BadInput(
                id: "misspelled-field", what: "a misspelled field", arguments: ["take", "$DIR/q.json"],
                files: [
                    (
                        "q.json",
                        questionnaire(rating.replacingOccurrences(of: "\"source\"", with: "\"revers\":true,\"source\""))
                    )
                ],
                exit: 65,
                message: "Error: $DIR/q.json: items[0].revers: unknown field 'revers' (did you mean 'reverse'?)…"),
            BadInput(
                id: "newer-questionnaire-format", what: "a questionnaire from a newer format",
                arguments: ["take", "$DIR/q.json"],
                files: [
                    (
                        "q.json",
                        questionnaire(rating) { $0.replacingOccurrences(of: "\"format\":1", with: "\"format\":2") }
                    )
                ],
                exit: 65,
                message:
                    "Error: $DIR/q.json: format: format 2 is newer than this version of skills understands (1); "
                    + "update skills"
            ),
            BadInput(
                id: "huge-file", what: "a 50 MB file", arguments: ["take", "$DIR/q.json"],
                files: [("q.json", Data(repeating: 0x20, count: 50 * 1024 * 1024))],
                exit: 65, message: "Error: $DIR/q.json: is 50 MB; expected a file under 5 MB"),
            BadInput(
                id: "binary-file", what: "a binary, non-UTF-8 file", arguments: ["take", "$DIR/q.json"],
                files: [("q.json", Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]))],
                exit: 65, message: "Error: $DIR/q.json: (file): is not UTF-8 text; expected a JSON file"),
            BadInput(
                id: "folder-as-file", what: "a folder given as a questionnaire file", arguments: ["take", "$DIR/"],
                exit: 65, message: "Error: $DIR/: is a folder; expected a JSON file"),
            BadInput(
                id: "missing-file", what: "a file that does not exist", arguments: ["take", "$DIR/none.json"],
                exit: 66, message: "Error: $DIR/none.json: no such file"),
            BadInput(
                id: "unknown-questionnaire", what: "an unknown questionnaire id", arguments: ["take", "shift-chekin"],
                exit: 66, message: "Error: no questionnaire 'shift-chekin' (did you mean 'shift-checkin'?)…"),
            BadInput(
                id: "validate-problems", what: "validate on a file with problems",
                arguments: ["validate", "$DIR/q.json"],
                files: [("q.json", questionnaire(rating + "," + rating))], exit: 1, message: ""),
            // Answers
            BadInput(
                id: "answer-out-of-range", what: "a rating outside the scale",
                arguments: ["take", "shift-checkin", "--answers", "9,3,3,3,3,3,3,3,3,3"],
                exit: 65,
                message:
                    "Error: --answers: answer 1 (ci-listen-1): '9' is not on the scale; expected a whole number "
                    + "from 1 to 5, or '-' to skip"
            ),
            BadInput(
                id: "answer-wrong-kind", what: "a letter for a rating",
                arguments: ["take", "shift-checkin", "--answers", "B,3,3,3,3,3,3,3,3,3"],
                exit: 65,
                message:
                    "Error: --answers: answer 1 (ci-listen-1): 'B' is not on the scale; expected a whole number "
                    + "from 1 to 5, or '-' to skip"
            ),
            BadInput(
                id: "answer-not-an-option", what: "a letter that is not an option",
                arguments: [
                    "take", "scenario-quiz", "--form", "catalogue", "--answers", "E,-,-,-,-,-,-,-,-,-,-,-,-,-,-",
                ],
                exit: 65,
                message:
                    "Error: --answers: answer 1 (q-listen-1): 'E' is not an option; expected one letter from A to "
                    + "D, or '-' to skip"
            ),
            BadInput(
                id: "several-letters-for-one", what: "several letters where one is right",
                arguments: [
                    "take", "scenario-quiz", "--form", "catalogue", "--answers", "AB,-,-,-,-,-,-,-,-,-,-,-,-,-,-",
                ],
                exit: 65,
                message:
                    "Error: --answers: answer 1 (q-listen-1): 'AB' is not an answer; expected one letter from A to "
                    + "D, or '-' to skip"
            ),
            BadInput(
                id: "too-many-answers", what: "more answers than items",
                arguments: ["take", "shift-checkin", "--answers", tenAnswers + ",ok,5"],
                exit: 65,
                message:
                    "Error: --answers: 12 answers for 'shift-checkin'; expected 10 to 11, one per item in order "
                    + "('-' to skip)"
            ),
            BadInput(
                id: "too-few-answers", what: "fewer answers than items",
                arguments: ["take", "shift-checkin", "--answers", "3,3"],
                exit: 65,
                message:
                    "Error: --answers: 2 answers for 'shift-checkin'; expected 10 to 11, one per item in order ('-' "
                    + "to skip)"
            ),
            BadInput(
                id: "unknown-item-in-answers-file", what: "an unknown item id in an answers file",
                arguments: ["take", "shift-checkin", "--answers-file", "$DIR/a.txt"],
                files: [file("a.txt", "ci-listen-1: 4\nci-lisen-2: 3\n")],
                exit: 65,
                message: "Error: $DIR/a.txt: line 2: unknown item 'ci-lisen-2' (did you mean 'ci-listen-2'?)…"
            ),
            BadInput(
                id: "repeated-item-in-answers-file", what: "an item answered twice in an answers file",
                arguments: ["take", "shift-checkin", "--answers-file", "$DIR/a.txt"],
                files: [file("a.txt", "ci-listen-1: 4\nci-listen-1: 3\n")],
                exit: 65,
                message:
                    "Error: $DIR/a.txt: line 2: item 'ci-listen-1' is answered twice (first on line 1); expected "
                    + "one answer per item"
            ),
            BadInput(
                id: "missing-answers-file", what: "an answers file that does not exist",
                arguments: ["take", "shift-checkin", "--answers-file", "$DIR/none.txt"],
                exit: 66, message: "Error: $DIR/none.txt: no such file"),
            BadInput(
                id: "wrong-piped-answer", what: "a wrong answer piped in", arguments: ["take", "shift-checkin"],
                stdin: "4\nseven\n",
                exit: 65,
                message:
                    "Error: standard input: line 2 (item ci-listen-2): 'seven' is not on the scale; expected a "
                    + "whole number from 1 to 5, or '-' to skip"
            ),
            BadInput(
                id: "long-reflection", what: "a reflection over 2,000 characters",
                arguments: [
                    "take", "shift-checkin", "--answers", tenAnswers + "," + String(repeating: "x", count: 2001),
                ],
                exit: 65,
                message:
                    "Error: --answers: answer 11 (ci-reflect): the reflection is 2001 characters; expected at most 2000"
            ),
            BadInput(
                id: "end-of-input", what: "end of input before the last question",
                arguments: ["take", "shift-checkin", "--store", "$DIR"], stdin: "4\n5\n",
                exit: 130, message: "Stopped: input ended after 2 of 11 answers; nothing was saved"),
            // Result files and the store
            BadInput(
                id: "newer-result-format", what: "a result file from a newer format",
                arguments: ["report", "$DIR/r.json"],
                files: [file("r.json", "{\"format\": 3, \"person\": \"Ana\"}")],
                exit: 65,
                message:
                    "Error: $DIR/r.json: result format 3 is newer than this version of skills understands (1); "
                    + "update skills"
            ),
            BadInput(
                id: "truncated-result", what: "a truncated result file", arguments: ["report", "$DIR/r.json"],
                files: [("r.json", validResult.prefix(200))], exit: 65,
                message: "Error: $DIR/r.json: not valid JSON…"),
            BadInput(
                id: "damaged-result-in-store",
                what: "a damaged result among good ones in the store (reported, skipped, kept)",
                arguments: ["report", "--store", "$DIR", "--name", "tester"],
                files: [("results/good.json", validResult), ("results/zz-bad.json", validResult.prefix(100))],
                exit: 0, message: "warning: skipped $DIR/results/zz-bad.json: not valid JSON…"),
            BadInput(
                id: "unwritable-store", what: "a store that cannot be created",
                arguments: ["take", "shift-checkin", "--store", "/proc/skills-store", "--answers", tenAnswers],
                exit: 73, message: "Error: /proc/skills-store/results: cannot create: …"),
            BadInput(
                id: "store-is-a-file", what: "a store path that is a file",
                arguments: ["take", "shift-checkin", "--store", "$DIR/f", "--answers", tenAnswers],
                files: [file("f", "x")], exit: 73, message: "Error: $DIR/f/results: cannot create: …"),
            BadInput(
                id: "output-in-missing-folder", what: "--output in a folder that does not exist",
                arguments: [
                    "take", "shift-checkin", "--no-save", "--answers", tenAnswers, "--output", "$DIR/no/r.txt",
                ],
                exit: 73, message: "Error: $DIR/no/r.txt: cannot create: …"),
            // Names
            BadInput(
                id: "name-with-dot-dot", what: "a name with ../ (saved inside the store all the same)",
                arguments: [
                    "take", "shift-checkin", "--name", "../../etc/x", "--store", "$DIR", "--answers", tenAnswers,
                ],
                exit: 0, message: "Saved $DIR/results/…"),
            BadInput(
                id: "name-with-slash", what: "a name with /",
                arguments: ["take", "shift-checkin", "--name", "/tmp/x", "--store", "$DIR", "--answers", tenAnswers],
                exit: 0, message: "Saved $DIR/results/…"),
            BadInput(
                id: "name-with-control-characters", what: "a name with control characters",
                arguments: ["take", "shift-checkin", "--name", "Ana\u{1B}[31m", "--answers", tenAnswers],
                exit: 64, message: "Error: --name: 'Ana^[[31m' contains control characters; expected a plain name"),
            BadInput(
                id: "name-too-long", what: "a 10,000-character name",
                arguments: [
                    "take", "shift-checkin", "--name", String(repeating: "n", count: 10_000), "--answers", tenAnswers,
                ],
                exit: 64, message: "Error: --name: the name is 10000 characters; expected at most 100"),
            BadInput(
                id: "name-only-spaces", what: "a name of only spaces",
                arguments: ["take", "shift-checkin", "--name", "   ", "--answers", tenAnswers],
                exit: 64, message: "Error: --name: expected a name; found an empty one"),
            // Usage
            BadInput(
                id: "unknown-command", what: "an unknown command", arguments: ["tkae"], exit: 64,
                message: "Error: unknown command 'tkae' (did you mean 'take'?)"),
            BadInput(
                id: "unknown-option", what: "an unknown option", arguments: ["take", "shift-checkin", "--nmae", "x"],
                exit: 64, message: "Error: unknown option '--nmae' (did you mean '--name'?)"),
            BadInput(
                id: "missing-argument", what: "a command without its argument", arguments: ["take"], exit: 64,
                message: "Error: expected 1 argument; found none"),
            BadInput(
                id: "option-without-value", what: "an option without its value",
                arguments: ["take", "shift-checkin", "--name"], exit: 64,
                message: "Error: option '--name' needs a value (NAME)"),
            BadInput(
                id: "unknown-format", what: "an unknown --format", arguments: ["report", "--format", "pdf"], exit: 64,
                message: "Error: --format 'pdf' is not available here; expected one of text, markdown, json, html"),
            BadInput(
                id: "bad-date", what: "--since that is not a date", arguments: ["history", "--since", "yesterday"],
                exit: 64, message: "Error: --since 'yesterday' is not a date; expected a day such as 2026-11-01"),
            BadInput(
                id: "bad-target", what: "a target outside 0 to 100",
                arguments: ["target", "empathy", "120", "--store", "$DIR"], exit: 64,
                message: "Error: score '120' is not a target; expected a number from 0 to 100"),
            BadInput(
                id: "bad-clock", what: "SKILLS_NOW that is not a time",
                arguments: ["take", "shift-checkin", "--answers", tenAnswers], environment: ["SKILLS_NOW": "soon"],
                exit: 64,
                message: "Error: SKILLS_NOW: 'soon' is not a time; expected ISO 8601 such as 2026-11-20T17:30:00Z"),
            BadInput(
                id: "class-mixing-questionnaires", what: "a class folder holding two questionnaires",
                arguments: ["class", "$DIR"],
                files: [
                    ("a.json", validResult),
                    (
                        "b.json",
                        Data(
                            String(decoding: validResult, as: UTF8.self).replacingOccurrences(
                                of: "\"shift-checkin\"", with: "\"other\""
                            ).utf8)
                    ),
                ],
                exit: 64,
                message:
                    "Error: $DIR holds results of several questionnaires or versions: shift-checkin@2.0 (1 result), "
                    + "other@2.0 (1 result); choose one with --questionnaire ID@VERSION"
            ),
            BadInput(
                id: "class-missing-folder", what: "a class folder that does not exist",
                arguments: ["class", "$DIR/none"], exit: 66, message: "Error: $DIR/none: no such file or folder"),
            BadInput(
                id: "gift-unclosed", what: "a GIFT file with an unclosed answer block",
                arguments: ["import", "gift", "$DIR/b.gift", "--area", "empathy"],
                files: [file("b.gift", "Q? {=a ~b\n")], exit: 65,
                message: "Error: $DIR/b.gift: line 1: the answer block '{' is not closed with '}'"),
            BadInput(
                id: "unknown-import-format", what: "an import format skills does not read",
                arguments: ["import", "qti", "$DIR/b.xml"],
                exit: 64, message: "Error: 'qti' is not an import format; expected gift or aiken"),
            BadInput(
                id: "unknown-shell", what: "completions for an unsupported shell",
                arguments: ["completions", "powershell"],
                exit: 64, message: "Error: 'powershell' is not a supported shell; expected bash, zsh or fish"),
            BadInput(
                id: "xapi-without-actor", what: "xAPI export without an actor",
                arguments: ["export", "--format", "xapi", "--store", "$DIR"],
                exit: 64,
                message:
                    "Error: xapi needs to know who people are on your platform: give --actor-homepage URL or "
                    + "--actor-mbox mailto:…"
            ),
        ]
    }
}
