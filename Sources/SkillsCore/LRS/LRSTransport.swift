import FoundationEssentials
import Glibc

/// One HTTP exchange with a learning record store. SkillsCore never opens a socket itself:
/// the executable passes a transport (HTTP or HTTPS over a socket), tests pass a recorder or a local server.
public struct LRSRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: Data?
}

public struct LRSResponse: Sendable {
    public var status: Int
    public var headers: [String: String]
    public var body: Data

    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The LRS's own words, shortened to one line, for error messages.
    public var detail: String {
        let text = String(decoding: body.prefix(300), as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return TextSafety.visible(line)
    }
}

/// No answer at all: refused, dropped, timed out. Worth retrying.
public struct LRSNetworkError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

public protocol LRSTransport: Sendable {
    /// Returns whatever status the LRS answered; throws `LRSNetworkError` when there was no answer.
    func send(_ request: LRSRequest) throws -> LRSResponse
}

/// Waiting between retries is the caller's: the executable sleeps, tests record the delays.
public typealias LRSPause = @Sendable (TimeInterval) -> Void
