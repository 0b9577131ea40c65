import FoundationEssentials
import Glibc

/// Where the LRS is and how to sign in: every request carries the xAPI version header and,
/// when a user is given, HTTP basic authentication.
public struct LRSConnection: Sendable {
    public static let version = "1.0.3"

    /// The xAPI endpoint, always ending in `/`, so `statements` resolves beneath it.
    public let endpoint: URL
    let authorization: String?

    public init(endpoint text: String, user: String?, password: String?) throws {
        let trimmed = text.trimmedSpaces
        guard let url = URL(string: trimmed.hasSuffix("/") ? trimmed : trimmed + "/"),
            let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil,
            url.query == nil
        else {
            throw SkillsError.usage(
                "the LRS address '\(TextSafety.visible(text))' is not a web address; expected the xAPI "
                    + "endpoint, such as http://localhost:8100/xAPI/"
            )
        }
        endpoint = url
        switch (user, password) {
        case (let user?, let password?):
            guard !user.contains(":") else {
                throw SkillsError.usage(
                    "the LRS user '\(TextSafety.visible(user))' contains ':'; basic authentication cannot carry it")
            }
            authorization = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        case (nil, nil): authorization = nil
        case (_?, nil): throw SkillsError.usage("an LRS user needs a password: give --password-file FILE")
        case (nil, _?): throw SkillsError.usage("an LRS password needs a user: give --user NAME")
        }
    }

    /// The address to show people: never with credentials in it.
    public var displayName: String {
        var parts = URLComponents(url: endpoint, resolvingAgainstBaseURL: false)
        parts?.user = nil
        parts?.password = nil
        return parts?.string ?? endpoint.absoluteString
    }

    func statementsURL(_ query: [URLQueryItem] = []) -> URL {
        var parts = URLComponents(url: endpoint.appendingPathComponent("statements"), resolvingAgainstBaseURL: false)!
        if !query.isEmpty { parts.queryItems = query }
        return parts.url!
    }

    /// xAPI's `more` is relative to the LRS's host, not to the endpoint (an LRS at
    /// https://host/lrs/xAPI/ answers `/lrs/xAPI/statements?...`).
    func resolve(more: String) -> URL? {
        if let absolute = URL(string: more), absolute.scheme != nil { return absolute }
        var origin = URLComponents()
        origin.scheme = endpoint.scheme
        origin.host = endpoint.host
        origin.port = endpoint.port
        guard let base = origin.url else { return nil }
        return URL(string: more, relativeTo: base)?.absoluteURL
    }

    func request(_ method: String, _ url: URL, body: Data? = nil) -> LRSRequest {
        var headers = ["X-Experience-API-Version": Self.version, "Accept": "application/json"]
        if body != nil { headers["Content-Type"] = "application/json" }
        headers["Authorization"] = authorization
        return LRSRequest(method: method, url: url, headers: headers, body: body)
    }
}
