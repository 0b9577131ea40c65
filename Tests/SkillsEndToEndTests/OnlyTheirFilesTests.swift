import Foundation
import Testing

/// In a shared store a command opens only the files of the person it is about: a damaged
/// file of someone else is never read, so it is never reported either.
@Suite struct OnlyTheirFilesTests {
    @Test("report, take and history leave another person's damaged file alone")
    func anotherPersonsDamagedFileIsNotOpened() throws {
        let store = SkillsBinary.temporaryFolder().path
        for (name, answers) in [("Ana", "4,5,2,3,4,2,5,4,3,4"), ("Ben", "3,3,3,3,3,3,3,3,3,3")] {
            let saved = try SkillsBinary.run(
                ["take", "shift-checkin", "--store", store, "--name", name, "--answers", answers])
            #expect(saved.status == 0, "\(saved.stderr)")
        }
        let results = URL(fileURLWithPath: store).appendingPathComponent("results")
        let bens = try FileManager.default.contentsOfDirectory(atPath: results.path).first { $0.contains("-ben-") }!
        try Data("{\"format\": 1, \"person\":".utf8).write(to: results.appendingPathComponent(bens))
        let commands = [
            ["report", "--name", "Ana"], ["history", "--name", "Ana"],
            ["take", "shift-checkin", "--name", "Ana", "--answers", "4,4,4,4,4,4,4,4,4,4", "--no-save"],
        ]
        for command in commands {
            let run = try SkillsBinary.run(command + ["--store", store])
            #expect(run.status == 0, "\(command): \(run.stderr)")
            #expect(!run.stderr.contains("skipped"), "\(command): \(run.stderr)")
        }
        // Ben's own report does read it, and says so.
        let bensReport = try SkillsBinary.run(["history", "--name", "Ben", "--store", store])
        #expect(bensReport.stderr.contains("skipped"))
    }
}
