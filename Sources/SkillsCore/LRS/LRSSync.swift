import FoundationEssentials
import Glibc

/// `skills sync`: the results not yet accepted by this LRS, sent in batches, with the
/// ledger written after every accepted batch.
public enum LRSSync {
    public struct Summary: Sendable {
        public let plan: SyncPlan
        public let outcome: LRSSender.Outcome
    }

    public static func plan(
        results: [AssessmentResult], actor: XAPIStatements.Actor, activityBase: String?, includeReflections: Bool,
        ledgerURL: URL, connection: LRSConnection
    ) throws -> SyncPlan {
        let ledger = try LRSLedger.load(from: ledgerURL)
        return try SyncPlan(
            results: results, actor: actor, activityBase: activityBase, includeReflections: includeReflections,
            accepted: ledger.accepted(by: connection.displayName))
    }

    public static func send(
        _ plan: SyncPlan, sender: LRSSender, batchSize: Int, ledgerURL: URL,
        progress: (LRSSender.Progress) -> Void
    ) throws -> Summary {
        var ledger = try LRSLedger.load(from: ledgerURL)
        let endpoint = sender.connection.displayName
        let outcome = try sender.send(
            plan.statements, batchSize: batchSize,
            accepted: { ids in
                ledger.record(ids, by: endpoint, plan: plan)
                try ledger.save(to: ledgerURL)
            }, progress: progress)
        return Summary(plan: plan, outcome: outcome)
    }

    /// The closing line, or the error that says why sync stopped and what was sent before.
    public static func verdict(_ summary: Summary, connection: LRSConnection) -> Result<String, SkillsError> {
        let outcome = summary.outcome
        let total = summary.plan.statements.count
        let lrs = connection.displayName
        let sent = "\(outcome.accepted) of \(total) statements accepted and recorded in the ledger"
        switch outcome.stop {
        case .notAllowed(let status, let detail)?:
            let what =
                status == 401
                ? "did not accept the credentials (HTTP 401: \(detail)); check --user and --password-file, "
                    + "or SKILLS_LRS_USER and SKILLS_LRS_PASSWORD_FILE"
                : "does not allow this user to write statements (HTTP 403: \(detail)); ask the LRS's "
                    + "administrator for the statements/write scope"
            return .failure(.usage("the LRS at \(lrs) \(what); \(sent)"))
        case .unavailable(let attempts, let problem)?:
            return .failure(
                .io(
                    path: lrs,
                    reason:
                        "no usable answer after \(attempts) attempts (last: \(problem)); \(sent); run "
                        + "'skills sync' again to send the rest"
                ))
        case .unexpected(let status, let detail)?:
            return .failure(
                .io(
                    path: lrs,
                    reason:
                        "unexpected answer HTTP \(status) (\(detail)); is this the xAPI endpoint? \(sent)"))
        case nil:
            break
        }
        if !outcome.refused.isEmpty {
            let conflicts = outcome.refused.filter { $0.status == 409 }.count
            return .failure(
                .invalidData(
                    file: lrs,
                    detail:
                        "\(outcome.refused.count) statements refused (\(conflicts) already there with other "
                        + "content); \(sent)"
                ))
        }
        if total == 0 && summary.plan.alreadySent == 0 { return .success("No results to send.") }
        if total == 0 {
            return .success("Nothing to send: the LRS at \(lrs) has all \(summary.plan.alreadySent) results already.")
        }
        return .success(
            "Sent \(outcome.accepted) statements of \(summary.plan.results) results to \(lrs)"
                + (summary.plan.alreadySent > 0 ? "; \(summary.plan.alreadySent) results were already there" : "")
                + ".")
    }

    /// One line per refused statement, so a trainer can find it.
    public static func refusalLines(_ outcome: LRSSender.Outcome) -> [String] {
        outcome.refused.map { refusal in
            let why =
                switch refusal.status {
                case 409: "already in the LRS with other content"
                case 413: "too large for the LRS even alone"
                default: "refused as invalid"
                }
            return "statement \(refusal.statement): \(why) (HTTP \(refusal.status): \(refusal.detail))"
        }
    }
}
