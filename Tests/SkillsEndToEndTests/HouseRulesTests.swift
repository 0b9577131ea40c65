import Foundation
import Testing

/// The rules every command shares (SkillsCore's `WhoseResults` and `ResultChoice`), seen
/// from the outside: two commands never disagree about whose results or which previous
/// result, and nothing a user typed is lost to a check that could have come first.
@Suite struct HouseRulesTests {
    let answers = "4,5,2,3,4,2,5,4,3,4"

    @Test func aBackFilledResultIsComparedWithTheOneBeforeItInTimeByTakeAndReportAlike() throws {
        let store = SkillsBinary.temporaryFolder()
        let base = ["--store", store.path, "--name", "Ana"]
        _ = try SkillsBinary.run(
            ["take", "shift-checkin", "--answers", "3,3,3,3,3,3,3,3,3,3"] + base,
            environment: ["SKILLS_NOW": "2026-11-01T17:00:00Z"])
        _ = try SkillsBinary.run(
            ["take", "shift-checkin", "--answers", "5,5,5,5,5,5,5,5,5,5"] + base,
            environment: ["SKILLS_NOW": "2026-11-20T17:00:00Z"])
        // A paper check-in from 10 November, entered after the one of the 20th.
        let take = try SkillsBinary.run(
            ["take", "shift-checkin", "--answers", answers, "--format", "json"] + base,
            environment: ["SKILLS_NOW": "2026-11-10T17:00:00Z"])
        #expect(take.status == 0)
        let name = try #require(SkillsBinary.results(in: store).first { $0.hasPrefix("2026-11-10") })
        let saved = store.appendingPathComponent("results/\(name)").path
        let report = try SkillsBinary.run(["report", saved, "--format", "json"] + base)
        #expect(report.status == 0)
        let fromTake = try previous(take.stdout)
        let fromReport = try previous(report.stdout)
        #expect(fromTake?["takenAt"] as? String == "2026-11-01T17:00:00Z")
        #expect(fromReport?["takenAt"] as? String == "2026-11-01T17:00:00Z")
        #expect(fromTake?["change"] as? Double == fromReport?["change"] as? Double)
    }

    private func previous(_ json: String) throws -> [String: Any]? {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return object?["previous"] as? [String: Any]
    }

    @Test func aTargetSetWithoutANameInAOnePersonStoreIsThatPersonsTarget() throws {
        let store = SkillsBinary.temporaryFolder()
        _ = try SkillsBinary.run([
            "take", "shift-checkin", "--name", "Ana", "--answers", answers, "--store", store.path,
        ])
        let target = try SkillsBinary.run(["target", "listening", "70", "--store", store.path])
        #expect(target.status == 0)
        #expect(target.stderrLines == ["Target for Ana: Listening 70."])
        let report = try SkillsBinary.run(["report", "--store", store.path])
        #expect(report.status == 0)
        #expect(report.stdout.contains("target 70"))
    }

    @Test func globalOptionsAndFormatsMayComeBeforeTheCommand() throws {
        let store = SkillsBinary.temporaryFolder()
        let list = try SkillsBinary.run(["--format", "json", "--store", store.path, "list"])
        #expect(list.status == 0)
        let rows = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.contains { $0["id"] as? String == "shift-checkin" } == true)
        let help = try SkillsBinary.run(["--no-color", "help", "report"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Usage: skills report"))
    }

    @Test func aBadClockVariableStopsTakeBeforeTheFirstQuestion() throws {
        let store = SkillsBinary.temporaryFolder()
        // No answers at all: were the questions asked first, the run would end at
        // "input ended" (130) instead.
        let run = try SkillsBinary.run(
            ["take", "shift-checkin", "--name", "Ana", "--store", store.path], stdin: "",
            environment: ["SKILLS_NOW": "2026-02-30T10:00:00Z"])
        #expect(run.status == 64)
        #expect(run.stderrLines.first?.hasPrefix("Error: SKILLS_NOW: '2026-02-30T10:00:00Z' is not a time") == true)
        #expect(SkillsBinary.results(in: store).isEmpty)
    }

    @Test func anOutputPathIsCheckedBeforeTheFirstQuestion() throws {
        let store = SkillsBinary.temporaryFolder()
        let run = try SkillsBinary.run(
            ["take", "shift-checkin", "--name", "Ana", "--store", store.path, "--output", "/no/such/folder/r.txt"],
            stdin: "")
        #expect(run.status == 73)
        #expect(SkillsBinary.results(in: store).isEmpty)
    }

    @Test func aCoachsObservationIsNotTheAgentsLatestReport() throws {
        let store = SkillsBinary.temporaryFolder()
        _ = try SkillsBinary.run([
            "take", "shift-checkin", "--name", "Ana", "--answers", answers, "--store", store.path,
        ])
        let coach = try SkillsBinary.run(
            [
                "take", "coach-observation", "--name", "Ana", "--rater", "Sam", "--answers", "2,-,3,-,3,-,4,-,3",
                "--store",
                store.path,
            ],
            environment: ["SKILLS_NOW": "2099-01-01T10:00:00Z"])
        #expect(coach.status == 0)
        let report = try SkillsBinary.run(["report", "--store", store.path, "--format", "json"])
        #expect(report.stdout.contains("\"id\" : \"shift-checkin\""))
        let history = try SkillsBinary.run(["history", "--store", store.path, "--format", "json"])
        #expect(history.stdout.contains("\"questionnaire\" : \"shift-checkin\""))
    }

    @Test func aPersonsCommandsReadOnlyFilesThatCouldBeTheirs() throws {
        let store = SkillsBinary.temporaryFolder()
        _ = try SkillsBinary.run([
            "take", "shift-checkin", "--name", "Ana", "--answers", answers, "--store", store.path,
        ])
        let results = store.appendingPathComponent("results")
        // Ben's file is damaged, and named as `take` names files: Ana's report never opens it.
        try Data("{".utf8).write(to: results.appendingPathComponent("2026-11-20T100000-ben-shift-checkin-0000.json"))
        // A file named by hand could be anyone's: it is read, and reported when damaged.
        try Data("{".utf8).write(to: results.appendingPathComponent("copied-in.json"))
        let report = try SkillsBinary.run(["report", "--name", "Ana", "--store", store.path])
        #expect(report.status == 0)
        #expect(!report.stderr.contains("ben-shift-checkin"))
        #expect(report.stderr.contains("copied-in.json"))
        // The class summary reads everything, and says so about both.
        let summary = try SkillsBinary.run(["class", "--store", store.path])
        #expect(summary.stderr.contains("ben-shift-checkin"))
    }
}
