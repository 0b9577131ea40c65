import Foundation
import Testing

/// Help that names what a command reads, and errors that say what to do next.
@Suite struct HelpAndErrorTests {
    static let commands = [
        "list", "show", "rubric", "validate", "take", "report", "history", "target", "class", "export", "compare",
        "import", "sync", "pull", "completions", "practice", "gain", "calibrate", "remove", "add",
    ]

    @Test(arguments: commands) func everyHelpNamesTheVariablesItReads(command: String) throws {
        let run = try SkillsBinary.run([command, "--help"])
        #expect(run.status == 0)
        let environment = run.stdout.components(separatedBy: "\nEnvironment:\n").last ?? ""
        for variable in ["SKILLS_STORE", "XDG_DATA_HOME", "NO_COLOR"] { #expect(environment.contains(variable)) }
        let help = try SkillsBinary.run(["help", command]).stdout
        #expect(help == run.stdout)
    }

    @Test func variablesFollowWhatTheCommandDoes() throws {
        func environment(_ command: String) throws -> String {
            try SkillsBinary.run([command, "--help"]).stdout.components(separatedBy: "\nEnvironment:\n").last ?? ""
        }
        let take = try environment("take")
        for variable in ["SKILLS_NOW", "USER, LOGNAME", "COLUMNS", "TZ"] { #expect(take.contains(variable)) }
        let sync = try environment("sync")
        for variable in ["SKILLS_LRS_URL", "SKILLS_LRS_USER", "SKILLS_LRS_PASSWORD_FILE", "SKILLS_LRS_TIMEOUT"] {
            #expect(sync.contains(variable))
        }
        // Commands with no text output do not claim to read the terminal's width.
        #expect(try environment("completions").contains("COLUMNS") == false)
        #expect(try environment("report").contains("TZ"))
    }

    @Test func theOverviewListsHelpAndIsWhatSkillsAlonePrints() throws {
        let alone = try SkillsBinary.run([])
        #expect(alone.status == 0)
        #expect(alone.stdout.contains("help"))
        #expect(try SkillsBinary.run(["help"]).stdout == alone.stdout)
        #expect(try SkillsBinary.run(["--help"]).stdout == alone.stdout)
    }

    @Test func missingArgumentsSayWhatToGiveAndWhereToLook() throws {
        let take = try SkillsBinary.run(["take"])
        #expect(take.status == 64)
        #expect(take.stderr.hasPrefix("Error: which questionnaire? For example: skills take shift-checkin"))
        #expect(take.stderr.contains("'skills list' shows them all"))
        #expect(try SkillsBinary.run(["show"]).stderr.contains("skills list"))
        #expect(try SkillsBinary.run(["import", "gift"]).stderr.hasPrefix("Error: expected the bank's format and"))
        #expect(try SkillsBinary.run(["completions"]).stderr.hasPrefix("Error: which shell? bash, zsh or fish"))
        // Plain counts: "1 argument", never "1 arguments".
        let rubric = try SkillsBinary.run(["rubric", "listening", "empathy"])
        #expect(rubric.stderr.hasPrefix("Error: expected at most 1 argument; found 'listening' 'empathy'"))
    }

    @Test func anEmptyStorePointsToTheFirstCommand() throws {
        let store = SkillsBinary.temporaryFolder().appendingPathComponent("store").path
        let export = try SkillsBinary.run(["export", "--store", store])
        #expect(export.status == 66)
        #expect(export.stderr.contains("take one with 'skills take shift-checkin'"))
        let report = try SkillsBinary.run(["report", "--store", store, "--name", "Ana"])
        #expect((report.stdout + report.stderr).contains("'skills take shift-checkin"))
    }

    @Test func aStoreThatIsAFileIsNamedAsSuch() throws {
        let take = try SkillsBinary.run(
            ["take", "shift-checkin", "--answers", "4,4,4,4,4,4,4,4,4,4,4", "--store", "/etc/passwd"])
        #expect(take.status == 73)
        #expect(take.stderr.contains("/etc/passwd is a file, not a folder"))
        #expect(take.stderr.contains("NSCocoaErrorDomain") == false)
    }
}
