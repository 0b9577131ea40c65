import Foundation
import Testing

/// `sync` and `pull` against the small fake LRS (scripts/lrs/fake_lrs.py): each way an
/// LRS can answer, with the exit code and the message a trainer sees.
@Suite(
    .serialized,
    .enabled(if: LRSScripts.python3() != nil || Ralph.required, "the fake LRS needs python3 on PATH"))
struct LRSErrorPathTests {
    static let homePage = "https://lms.example.org"
    /// Three check-ins: 3 completed statements + 29 answers (one item skipped), reflections left out.
    static let statementsOfThree = 32

    struct Setup {
        let folder = SkillsBinary.temporaryFolder()
        var store: URL { folder.appendingPathComponent("store") }
        var ledger: URL { store.appendingPathComponent("lrs-ledger.json") }
        var passwordFile: URL { folder.appendingPathComponent("password") }

        init(results: Int = 3) throws {
            try LRSClass.make(results, in: store)
            try "s3cret\n".write(to: passwordFile, atomically: true, encoding: .utf8)
        }

        func sync(_ lrs: FakeLRS, _ extra: [String] = [], homePage: String = LRSErrorPathTests.homePage) throws
            -> SkillsRun
        {
            try SkillsBinary.run(
                ["sync", "--store", store.path, "--lrs", lrs.endpoint, "--actor-homepage", homePage] + extra,
                environment: ["SKILLS_TEST_RETRY_DELAYS": "0.05,0.05"])
        }
    }

    @Test func everyRequestCarriesTheVersionHeaderAndTheCredentials() throws {
        let setup = try Setup()
        let lrs = try FakeLRS.start()
        defer { lrs.server.stop() }
        let run = try setup.sync(lrs, ["--user", "skills", "--password-file", setup.passwordFile.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("Sent \(Self.statementsOfThree) statements of 3 results"))
        let requests = try lrs.requests()
        #expect(!requests.isEmpty)
        for request in requests {
            #expect(request["version"] as? String == "1.0.3")
            // base64("skills:s3cret")
            #expect(request["authorization"] as? String == "Basic c2tpbGxzOnMzY3JldA==")
        }
    }

    @Test func conflictsAreReportedPerStatementAndTheRestIsSent() throws {
        let setup = try Setup()
        let lrs = try FakeLRS.start()
        defer { lrs.server.stop() }
        #expect(try setup.sync(lrs).status == 0)
        // The same statement ids with another actor: the LRS already has them, differently.
        try FileManager.default.removeItem(at: setup.ledger)
        try LRSClass.make(2, in: setup.store, first: 4)
        let run = try setup.sync(lrs, ["--batch-size", "50"], homePage: "https://other.example.org")
        #expect(run.status == 65)
        let refused = run.stderrLines.filter { $0.contains("already in the LRS with other content (HTTP 409") }
        #expect(refused.count == Self.statementsOfThree)
        #expect(
            run.stderrLines.last?.hasPrefix(
                "Error: \(lrs.endpoint)/: \(Self.statementsOfThree) statements refused "
                    + "(\(Self.statementsOfThree) already there with other content); "
            ) == true)
        // The two new results (2 completed + 18 answers) went through and are in the ledger.
        #expect(run.stderr.contains("20 of \(Self.statementsOfThree + 20) statements accepted"))
        let ledger = try JSONSerialization.jsonObject(with: Data(contentsOf: setup.ledger)) as! [String: Any]
        let accepted = (ledger["stores"] as! [String: Any])["\(lrs.endpoint)/"] as! [String: Any]
        #expect((accepted["results"] as! [String]).count == 2)
    }

    @Test func aBatchTooLargeIsSplitInHalvesAndEveryStatementSentOnce() throws {
        let setup = try Setup()
        let lrs = try FakeLRS.start(mode: "too-large", count: 6)
        defer { lrs.server.stop() }
        let run = try setup.sync(lrs, ["--batch-size", "20"])
        #expect(run.status == 0, "\(run.stderr)")
        let posts = try lrs.posts()
        // 20 → 413 → 10 → 413 → 5 + 5; then 12 → 413 → 6 + 6.
        #expect(posts.map(\.statements) == [20, 10, 5, 5, 10, 5, 5, 12, 6, 6])
        #expect(posts.filter { $0.status == 200 }.map(\.statements).reduce(0, +) == Self.statementsOfThree)
    }

