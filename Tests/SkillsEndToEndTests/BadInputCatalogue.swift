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
    /// Special files to make in `$DIR` after `files`: FIFOs, sockets, links, folders.
    var setup: [Setup] = []
    /// Where the binary's standard output goes.
    var output: Output = .captured
    /// Text the standard output must hold, and text it must not.
    var stdoutContains: [String] = []
    var stdoutExcludes: [String] = []
    /// Text that must only appear with a visible `^J` before it on stdout and stderr: a raw
    /// newline before it would forge a message of its own.
    var forgedLine: String? = nil
    /// How many result files `$DIR/results` holds afterwards, when that matters.
    var savedResults: Int? = nil
    /// A file in `$DIR` and text it must (or must not) hold afterwards.
    var fileContains: [(String, String)] = []
    var fileExcludes: [(String, String)] = []

    enum Setup: Sendable {
        /// A FIFO nobody writes to: opening it for reading blocks forever.
        case fifo(String)
        /// A FIFO the runner fills with this text once the binary opens it.
        case fedFifo(String, String)
        case socket(String)
        /// A symbolic link to a path (`$DIR` allowed), which may not exist.
        case link(String, to: String)
        case folder(String)
    }

    enum Output: Sendable {
        case captured
        /// Standard output redirected to this path, such as /dev/full.
        case redirected(String)
        case closed
        /// On a pseudo-terminal through util-linux `script`; stderr then lands in stdout.
        case terminal
    }
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

    /// `skills gain`: two sittings, or one folder split at a day.
    static var gainCases: [BadInput] {
        let result = String(decoding: validResult, as: UTF8.self)
        let other = Data(result.replacingOccurrences(of: "\"shift-checkin\"", with: "\"other\"").utf8)
        let stranger = Data(result.replacingOccurrences(of: "\"tester\"", with: "\"stranger\"").utf8)
        return [
            BadInput(
                id: "gain-one-folder", what: "gain with one folder and no --split", arguments: ["gain", "$DIR"],
                exit: 64, message: "Error: give two folders or files, BEFORE and AFTER, or one with --split DATE"),
            BadInput(
                id: "gain-bad-split", what: "gain --split with a day not on the calendar",
                arguments: ["gain", "$DIR", "--split", "2026-02-30"], exit: 64,
                message: "Error: --split '2026-02-30' is not a date; expected a day such as 2026-11-16"),
            BadInput(
                id: "gain-missing-folder", what: "gain with an after folder that does not exist",
                arguments: ["gain", "$DIR/a", "$DIR/none"], files: [("a/r.json", validResult)], exit: 66,
                message: "Error: $DIR/none: no such file or folder"),
            BadInput(
                id: "gain-different-questionnaires", what: "gain between sittings of two questionnaires",
                arguments: ["gain", "$DIR/a", "$DIR/b"], files: [("a/r.json", validResult), ("b/r.json", other)],
                exit: 65,
                message:
                    "Error: $DIR/a and $DIR/b: results of different questionnaires (shift-checkin before, other "
                    + "after); a gain compares two sittings of one questionnaire"),
            BadInput(
                id: "gain-no-one-in-both", what: "gain where no person sat both sittings",
                arguments: ["gain", "$DIR/a", "$DIR/b"], files: [("a/r.json", validResult), ("b/r.json", stranger)],
                exit: 65, message: "Error: $DIR/a and $DIR/b: no one sat both (1 before, 1 after)…"),
            BadInput(
                id: "gain-damaged-file", what: "a damaged file among a gain's results",
                arguments: ["gain", "$DIR/a", "$DIR/b"],
                files: [("a/r.json", validResult), ("a/bad.json", Data("{ not json".utf8)), ("b/r.json", validResult)],
                exit: 0, message: "warning: skipped $DIR/a/bad.json…"),
        ]
    }
    static let validResult: Data = {
        // A real result file, made once by the binary.
        let store = SkillsBinary.temporaryFolder()
        _ = try? SkillsBinary.run(["take", "shift-checkin", "--store", store.path, "--answers", tenAnswers])
        let name = SkillsBinary.results(in: store)[0]
        return try! Data(contentsOf: store.appendingPathComponent("results/" + name))
    }()

    static var cases: [BadInput] {
        firstCases + specialFileCases + answersCases + lineEndCases + outputCases + numberCases + strictReaderCases
            + targetsCases
            + peopleAndDateCases + terminalCases + practiceCases + gainCases + calibrateCases
            + storeOperationCases
    }

    static var calibrateCases: [BadInput] {
        let calibrate = ["calibrate", "--store", "$DIR"]
        let observe = [
            "take", "coach-observation", "--store", "$DIR", "--name", "Ana", "--rater", "Sam", "--answers",
            "2,-,2,-,2,-,2,-,2,-",
        ]
        return [
            BadInput(
                id: "calibrate-unknown-session", what: "a calibration session nobody recorded",
                arguments: calibrate + ["--session", "nope"], exit: 66,
                message: "Error: no calibration session 'nope' in $DIR/sessions; coaches add to one with …"),
            BadInput(
                id: "calibrate-session-control", what: "a session name with an escape sequence",
                arguments: calibrate + ["--session", "a\u{1B}[2Jb"], exit: 64,
                message: "Error: --session: 'a^[[2Jb' contains control characters; expected a plain name"),
            BadInput(
                id: "calibrate-session-empty", what: "an empty session name for an observation",
                arguments: observe + ["--session", " "], exit: 64,
                message: "Error: --session: expected a name; found an empty one", savedResults: 0),
            BadInput(
                id: "calibrate-session-not-observation", what: "a session for a check-in",
                arguments: ["take", "shift-checkin", "--store", "$DIR", "--session", "x", "--answers", "3,3,3"],
                exit: 64, message: "Error: --session is for a coach observation; 'shift-checkin' is a check-in"),
            BadInput(
                id: "calibrate-session-no-save", what: "a session observation that would not be saved",
                arguments: observe + ["--session", "x", "--no-save"], exit: 64,
                message: "Error: --session saves the observation for the session; drop --no-save"),
            BadInput(
                id: "calibrate-no-observations", what: "calibrate with no coach observations",
                arguments: calibrate, files: [good], exit: 66,
                message: "Error: no coach observations in $DIR/results; coaches record them with …"),
            BadInput(
                id: "calibrate-session-and-folder", what: "a session and a folder together",
                arguments: calibrate + ["$DIR", "--session", "x"], exit: 64,
                message: "Error: --session reads the session's own observations; name no folders or files with it"),
            BadInput(
                id: "calibrate-bad-since", what: "a --since that is not a date",
                arguments: calibrate + ["--since", "soon"],
                exit: 64, message: "Error: --since 'soon' is not a date; expected a day such as 2026-11-01"),
        ]
    }

    /// tester's practice file: the slug, then the first 8 hex digits of SHA-256("tester")
    /// (Python: hashlib.sha256(b"tester").hexdigest()[:8]).
    static let practiceFile = "practice/tester-9bba5c53.json"
    static let keptAsItIs = "; kept as it is: repair it or move it away to start afresh"

    static var practiceCases: [BadInput] {
        let practice = ["practice", "--store", "$DIR", "--name", "tester"]
        return [
            BadInput(
                id: "practice-bad-count", what: "a session of no questions", arguments: practice + ["--count", "0"],
                exit: 64, message: "Error: --count '0' is not a number of questions; expected 1 to 50"),
            BadInput(
                id: "practice-unknown-person", what: "practice for a name the store does not hold",
                arguments: ["practice", "--store", "$DIR", "--name", "Tester2"], files: [good], exit: 66,
                message: "Error: no results for 'Tester2'; the store has results for tester: check --name"),
            BadInput(
                id: "practice-both-answer-options", what: "--answers and --answers-file together",
                arguments: practice + ["--answers", "B", "--answers-file", "$DIR/a.txt"], exit: 64,
                message: "Error: give --answers or --answers-file, not both"),
            BadInput(
                id: "practice-status-with-answers", what: "answers given with --status",
                arguments: practice + ["--status", "--answers", "B"], exit: 64,
                message: "Error: --status shows the schedule; give answers without it"),
            BadInput(
                id: "practice-damaged-file", what: "a practice progress file cut short", arguments: practice,
                files: [good, file(practiceFile, "{\"format\": 1, ")], exit: 65,
                message: "Error: $DIR/\(practiceFile): not valid JSON…",
                fileContains: [(practiceFile, "{\"format\": 1, ")]),
            BadInput(
                id: "practice-impossible-box", what: "a practice card in a box the schedule lacks",
                arguments: practice + ["--status"],
                files: [
                    good,
                    file(
                        practiceFile,
                        #"{"format":1,"person":"tester","resultsRead":[],"schedule":{"intervals":[1,2],"#
                            + #""cards":{"scenario-quiz/q-listen-1":{"box":7,"due":"2026-11-23","retired":false}}}}"#),
                ], exit: 65,
                message:
                    "Error: $DIR/\(practiceFile): at `schedule.cards`: question scenario-quiz/q-listen-1: box 7, "
                    + "expected 1…2\(keptAsItIs)",
                fileContains: [(practiceFile, "\"box\":7")]),
            BadInput(
                id: "practice-fifo-file", what: "a FIFO as the practice progress file", arguments: practice,
                files: [good], exit: 65,
                message: "Error: $DIR/\(practiceFile): is not a regular file (a FIFO, socket or device)…",
                setup: [.fifo(practiceFile)]),
        ]
    }

    static var firstCases: [BadInput] {
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
                message:
                    "Error: $DIR/q.json: items[0].reverse: expected true or false; found the text \"yes\" (write true "
                    + "or false without quotes)"),
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
                files: [file("f", "x")], exit: 73,
                message:
                    "Error: $DIR/f/results: cannot create: $DIR/f is a file, not a folder; "
                    + "choose another store with --store DIR"),
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
                message:
                    "Error: which questionnaire? For example: skills take shift-checkin "
                    + "('skills list' shows them all)"),
            BadInput(
                id: "missing-files", what: "a command that takes files, given none", arguments: ["validate"],
                exit: 64, message: "Error: which file? For example: skills validate my-quiz.json"),
            BadInput(
                id: "too-many-arguments", what: "more arguments than the command takes",
                arguments: ["rubric", "listening", "empathy"], exit: 64,
                message: "Error: expected at most 1 argument; found 'listening' 'empathy'"),
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

