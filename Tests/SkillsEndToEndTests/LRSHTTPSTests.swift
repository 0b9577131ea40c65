import Foundation
import Testing

/// `sync` and `pull` over https against the fake LRS wrapped in TLS (Python's `ssl`), with
/// certificates made by the `openssl` command for each test: a trusted chain works like
/// http, and every certificate that cannot be trusted stops at once, before anything is
/// sent, with one line and exit 64 (trying again would not help; the setup must change).
@Suite(
    .serialized,
    .enabled(if: LRSScripts.python3() != nil || Ralph.required, "the fake LRS needs python3 on PATH"))
struct LRSHTTPSTests {
    struct Setup {
        let certificates: TestCertificates
        let folder = SkillsBinary.temporaryFolder()
        var store: URL { folder.appendingPathComponent("store") }
        var ledger: URL { store.appendingPathComponent("lrs-ledger.json") }
        var passwordFile: URL { folder.appendingPathComponent("password") }

        init(results: Int = 3) throws {
            certificates = try TestCertificates.make()
            try LRSClass.make(results, in: store)
            try "s3cret\n".write(to: passwordFile, atomically: true, encoding: .utf8)
        }

        func sync(_ endpoint: String, trusting authority: URL?, _ extra: [String] = []) throws -> SkillsRun {
            var environment = ["SKILLS_TEST_RETRY_DELAYS": "0.05,0.05"]
            environment["SSL_CERT_FILE"] = authority?.path
            return try SkillsBinary.run(
                ["sync", "--store", store.path, "--lrs", endpoint, "--actor-homepage", "https://lms.example.org"]
                    + extra, environment: environment)
        }

        func pull(_ endpoint: String, trusting authority: URL?) throws -> SkillsRun {
            try SkillsBinary.run(
                [
                    "pull", "--store", store.path, "--lrs", endpoint, "--activity",
                    "urn:skills:questionnaire:shift-checkin", "--into", folder.appendingPathComponent("pulled").path,
                ], environment: authority.map { ["SSL_CERT_FILE": $0.path] } ?? [:])
        }
    }

    @Test func aTrustedLRSGetsEveryStatementOnceAndPullRebuildsTheClass() throws {
        let setup = try Setup(results: 5)
        let lrs = try FakeLRS.start(page: 7, tls: setup.certificates.server)
        defer { lrs.server.stop() }
        #expect(lrs.endpoint.hasPrefix("https://127.0.0.1:"))
        let sync = try setup.sync(lrs.endpoint, trusting: setup.certificates.authority, ["--batch-size", "20"])
        #expect(sync.status == 0, "\(sync.stderr)")
        // 5 completed + 50 ratings less the 3 skipped ((i + j) divisible by 13 for i ≤ 5).
        #expect(sync.stderrLines.last == "Sent 52 statements of 5 results to \(lrs.endpoint)/.")
        #expect(try lrs.posts().map(\.statements) == [20, 20, 12])
        let again = try setup.sync(lrs.endpoint, trusting: setup.certificates.authority)
        #expect(again.stderrLines == ["Nothing to send: the LRS at \(lrs.endpoint)/ has all 5 results already."])

        let pull = try setup.pull(lrs.endpoint, trusting: setup.certificates.authority)
        #expect(pull.status == 0, "\(pull.stderr)")
        let into = setup.folder.appendingPathComponent("pulled")
        #expect(pull.stderrLines.last == "Rebuilt 5 results into \(into.path) from 52 statements.")
        let original = try SkillsBinary.run(["class", setup.store.appendingPathComponent("results").path])
        let rebuilt = try SkillsBinary.run(["class", into.path])
        #expect(LRSClass.withoutReflections(rebuilt.stdout) == LRSClass.withoutReflections(original.stdout))
    }

