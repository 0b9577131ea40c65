import FoundationEssentials
import Glibc

/// One statement ready to send: its id and its JSON, made once.
public struct OutgoingStatement: Sendable {
    public let id: String
    public let json: Data
}

/// What `sync` will send: the statements of every result the ledger does not show as
/// accepted by this LRS, in the order the results were taken.
public struct SyncPlan: Sendable {
    public var statements: [OutgoingStatement] = []
    /// Results left out because the LRS already accepted all their statements.
    public var alreadySent = 0
    public var results = 0
    var resultOf: [String: String] = [:]
    var statementsOf: [String: [String]] = [:]

    public init(
        results: [AssessmentResult], actor: XAPIStatements.Actor, activityBase: String?, includeReflections: Bool,
        accepted: LRSLedger.Accepted
    ) throws {
        for result in results.sorted(by: { $0.takenAt < $1.takenAt }) {
            if accepted.results.contains(result.id) {
                alreadySent += 1
                continue
            }
            let made = XAPIStatements.statements(
                for: result, actor: actor, activityBase: activityBase, includeReflections: includeReflections)
            var ids: [String] = []
            for statement in made {
                let id = statement["id"] as? String ?? ""
                ids.append(id)
                resultOf[id] = result.id
                if accepted.statements.contains(id) { continue }
                statements.append(OutgoingStatement(id: id, json: StatementJSON.data(statement)))
            }
            statementsOf[result.id] = ids
            self.results += 1
        }
    }
}
