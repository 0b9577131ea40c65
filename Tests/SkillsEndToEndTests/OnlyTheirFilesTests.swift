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

    /// The store remembers its listing once the results folder has been left alone for three
    /// seconds; a result saved, removed or copied in by hand after that is still seen at once.
    @Test("a remembered listing never hides a result saved, removed or copied in afterwards")
    func rememberedListingSeesEveryChange() throws {
        let store = SkillsBinary.temporaryFolder().path
        func take(_ name: String, _ answers: String, in place: String = store) throws {
            let saved = try SkillsBinary.run(
                ["take", "shift-checkin", "--store", place, "--name", name, "--answers", answers])
            #expect(saved.status == 0, "\(saved.stderr)")
        }
        func historyLines(_ name: String) throws -> Int {
            let run = try SkillsBinary.run(["history", "--name", name, "--store", store, "--format", "csv"])
            #expect(run.status == 0, "\(run.stderr)")
            return run.stdout.split(separator: "\n").count - 1
        }
        let results = URL(fileURLWithPath: store).appendingPathComponent("results")
        func anas() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: results.path).filter { $0.contains("-ana-") }.sorted()
        }
        try take("Ana", "4,5,2,3,4,2,5,4,3,4")
        try take("Ben", "3,3,3,3,3,3,3,3,3,3")
        Thread.sleep(forTimeInterval: 3.5)
        #expect(try historyLines("Ana") == 1)
        let listing = URL(fileURLWithPath: store).appendingPathComponent(".results-listing").path
        #expect(FileManager.default.fileExists(atPath: listing), "the settled folder's names are remembered")
        try take("Ana", "5,5,5,5,5,5,5,5,5,5")
        #expect(try historyLines("Ana") == 2)
        // A result from another store, copied in by hand under a name of its own.
        let elsewhere = SkillsBinary.temporaryFolder().path
        try take("Ana", "2,2,2,2,2,2,2,2,2,2", in: elsewhere)
        let other = URL(fileURLWithPath: elsewhere).appendingPathComponent("results")
        let copied = try FileManager.default.contentsOfDirectory(atPath: other.path)[0]
        try FileManager.default.copyItem(
            at: other.appendingPathComponent(copied), to: results.appendingPathComponent("from-the-laptop.json"))
        #expect(try historyLines("Ana") == 3)
        let removed = try SkillsBinary.run(["remove", try anas()[0], "--yes", "--store", store])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try historyLines("Ana") == 2)
        #expect(try historyLines("Ben") == 1)
    }
}
