import Foundation
import Testing

@testable import SkillsCore

@Suite struct CalibrationSessionTests {
    static func observation(of agent: String, by coach: String) throws -> AssessmentResult {
        let questionnaire = try Fixture.builtin("coach-observation")
        let responses = questionnaire.items.map { $0.type == .level ? Response.rating(2) : .skipped }
        return ResultBuilder.build(
            questionnaire: questionnaire, responses: responses, person: agent, rater: coach, takenAt: Fixture.date,
            framework: Fixture.framework)
    }

    static func jsonNames(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }
    }

    @Test("a session's name is data: one folder per name whatever its case, always inside sessions/")
    func names() throws {
        let store = ResultStore(root: Fixture.temporaryFolder())
        let a = try CalibrationSession(named: "Team A", store: store)
        let b = try CalibrationSession(named: " team a ", store: store)
        #expect(a.folder == b.folder)
        let sneaky = try CalibrationSession(named: "../../etc", store: store)
        #expect(sneaky.folder.deletingLastPathComponent().path == store.sessionsFolder.path)
        #expect(throws: SkillsError.self) { try CalibrationSession(named: "", store: store) }
        #expect(throws: SkillsError.self) { try CalibrationSession(named: "a\u{7}b", store: store) }
    }

    @Test("an open stopped half-way is finished by the next, without doubling an observation")
    func interruptedOpen() throws {
        let store = ResultStore(root: Fixture.temporaryFolder())
        let session = try CalibrationSession(named: "november", store: store)
        let first = try session.save(try Self.observation(of: "Ana", by: "Sam"), store: store)
        try session.save(try Self.observation(of: "Ana", by: "Kim"), store: store)
        // As if an earlier open had put the first into results/ and stopped there.
        try FileManager.default.createDirectory(at: store.resultsFolder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: first, to: store.resultsFolder.appendingPathComponent(first.lastPathComponent))
        var problems: [String] = []
        let opened = try session.open(store: store, problems: &problems)
        #expect(problems.isEmpty)
        #expect(opened.count == 2)
        #expect(Self.jsonNames(store.resultsFolder).count == 2)
        #expect(Self.jsonNames(session.folder).isEmpty)
        // Opened again: the same observations, nothing copied twice.
        #expect(try session.open(store: store, problems: &problems).count == 2)
        #expect(Self.jsonNames(store.resultsFolder).count == 2)
    }

    @Test("a damaged observation is reported and stays in the session; a name taken by another file is not reused")
    func damagedAndClash() throws {
        let store = ResultStore(root: Fixture.temporaryFolder())
        let session = try CalibrationSession(named: "november", store: store)
        let saved = try session.save(try Self.observation(of: "Ana", by: "Sam"), store: store)
        let damaged = session.folder.appendingPathComponent("2026-11-23T100000-ben-x-00000000.json")
        try Data("{\"format\": 1,".utf8).write(to: damaged)
        // Another result already has the observation's file name: it must not be replaced.
        try FileManager.default.createDirectory(at: store.resultsFolder, withIntermediateDirectories: true)
        let other = store.resultsFolder.appendingPathComponent(saved.lastPathComponent)
        try Data("other".utf8).write(to: other)
        var problems: [String] = []
        let opened = try session.open(store: store, problems: &problems)
        #expect(opened.count == 1)
        #expect(problems.count == 1 && problems[0].contains("stays in the session"))
        #expect(FileManager.default.fileExists(atPath: damaged.path))
        #expect(try Data(contentsOf: other) == Data("other".utf8))
        #expect(Self.jsonNames(store.resultsFolder).count == 2)
    }

    @Test("an unknown session is not found")
    func unknown() throws {
        let store = ResultStore(root: Fixture.temporaryFolder())
        var problems: [String] = []
        #expect(throws: SkillsError.self) {
            try CalibrationSession(named: "nope", store: store).open(store: store, problems: &problems)
        }
    }
}
