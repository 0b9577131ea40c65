import FoundationEssentials
import Glibc
import SkillsCore

/// HTTP/1.1 over a POSIX socket, one request per connection (`Connection: close`), plain
/// for `http://` and through the system's OpenSSL (opened only then) for `https://`.
///
/// Why not URLSession: on Linux it sits on libcurl, and a static `skills` would then need
/// libcurl (and its TLS libraries) on every machine it is copied to. This transport needs
/// only the C library to start, so the one self-contained binary runs everywhere, and
/// only an `https://` LRS asks for libssl.so.3.
struct SocketTransport: LRSTransport {
    let timeout: TimeInterval

    func send(_ request: LRSRequest) throws -> LRSResponse {
        let scheme = request.url.scheme?.lowercased()
        guard scheme == "http" || scheme == "https", let host = request.url.host else {
            throw SkillsError.usage(
                "the LRS address '\(request.url.absoluteString)' is not http:// or https://")
        }
        let secure = scheme == "https"
        let port = request.url.port ?? (secure ? 443 : 80)
        // Before connecting: a missing libssl is one message, not a round of retries.
        let library = secure ? try OpenSSL.shared.get() : nil
        let socket = try connect(host: host, port: port)
        defer { close(socket) }
        let channel: any LRSChannel =
            if let library {
                try TLSChannel(library, socket: socket, host: host, port: port, timeout: timeout)
            } else {
                PlainChannel(socket: socket, timeout: timeout)
            }
        try channel.write(head(request, host: host, port: port) + (request.body ?? Data()))
        return try HTTPAnswer.parse(try channel.readAll())
    }

    private func head(_ request: LRSRequest, host: String, port: Int) -> Data {
        var path = request.url.path.isEmpty ? "/" : request.url.path
        if let query = request.url.query { path += "?" + query }
        var lines = ["\(request.method) \(path) HTTP/1.1", "Host: \(host):\(port)", "Connection: close"]
        for (name, value) in request.headers.sorted(by: { $0.key < $1.key })
        where name.lowercased() != "connection" && name.lowercased() != "host" {
            lines.append("\(name): \(value)")
        }
        lines.append("Content-Length: \(request.body?.count ?? 0)")
        return Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    private func connect(host: String, port: Int) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &found)
        guard status == 0, let first = found else {
            throw LRSNetworkError("cannot find \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(first) }
        var reason = "no address"
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let address = next {
            next = address.pointee.ai_next
            let fd = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard fd >= 0 else { continue }
            var wait = timeval(tv_sec: Int(timeout), tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
            if Glibc.connect(fd, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return fd }
            reason = String(cString: strerror(errno))
            close(fd)
        }
        throw LRSNetworkError("cannot connect to \(host):\(port): \(reason)")
    }
}