    @Test func refusedCredentialsStopAtOnceWithExit64() throws {
        let setup = try Setup()
        let lrs = try FakeLRS.start(mode: "unauthorized")
        defer { lrs.server.stop() }
        let run = try setup.sync(lrs, ["--user", "skills", "--password-file", setup.passwordFile.path])
        #expect(run.status == 64)
        #expect(
            run.stderrLines == [
                "Error: the LRS at \(lrs.endpoint)/ did not accept the credentials (HTTP 401: "
                    + "{\"detail\":\"Invalid authentication credentials\"}); check --user and "
                    + "--password-file, or SKILLS_LRS_USER and SKILLS_LRS_PASSWORD_FILE; 0 of "
                    + "\(Self.statementsOfThree) statements accepted and recorded in the ledger"
            ])
        #expect(try lrs.posts().count == 1)
        #expect(!FileManager.default.fileExists(atPath: setup.ledger.path))
    }

    @Test func aBusyLRSIsRetriedThenSyncStopsWithExit74AndWhatWasSent() throws {
        let setup = try Setup()
        let lrs = try FakeLRS.start(mode: "unavailable", count: -1)
        defer { lrs.server.stop() }
        let run = try setup.sync(lrs)
        #expect(run.status == 74)
        #expect(
            run.stderrLines == [
                "sync: HTTP 503 {\"detail\":\"busy\"}; trying again in 0.1 s",
                "sync: HTTP 503 {\"detail\":\"busy\"}; trying again in 0.1 s",
                "Error: \(lrs.endpoint)/: no usable answer after 3 attempts (last: HTTP 503 "
                    + "{\"detail\":\"busy\"}); 0 of \(Self.statementsOfThree) statements accepted and "
                    + "recorded in the ledger; run 'skills sync' again to send the rest",
            ])
        #expect(try lrs.posts().count == 3)
    }

    @Test func aBriefOutageIsRetriedAndTheSyncCompletes() throws {
        let setup = try Setup()
        let lrs = try FakeLRS.start(mode: "unavailable", count: 2)
        defer { lrs.server.stop() }
        let run = try setup.sync(lrs)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try lrs.posts().map(\.status) == [503, 503, 200])
    }

    @Test func aConnectionDroppedMidBatchIsRetriedAndNothingIsSentTwice() throws {
        let setup = try Setup()
        let lrs = try FakeLRS.start(mode: "drop", count: 2)
        defer { lrs.server.stop() }
        let run = try setup.sync(lrs, ["--batch-size", "10"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderrLines.contains { $0.hasPrefix("sync: ") && $0.hasSuffix("trying again in 0.1 s") })
        let posts = try lrs.posts()
        #expect(posts.map(\.status) == [200, -1, 200, 200, 200])
        #expect(posts.filter { $0.status == 200 }.map(\.statements) == [10, 10, 10, 2])
    }

    @Test func aSyncCutShortResumesWithOnlyWhatIsLeft() throws {
        let setup = try Setup()
        let first = try FakeLRS.start(mode: "fail-after", count: 2)
        defer { first.server.stop() }
        let cut = try setup.sync(first, ["--batch-size", "10"])
        #expect(cut.status == 74)
        #expect(cut.stderr.contains("20 of \(Self.statementsOfThree) statements accepted and recorded in the ledger"))
        // The same LRS answering again: only the 12 statements not accepted are sent.
        let again = try setup.sync(first, ["--dry-run"])
        let pending = try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as! [Any]
        #expect(pending.count == 12)
        let unsent = try FakeLRS.start(mode: "fail-after", count: 2)
        defer { unsent.server.stop() }
        // A fresh LRS keyed by another address gets everything: the ledger is per LRS.
        let elsewhere = try setup.sync(unsent, ["--batch-size", "100"])
        #expect(elsewhere.status == 0)
        #expect(try unsent.posts().map(\.statements) == [Self.statementsOfThree])
    }

    @Test func pullFollowsMoreLinksRelativeToTheHostAndRebuildsTheClass() throws {
        let setup = try Setup(results: 5)
        let lrs = try FakeLRS.start(page: 7)
        defer { lrs.server.stop() }
        #expect(try setup.sync(lrs).status == 0)
        let into = setup.folder.appendingPathComponent("pulled")
        let pull = try SkillsBinary.run([
            "pull", "--store", setup.store.path, "--lrs", lrs.endpoint, "--activity",
            "urn:skills:questionnaire:shift-checkin", "--into", into.path,
        ])
        #expect(pull.status == 0, "\(pull.stderr)")
        #expect(pull.stderrLines.last == "Rebuilt 5 results into \(into.path) from 52 statements.")
        // 52 statements in pages of 7: 8 GETs, each `more` under /lrs/xAPI/ (host-relative).
        let gets = try lrs.requests().filter { $0["method"] as? String == "GET" }
        #expect(gets.count == 8)
        #expect(gets.allSatisfy { ($0["path"] as! String).hasPrefix("/lrs/xAPI/statements?") })
        let original = try SkillsBinary.run(["class", setup.store.appendingPathComponent("results").path])
        let rebuilt = try SkillsBinary.run(["class", into.path])
        #expect(LRSClass.withoutReflections(rebuilt.stdout) == LRSClass.withoutReflections(original.stdout))
    }

    @Test func pullWithRefusedCredentialsExits64() throws {
        let setup = try Setup(results: 1)
        let lrs = try FakeLRS.start(mode: "forbidden")
        defer { lrs.server.stop() }
        let run = try SkillsBinary.run([
            "pull", "--store", setup.store.path, "--lrs", lrs.endpoint, "--activity", "urn:x", "--into",
            setup.folder.appendingPathComponent("p").path,
        ])
        #expect(run.status == 64)
        #expect(
            run.stderrLines == [
                "Error: the LRS at \(lrs.endpoint)/ does not allow this user to read statements (HTTP 403: "
                    + "{\"detail\":\"scope statements/write missing\"})"
            ])
    }
}
