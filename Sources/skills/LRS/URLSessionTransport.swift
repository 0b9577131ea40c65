import Foundation
import SkillsCore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real network, through Foundation's URLSession (HTTP and HTTPS), one request at a time.
struct URLSessionTransport: LRSTransport {
    let session: URLSession

    init(timeout: TimeInterval = 60) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        // Credentials go in the header we set; nothing is cached or kept between runs.
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        session = URLSession(configuration: configuration)
    }

    func send(_ request: LRSRequest) throws -> LRSResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        urlRequest.httpBody = request.body
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        // A fresh connection per request: when a kept-alive connection drops mid-request,
        // libcurl (under URLSession on Linux) retries it by itself with the body already
        // spent, and the request then hangs until the timeout.
        urlRequest.setValue("close", forHTTPHeaderField: "Connection")
        let answer = Answer()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: urlRequest) { data, response, error in
            answer.set(data, response as? HTTPURLResponse, error)
            done.signal()
        }.resume()
        done.wait()
        let (data, response, error) = answer.get()
        guard let response else {
            throw LRSNetworkError(error.map { ($0 as NSError).localizedDescription } ?? "no answer")
        }
        var headers: [String: String] = [:]
        for case (let name as String, let value as String) in response.allHeaderFields { headers[name] = value }
        return LRSResponse(status: response.statusCode, headers: headers, body: data ?? Data())
    }
}

/// The completion handler runs on URLSession's queue; the lock hands its values over.
private final class Answer: @unchecked Sendable {
    private let lock = NSLock()
    private var value: (Data?, HTTPURLResponse?, (any Error)?) = (nil, nil, nil)

    func set(_ data: Data?, _ response: HTTPURLResponse?, _ error: (any Error)?) {
        lock.withLock { value = (data, response, error) }
    }

    func get() -> (Data?, HTTPURLResponse?, (any Error)?) { lock.withLock { value } }
}
