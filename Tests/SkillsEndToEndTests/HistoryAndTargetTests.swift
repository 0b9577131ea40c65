import Foundation
import Testing

@Suite struct HistoryAndTargetTests {
    /// Three check-ins on three days, each report's change matching the history's.
    @Test func historyChangesMatchTheNumbersInEachReport() throws {
        let store = SkillsBinary.temporaryFolder()
        let days = ["2026-11-20T17:00:00Z", "2026-11-21T17:00:00Z", "2026-11-22T17:00:00Z"]
        let answers = ["3,3,2,3,4,2,5,4,3,4", "4,3,3,3,4,2,5,4,3,4", "5,3,4,3,4,2,4,4,3,4"]
        var reports: [[String: Any]] = []
        for (day, list) in zip(days, answers) {
            let run = try SkillsBinary.run(
                [
                    "take", "shift-checkin", "--name", "Ana", "--store", store.path, "--answers", list, "--format",
                    "json",
                ],
                environment: ["SKILLS_NOW": day])
            #expect(run.status == 0, "\(run.stderr)")
            reports.append(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any])
        }
        let run = try SkillsBinary.run(["history", "--name", "Ana", "--store", store.path, "--format", "json"])
        #expect(run.status == 0)
        let history = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        let entries = history["entries"] as! [[String: Any]]
        #expect(entries.count == 3)
        for (entry, report) in zip(entries, reports) {
            #expect(entry["overall"] as? Double == report["overall"] as? Double)
            #expect(entry["change"] as? Double == (report["previous"] as? [String: Any])?["change"] as? Double)
            for area in report["areas"] as! [[String: Any]] {
                let point = (entry["areas"] as! [[String: Any]]).first {
                    $0["area"] as? String == area["area"] as? String
                }
                #expect(point?["score"] as? Double == area["score"] as? Double)
                #expect(point?["change"] as? Double == area["change"] as? Double)
            }
        }
        // Listening by hand: day 1 3,3 → (2 + 2) / 8 = 50; day 2 4,3 → 62.5 (63, +13); day 3 5,3 → 75 (+12)
        let listening = (entries[2]["areas"] as! [[String: Any]]).first { $0["area"] as? String == "listening" }
        #expect(listening?["score"] as? Double == 75)
        #expect(listening?["change"] as? Double == 12)

        let text = try SkillsBinary.run(
            ["history", "--name", "Ana", "--store", store.path], environment: ["COLUMNS": "120"])
        #expect(
            text.stdout.contains(
                "Listening               ▅▆▇  average 63 (49–76)  latest 75, +12, no clear change"))
        let csv = try SkillsBinary.run(["history", "--name", "Ana", "--store", store.path, "--format", "csv"])
        #expect(csv.stdout.split(separator: "\n").count == 4)
        #expect(csv.stdout.hasPrefix("person,questionnaire,version,taken_at,result,overall,listening,"))
        let since = try SkillsBinary.run([
            "history", "--name", "Ana", "--store", store.path, "--since", "2026-11-21", "--format", "json",
        ])
        #expect(
            ((try JSONSerialization.jsonObject(with: Data(since.stdout.utf8)) as! [String: Any])["entries"] as! [Any])
                .count == 2)
    }

    @Test func noHistoryYetIsAFriendlyLine() throws {
        let run = try SkillsBinary.run(["history", "--store", SkillsBinary.temporaryFolder().path])
        #expect(run.status == 0)
        #expect(
            run.stdout
                == "No results yet for tester. Take the after-shift check-in with 'skills take\nshift-checkin'.\n"
        )
        let bad = try SkillsBinary.run(["history", "--since", "last week"])
        #expect(bad.status == 64)
    }

    @Test func targetsAreSetListedShownAndCleared() throws {
        let store = SkillsBinary.temporaryFolder().path
        #expect(try SkillsBinary.run(["target", "listening", "70", "--store", store]).status == 0)
        #expect(try SkillsBinary.run(["target", "Empathy", "85", "--store", store]).status == 0)
        let list = try SkillsBinary.run(["target", "--store", store])
        #expect(list.stdout.contains("Listening      70"))
        #expect(list.stdout.contains("Empathy        85"))
        let report = try SkillsBinary.run([
            "take", "shift-checkin", "--store", store, "--answers", "4,5,2,3,4,2,5,4,3,4",
        ])
        #expect(report.stdout.contains("target 70: 32 to go"))
        #expect(try SkillsBinary.run(["target", "--clear", "listening", "--store", store]).status == 0)
        #expect(!(try SkillsBinary.run(["target", "--store", store]).stdout.contains("Listening")))
        #expect(try SkillsBinary.run(["target", "--clear", "--store", store]).status == 0)
        #expect(try SkillsBinary.run(["target", "--store", store]).stdout.hasPrefix("No targets for tester."))

        let badArea = try SkillsBinary.run(["target", "listenin", "70", "--store", store])
        #expect(badArea.status == 64)
        #expect(
            badArea.stderrLines.first
                == "Error: unknown area 'listenin' (did you mean 'listening'?); expected one of listening, "
                + "anticipating-needs, communicating, empathy, above-and-beyond"
        )
        #expect(try SkillsBinary.run(["target", "listening", "120", "--store", store]).status == 64)
    }

    @Test func reportsGoToAFileWithOutput() throws {
        let folder = SkillsBinary.temporaryFolder()
        let file = folder.appendingPathComponent("report.html")
        let run = try SkillsBinary.run([
            "take", "shift-checkin", "--no-save", "--answers", "4,5,2,3,4,2,5,4,3,4",
            "--format", "html", "--output", file.path,
        ])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let nowhere = try SkillsBinary.run([
            "take", "shift-checkin", "--no-save", "--answers", "4,5,2,3,4,2,5,4,3,4",
            "--output", folder.appendingPathComponent("missing/report.txt").path,
        ])
        #expect(nowhere.status == 73)
        #expect(nowhere.stderrLines.count == 1)
        let markdown = try SkillsBinary.run([
            "take", "shift-checkin", "--no-save", "--answers", "4,5,2,3,4,2,5,4,3,4", "--format", "markdown",
        ])
        #expect(markdown.stdout.hasPrefix("# Development report: tester"))
        let wrong = try SkillsBinary.run(["report", "--format", "xml"])
        #expect(wrong.status == 64)
    }
}
