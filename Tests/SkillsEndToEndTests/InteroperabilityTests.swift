import Foundation
import Testing

/// Coaching, question-bank import, xAPI export and shell completion, end to end.
@Suite struct InteroperabilityTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test func aGIFTBankImportsValidatesAndCanBeTakenAndReported() throws {
        let folder = SkillsBinary.temporaryFolder()
        let output = folder.appendingPathComponent("bank.json")
        let run = try SkillsBinary.run([
            "import", "gift", Self.fixtures.appendingPathComponent("bank.gift").path,
            "--id", "bank", "--title", "Question bank", "--output", output.path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        // the matching question on line 29 is reported and skipped, never dropped silently
        #expect(
            run.stderrLines.first?.hasSuffix("bank.gift: line 29: matching questions cannot be imported; skipped")
                == true)
        #expect(run.stderr.contains("Imported 6 questions"))
        #expect(try SkillsBinary.run(["validate", output.path]).status == 0)

        let show = try SkillsBinary.run(["show", output.path, "--format", "json"])
        let items =
            (try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as! [String: Any])["items"]
            as! [[String: Any]]
        #expect(
            items.map { $0["type"] as! String } == ["choice", "choice", "choice", "choice", "choice", "reflection"])
        #expect(
            items.map { $0["area"] as! String } == [
                "empathy", "empathy", "listening", "listening", "listening", "listening",
            ])

        // Round trip: take it with --answers, then report on it.
        let store = folder.appendingPathComponent("store").path
        let take = try SkillsBinary.run([
            "take", output.path, "--name", "Ana", "--store", store, "--answers", "A,AB,A,B,A,Practise patience",
        ])
        #expect(take.status == 0, "\(take.stderr)")
        #expect(take.stdout.contains("/ 100 · Role model"))
        #expect(take.stdout.contains("Overall 100 ±"))
        let wrong = try SkillsBinary.run([
            "take", output.path, "--name", "Ben", "--store", store, "--answers", "B,A,B,B,A",
        ])
        #expect(wrong.stdout.contains("Questions to review (3)"))  // q1 and q3 wrong, q2 half right
        let report = try SkillsBinary.run(["report", "--name", "Ana", "--store", store])
        #expect(report.stdout.contains("Practise patience"))
    }

    @Test func anAikenFileImportsWithAnAreaAndMalformedOnesExit65() throws {
        let file = Self.fixtures.appendingPathComponent("quiz.aiken").path
        let run = try SkillsBinary.run(["import", "aiken", file, "--area", "Empathy"])
        #expect(run.status == 0)
        let questionnaire = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect((questionnaire["items"] as! [Any]).count == 2)
        #expect(try SkillsBinary.run(["import", "aiken", file]).status == 64)  // no --area
        let broken = SkillsBinary.temporaryFolder().appendingPathComponent("broken.txt")
        try "Why?\nA. x\nB. y\nANSWER: E\n".write(to: broken, atomically: true, encoding: .utf8)
        let bad = try SkillsBinary.run(["import", "aiken", broken.path, "--area", "empathy"])
        #expect(bad.status == 65)
        #expect(bad.stderrLines == ["Error: \(broken.path): line 4: ANSWER 'E' is not one of the options A to B"])
    }

    @Test func xapiStatementsFollowTheSpecFieldByField() throws {
        let store = SkillsBinary.temporaryFolder().path
        // The form's key from the data, the last question skipped.
        let key = ClassTests.keyOf(form: "xapi")
        _ = try SkillsBinary.run(
            [
                "take", "scenario-quiz", "--name", "Ana", "--store", store, "--form", "xapi",
                "--answers", (Array(key.dropLast()) + ["-"]).joined(separator: ","),
            ], environment: ["SKILLS_NOW": "2026-11-20T10:00:00Z"])
        let run = try SkillsBinary.run([
            "export", "--store", store, "--format", "xapi", "--actor-homepage", "https://lms.example.org",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let statements = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [[String: Any]]
        #expect(statements.count == 15)  // one completed, 14 answered (the skipped question has none)
        var ids = Set<String>()
        for statement in statements {
            #expect(statement["version"] as? String == "1.0.3")
            let id = statement["id"] as! String
            #expect(UUID(uuidString: id) != nil)
            ids.insert(id)
            #expect(statement["timestamp"] as? String == "2026-11-20T10:00:00Z")
            let actor = statement["actor"] as! [String: Any]
            #expect(actor["objectType"] as? String == "Agent")
            #expect(actor["mbox"] == nil)  // exactly one identifier
            #expect((actor["account"] as? [String: String]) == ["homePage": "https://lms.example.org", "name": "Ana"])
            let verb = statement["verb"] as! [String: Any]
            let object = statement["object"] as! [String: Any]
            #expect(object["objectType"] as? String == "Activity")
            let result = statement["result"] as! [String: Any]
            if let score = result["score"] as? [String: Double] {
                let (scaled, raw, min, max) = (score["scaled"]!, score["raw"]!, score["min"]!, score["max"]!)
                #expect(min < max && raw >= min && raw <= max && scaled >= -1 && scaled <= 1)
                #expect(abs(scaled - raw / max) < 1e-12)
            }
            if verb["id"] as? String == "http://adlnet.gov/expapi/verbs/completed" {
                #expect(object["id"] as? String == "urn:skills:questionnaire:scenario-quiz")
                #expect(result["completion"] as? Bool == true)
            } else {
                #expect(verb["id"] as? String == "http://adlnet.gov/expapi/verbs/answered")
                #expect((object["id"] as? String)?.hasPrefix("urn:skills:questionnaire:scenario-quiz:item:q-") == true)
                let parent =
                    ((statement["context"] as? [String: Any])?["contextActivities"] as? [String: Any])?["parent"]
                    as? [[String: String]]
                #expect(parent?.first?["id"] == "urn:skills:questionnaire:scenario-quiz")
            }
        }
        #expect(ids.count == 15)
        let first = statements[1]["result"] as! [String: Any]
        #expect(first["success"] as? Bool == true)
        #expect(first["response"] as? String == key[0])
        // The same export again gives the same statement ids, so a store can drop duplicates.
        let again = try SkillsBinary.run([
            "export", "--store", store, "--format", "xapi", "--actor-homepage", "https://lms.example.org",
        ])
        #expect(again.stdout == run.stdout)
    }

    @Test func xapiNeverInventsAnActor() throws {
        let store = SkillsBinary.temporaryFolder().path
        for name in ["Ana", "Ben"] {
            _ = try SkillsBinary.run([
                "take", "shift-checkin", "--name", name, "--store", store, "--answers", "3,3,3,3,3,3,3,3,3,3",
            ])
        }
        let none = try SkillsBinary.run(["export", "--store", store, "--format", "xapi"])
        #expect(none.status == 64)
        #expect(
            none.stderrLines.first
                == "Error: xapi needs to know who people are on your platform: give --actor-homepage URL or "
                + "--actor-mbox mailto:…"
        )
        #expect(
            try SkillsBinary.run([
                "export", "--store", store, "--format", "xapi", "--actor-mbox", "mailto:ana@example.org",
            ]).status == 64)
        let one = try SkillsBinary.run([
            "export", "--store", store, "--name", "Ana", "--format", "xapi", "--actor-mbox", "mailto:ana@example.org",
        ])
        #expect(one.status == 0)
        let actor =
            (try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as! [[String: Any]])[0]["actor"]
            as! [String: Any]
        #expect(actor["mbox"] as? String == "mailto:ana@example.org")
        #expect(actor["account"] == nil)
        #expect(
            try SkillsBinary.run(["export", "--store", store, "--format", "xapi", "--actor-mbox", "ana@example.org"])
                .status == 64)
        #expect(
            try SkillsBinary.run(["export", "--store", store, "--format", "xapi", "--actor-homepage", "lms"]).status
                == 64)
    }

    @Test func aCoachObservationIsComparedWithTheSelfAssessment() throws {
        let store = SkillsBinary.temporaryFolder().path
        // Self-assessment: listening all at the top (reverse items 5 and 6 answered 1) → 100;
        // empathy at the bottom → 0; the rest 3s → 50.
        let own = "5,5,5,5,1,1," + "3,3,3,3,3,3," + "3,3,3,3,3,3," + "1,1,1,1,5,5," + "3,3,3,3,3,3"
        #expect(
            try SkillsBinary.run(["take", "self-assessment", "--name", "Ana", "--store", store, "--answers", own])
                .status == 0)
        let needsName = try SkillsBinary.run([
            "take", "coach-observation", "--store", store, "--answers", "2,,2,,2,,2,,2,",
        ])
        #expect(needsName.status == 64)
        let coach = try SkillsBinary.run([
            "take", "coach-observation", "--name", "Ana", "--rater", "Sam", "--store", store,
            "--answers", "2,Talked over the caller twice,2,,2,,4,Named the feeling every time,2,",
        ])
        #expect(coach.status == 0, "\(coach.stderr)")
        #expect(coach.stdout.contains("rated by Sam"))
        // Wide enough for the table with every finding spelled out (at 80 it is told more briefly).
        let run = try SkillsBinary.run(["compare", "--name", "Ana", "--store", store], environment: ["COLUMNS": "120"])
        #expect(run.status == 0, "\(run.stderr)")
        // Listening 100 (Role model, band 88–100) against the coach's Developing: a blind spot;
        // empathy 0 against Role model: a hidden strength; communicating Developing both: agreed.
        #expect(
            run.stdout.contains(
                "Listening               100 ±12  Role model  Developing   blind spot (you rate yourself higher)"))
        #expect(
            run.stdout.contains(
                "Empathy                   0 ±12  Beginning   Role model   hidden strength (you rate yourself lower)"))
        #expect(run.stdout.contains("Communicating            50 ±12  Developing  Developing   agreed"))
        #expect(run.stdout.contains("Listening: Talked over the caller twice"))
        let json =
            try JSONSerialization.jsonObject(
                with: Data(
                    try SkillsBinary.run(["compare", "--name", "Ana", "--store", store, "--format", "json"]).stdout.utf8
                )) as! [String: Any]
        #expect((json["actions"] as! [[String: Any]]).map { $0["area"] as! String } == ["listening", "listening"])
        let html = try SkillsBinary.run(["compare", "--name", "Ana", "--store", store, "--format", "html"])
        #expect(
            try XMLDocument(data: Data(html.stdout.utf8), options: []).nodes(forXPath: "//*[local-name()='svg']").count
                == 1)
        #expect(try SkillsBinary.run(["compare", "--name", "Zoe", "--store", store]).status == 66)
    }
}
