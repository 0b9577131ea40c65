import Foundation
import Testing

/// `remove` and `add`, `import --add`, `validate` listing every problem, and GIFT banks as
/// Moodle exports them: the real binary with a temporary store.
@Suite struct StoreOperationsTests {
    let store = SkillsBinary.temporaryFolder()
    var results: URL { store.appendingPathComponent("results") }
    var removed: URL { store.appendingPathComponent("removed") }

    func skills(_ arguments: [String], stdin: String = "", environment: [String: String] = [:]) throws -> SkillsRun {
        try SkillsBinary.run(arguments + ["--store", store.path], stdin: stdin, environment: environment)
    }

    /// A check-in by Ana at `time`, with every answer `answer`; returns the file's name without .json.
    func checkIn(at time: String, answer: Int) throws -> String {
        let answers = Array(repeating: "\(answer)", count: 10).joined(separator: ",")
        let run = try skills(
            ["take", "shift-checkin", "--name", "Ana", "--answers", answers], environment: ["SKILLS_NOW": time])
        #expect(run.status == 0, "\(run.stderr)")
        let saved = run.stderrLines.first { $0.hasPrefix("Saved ") } ?? ""
        return URL(fileURLWithPath: String(saved.dropFirst("Saved ".count))).deletingPathExtension().lastPathComponent
    }

