import Foundation
import Testing

@testable import SkillsCore

/// A transport that answers from a script and remembers every request.
final class ScriptedTransport: LRSTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var answers: [(LRSRequest) throws -> LRSResponse]
    private(set) var requests: [LRSRequest] = []

    init(_ answer: @escaping (LRSRequest) throws -> LRSResponse) { answers = [answer] }

    func send(_ request: LRSRequest) throws -> LRSResponse {
        let answer = lock.withLock {
            requests.append(request)
            return answers[0]
        }
        return try answer(request)
    }

    /// Statements in each POST, in order.
    var batchSizes: [Int] {
        lock.withLock {
            requests.compactMap { $0.body }.map { (try! JSONSerialization.jsonObject(with: $0) as! [Any]).count }
        }
    }
}

final class PauseRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [TimeInterval] = []
    var pauses: [TimeInterval] { lock.withLock { recorded } }
    var pause: LRSPause { { seconds in self.lock.withLock { self.recorded.append(seconds) } } }
}

@Suite struct LRSTests {
    static func statements(_ count: Int) -> [OutgoingStatement] {
        (0..<count).map { OutgoingStatement(id: "s\($0)", json: Data("{\"id\":\"s\($0)\"}".utf8)) }
    }

    static func sender(_ transport: ScriptedTransport, _ recorder: PauseRecorder = PauseRecorder()) throws
        -> LRSSender
    {
        LRSSender(
            connection: try LRSConnection(endpoint: "http://127.0.0.1:9/xAPI", user: "a", password: "b"),
            transport: transport, retry: LRSRetry(pause: recorder.pause))
    }

    @Test func aBatchTooLargeIsHalvedUntilItFitsAndEveryStatementGoesOnce() throws {
        let transport = ScriptedTransport { request in
            let count = (try JSONSerialization.jsonObject(with: request.body!) as! [Any]).count
            return LRSResponse(status: count > 3 ? 413 : 200)
        }
        var accepted: [String] = []
        let outcome = try Self.sender(transport).send(Self.statements(10), batchSize: 8) { accepted += $0 }
        // 8 → 4 + 4 → 2 + 2 + 2 + 2, then the last 2.
        #expect(transport.batchSizes == [8, 4, 2, 2, 4, 2, 2, 2])
        #expect(accepted == (0..<10).map { "s\($0)" })
        #expect(outcome.accepted == 10 && outcome.refused.isEmpty && outcome.stop == nil)
    }

    @Test func aServerErrorIsRetriedAfter1248SecondsThenStops() throws {
        let transport = ScriptedTransport { _ in LRSResponse(status: 503, body: Data("busy".utf8)) }
        let recorder = PauseRecorder()
        let outcome = try Self.sender(transport, recorder).send(Self.statements(3), batchSize: 2) { _ in
            Issue.record("nothing was accepted")
        }
        #expect(recorder.pauses == [1, 2, 4, 8])
        #expect(transport.requests.count == 5)
        #expect(outcome.stop == .unavailable(attempts: 5, problem: "HTTP 503 busy"))
        #expect(outcome.accepted == 0)
    }

    @Test func aLostConnectionIsRetriedLikeAServerError() throws {
        let failures = PauseRecorder()  // counts calls through its pause list
        let transport = ScriptedTransport { _ in
            if failures.pauses.count < 1 {
                failures.pause(0)
                throw LRSNetworkError("connection reset")
            }
            return LRSResponse(status: 204)
        }
        let recorder = PauseRecorder()
        let outcome = try Self.sender(transport, recorder).send(Self.statements(2), batchSize: 5) { _ in }
        #expect(recorder.pauses == [1])
        #expect(outcome.accepted == 2 && outcome.retries == 1)
    }

    @Test func everyRequestCarriesTheVersionAndBasicAuthentication() throws {
        let transport = ScriptedTransport { _ in LRSResponse(status: 200) }
        _ = try Self.sender(transport).send(Self.statements(1), batchSize: 1) { _ in }
        let request = try #require(transport.requests.first)
        #expect(request.method == "POST")
        #expect(request.url.absoluteString == "http://127.0.0.1:9/xAPI/statements")
        #expect(request.headers["X-Experience-API-Version"] == "1.0.3")
        #expect(request.headers["Authorization"] == "Basic YTpi")  // base64("a:b")
    }

