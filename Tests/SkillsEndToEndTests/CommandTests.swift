import Foundation
import Testing

@Suite struct CommandTests {
    static let commands = [
        "list", "show", "rubric", "validate", "take", "report", "history", "target", "class", "export", "practice",
        "calibrate",
    ]

    @Test(arguments: commands)
    func everyCommandHasHelpWithExamples(command: String) throws {
        for flag in ["--help", "-h"] {
            let run = try SkillsBinary.run([command, flag])
            #expect(run.status == 0)
            #expect(run.stdout.contains("Usage: skills \(command)"))
            #expect(run.stdout.contains("Examples:\n  skills \(command)"))
        }
    }

    @Test func versionAndOverview() throws {
        #expect(try SkillsBinary.run(["--version"]).stdout == "skills 0.1.0\n")
        let help = try SkillsBinary.run(["--help"])
        for command in Self.commands { #expect(help.stdout.contains("  \(command) ")) }
    }

    @Test func validateAcceptsTheBuiltInFilesAndListsEveryProblem() throws {
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Data/questionnaires")
        let good = try SkillsBinary.run([
            "validate", data.appendingPathComponent("shift-checkin.json").path,
            data.appendingPathComponent("scenario-quiz.json").path,
        ])
        #expect(good.status == 0)
        #expect(good.stdout.contains("shift-checkin.json: valid (shift-checkin, 11 items)"))

        let folder = SkillsBinary.temporaryFolder()
        let bad = folder.appendingPathComponent("bad.json")
        let text =
            #"{"format": 1, "id": "Bad Id", "version": "1", "title": "t", "kind": "quiz","#
            + #" "items": [{"id": "a", "type": "choice", "area": "empathy", "text": "q", "source": "x#y","#
            + #" "options": [{"text": "one"}, {"text": "two"}]}]}"#
        try text.write(to: bad, atomically: true, encoding: .utf8)
        let run = try SkillsBinary.run(["validate", bad.path])
        #expect(run.status == 1)
        #expect(run.stdout.split(separator: "\n").count == 3)
        #expect(run.stdout.contains("\(bad.path): id: 'Bad Id' is not a usable id"))
        #expect(run.stdout.contains("\(bad.path): items[0] (a).options: no option is marked \"correct\": true"))
        #expect(run.stdout.contains("\(bad.path): items[0] (a).explanation: missing"))

        let missing = try SkillsBinary.run(["validate", "nope.json"])
        #expect(missing.status == 66)
    }

    @Test func showAndRubricPrintTheContent() throws {
        let show = try SkillsBinary.run(["show", "scenario-quiz", "--key"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("✓"))
        // People read the chapter title and section; the file name stays in the data.
        #expect(
            show.stdout.contains("Source: Maximizing customer service skills: the five core skills: Listening"))
        #expect(!show.stdout.contains(".txt#"))
        let rubric = try SkillsBinary.run(["rubric", "empathy"])
        #expect(rubric.status == 0)
        #expect(rubric.stdout.contains("Role model (80–100)"))
        let unknown = try SkillsBinary.run(["rubric", "empaty"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("did you mean 'empathy'?"))
    }

    @Test func outputToAFileOrPipeHasNoColour() throws {
        let run = try SkillsBinary.run(["take", "shift-checkin", "--no-save", "--answers", "3,3,3,3,3,3,3,3,3,3"])
        #expect(!run.stdout.contains("\u{1B}["))
    }
}
