import FoundationEssentials
import Glibc

/// Sends statements in batches and sorts out what the LRS answers, the way the xAPI spec
/// asks: 200/204 accepted; 409 (an id already there with other content) and 400/413 (bad
/// or too large) split the batch in halves until the statement at fault stands alone;
/// 401/403 stop at once; 5xx and lost connections are retried, then stop.
public struct LRSSender: Sendable {
    public let connection: LRSConnection
    public let transport: any LRSTransport
    public let retry: LRSRetry

    public init(connection: LRSConnection, transport: any LRSTransport, retry: LRSRetry) {
        self.connection = connection
        self.transport = transport
        self.retry = retry
    }

    public struct Refusal: Sendable, Equatable {
        public let statement: String
        public let status: Int
        public let detail: String
    }

    /// Why sending stopped before the end.
    public enum Stop: Sendable, Equatable {
        case notAllowed(status: Int, detail: String)
        case unavailable(attempts: Int, problem: String)
        case unexpected(status: Int, detail: String)
    }

    public struct Outcome: Sendable {
        public var accepted = 0
        public var refused: [Refusal] = []
        public var stop: Stop?
        public var retries = 0
    }

    /// `accepted` is called after every batch the LRS took (the caller writes the ledger);
    /// `progress` hears of accepted counts and retries.
    public func send(
        _ statements: [OutgoingStatement], batchSize: Int,
        accepted: ([String]) throws -> Void, progress: (Progress) -> Void = { _ in }
    ) throws -> Outcome {
        var outcome = Outcome()
        var pending: [ArraySlice<OutgoingStatement>] = stride(from: 0, to: statements.count, by: max(1, batchSize))
            .map { statements[$0..<min($0 + max(1, batchSize), statements.count)] }.reversed()
        while let batch = pending.popLast() {
            let body = Self.body(batch)
            let response: LRSResponse
            do {
                response = try retry.send(
                    connection.request("POST", connection.statementsURL(), body: body), over: transport
                ) { problem in
                    outcome.retries += 1
                    progress(.retrying(problem))
                }
            } catch let error as LRSRetry.Unavailable {
                outcome.stop = .unavailable(attempts: error.attempts, problem: error.lastProblem)
                return outcome
            }
            switch response.status {
            case 200, 204:
                try accepted(batch.map(\.id))
                outcome.accepted += batch.count
                progress(.accepted(outcome.accepted, of: statements.count))
            case 400, 409, 413:
                if batch.count > 1 {
                    let middle = batch.startIndex + batch.count / 2
                    pending.append(batch[middle...])
                    pending.append(batch[..<middle])
                } else {
                    outcome.refused.append(
                        Refusal(statement: batch.first!.id, status: response.status, detail: response.detail))
                }
            case 401, 403:
                outcome.stop = .notAllowed(status: response.status, detail: response.detail)
                return outcome
            default:
                outcome.stop = .unexpected(status: response.status, detail: response.detail)
                return outcome
            }
        }
        return outcome
    }

    public enum Progress: Sendable, Equatable {
        case accepted(Int, of: Int)
        case retrying(String)
    }

    static func body(_ batch: ArraySlice<OutgoingStatement>) -> Data {
        var body = Data("[".utf8)
        for (index, statement) in batch.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(statement.json)
        }
        body.append(UInt8(ascii: "]"))
        return body
    }
}
