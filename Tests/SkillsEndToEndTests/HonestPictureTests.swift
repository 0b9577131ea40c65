import Foundation
import Testing

@testable import SkillsCore

/// Scores that are honest about their precision, seen from the outside: skipping never
/// pays, a change is a change only when it is more than measurement error, "not applicable"
/// works in every answer channel, doubtful answering is cautioned, and a self-rating is
/// compared with a coach's on the rubric's levels.
@Suite struct HonestPictureTests {
    func json(_ run: SkillsRun) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// A trainer's quiz: three empathy and three listening questions, A always right.
    static let quiz: String = {
        let question = { (id: String, area: String) in
            #"{"id":"\#(id)","type":"choice","area":"\#(area)","text":"Q \#(id)?","source":"own#Q","#
                + #""options":[{"text":"right","correct":true},{"text":"wrong"}],"explanation":"e"}"#
        }
        let items =
            ["e1", "e2", "e3"].map { question($0, "empathy") } + ["l1", "l2", "l3"].map { question($0, "listening") }
        return #"{"format":1,"id":"six","version":"1","title":"Six","kind":"quiz","items":["#
            + items.joined(separator: ",") + "]}"
    }()

    @Test func skippingNeverScoresBetterThanAnswering() throws {
        let folder = SkillsBinary.temporaryFolder()
        let file = folder.appendingPathComponent("six.json")
        try Self.quiz.write(to: file, atomically: true, encoding: .utf8)
        let take = { (answers: String) in
            try json(
                try SkillsBinary.run([
                    "take", file.path, "--no-save", "--format", "json", "--answers", answers, "--store", folder.path,
                ]))
        }
        // Skipping two empathy questions: 4 of 6 right = 66.7 (the empathy area has too few
        // answers, but the skipped questions still count as nothing earned).
        let skipped = try take("A,-,-,A,A,A")["overall"] as? Double
        // Answering them, one right: 5 of 6 = 83.3.
        let answered = try take("A,A,B,A,A,A")["overall"] as? Double
        #expect(abs((skipped ?? 0) - 400 / 6) < 1e-9)
        #expect(abs((answered ?? 0) - 500 / 6) < 1e-9)
        #expect((skipped ?? 100) < (answered ?? 0))
    }

    @Test func aOneStepChangeIsNotReliableAndBottomToTopIs() throws {
        let store = SkillsBinary.temporaryFolder()
        let checkIn = { (answers: String, day: Int) in
            try json(
                try SkillsBinary.run(
                    [
                        "take", "shift-checkin", "--name", "Ana", "--store", store.path, "--format", "json",
                        "--answers", answers,
                    ], environment: ["SKILLS_NOW": "2026-11-0\(day)T10:00:00Z"]))
        }
        // The bottom of every area answers the reverse-keyed statements 5 and the rest 1; the
        // top is the other way round.
        let shown = try json(try SkillsBinary.run(["show", "shift-checkin", "--format", "json"]))
        let items = try #require(shown["items"] as? [[String: Any]]).filter { $0["type"] as? String == "rating" }
        let reversed = Set(items.indices.filter { items[$0]["reverse"] as? Bool == true })
        let bottom = items.indices.map { reversed.contains($0) ? "5" : "1" }.joined(separator: ",")
        let top = items.indices.map { reversed.contains($0) ? "1" : "5" }.joined(separator: ",")
        _ = try checkIn(bottom, 1)
        let oneStep = try checkIn("2" + bottom.dropFirst(), 2)
        let listening = (oneStep["areas"] as? [[String: Any]])?.first { $0["area"] as? String == "listening" }
        #expect(listening?["change"] as? Double == 13)
        #expect(listening?["reliable"] as? Bool == false)
        let full = try checkIn(top, 3)
        let areas = try #require(full["areas"] as? [[String: Any]])
        #expect(areas.count == 5)
        for area in areas {
            #expect(area["change"] as? Double != nil)
            #expect(area["reliable"] as? Bool == true, "\(area["area"] ?? "")")
        }
        #expect((full["previous"] as? [String: Any])?["reliable"] as? Bool == true)
    }

    @Test func notApplicableIsAcceptedInEveryAnswerChannel() throws {
        let store = SkillsBinary.temporaryFolder()
        let base = ["take", "shift-checkin", "--name", "Ana", "--store", store.path, "--no-save", "--format", "json"]
        let list = try SkillsBinary.run(base + ["--answers", "n,n,3,3,3,3,3,3,3,3"])
        let file = store.appendingPathComponent("answers.txt")
        try "ci-listen-1: n/a\nci-listen-2: N\n".write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try SkillsBinary.run(base + ["--answers-file", file.path])
        let piped = try SkillsBinary.run(base, stdin: "n\nn\n3\n3\n3\n3\n3\n3\n3\n3\n")
        for run in [list, fromFile, piped] {
            #expect(run.status == 0, "\(run.stderr)")
            let listening = try (json(run)["areas"] as? [[String: Any]])?.first { $0["area"] as? String == "listening" }
            #expect(listening?["notApplicable"] as? Int == 2)
            #expect(listening?["items"] as? Int == 0)
            #expect(listening?["score"] == nil)
        }
        let text = try SkillsBinary.run(
            [
                "take", "shift-checkin", "--name", "Ana", "--store", store.path, "--no-save", "--answers",
                "n,n,3,3,3,3,3,3,3,3",
            ])
        #expect(text.stdout.contains("not applicable: none of its statements came up"))
        #expect(text.stdout.contains("(from 4 of 5 areas)"))
    }