    @Test func moreLinksAreRelativeToTheHostNotTheEndpoint() throws {
        let connection = try LRSConnection(
            endpoint: "http://lrs.example.org:8443/tenant/xAPI/", user: nil, password: nil)
        #expect(
            connection.resolve(more: "/tenant/xAPI/statements?page=2")?.absoluteString
                == "http://lrs.example.org:8443/tenant/xAPI/statements?page=2")
    }

    @Test func aPasswordWithoutAUserIsAUsageError() {
        #expect(throws: SkillsError.self) { try LRSConnection(endpoint: "http://h/xAPI", user: nil, password: "p") }
        #expect(throws: SkillsError.self) { try LRSConnection(endpoint: "ftp://h/xAPI", user: nil, password: nil) }
    }

    @Test func theLedgerKeepsAResultOnceAllItsStatementsAreAcceptedAndSurvivesARoundTrip() throws {
        let questionnaire = try Fixture.builtin("shift-checkin")
        let responses: [Response] =
            [.rating(4), .rating(2), .rating(5), .rating(1), .rating(3)]
            + Array(
                repeating: .rating(3), count: 5) + [.text("private thoughts")]
        let result = Fixture.result(questionnaire, responses)
        let plan = try SyncPlan(
            results: [result], actor: .account(homePage: "https://lms.example.org"), activityBase: nil,
            includeReflections: false, accepted: LRSLedger.Accepted())
        // 1 completed + 10 ratings; the reflection stays home.
        #expect(plan.statements.count == 11)
        #expect(!plan.statements.contains { String(decoding: $0.json, as: UTF8.self).contains("private thoughts") })
        var ledger = LRSLedger()
        ledger.record(plan.statements.prefix(5).map(\.id), by: "lrs", plan: plan)
        #expect(ledger.accepted(by: "lrs").results.isEmpty)
        #expect(ledger.accepted(by: "lrs").statements.count == 5)
        ledger.record(plan.statements.dropFirst(5).map(\.id), by: "lrs", plan: plan)
        #expect(ledger.accepted(by: "lrs") == LRSLedger.Accepted(results: [result.id], statements: []))

        let folder = Fixture.temporaryFolder()
        let url = folder.appendingPathComponent(LRSLedger.fileName)
        try ledger.save(to: url)
        #expect(try LRSLedger.load(from: url) == ledger)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [LRSLedger.fileName])
        let again = try SyncPlan(
            results: [result], actor: .account(homePage: "https://lms.example.org"), activityBase: nil,
            includeReflections: false, accepted: ledger.accepted(by: "lrs"))
        #expect(again.statements.isEmpty && again.alreadySent == 1)
    }

    @Test func pullRebuildsTheSameScoresAndCountsWhatItCannot() throws {
        let questionnaire = try Fixture.builtin("shift-checkin")
        let responses: [Response] =
            [.rating(4), .skipped, .rating(5), .rating(1), .rating(3)]
            + Array(
                repeating: .rating(2), count: 5) + [.skipped]
        let result = Fixture.result(questionnaire, responses)
        let activity = "https://lms.example.org/skills/questionnaires/shift-checkin"
        var statements = XAPIStatements.statements(
            for: result, actor: .account(homePage: "https://lms.example.org"),
            activityBase: "https://lms.example.org/skills")
        // Another tool's statement about the same activity, and one about something else.
        statements.append(["id": "x1", "verb": ["id": XAPIStatements.completed], "object": ["id": activity]])
        statements.append(["id": "x2", "verb": ["id": XAPIStatements.completed], "object": ["id": "urn:other"]])
        // A result of an edited questionnaire version.
        var edited = Fixture.result(questionnaire, responses)
        edited.id = "7d1d7f4e-8f0a-4a51-9a57-3f1f0c1e2b3c"
        edited.questionnaire.hash = "sha256:0000"
        statements += XAPIStatements.statements(
            for: edited, actor: .account(homePage: "https://lms.example.org"),
            activityBase: "https://lms.example.org/skills")
        let catalog = QuestionnaireCatalog(
            framework: Fixture.framework, builtins: try BuiltinData.questionnaires(framework: Fixture.framework),
            storeFolder: nil)
        let rebuilt = ResultRebuilder.rebuild(statements, activity: activity, since: nil, catalog: catalog)
        #expect(rebuilt.results == [result])
        #expect(
            rebuilt.skipped == [
                "statements by another tool (no skills result id)": 1,
                "results of a questionnaire version not known here (shift-checkin \(questionnaire.version)); add "
                    + "that version with 'skills add'":
                    1,
            ])
    }
}

@Suite struct StatementJSONTests {
    @Test func statementsReadBackAsFoundationWritesThem() throws {
        let questionnaire = try Fixture.builtin("shift-checkin")
        let responses: [Response] =
            [.rating(4), .skipped, .rating(5), .rating(1), .rating(3)]
            + Array(
                repeating: .rating(2), count: 5) + [.text("Quote \" backslash \\ tab \t newline \n bell \u{7} é 😀")]
        let result = Fixture.result(questionnaire, responses)
        for statement in XAPIStatements.statements(
            for: result, actor: .account(homePage: "https://lms.example.org"), activityBase: nil)
        {
            let ours = try JSONSerialization.jsonObject(with: StatementJSON.data(statement)) as! NSDictionary
            let foundation =
                try JSONSerialization.jsonObject(with: JSONSerialization.data(withJSONObject: statement))
                as! NSDictionary
            #expect(ours == foundation)
        }
        let completed = XAPIStatements.statements(
            for: result, actor: .account(homePage: "https://lms.example.org"), activityBase: nil)[0]
        let text = String(decoding: StatementJSON.data(completed), as: UTF8.self)
        #expect(text.contains("\"completion\":true") && text.contains("\"min\":0,"))
        #expect(StatementJSON.format(37.5) == "37.5" && StatementJSON.format(100) == "100")
        #expect(StatementJSON.format(1.0 / 3) == "0.3333333333333333")
    }
}