    func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }
            .sorted()
    }

    // MARK: remove

    @Test func aRemovedResultIsCountedByNoCommandAndUndoBringsItBack() throws {
        _ = try checkIn(at: "2026-11-20T10:00:00Z", answer: 4)
        let mistake = try checkIn(at: "2026-11-21T10:00:00Z", answer: 1)
        #expect(try skills(["history", "--name", "Ana", "--format", "csv"]).stdout.contains("2026-11-21"))

        let run = try skills(["remove", mistake, "--yes"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Undo with 'skills remove --undo \(mistake)'"))
        #expect(names(in: results).count == 1)
        #expect(names(in: removed) == [mistake + ".json"])

        let history = try skills(["history", "--name", "Ana", "--format", "csv"]).stdout
        #expect(!history.contains("2026-11-21") && history.contains("2026-11-20"))
        let report = try skills(["report", "--name", "Ana", "--format", "json"]).stdout
        #expect(report.contains("2026-11-20") && !report.contains("2026-11-21"))
        let export = try skills(["export", "--format", "csv"]).stdout
        #expect(!export.contains("2026-11-21") && export.contains("2026-11-20"))
        let summary = try skills(["class", results.path, "--format", "json"])
        #expect(summary.status == 0)
        #expect(!summary.stdout.contains("2026-11-21"))

        let undo = try skills(["remove", "--undo", mistake])
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(names(in: results).count == 2)
        #expect(names(in: removed).isEmpty)
        #expect(try skills(["history", "--name", "Ana", "--format", "csv"]).stdout.contains("2026-11-21"))
    }

    @Test func theSavedPathAndTheNameWithJSONAreAcceptedToo() throws {
        let first = try checkIn(at: "2026-11-20T10:00:00Z", answer: 3)
        let second = try checkIn(at: "2026-11-21T10:00:00Z", answer: 3)
        #expect(try skills(["remove", results.appendingPathComponent(first + ".json").path, "--yes"]).status == 0)
        #expect(try skills(["remove", second + ".json", "--yes"]).status == 0)
        #expect(names(in: results).isEmpty)
        #expect(names(in: removed).count == 2)
    }

    @Test func aTimeAsHistoryShowsItNamesTheResult() throws {
        let name = try checkIn(at: "2026-11-20T10:00:00Z", answer: 3)
        #expect(try skills(["history", "--name", "Ana"]).stdout.contains("2026-11-20 10:00"))
        let byUTC = try skills(["remove", "2026-11-20 10:00 UTC", "--yes"])
        #expect(byUTC.status == 0, "\(byUTC.stderr)")
        #expect(names(in: removed) == [name + ".json"])
        #expect(try skills(["remove", "--undo", name]).status == 0)
        // Without a zone, the time is read in TZ's: 11:00 in Paris is 10:00 UTC in November.
        let local = try skills(["remove", "2026-11-20 11:00", "--yes"], environment: ["TZ": "Europe/Paris"])
        #expect(local.status == 0, "\(local.stderr)")
        #expect(try skills(["remove", "--undo", name]).status == 0)
        let missing = try skills(["remove", "2026-11-20 10:01 UTC", "--yes"])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("see 'skills history --name Ana'"))
        let badZone = try skills(["remove", "2026-11-20 10:00 Mars/Base", "--yes"])
        #expect(badZone.status == 64)
        #expect(badZone.stderr.contains("'Mars/Base' is not a time zone"))
        // Two results in one minute: the time cannot choose, so the files are named.
        let twin = try checkIn(at: "2026-11-20T10:00:30Z", answer: 4)
        let both = try skills(["remove", "2026-11-20 10:00 UTC", "--yes"])
        #expect(both.status == 64)
        #expect(both.stderr.contains(name) && both.stderr.contains(twin))
        #expect(names(in: results).count == 2)
    }

    @Test func refusalsLeaveEveryFileWhereItWas() throws {
        let name = try checkIn(at: "2026-11-20T10:00:00Z", answer: 3)
        let outside = try skills(["remove", "/etc/passwd", "--yes"])
        #expect(outside.status == 64)
        let dotDot = try skills(["remove", "../results/\(name)", "--yes"])
        #expect(dotDot.status == 64)
        let notResult = results.appendingPathComponent("notes.json")
        try Data("{\"hello\": 1}".utf8).write(to: notResult)
        let stray = try skills(["remove", "notes", "--yes"])
        #expect(stray.status == 65)
        #expect(stray.stderrLines.count == 1)
        #expect(FileManager.default.fileExists(atPath: notResult.path))
        let unasked = try skills(["remove", name])
        #expect(unasked.status == 64)
        #expect(unasked.stderr.contains("add --yes"))
        #expect(names(in: results).count == 2)

        #expect(try skills(["remove", name, "--yes"]).status == 0)
        let twice = try skills(["remove", name, "--yes"])
        #expect(twice.status == 66)
        #expect(twice.stderr.contains("already in removed/"))

        // The same name back in results/ (copied in by hand): undo must not replace it.
        let original = removed.appendingPathComponent(name + ".json")
        try FileManager.default.copyItem(at: original, to: results.appendingPathComponent(name + ".json"))
        try Data("changed".utf8).write(to: results.appendingPathComponent(name + ".json"))
        let undo = try skills(["remove", "--undo", name])
        #expect(undo.status == 73)
        #expect(try String(contentsOf: results.appendingPathComponent(name + ".json"), encoding: .utf8) == "changed")
        #expect(FileManager.default.fileExists(atPath: original.path))
    }

    @Test func atATerminalRemoveAsksAndNoKeepsTheResult() throws {
        let name = try checkIn(at: "2026-11-20T10:00:00Z", answer: 3)
        func onTerminal(typing: String) throws -> SkillsRun {
            let command = [SkillsBinary.url.path, "remove", name, "--store", store.path].map { "'\($0)'" }
                .joined(separator: " ")
            return try SkillsBinary.run(
                ["-qec", command, "/dev/null"], stdin: typing, environment: ["TERM": "xterm", "TZ": "Europe/Paris"],
                executable: URL(fileURLWithPath: "/usr/bin/script"))
        }
        let kept = try onTerminal(typing: "\n")
        #expect(kept.status == 0)
        // 10:00 UTC is 11:00 in Paris in November. All threes on a 1–5 scale: (3 − 1) / 4 = 50,
        // and a reverse-keyed 3 is (5 + 1) − 3 = 3, 50 too; every area 50, so the overall is 50.
        #expect(
            kept.stdout.contains(
                "Remove \(name) (Ana, shift-checkin, taken 2026-11-20 11:00 CET, overall 50)? (y/N)"))
        #expect(kept.stdout.contains("Kept \(name)"))
        #expect(names(in: results).count == 1)
        let gone = try onTerminal(typing: "y\n")
        #expect(gone.status == 0)
        #expect(names(in: results).isEmpty)
        #expect(names(in: removed) == [name + ".json"])
    }

    // MARK: add and import --add

    static let quiz = """
        {"format": 1, "id": "phone-basics", "version": "1.0", "title": "Phone basics", "kind": "quiz",
         "items": [{"id": "p1", "type": "choice", "area": "listening", "text": "A caller is angry. First?",
           "source": "trainer notes#Calls", "options": [{"text": "Let them finish", "correct": true},
           {"text": "Interrupt with the fix"}], "explanation": "Listen first."}]}
        """

    func write(_ text: String, as name: String) throws -> String {
        let url = SkillsBinary.temporaryFolder().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func addInstallsAQuestionnaireThatListAndTakeThenFind() throws {
        let file = try write(Self.quiz, as: "phone.json")
        let added = try skills(["add", file])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stderr.contains("Take it with 'skills take phone-basics'"))
        #expect(names(in: store.appendingPathComponent("questionnaires")) == ["phone-basics.json"])
        #expect(
            try Data(contentsOf: store.appendingPathComponent("questionnaires/phone-basics.json"))
                == Data(Self.quiz.utf8))
        #expect(try skills(["list"]).stdout.contains("phone-basics"))
        let taken = try skills(["take", "phone-basics", "--answers", "A", "--name", "Ana"])
        #expect(taken.status == 0, "\(taken.stderr)")

        let again = try skills(["add", file])
        #expect(again.status == 0)
        #expect(again.stderr.contains("already installed"))

        let newer = try write(
            Self.quiz.replacingOccurrences(of: "\"1.0\"", with: "\"1.1\"").replacingOccurrences(
                of: "First?", with: "What first?"), as: "phone.json")
        let refused = try skills(["add", newer])
        #expect(refused.status == 73)
        #expect(refused.stderr.contains("(version 1.0) is installed; add --replace to replace it with version 1.1"))
        let replaced = try skills(["add", newer, "--replace"])
        #expect(replaced.status == 0)
        #expect(replaced.stderr.contains("Replaced phone-basics version 1.0 with version 1.1"))
        #expect(try skills(["show", "phone-basics"]).stdout.contains("What first?"))
    }

    @Test func addRefusesABuiltInIdAndAnInvalidFile() throws {
        let builtin = try write(
            Self.quiz.replacingOccurrences(of: "phone-basics", with: "shift-checkin"), as: "mine.json")
        let clash = try skills(["add", builtin])
        #expect(clash.status == 65)
        #expect(
            clash.stderrLines == [
                "Error: \(builtin): id 'shift-checkin' is a built-in questionnaire's; expected an id of its own, "
                    + "such as 'shift-checkin-team'"
            ])
        let broken = try write(Self.quiz.replacingOccurrences(of: "\"listening\"", with: "\"listning\""), as: "b.json")
        let invalid = try skills(["add", broken])
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("items[0] (p1).area: unknown area 'listning'"))
        #expect(names(in: store.appendingPathComponent("questionnaires")).isEmpty)
        #expect(try skills(["add", "/nowhere/q.json"]).status == 66)
    }

    @Test func importAddInstallsTheImportedBank() throws {
        let bank = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/moodle-export.gift")
        let run = try skills(["import", "gift", bank.path, "--add"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("Added moodle-export (version 1.0)"))
        #expect(try skills(["list"]).stdout.contains("moodle-export"))
        #expect(try skills(["import", "gift", bank.path, "--add"]).stderr.contains("already installed"))
    }

    @Test func importAtATerminalPointsToAddAndPipedItDoesNot() throws {
        let bank = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/moodle-export.gift")
        let command = [SkillsBinary.url.path, "import", "gift", bank.path, "--store", store.path].map { "'\($0)'" }
            .joined(separator: " ")
        let terminal = try SkillsBinary.run(
            ["-qec", command, "/dev/null"], environment: ["TERM": "xterm"],
            executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(terminal.status == 0)
        #expect(terminal.stdout.contains("run 'skills import gift \(bank.path) --add'"))
        let piped = try skills(["import", "gift", bank.path])
        #expect(piped.status == 0)
        #expect(!piped.stderr.contains("--add"))
        #expect(piped.stdout.hasPrefix("{"))
    }

    // MARK: validate

    static let sevenMistakes = """
        {
          "format": 1, "id": "seven", "version": "1.0", "title": "Seven mistakes", "kind": "quiz",
          "minutes": "five",
          "items": [
            {"id": "a1", "type": "choice", "area": "listening", "text": "What first?", "source": "t#A",
             "options": [{"text": "Listen", "correct": "yes"}, {"text": "Talk"}], "explanation": "Listen."},
            {"id": "a2", "type": "choise", "area": "empathy", "text": "Then?", "source": "t#B"},
            {"id": "a3", "type": "choice", "area": "empathy", "text": "And?", "source": "t#C", "explaination": "x",
             "options": [{"text": "Yes", "correct": true}, {"text": "No"}], "explanation": "Because."},
            {"id": "a4", "type": "choice", "area": "communicating", "source": "t#D",
             "options": [{"text": "One", "correct": true}, {"text": "Two"}], "explanation": "One."},
            {"id": 5, "type": "choice", "area": "listening", "text": "Five?", "source": "t#E",
             "options": [{"text": "Yes", "correct": true}, {"text": "No"}], "explanation": "Five."},
            {"id": "a6", "type": "choice", "area": "listning", "text": "Six?", "source": "t#F",
             "options": [{"text": "Yes", "correct": true}, {"text": "No"}], "explanation": "Six."}
          ]
        }
        """

    @Test func validateListsSevenMistakesOfDifferentFamiliesInOneRun() throws {
        let file = try write(Self.sevenMistakes, as: "seven.json")
        let run = try skills(["validate", file])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        // One line per mistake, each with the file and the JSON path, in the order of the
        // three passes: unknown fields, kinds of value, then meaning.
        #expect(
            lines == [
                "\(file): items[2].explaination: unknown field 'explaination' (did you mean 'explanation'?); expected "
                    + "one of id, type, area, text, source, reverse, scale, options, explanation, actions, help",
                "\(file): items[0].options[0].correct: expected true or false; found the text \"yes\" (write true or "
                    + "false without quotes)",
                "\(file): items[1].type: expected one of 'rating', 'choice', 'reflection', 'level'; found 'choise' "
                    + "(did you mean 'choice'?)",
                "\(file): items[4].id: expected text in quotes; found the number 5",
                "\(file): minutes: expected a whole number; found the text \"five\"",
                "\(file): items[3] (a4).text: missing or empty; expected the question or statement",
                "\(file): items[5] (a6).area: unknown area 'listning' (did you mean 'listening'?); expected one of "
                    + "listening, anticipating-needs, communicating, empathy, above-and-beyond",
            ])
    }

    // MARK: GIFT as Moodle writes it

    @Test func aMoodleExportImportsAsPlainText() throws {
        // Fixture written in the shape of Moodle 4.x's GIFT export (question/format/gift/format.php,
        // writequestion and repchar): a "// question:" comment before each question, "$CATEGORY:" paths
        // with "$course$/top/…", names and texts with : # = { } ~ escaped by a backslash (inside HTML
        // too), line breaks as \n, [html] or [markdown] marked on the question text only, answers tab-indented.
        let bank = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Fixtures/moodle-export.gift")
        let run = try skills(["import", "gift", bank.path])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let items = try #require(json?["items"] as? [[String: Any]])
        func texts(_ index: Int) -> [String] {
            ((items[index]["options"] as? [[String: Any]]) ?? []).map { $0["text"] as? String ?? "" }
        }
        func feedback(_ index: Int) -> [String?] {
            ((items[index]["options"] as? [[String: Any]]) ?? []).map { $0["feedback"] as? String }
        }
        #expect(
            items.map { $0["id"] as? String } == [
                "angry-caller-first-words", "ticket-42-urgent-done", "reflect", "two-right", "tags-as-typed",
            ])
        // "Empathy: the basics" names the area before its colon; "Listening/Week 2: calls" by its parent.
        #expect(items.map { $0["area"] as? String } == ["empathy", "empathy", "empathy", "listening", "listening"])
        // [html]: tags out (with attributes Moodle escaped: style\="text-align\: left;"), <p>…</p>\n<p> one
        // space, &#39; (written &\#39;) an apostrophe, \= and \: plain.
        #expect(items[0]["text"] as? String == "A caller says \"This is the third time!\" What do you say first?")
        #expect(
            texts(0) == [
                "\"I'm sorry you've had to call again = let me fix it now.\"", "\"Please calm down.\"",
                "\"Our system has been slow today.\"",
            ])
        #expect(feedback(0) == ["Right: you own the problem.", "Telling someone to calm down rarely works.", nil])
        #expect(items[0]["explanation"] as? String == "Acknowledge & act: that's the pattern.")
        #expect(items[0]["source"] as? String == "moodle-export.gift#Angry caller: first words")
        // [markdown]: **, _ and * emphasis out; an answer marked [moodle] of its own: &nbsp; a space.
        #expect(items[1]["text"] as? String == "When can you promise a call back? Only when you will make it.")
        #expect(items[1]["source"] as? String == "moodle-export.gift#Ticket #42 {urgent} ~ = done")
        #expect(
            texts(1) == [
                "When I will make the call myself", "When the customer asks for one again", "When my shift ends soon",
            ])
        #expect(feedback(1).first == "Yes: a promise you keep builds trust.")
        #expect(items[2]["type"] as? String == "reflection")
        #expect(items[2]["text"] as? String == "Which one thing will you try on your next shift?")
        // &lt; &gt; &quot; decoded; weights %50% and %-100% as two right answers.
        #expect(items[3]["text"] as? String == "Which two show you listened <really>?")
        #expect(texts(3).last == "Typing while they talk")
        #expect(texts(3)[2] == "Saying \"uh-huh\"")
        #expect(
            ((items[3]["options"] as? [[String: Any]]) ?? []).map { $0["correct"] as? Bool } == [true, true, nil, nil])
        // [plain]: tags kept as typed.
        #expect(items[4]["text"] as? String == "In a chat, typing <b>bold</b> shows the tags as typed: true?")
        #expect(feedback(4) == ["Right.", "Look again."])
    }
}
