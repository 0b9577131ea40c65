import Foundation
import Testing

/// Every bad input gets one clear line on stderr and the documented exit code, never a
/// crash or a stack trace.
@Suite struct BadInputTests {
    func expectNoCrash(_ run: SkillsRun) {
        #expect(!run.stderr.contains("Fatal error"))
        #expect(!run.stderr.contains("Stack dump"))
        #expect(run.status < 128 || run.status == 130)
    }

    @Test func aQuestionnaireWithAMistakeExits65WithOneLineNamingTheItem() throws {
        let folder = SkillsBinary.temporaryFolder()
        let show = try SkillsBinary.run(["show", "shift-checkin", "--format", "json"])
        let broken = show.stdout.replacingOccurrences(of: "\"area\" : \"empathy\"", with: "\"area\" : \"empathie\"")
            .replacingOccurrences(of: "\"area\": \"empathy\"", with: "\"area\": \"empathie\"")
        #expect(broken != show.stdout)
        let file = folder.appendingPathComponent("broken.json")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let run = try SkillsBinary.run(["take", file.path, "--store", folder.path], stdin: "4\n")
        expectNoCrash(run)
        #expect(run.status == 65)
        #expect(run.stderrLines.count == 2)  // two empathy items, one line each
        #expect(
            run.stderrLines[0].hasPrefix(
                "Error: \(file.path): items[6] (ci-empathy-1).area: unknown area 'empathie' (did you mean 'empathy'?)"))
        #expect(SkillsBinary.results(in: folder).isEmpty)
    }

    @Test func aMissingFileExits66() throws {
        let run = try SkillsBinary.run(["take", "no-such-file.json"])
        expectNoCrash(run)
        #expect(run.status == 66)
        #expect(run.stderrLines == ["Error: no-such-file.json: no such file"])
        let unknown = try SkillsBinary.run(["take", "shift-chekin"])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("no questionnaire 'shift-chekin' (did you mean 'shift-checkin'?)"))
    }

    @Test func anUnknownCommandOrOptionExits64WithAHint() throws {
        let command = try SkillsBinary.run(["tkae", "shift-checkin"])
        #expect(command.status == 64)
        #expect(command.stderrLines.first == "Error: unknown command 'tkae' (did you mean 'take'?)")
        let option = try SkillsBinary.run(["take", "shift-checkin", "--nmae", "Ana"])
        #expect(option.status == 64)
        #expect(option.stderrLines.first == "Error: unknown option '--nmae' (did you mean '--name'?)")
        #expect(option.stderrLines.last?.hasPrefix("Usage: skills take ID|FILE") == true)
        let missing = try SkillsBinary.run(["take"])
        #expect(missing.status == 64)
        // `skills` alone prints the overview, as git and cargo do.
        let bare = try SkillsBinary.run([])
        #expect(bare.status == 0)
        #expect(bare.stdout.contains("Commands:"))
    }

    @Test func endOfInputMidwayExits130AndSavesNothing() throws {
        let store = SkillsBinary.temporaryFolder()
        let run = try SkillsBinary.run(["take", "shift-checkin", "--store", store.path], stdin: "4\n5\n3\n")
        expectNoCrash(run)
        #expect(run.status == 130)
        #expect(run.stderrLines == ["Stopped: input ended after 3 of 11 answers; nothing was saved"])
        #expect(run.stdout.isEmpty)
        #expect(SkillsBinary.results(in: store).isEmpty)
    }

    @Test func aWrongPipedAnswerExits65NamingTheLine() throws {
        let run = try SkillsBinary.run(["take", "shift-checkin", "--no-save"], stdin: "4\n9\n")
        #expect(run.status == 65)
        #expect(
            run.stderrLines == [
                "Error: standard input: line 2 (item ci-listen-2): '9' is not on the scale; expected a whole number "
                    + "from 1 to 5, or '-' to skip"
            ])
    }

    @Test func wrongAnswerListsExit65() throws {
        let few = try SkillsBinary.run(["take", "shift-checkin", "--answers", "4,5"])
        #expect(few.status == 65)
        #expect(
            few.stderrLines == [
                "Error: --answers: 2 answers for 'shift-checkin'; expected 10 to 11, one per item in order ('-' to "
                    + "skip)"
            ])
        let both = try SkillsBinary.run(["take", "shift-checkin", "--answers", "4", "--answers-file", "x"])
        #expect(both.status == 64)
    }

    @Test func badNamesAreUsageErrors() throws {
        let spaces = try SkillsBinary.run([
            "take", "shift-checkin", "--name", "   ", "--answers", "3,3,3,3,3,3,3,3,3,3",
        ])
        #expect(spaces.status == 64)
        #expect(spaces.stderrLines == ["Error: --name: expected a name; found an empty one"])
        let escape = try SkillsBinary.run([
            "take", "shift-checkin", "--name", "A\u{1B}[2Jna", "--answers", "3,3,3,3,3,3,3,3,3,3",
        ])
        #expect(escape.status == 64)
        #expect(!escape.stderr.contains("\u{1B}"))
    }

    @Test func aStorePathThatIsAFileExits73() throws {
        let file = SkillsBinary.temporaryFolder().appendingPathComponent("file")
        try Data("x".utf8).write(to: file)
        let run = try SkillsBinary.run([
            "take", "shift-checkin", "--store", file.path, "--answers", "3,3,3,3,3,3,3,3,3,3",
        ])
        expectNoCrash(run)
        #expect(run.status == 73)
        #expect(run.stderrLines.count == 1)
    }

    @Test func aDamagedFileInTheStoreIsReportedAndSkipped() throws {
        let store = SkillsBinary.temporaryFolder()
        _ = try SkillsBinary.run(["take", "shift-checkin", "--store", store.path, "--answers", "3,3,3,3,3,3,3,3,3,3"])
        let damaged = store.appendingPathComponent("results/zz-damaged.json")
        try Data("{ not json".utf8).write(to: damaged)
        let run = try SkillsBinary.run(["report", "--store", store.path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: skipped \(damaged.path): not valid JSON"))
        #expect(try String(contentsOf: damaged, encoding: .utf8) == "{ not json")
    }

    @Test func noResultsYetIsExplained() throws {
        let run = try SkillsBinary.run(["report", "--store", SkillsBinary.temporaryFolder().path, "--name", "Zoe"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("no results for 'Zoe'"))
    }

    @Test func aFolderOrABinaryFileGivenAsAQuestionnaireIsInvalidData() throws {
        let folder = SkillsBinary.temporaryFolder()
        let dir = try SkillsBinary.run(["take", folder.path + "/"])
        #expect(dir.status == 65)
        #expect(dir.stderrLines == ["Error: \(folder.path)/: is a folder; expected a JSON file"])
        let binary = folder.appendingPathComponent("x.json")
        try Data([0xFF, 0x00, 0xFE]).write(to: binary)
        let run = try SkillsBinary.run(["take", binary.path])
        #expect(run.status == 65)
        #expect(run.stderrLines == ["Error: \(binary.path): (file): is not UTF-8 text; expected a JSON file"])
    }
}
