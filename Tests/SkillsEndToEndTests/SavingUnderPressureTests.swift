import Foundation
import Testing

@testable import SkillsCore

/// The store never loses or overwrites a result: many people saving at once, and a save
/// killed between writing and linking.
@Suite struct SavingUnderPressureTests {
    func start(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = SkillsBinary.url
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "USER": "tester"].merging(
            environment
        ) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func fiftyPeopleSavingAtOnceKeepFiftyResults() throws {
        let store = SkillsBinary.temporaryFolder()
        // The same second and the same name for half of them, to press on file-name clashes.
        let processes = try (0..<50).map { index in
            try start(
                [
                    "take", "shift-checkin", "--name", index % 2 == 0 ? "Same Name" : "Agent \(index)", "--store",
                    store.path,
                    "--answers", "3,3,3,3,3,3,3,3,3,\(1 + index % 5)",
                ],
                environment: ["SKILLS_NOW": "2026-11-23T09:00:00Z"])
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let files = SkillsBinary.results(in: store)
        #expect(files.count == 50)
        #expect(Set(files).count == 50)
        var problems: [String] = []
        let results = try ResultStore(root: store).allResults(problems: &problems)
        #expect(problems.isEmpty)
        #expect(Set(results.map(\.result.id)).count == 50)
        #expect(results.filter { $0.result.person == "Same Name" }.count == 25)
        let leftovers = try FileManager.default.contentsOfDirectory(
            atPath: store.appendingPathComponent("results").path
        ).filter { $0.hasPrefix(".tmp-") }
        #expect(leftovers.isEmpty)
    }

    @Test func aSaveKilledBeforeItsRenameLeavesNoResultAndBreaksNothing() throws {
        let store = SkillsBinary.temporaryFolder()
        _ = try SkillsBinary.run([
            "take", "shift-checkin", "--name", "Ana", "--store", store.path, "--answers", "4,4,4,4,4,4,4,4,4,4",
        ])
        let process = try start(
            ["take", "shift-checkin", "--name", "Ana", "--store", store.path, "--answers", "1,1,1,1,1,1,1,1,1,1"],
            environment: ["SKILLS_TEST_SAVE_PAUSE": "30"])
        let folder = store.appendingPathComponent("results").path
        func temporaryFiles() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(".tmp-") }
        }
        let deadline = Date().addingTimeInterval(20)
        while temporaryFiles().isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(temporaryFiles().count == 1)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        // The half-saved result is not a result: one file, and every reader ignores the rest.
        #expect(SkillsBinary.results(in: store).count == 1)
        let report = try SkillsBinary.run(["report", "--store", store.path])
        #expect(report.status == 0 && report.stderr.isEmpty)
        let history = try SkillsBinary.run(["history", "--store", store.path, "--format", "json"])
        #expect(history.status == 0 && history.stderr.isEmpty)
        #expect(
            ((try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as! [String: Any])["entries"] as! [Any])
                .count == 1)
        let summary = try SkillsBinary.run(["class", folder])
        #expect(summary.status == 0 && summary.stderr.isEmpty)

        // A leftover is cleaned up by a later save once it is clearly stale, never sooner.
        let leftover = URL(fileURLWithPath: folder).appendingPathComponent(temporaryFiles()[0])
        _ = try SkillsBinary.run(["take", "shift-checkin", "--store", store.path, "--answers", "2,2,2,2,2,2,2,2,2,2"])
        #expect(FileManager.default.fileExists(atPath: leftover.path))
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(-7200)], ofItemAtPath: leftover.path)
        _ = try SkillsBinary.run(["take", "shift-checkin", "--store", store.path, "--answers", "2,2,2,2,2,2,2,2,2,2"])
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
        #expect(SkillsBinary.results(in: store).count == 3)
    }

    @Test func sigintWhileTakingSavesNothingAndExits130() throws {
        let store = SkillsBinary.temporaryFolder()
        let process = Process()
        process.executableURL = SkillsBinary.url
        process.arguments = ["take", "shift-checkin", "--store", store.path]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "USER": "tester"]
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data("4\n5\n".utf8))  // two answers, then the person stops
        // Time to start and read the answers, even on a loaded machine.
        Thread.sleep(forTimeInterval: 1.5)
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }  // fail, rather than hang
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.contains("Stopped: nothing was saved."))
        #expect(SkillsBinary.results(in: store).isEmpty)
    }
}