// Issue 11: special files, pipes, numbers out of range, strict readers, people, dates,
// output errors and terminal safety.
extension Catalogue {
    static let validQuiz: Data = {
        let store = SkillsBinary.temporaryFolder()
        _ = try? SkillsBinary.run([
            "take", "scenario-quiz", "--form", "catalogue", "--store", store.path, "--answers",
            "A,B,C,D,A,B,C,D,A,B,C,D,A,B,C",
        ])
        let name = SkillsBinary.results(in: store)[0]
        return try! Data(contentsOf: store.appendingPathComponent("results/" + name))
    }()

    /// A result file with text replaced: every occurrence of each `old` becomes its `new`.
    static func changed(_ data: Data, _ replacements: [(String, String)]) -> Data {
        var text = String(decoding: data, as: UTF8.self)
        for (old, new) in replacements {
            precondition(text.contains(old), "the result file has no \(old)")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return Data(text.utf8)
    }

    static func takenIn(year: String) -> Data {
        var text = String(decoding: validResult, as: UTF8.self)
        text = text.replacing(#/"takenAt" : "[^"]*"/#, with: "\"takenAt\" : \"\(year)-01-01T00:00:00Z\"")
        return Data(text.utf8)
    }

    static func person(_ json: String, in data: Data = validResult) -> Data {
        changed(data, [("\"person\" : \"tester\"", "\"person\" : \"\(json)\"")])
    }

    static let good = ("results/good.json", validResult)
    static let store = ["--store", "$DIR"]
    static let reportTester = ["report", "--store", "$DIR", "--name", "tester"]
    static let historyTester = ["history", "--store", "$DIR", "--name", "tester"]
    static let checkinIDs = [
        "ci-listen-1", "ci-listen-2", "ci-anticipate-1", "ci-anticipate-3", "ci-communicate-1", "ci-communicate-2",
        "ci-empathy-1", "ci-empathy-2", "ci-beyond-1", "ci-beyond-3",
    ]
    /// Every rating 3 on a 1 to 5 scale: (3 - 1) / (5 - 1) = 50 in every area, reverse-keyed or not.
    static func answersFile(lineEnd: String = "\n", bom: Bool = false) -> String {
        (bom ? "\u{FEFF}" : "") + checkinIDs.map { "\($0): 3" + lineEnd }.joined()
    }
    static let allThrees = "Overall 50 ±"
    static let takeFromFile = ["take", "shift-checkin", "--store", "$DIR", "--answers-file"]
    static let takeTen = ["take", "shift-checkin", "--store", "$DIR", "--answers", tenAnswers]

    static var specialFileCases: [BadInput] {
        let skipped = "warning: skipped $DIR/results/odd.json…"
        return [
            BadInput(
                id: "fifo-in-results-report", what: "a FIFO among the results (report)", arguments: reportTester,
                files: [good], exit: 0, message: skipped, setup: [.fifo("results/odd.json")]),
            BadInput(
                id: "fifo-in-results-history", what: "a FIFO among the results (history)", arguments: historyTester,
                files: [good], exit: 0, message: skipped, setup: [.fifo("results/odd.json")]),
            BadInput(
                id: "fifo-in-results-class", what: "a FIFO among the results (class)",
                arguments: ["class"] + store, files: [good], exit: 0, message: skipped,
                setup: [.fifo("results/odd.json")]),
            BadInput(
                id: "fifo-in-results-export", what: "a FIFO among the results (export)",
                arguments: ["export"] + store, files: [good], exit: 0, message: skipped,
                setup: [.fifo("results/odd.json")]),
            BadInput(
                id: "fifo-in-results-take", what: "a FIFO among the results (take compares with the last)",
                arguments: takeTen, files: [good], exit: 0, message: skipped, setup: [.fifo("results/odd.json")]),
            BadInput(
                id: "fifo-in-class-folder", what: "a FIFO in a folder given to class",
                arguments: ["class", "$DIR/c"], files: [("c/good.json", validResult)], exit: 0,
                message: "warning: skipped $DIR/c/odd.json…", setup: [.fifo("c/odd.json")]),
            BadInput(
                id: "fifo-in-export-folder", what: "a FIFO in a folder given to export",
                arguments: ["export", "$DIR/c"], files: [("c/good.json", validResult)], exit: 0,
                message: "warning: skipped $DIR/c/odd.json…", setup: [.fifo("c/odd.json")]),
            BadInput(
                id: "fifo-in-questionnaires-list", what: "a FIFO among the store's questionnaires (list)",
                arguments: ["list"] + store, exit: 0, message: "warning: skipped $DIR/questionnaires/odd.json…",
                setup: [.fifo("questionnaires/odd.json")], stdoutContains: ["shift-checkin"]),
            BadInput(
                id: "fifo-in-questionnaires-take", what: "a FIFO among the store's questionnaires (take a built-in)",
                arguments: takeTen, exit: 0, message: "warning: skipped $DIR/questionnaires/odd.json…",
                setup: [.fifo("questionnaires/odd.json")], savedResults: 1),
            BadInput(
                id: "fifo-as-targets", what: "targets.json that is a FIFO", arguments: reportTester,
                files: [good], exit: 0, message: "warning: skipped $DIR/targets.json…",
                setup: [.fifo("targets.json")], stdoutContains: [allThrees]),
            BadInput(
                id: "dangling-link-in-results", what: "a link to nothing among the results", arguments: reportTester,
                files: [good], exit: 0, message: skipped, setup: [.link("results/odd.json", to: "$DIR/gone.json")]),
            BadInput(
                id: "dangling-link-in-class-folder", what: "a link to nothing in a folder given to class",
                arguments: ["class", "$DIR/c"], files: [("c/good.json", validResult)], exit: 0,
                message: "warning: skipped $DIR/c/odd.json…", setup: [.link("c/odd.json", to: "$DIR/gone.json")]),
            BadInput(
                id: "dangling-link-as-targets", what: "targets.json that links to nothing", arguments: reportTester,
                files: [good], exit: 0, message: "warning: skipped $DIR/targets.json…",
                setup: [.link("targets.json", to: "$DIR/gone.json")]),
            BadInput(
                id: "device-in-results", what: "a link to /dev/zero among the results (class)",
                arguments: ["class"] + store, files: [good], exit: 0, message: skipped,
                setup: [.link("results/odd.json", to: "/dev/zero")]),
            BadInput(
                id: "device-in-questionnaires", what: "a link to /dev/zero among the store's questionnaires",
                arguments: ["list"] + store, exit: 0, message: "warning: skipped $DIR/questionnaires/odd.json…",
                setup: [.link("questionnaires/odd.json", to: "/dev/zero")]),
            BadInput(
                id: "socket-in-results", what: "a socket among the results (history)", arguments: historyTester,
                files: [good], exit: 0, message: skipped, setup: [.socket("results/odd.json")]),
        ]
    }

    static var answersCases: [BadInput] {
        [
            BadInput(
                id: "answers-file-from-stdin", what: "--answers-file /dev/stdin with the answers piped in",
                arguments: takeFromFile + ["/dev/stdin"], stdin: answersFile(), exit: 0,
                message: "Saved $DIR/results/…", stdoutContains: [allThrees], savedResults: 1),
            BadInput(
                id: "answers-file-fifo", what: "--answers-file that is a FIFO", arguments: takeFromFile + ["$DIR/a"],
                exit: 0, message: "Saved $DIR/results/…", setup: [.fedFifo("a", answersFile())],
                stdoutContains: [allThrees], savedResults: 1),
            BadInput(
                id: "answers-file-crlf", what: "an answers file with Windows (CRLF) line ends",
                arguments: takeFromFile + ["$DIR/a.txt"], files: [file("a.txt", answersFile(lineEnd: "\r\n"))],
                exit: 0, message: "Saved $DIR/results/…", stdoutContains: [allThrees]),
            BadInput(
                id: "answers-file-bom", what: "an answers file starting with a UTF-8 BOM",
                arguments: takeFromFile + ["$DIR/a.txt"], files: [file("a.txt", answersFile(bom: true))],
                exit: 0, message: "Saved $DIR/results/…", stdoutContains: [allThrees]),
            BadInput(
                id: "answers-from-stdin-crlf", what: "CRLF piped to --answers-file /dev/stdin",
                arguments: takeFromFile + ["/dev/stdin"], stdin: answersFile(lineEnd: "\r\n", bom: true), exit: 0,
                message: "Saved $DIR/results/…", stdoutContains: [allThrees]),
            BadInput(
                id: "piped-answers-crlf", what: "answers piped one a line with CRLF line ends",
                arguments: ["take", "shift-checkin"] + store,
                stdin: String(repeating: "3\r\n", count: 10) + "\r\n", exit: 0, message: "Saved $DIR/results/…",
                stdoutContains: [allThrees]),
            BadInput(
                id: "piped-answers-bom", what: "answers piped one a line after a UTF-8 BOM",
                arguments: ["take", "shift-checkin"] + store,
                stdin: "\u{FEFF}" + String(repeating: "3\n", count: 10)
                    + "\n", exit: 0, message: "Saved $DIR/results/…", stdoutContains: [allThrees]),
            BadInput(
                id: "answers-file-empty", what: "an empty answers file", arguments: takeFromFile + ["$DIR/a.txt"],
                files: [file("a.txt", "")], exit: 65, message: "Error: $DIR/a.txt: no answers…", savedResults: 0),
            BadInput(
                id: "answers-file-only-comments", what: "an answers file of comments and blank lines",
                arguments: takeFromFile + ["$DIR/a.txt"], files: [file("a.txt", "# shift of 3 March\n\n  \n")],
                exit: 65, message: "Error: $DIR/a.txt: no answers…", savedResults: 0),
            BadInput(
                id: "answers-from-empty-stdin", what: "--answers-file /dev/stdin with nothing piped in",
                arguments: takeFromFile + ["/dev/stdin"], exit: 65, message: "Error: …: no answers…",
                savedResults: 0),
            BadInput(
                id: "answers-file-empty-fifo", what: "--answers-file that is a FIFO closed with nothing written",
                arguments: takeFromFile + ["$DIR/a"], exit: 65, message: "Error: $DIR/a: no answers…",
                setup: [.fedFifo("a", "")], savedResults: 0),
        ]
    }

    static let aiken = "Q?\nA. Yes\nB) No\nANSWER: A\n\nR?\nA. Up\nB. Down\nANSWER: B\n"
    static let gift = "::q1::A customer is upset. What first? {\n=Name the feeling.\n~Quote policy.\n}\n"

    static var lineEndCases: [BadInput] {
        [
            BadInput(
                id: "answers-file-trailing-spaces", what: "an answers file with trailing spaces and tabs",
                arguments: takeFromFile + ["$DIR/a.txt"],
                files: [file("a.txt", answersFile(lineEnd: "  \t\n"))], exit: 0, message: "Saved $DIR/results/…",
                stdoutContains: [allThrees]),
            BadInput(
                id: "piped-answers-trailing-spaces", what: "answers piped one a line with trailing spaces",
                arguments: ["take", "shift-checkin"] + store, stdin: String(repeating: "3   \n", count: 10) + "\n",
                exit: 0, message: "Saved $DIR/results/…", stdoutContains: [allThrees]),
            // The import summary is wrapped to the width: a long path goes on a line of its own.
            BadInput(
                id: "aiken-crlf", what: "an Aiken file with Windows (CRLF) line ends",
                arguments: ["import", "aiken", "$DIR/q.aiken", "--area", "empathy"],
                files: [file("q.aiken", aiken.replacingOccurrences(of: "\n", with: "\r\n"))], exit: 0,
                message: "Imported 2 questions from…", stdoutExcludes: ["\\r"]),
            BadInput(
                id: "aiken-bom", what: "an Aiken file starting with a UTF-8 BOM",
                arguments: ["import", "aiken", "$DIR/q.aiken", "--area", "empathy"],
                files: [file("q.aiken", "\u{FEFF}" + aiken)], exit: 0,
                message: "Imported 2 questions from…", stdoutExcludes: ["\u{FEFF}"]),
            BadInput(
                id: "gift-crlf", what: "a GIFT file with Windows (CRLF) line ends",
                arguments: ["import", "gift", "$DIR/b.gift", "--area", "empathy"],
                files: [file("b.gift", gift.replacingOccurrences(of: "\n", with: "\r\n"))], exit: 0,
                message: "Imported 1 question from…", stdoutExcludes: ["\\r"]),
        ]
    }

    static var outputCases: [BadInput] {
        [
            BadInput(
                id: "output-inside-results", what: "--output into the store's results folder",
                arguments: reportTester + ["--output", "$DIR/results/report.txt"], files: [good], exit: 73,
                message: "Error: …is inside the store…", savedResults: 1),
            BadInput(
                id: "output-over-a-stored-result", what: "--output naming a stored result",
                arguments: reportTester + ["--output", "$DIR/results/good.json"], files: [good], exit: 73,
                message: "Error: …is inside the store…", fileContains: [("results/good.json", "\"format\" : 1")]),
            BadInput(
                id: "output-over-targets", what: "--output naming the store's targets.json",
                arguments: reportTester + ["--output", "$DIR/targets.json"], files: [good], exit: 73,
                message: "Error: …is inside the store…"),
            BadInput(
                id: "take-output-inside-store", what: "take with --output inside the store",
                arguments: takeTen + ["--output", "$DIR/results/r.txt"], exit: 73,
                message: "Error: …is inside the store…"),
            BadInput(
                id: "output-to-dev-stdout", what: "--output /dev/stdout",
                arguments: ["report", "$DIR/r.json", "--output", "/dev/stdout"], files: [("r.json", validResult)],
                exit: 0, message: "…", stdoutContains: [allThrees]),
            BadInput(
                id: "output-replaces-a-file", what: "--output naming an existing file (replaced whole)",
                arguments: ["report", "$DIR/r.json", "--output", "$DIR/out.txt"],
                files: [("r.json", validResult), file("out.txt", String(repeating: "old report\n", count: 500))],
                exit: 0, message: "Wrote $DIR/out.txt", fileContains: [("out.txt", allThrees)],
                fileExcludes: [("out.txt", "old report")]),
            BadInput(
                id: "stdout-full", what: "standard output on a full disk (/dev/full)", arguments: ["list"], exit: 74,
                message: "Error: standard output: …", output: .redirected("/dev/full")),
            BadInput(
                id: "report-stdout-full", what: "a report to a full disk (/dev/full)",
                arguments: ["report", "$DIR/r.json"], files: [("r.json", validResult)], exit: 74,
                message: "Error: standard output: …", output: .redirected("/dev/full")),
            BadInput(
                id: "stdout-closed", what: "standard output closed", arguments: ["list"], exit: 74,
                message: "Error: standard output…", output: .closed),
            BadInput(
                id: "results-folder-is-a-file", what: "a store whose results folder is a file (report)",
                arguments: reportTester, files: [file("results", "x")], exit: 74, message: "Error: …"),
            BadInput(
                id: "results-folder-is-a-file-history", what: "a store whose results folder is a file (history)",
                arguments: historyTester, files: [file("results", "x")], exit: 74, message: "Error: …"),
            BadInput(
                id: "results-folder-is-a-file-class", what: "a store whose results folder is a file (class)",
                arguments: ["class"] + store, files: [file("results", "x")], exit: 74, message: "Error: …"),
        ]
    }

    /// Results with a number no score can have: `report FILE` rejects them, the store skips them.
    static var damagedNumbers: [(id: String, what: String, data: Data)] {
        [
            (
                "area-score-1e300", "an area score of 1e300",
                changed(validResult, [("\"score\" : 50", "\"score\" : 1e300")])
            ),
            ("max-points-zero", "a maxPoints of 0", changed(validResult, [("\"maxPoints\" : 4", "\"maxPoints\" : 0")])),
            ("points-past-float", "points of 1e39", changed(validResult, [("\"points\" : 2", "\"points\" : 1e39")])),
            (
                "option-count-negative", "an optionCount of -1",
                changed(validQuiz, [("\"optionCount\" : 4", "\"optionCount\" : -1")])
            ),
            (
                "option-count-huge", "an optionCount of 1000000",
                changed(validQuiz, [("\"optionCount\" : 4", "\"optionCount\" : 1000000")])
            ),
            ("year-zero", "taken in year 0", takenIn(year: "0000")),
        ]
    }

    static var numberCases: [BadInput] {
        let commands = [reportTester, historyTester, ["class"] + store]
        return damagedNumbers.map { damaged in
            BadInput(
                id: "\(damaged.id)-report-file", what: "a result with \(damaged.what)",
                arguments: ["report", "$DIR/r.json"], files: [("r.json", damaged.data)], exit: 65,
                message: "Error: $DIR/r.json: …")
        }
            + damagedNumbers.flatMap { damaged in commands.map { (damaged, $0) } }.map { damaged, command in
                // Every reader of the store meets every damaged file: one bad file must not stop any.
                BadInput(
                    id: "\(damaged.id)-in-store-\(command[0])",
                    what: "a result with \(damaged.what) in the store (\(command[0]))",
                    arguments: command,
                    files: [(good.0, sameQuestionnaire(as: damaged.data)), ("results/odd.json", damaged.data)],
                    exit: 0,
                    message: "warning: skipped $DIR/results/odd.json…")
            }
            + [
                BadInput(
                    id: "deep-nesting-in-store", what: "a result nested 300,000 levels deep in the store (class)",
                    arguments: ["class"] + store, files: [good, ("results/odd.json", deepNesting)], exit: 0,
                    message: "warning: skipped $DIR/results/odd.json…"),
                BadInput(
                    id: "deep-nesting-report-file", what: "a result nested 300,000 levels deep",
                    arguments: ["report", "$DIR/r.json"], files: [("r.json", deepNesting)], exit: 65,
                    message: "Error: $DIR/r.json: …"),
                BadInput(
                    id: "deep-nesting-in-export-folder", what: "a result nested 300,000 levels deep (export)",
                    arguments: ["export", "$DIR/c"],
                    files: [("c/good.json", validResult), ("c/odd.json", deepNesting)],
                    exit: 0, message: "warning: skipped $DIR/c/odd.json…"),
            ]
    }

    /// A good result of the damaged one's questionnaire, so the store holds one questionnaire
    /// and the first line on stderr is the warning, not the choice of questionnaire.
    static func sameQuestionnaire(as damaged: Data) -> Data {
        String(decoding: damaged, as: UTF8.self).contains("scenario-quiz") ? validQuiz : validResult
    }

    static let deepNesting = Data(
        (#"{"format":1,"answers":"# + String(repeating: "[", count: 300_000) + String(repeating: "]", count: 300_000)
            + "}").utf8)

    /// JSON that a lenient reader might take: every reader must refuse it alike.
    static var notQuiteJSON: [(id: String, what: String, data: Data)] {
        [
            ("trailing-bytes", "trailing bytes after the JSON", validResult + Data("\n}garbage".utf8)),
            (
                "raw-control-character", "a raw control character in a string",
                changed(validResult, [("\"person\" : \"tester\"", "\"person\" : \"tes\u{01}ter\"")])
            ),
            (
                "invalid-utf8", "invalid UTF-8 in a string", invalidUTF8
            ),
            (
                "leading-zero", "a number with a leading zero",
                changed(validResult, [("\"format\" : 1", "\"format\" : 01")])
            ),
        ]
    }

    /// The person's name with the bytes C3 28: a lead byte followed by no continuation byte.
    static var invalidUTF8: Data {
        var data = person("t@@ster")
        let marker = data.range(of: Data("@@".utf8))!
        data.replaceSubrange(marker, with: [0xC3, 0x28])
        return data
    }

    static var strictReaderCases: [BadInput] {
        notQuiteJSON.map { bad in
            BadInput(
                id: "\(bad.id)-report-file", what: "a result with \(bad.what)", arguments: ["report", "$DIR/r.json"],
                files: [("r.json", bad.data)], exit: 65, message: "Error: $DIR/r.json: …")
        }
            + notQuiteJSON.map { bad in
                BadInput(
                    id: "\(bad.id)-class", what: "a result with \(bad.what) in a class folder",
                    arguments: ["class", "$DIR/c"], files: [("c/good.json", validResult), ("c/odd.json", bad.data)],
                    exit: 0, message: "warning: skipped $DIR/c/odd.json…", stdoutContains: ["1 participant"])
            }
    }

    static let int64Scale = questionnaire(rating) {
        $0.replacingOccurrences(of: "\"id\":\"t\"", with: "\"id\":\"huge\"").replacingOccurrences(
            of: "\"min\":1,\"max\":5", with: "\"min\":-9223372036854775807,\"max\":9223372036854775807")
    }

    static func targets(_ json: String) -> (String, Data) {
        file("targets.json", #"{"format":1,"people":{"tester":{"# + json + "}}}")
    }

    static var targetsCases: [BadInput] {
        [
            BadInput(
                id: "int64-scale-list", what: "a store questionnaire with a scale near Int64's limits (list)",
                arguments: ["list"] + store, files: [("questionnaires/huge.json", int64Scale)], exit: 0,
                message: "warning: skipped $DIR/questionnaires/huge.json…", stdoutContains: ["shift-checkin"]),
            BadInput(
                id: "int64-scale-take-builtin",
                what: "a store questionnaire with a scale near Int64's limits (take a built-in)",
                arguments: takeTen, files: [("questionnaires/huge.json", int64Scale)], exit: 0,
                message: "warning: skipped $DIR/questionnaires/huge.json…", savedResults: 1),
            BadInput(
                id: "int64-scale-show-builtin",
                what: "a store questionnaire with a scale near Int64's limits (show a built-in)",
                arguments: ["show", "shift-checkin"] + store, files: [("questionnaires/huge.json", int64Scale)],
                exit: 0, message: "warning: skipped $DIR/questionnaires/huge.json…"),
            BadInput(
                id: "target-1e300", what: "a target of 1e300 in targets.json", arguments: reportTester,
                files: [good, targets(#""empathy":1e300"#)], exit: 0, message: "warning: …",
                stdoutContains: [allThrees]),
            BadInput(
                id: "target-negative", what: "a negative target in targets.json", arguments: reportTester,
                files: [good, targets(#""empathy":-20"#)], exit: 0, message: "warning: …",
                stdoutContains: [allThrees]),
            BadInput(
                id: "target-unknown-area", what: "a target for an unknown area in targets.json",
                arguments: reportTester, files: [good, targets(#""empathyy":70"#)], exit: 0, message: "warning: …",
                stdoutContains: [allThrees]),
        ]
    }

    static var peopleAndDateCases: [BadInput] {
        [
            BadInput(
                id: "name-case-folding-history", what: "history --name STRAUSS for results of Strauß",
                arguments: ["history", "--store", "$DIR", "--name", "STRAUSS"],
                files: [("results/s.json", person("Strauß"))], exit: 0, message: "",
                stdoutContains: ["After-shift check-in"]),
            BadInput(
                id: "name-case-folding-class", what: "class over results of Strauß and STRAUSS (one person)",
                arguments: ["class", "$DIR/c"],
                files: [("c/a.json", person("Strauß")), ("c/b.json", person("STRAUSS"))], exit: 0, message: "",
                stdoutContains: ["1 participant"]),
            BadInput(
                id: "clock-year-zero", what: "SKILLS_NOW in year 0", arguments: takeTen,
                environment: ["SKILLS_NOW": "0000-01-01T00:00:00Z"], exit: 64, message: "Error: SKILLS_NOW: …",
                savedResults: 0),
            BadInput(
                id: "clock-30-february", what: "SKILLS_NOW on 30 February", arguments: takeTen,
                environment: ["SKILLS_NOW": "2026-02-30T10:00:00Z"], exit: 64, message: "Error: SKILLS_NOW: …",
                savedResults: 0),
            BadInput(
                id: "since-30-february", what: "--since 30 February",
                arguments: historyTester + ["--since", "2026-02-30"],
                exit: 64, message: "Error: --since…"),
        ]
    }

    static let forgedName = "results/odd\nError: forged.json"

    static var terminalCases: [BadInput] {
        [
            BadInput(
                id: "escape-in-result-file-name", what: "a damaged result whose file name holds an escape",
                arguments: reportTester, files: [good, ("results/odd\u{1B}[31m.json", Data("{".utf8))], exit: 0,
                message: "warning: skipped $DIR/results/odd^[[31m.json…"),
            BadInput(
                id: "forged-error-in-file-name", what: "a damaged result whose file name forges an Error: line",
                arguments: reportTester, files: [good, (forgedName, Data("{".utf8))], exit: 0,
                message: "warning: skipped $DIR/results/odd^JError: forged.json…", forgedLine: "Error: forged"),
            BadInput(
                id: "forged-error-in-file-name-class", what: "a forged Error: line in a file name (class)",
                arguments: ["class"] + store, files: [good, (forgedName, Data("{".utf8))], exit: 0,
                message: "warning: skipped $DIR/results/odd^JError: forged.json…", forgedLine: "Error: forged"),
            BadInput(
                id: "escape-in-questionnaire-id", what: "a questionnaire problem about an id holding an escape",
                arguments: ["take", "$DIR/q.json"],
                files: [("q.json", questionnaire(rating.replacingOccurrences(of: "\"r1\"", with: #""r1\u001b[31m""#)))],
                exit: 65, message: "Error: $DIR/q.json: …"),
            BadInput(
                id: "newline-in-questionnaire-id", what: "an item id holding a newline and a forged Error: line",
                arguments: ["take", "$DIR/q.json"],
                files: [
                    ("q.json", questionnaire(rating.replacingOccurrences(of: "\"r1\"", with: #""r1\nError: forged""#)))
                ],
                exit: 65, message: "Error: $DIR/q.json: …", forgedLine: "Error: forged"),
            BadInput(
                id: "validate-escapes-and-newlines", what: "validate on a questionnaire with escapes and newlines",
                arguments: ["validate", "$DIR/q.json"],
                files: [
                    (
                        "q.json",
                        questionnaire(
                            [rating, rating].joined(separator: ",").replacingOccurrences(
                                of: "\"r1\"", with: #""r1\u001b]0;owned\u0007\nError: forged""#))
                    )
                ],
                exit: 1, message: "", stdoutExcludes: ["\u{1B}", "\u{07}"], forgedLine: "Error: forged"),
            BadInput(
                id: "csv-on-a-terminal", what: "CSV export to a terminal of a name holding an escape",
                arguments: ["export", "--format", "csv"] + store,
                environment: ["NO_COLOR": "1"], files: [("results/a.json", person(#"Ana\u001b[31m"#))], exit: 0,
                message: "",
                output: .terminal, stdoutExcludes: ["\u{1B}"]),
            BadInput(
                id: "bidi-in-html", what: "an HTML report of a name with a right-to-left override",
                arguments: ["report", "$DIR/r.json", "--format", "html"],
                files: [("r.json", person("Ana\u{202E}lanoitan"))], exit: 0, message: "",
                stdoutContains: ["<html"], stdoutExcludes: ["\u{202E}"]),
        ]
    }
}
