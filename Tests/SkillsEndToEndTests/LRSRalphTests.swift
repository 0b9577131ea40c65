import Foundation
import SkillsCore
import Testing

/// `sync` and `pull` against Ralph, a real open-source LRS (ralph-malph 5.1.0, file-system
/// backend), started and stopped by the test on 127.0.0.1. `.ci/run` installs Ralph and sets
/// SKILLS_REQUIRE_LRS=1, so there a Ralph that cannot start fails the test; on a machine
/// without Ralph and without that variable the test is disabled and says why.
@Suite(.serialized) struct LRSRalphTests {
    @Test(
        .enabled(
            if: Ralph.enabled,
            "Ralph is not installed: pip install ralph-malph[cli,lrs] (.ci/run does, with SKILLS_REQUIRE_LRS=1)"
        ))
    func thirtyResultsSyncOnceAndPullBackToTheSameClass() throws {
        let ralph = try Ralph.start()
        defer { ralph.server.stop() }
        #expect(ralph.endpoint.hasPrefix("http://"))
        try Self.syncThirtyAndPullThemBack(ralph, environment: [:])
    }

    /// The same over https: uvicorn with a certificate from a test CA that only SSL_CERT_FILE
    /// makes trusted, so the certificate check is on and passes.
    @Test(
        .enabled(
            if: Ralph.enabled,
            "Ralph is not installed: pip install ralph-malph[cli,lrs] (.ci/run does, with SKILLS_REQUIRE_LRS=1)"
        ))
    func thirtyResultsSyncOnceAndPullBackOverHTTPS() throws {
        let certificates = try TestCertificates.make()
        let ralph = try Ralph.start(tls: certificates.server)
        defer { ralph.server.stop() }
        #expect(ralph.endpoint.hasPrefix("https://127.0.0.1:"))
        try Self.syncThirtyAndPullThemBack(ralph, environment: ["SSL_CERT_FILE": certificates.authority.path])
    }

    static func syncThirtyAndPullThemBack(
        _ ralph: (server: LocalServer, endpoint: String, passwordFile: URL), environment extra: [String: String]
    ) throws {
        let folder = SkillsBinary.temporaryFolder()
        let store = folder.appendingPathComponent("store")
        try LRSClass.make(30, in: store)
        let environment = [
            "SKILLS_STORE": store.path, "SKILLS_LRS_URL": ralph.endpoint, "SKILLS_LRS_USER": Ralph.user,
            "SKILLS_LRS_PASSWORD_FILE": ralph.passwordFile.path,
        ].merging(extra) { _, new in new }
        // Ralph's file-system backend takes one write per data folder (a second POST gets 500),
        // so the class goes in one request.
        let sync = try SkillsBinary.run(
            ["sync", "--actor-homepage", "https://lms.example.org", "--batch-size", "1000"], environment: environment)
        #expect(sync.status == 0, "\(sync.stderr)")
        // 30 completed + 300 ratings less the 22 skipped (i + j divisible by 13); no reflections.
        #expect(sync.stderrLines.last == "Sent 308 statements of 30 results to \(ralph.endpoint).")

        let again = try SkillsBinary.run(
            ["sync", "--actor-homepage", "https://lms.example.org"], environment: environment)
        #expect(again.status == 0)
        #expect(again.stderrLines == ["Nothing to send: the LRS at \(ralph.endpoint) has all 30 results already."])
        let dryRun = try SkillsBinary.run(
            ["sync", "--actor-homepage", "https://lms.example.org", "--dry-run"], environment: environment)
        #expect(dryRun.stdout == "[]\n")

        let into = folder.appendingPathComponent("pulled")
        let pull = try SkillsBinary.run(
            ["pull", "--activity", "urn:skills:questionnaire:shift-checkin", "--into", into.path],
            environment: environment)
        #expect(pull.status == 0, "\(pull.stderr)")
        #expect(pull.stderrLines.last == "Rebuilt 30 results into \(into.path) from 308 statements.")
        for format in ["text", "json", "csv"] {
            let original = try SkillsBinary.run(
                ["class", store.appendingPathComponent("results").path, "--format", format])
            let rebuilt = try SkillsBinary.run(["class", into.path, "--format", format])
            #expect(original.status == 0)
            #expect(
                LRSClass.withoutReflections(rebuilt.stdout) == LRSClass.withoutReflections(original.stdout),
                "class --format \(format)")
        }
        // Every result comes back with its id, person, time and scores; only the reflections stayed home.
        var problems: [String] = []
        let originals = Dictionary(
            uniqueKeysWithValues: ResultReader.readAll(
                try JSONFile.files(in: store.appendingPathComponent("results").path), problems: &problems
            ).map { ($0.result.id, $0.result) })
        let pulled = ResultReader.readAll(try JSONFile.files(in: into.path), problems: &problems).map(\.result)
        #expect(pulled.count == 30)
        for result in pulled {
            let original = try #require(originals[result.id])
            #expect(result.scores == original.scores)
            #expect(result.person == original.person && result.takenAt == original.takenAt)
            #expect(result.reflections.allSatisfy { $0.answer == nil })
        }
    }
}