    @Test func aCertificateFromAnUnknownAuthorityIsRefusedBeforeAnythingIsSent() throws {
        let setup = try Setup()
        let lrs = try FakeLRS.start(tls: setup.certificates.server)
        defer { lrs.server.stop() }
        let run = try setup.sync(lrs.endpoint, trusting: setup.certificates.otherAuthority)
        #expect(run.status == 64)
        #expect(
            run.stderrLines == [
                "Error: the LRS's certificate (127.0.0.1:\(lrs.server.port)) is not trusted: unable to get local "
                    + "issuer certificate (set SSL_CERT_FILE to your company's CA bundle)"
            ])
        #expect(try lrs.requests().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: setup.ledger.path))
    }

    @Test func aSelfSignedCertificateIsRefusedByTheSystemsTrustStore() throws {
        let setup = try Setup(results: 1)
        let lrs = try FakeLRS.start(tls: setup.certificates.selfSigned)
        defer { lrs.server.stop() }
        for run in [try setup.sync(lrs.endpoint, trusting: nil), try setup.pull(lrs.endpoint, trusting: nil)] {
            #expect(run.status == 64)
            #expect(
                run.stderrLines == [
                    "Error: the LRS's certificate (127.0.0.1:\(lrs.server.port)) is not trusted: self-signed "
                        + "certificate (set SSL_CERT_FILE to your company's CA bundle)"
                ])
        }
        #expect(try lrs.requests().isEmpty)
    }

    @Test func aCertificateForAnotherHostNameIsRefused() throws {
        let setup = try Setup(results: 1)
        let lrs = try FakeLRS.start(tls: setup.certificates.server)
        defer { lrs.server.stop() }
        // The certificate names 127.0.0.1 only; the same server reached as localhost.
        let run = try setup.sync(
            "https://localhost:\(lrs.server.port)/lrs/xAPI", trusting: setup.certificates.authority)
        #expect(run.status == 64)
        #expect(
            run.stderrLines == [
                "Error: the LRS's certificate (localhost:\(lrs.server.port)) is not trusted: hostname mismatch "
                    + "(the certificate names another host: use the LRS address written on it)"
            ])
        #expect(try lrs.requests().isEmpty)
    }

    @Test func httpsToAnLRSThatSpeaksPlainHTTPSaysSo() throws {
        let setup = try Setup(results: 1)
        let lrs = try FakeLRS.start()
        defer { lrs.server.stop() }
        let run = try setup.sync(
            "https://127.0.0.1:\(lrs.server.port)/lrs/xAPI", trusting: setup.certificates.authority)
        #expect(run.status == 64)
        #expect(
            run.stderrLines == [
                "Error: the LRS at 127.0.0.1:\(lrs.server.port) did not complete a TLS handshake: wrong version "
                    + "number (is its address http:// rather than https://?)"
            ])
    }

    @Test func refusedCredentialsOverHTTPSStopAtOnceWithExit64() throws {
        let setup = try Setup()
        let lrs = try FakeLRS.start(mode: "unauthorized", tls: setup.certificates.server)
        defer { lrs.server.stop() }
        let run = try setup.sync(
            lrs.endpoint, trusting: setup.certificates.authority,
            ["--user", "skills", "--password-file", setup.passwordFile.path])
        #expect(run.status == 64)
        #expect(run.stderrLines.count == 1)
        #expect(
            run.stderrLines.first?.hasPrefix(
                "Error: the LRS at \(lrs.endpoint)/ did not accept the credentials (HTTP 401: ") == true)
        // base64("skills:s3cret"), sent only inside the verified TLS connection.
        #expect(try lrs.requests().map { $0["authorization"] as? String } == ["Basic c2tpbGxzOnMzY3JldA=="])
    }

    @Test func aConnectionDroppedMidBatchOverHTTPSIsRetriedAndNothingIsSentTwice() throws {
        let setup = try Setup()
        let lrs = try FakeLRS.start(mode: "drop", count: 2, tls: setup.certificates.server)
        defer { lrs.server.stop() }
        let run = try setup.sync(lrs.endpoint, trusting: setup.certificates.authority, ["--batch-size", "10"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderrLines.contains { $0.hasPrefix("sync: ") && $0.hasSuffix("trying again in 0.1 s") })
        let posts = try lrs.posts()
        #expect(posts.map(\.status) == [200, -1, 200, 200, 200])
        #expect(posts.filter { $0.status == 200 }.map(\.statements) == [10, 10, 10, 2])
    }
}
