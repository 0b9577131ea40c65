import FoundationEssentials
import Glibc

/// Server errors (5xx) and lost connections are often brief, so a request is tried again
/// after each delay, doubling; when they run out, the caller stops with what it has.
public struct LRSRetry: Sendable {
    public var delays: [TimeInterval]
    public var pause: LRSPause

    public init(delays: [TimeInterval] = [1, 2, 4, 8], pause: @escaping LRSPause) {
        self.delays = delays
        self.pause = pause
    }

    /// Why the LRS could not be reached after every retry.
    public struct Unavailable: Error, Sendable {
        public let attempts: Int
        public let lastProblem: String
    }

    /// Sends until an answer that is not a server error; `retried` hears of each retry.
    func send(
        _ request: LRSRequest, over transport: any LRSTransport, retried: (String) -> Void = { _ in }
    ) throws -> LRSResponse {
        var attempt = 0
        while true {
            let problem: String
            do {
                let response = try transport.send(request)
                if response.status < 500 { return response }
                problem = "HTTP \(response.status) \(response.detail)"
            } catch let error as LRSNetworkError {
                problem = error.description
            }
            guard attempt < delays.count else { throw Unavailable(attempts: attempt + 1, lastProblem: problem) }
            retried("\(problem); trying again in \(Self.seconds(delays[attempt]))")
            pause(delays[attempt])
            attempt += 1
        }
    }

    static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : String(cFormat: "%.1f s", value)
    }
}
