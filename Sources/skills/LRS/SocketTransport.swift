import Foundation
import SkillsCore

/// HTTP/1.1 over a plain POSIX socket, one request per connection (`Connection: close`).
///
/// Why not URLSession: on Linux it sits on libcurl, and a static `skills` would then need
/// libcurl (and its TLS libraries) on every machine it is copied to. This transport needs
/// only the C library, so the one self-contained binary can send to an LRS over `http://`
/// (on the same machine, or behind the LRS's own TLS-terminating proxy). `https://` is
/// refused with a message that says so.
struct SocketTransport: LRSTransport {
    let timeout: TimeInterval

    func send(_ request: LRSRequest) throws -> LRSResponse {
        guard request.url.scheme?.lowercased() == "http", let host = request.url.host else {
            throw LRSNetworkError(
                "\(request.url.scheme ?? "this") addresses are not supported by this build of skills; "
                    + "expected http:// (use an http endpoint on this machine or your network's TLS proxy)")
        }
        let port = request.url.port ?? 80
        let socket = try connect(host: host, port: port)
        defer { close(socket) }
        try write(head(request, host: host, port: port) + (request.body ?? Data()), to: socket)
        return try parse(try readAll(from: socket))
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

    private func write(_ data: Data, to fd: Int32) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let sent = Glibc.send(fd, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    throw LRSNetworkError("the connection dropped while sending: \(String(cString: strerror(errno)))")
                }
                offset += sent
            }
        }
    }

    private func readAll(from fd: Int32) throws -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = errno == EAGAIN ? "no answer within \(Int(timeout)) s" : String(cString: strerror(errno))
                throw LRSNetworkError("the connection dropped while waiting for the answer: \(reason)")
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[0..<count])
        }
    }

    /// Status line, headers, and the body by Content-Length, chunks, or to the end.
    private func parse(_ data: Data) throws -> LRSResponse {
        let bytes = [UInt8](data)
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: [13, 10, 13, 10]) }) else {
            throw LRSNetworkError("the connection closed before a whole answer came")
        }
        let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusWords = head.first?.split(separator: " ") ?? []
        guard statusWords.count >= 2, statusWords[0].hasPrefix("HTTP/"), let status = Int(statusWords[1]) else {
            throw LRSNetworkError("the answer was not HTTP")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let rest = Array(bytes[(end + 4)...])
        let lookup = { (name: String) in headers.first { $0.key.lowercased() == name }?.value }
        if lookup("transfer-encoding")?.lowercased().contains("chunked") == true {
            return LRSResponse(status: status, headers: headers, body: try unchunk(rest))
        }
        if let length = lookup("content-length").flatMap(Int.init), length <= rest.count {
            return LRSResponse(status: status, headers: headers, body: Data(rest[..<length]))
        }
        return LRSResponse(status: status, headers: headers, body: Data(rest))
    }

    private func unchunk(_ bytes: [UInt8]) throws -> Data {
        var body = Data()
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstIndex(of: 13), lineEnd + 1 < bytes.count else { break }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw LRSNetworkError("the answer's chunks are damaged")
            }
            if size == 0 { break }
            let start = lineEnd + 2
            guard start + size <= bytes.count else { throw LRSNetworkError("the answer ended in the middle") }
            body.append(contentsOf: bytes[start..<(start + size)])
            index = start + size + 2
        }
        return body
    }
}