    @Test func allFivesOnTheSelfAssessmentIsCautioned() throws {
        let store = SkillsBinary.temporaryFolder()
        let fives = Array(repeating: "5", count: 30).joined(separator: ",")
        let run = try SkillsBinary.run([
            "take", "self-assessment", "--name", "Ana", "--store", store.path, "--no-save", "--format", "json",
            "--answers", fives,
        ])
        #expect(run.status == 0)
        #expect(try json(run)["responseStyle"] as? [String] == ["straight-lining", "acquiescence"])
        // The trainer's class picture names who to talk to first.
        _ = try SkillsBinary.run([
            "take", "self-assessment", "--name", "Ana", "--store", store.path, "--answers", fives,
        ])
        let summary = try SkillsBinary.run(["class", "--store", store.path])
        #expect(summary.stdout.contains("Answering-style cautions"))
        #expect(summary.stdout.contains("Ana (straight-lining, acquiescence)"))
        let honest = try SkillsBinary.run([
            "take", "shift-checkin", "--name", "Ana", "--store", store.path, "--no-save", "--format", "json",
            // Agrees with the positive statements and disagrees with the reverse-keyed ones
            // (ci-listen-2, ci-communicate-2, ci-empathy-2 in the 2.0 check-in).
            "--answers", "4,2,3,4,4,2,4,2,3,4",
        ])
        #expect(try json(honest)["responseStyle"] as? [String] == [])
    }

    @Test func aSelfScoreInTheCoachsLevelAgrees() throws {
        let store = SkillsBinary.temporaryFolder()
        // Check-in listening 1,2 → (0 + 1) / 8... here 2 and 4 (reverse, so 2): (1 + 1) / 8 = 25;
        // answered 3 and 4 (reverse → 2): (2 + 1) / 8 = 37.5, shown as 38, Beginning.
        let own = try SkillsBinary.run([
            "take", "shift-checkin", "--name", "Ana", "--store", store.path, "--answers", "3,4,3,3,3,3,3,3,3,3",
        ])
        #expect(own.stdout.contains("38 ±23  Beginning"))
        _ = try SkillsBinary.run(
            [
                "take", "coach-observation", "--name", "Ana", "--rater", "Sam", "--store", store.path, "--answers",
                "1,-,2,-,2,-,2,-,2",
            ], environment: ["SKILLS_NOW": "2099-01-01T10:00:00Z"])
        let compare = try json(
            try SkillsBinary.run(["compare", "--name", "Ana", "--store", store.path, "--format", "json"]))
        let listening = (compare["areas"] as? [[String: Any]])?.first { $0["area"] as? String == "listening" }
        #expect(listening?["selfLevel"] as? String == "Beginning")
        #expect(listening?["coachLevel"] as? String == "Beginning")
        // By points it was 37.5 against the band's middle 19.5: an invented "blind spot" of 18.
        #expect(listening?["finding"] as? String == "agreed")
    }

    /// The built-in calibration is reproducible: the documented simulation, summarised by
    /// `skills class`, prints exactly the block in Data/.
    @Test func theBuiltInCalibrationIsWhatClassPrintsForTheDocumentedSimulation() throws {
        let bench = SkillsBinary.url.deletingLastPathComponent().appendingPathComponent("skills-bench")
        for (id, seed) in [("self-assessment", "42"), ("shift-checkin", "43")] {
            let folder = SkillsBinary.temporaryFolder()
            let generate = try SkillsBinary.run(
                ["generate", folder.path, "200", seed, id], executable: bench)
            #expect(generate.status == 0, "\(generate.stderr)")
            let summary = try json(try SkillsBinary.run(["class", folder.path, "--format", "json"]))
            let printed = try #require(summary["calibration"] as? [String: Any])
            let data = try Data(
                contentsOf: SkillsBinary.url.deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().deletingLastPathComponent()
                    .appendingPathComponent("Data/questionnaires/\(id).json"))
            let builtIn = try #require(
                (try JSONSerialization.jsonObject(with: data) as? [String: Any])?["calibration"] as? [String: Any])
            let areas = try #require(printed["areas"] as? [String: [String: Double]])
            #expect(areas.count == 5)
            #expect(NSDictionary(dictionary: areas).isEqual(to: builtIn["areas"] as? [String: Any] ?? [:]))
            if id == "self-assessment" { #expect(areas.values.allSatisfy { ($0["reliability"] ?? 0) >= 0.8 }) }
        }
    }
}
