import FoundationEssentials
import Glibc

/// Reads statements page by page, following `more` until the LRS has no more.
public struct LRSReader: Sendable {
    public let connection: LRSConnection
    public let transport: any LRSTransport
    public let retry: LRSRetry
    public var pageSize = 500

    public init(connection: LRSConnection, transport: any LRSTransport, retry: LRSRetry) {
        self.connection = connection
        self.transport = transport
        self.retry = retry
    }

    /// `since` is passed on (the LRS compares it with when it stored a statement, which is
    /// never before the statement's own time), so it only narrows what comes back.
    public func statements(since: Date?, page: (Int) -> Void = { _ in }) throws -> [[String: Any]] {
        var query = [URLQueryItem(name: "limit", value: String(pageSize))]
        if let since { query.append(URLQueryItem(name: "since", value: ISODate.string(since))) }
        var next: URL? = connection.statementsURL(query)
        var seen: Set<String> = []
        var statements: [[String: Any]] = []
        while let url = next {
            // A `more` that points back to a page already read would loop for ever.
            guard seen.insert(url.absoluteString).inserted else { break }
            let response: LRSResponse
            do {
                response = try retry.send(connection.request("GET", url), over: transport)
            } catch let error as LRSRetry.Unavailable {
                throw SkillsError.io(
                    path: connection.displayName,
                    reason: "no usable answer after \(error.attempts) attempts (last: \(error.lastProblem))")
            }
            switch response.status {
            case 200: break
            case 401:
                throw SkillsError.usage(
                    "the LRS at \(connection.displayName) did not accept the credentials (HTTP 401: "
                        + "\(response.detail)); check --user and --password-file"
                )
            case 403:
                throw SkillsError.usage(
                    "the LRS at \(connection.displayName) does not allow this user to read statements (HTTP "
                        + "403: \(response.detail))"
                )
            default:
                throw SkillsError.io(
                    path: url.absoluteString, reason: "unexpected answer HTTP \(response.status) (\(response.detail))")
            }
            guard let object = (try? JSONValue.parse(response.body))?.any as? [String: Any],
                let list = object["statements"] as? [[String: Any]]
            else {
                throw SkillsError.invalidData(
                    file: url.absoluteString, detail: "not a StatementResult; expected {\"statements\": [...]}")
            }
            statements += list
            page(statements.count)
            let more = (object["more"] as? String) ?? ""
            next = list.isEmpty || more.isEmpty ? nil : connection.resolve(more: more)
        }
        return statements
    }
}
