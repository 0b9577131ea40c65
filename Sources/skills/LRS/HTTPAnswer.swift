import FoundationEssentials
import Glibc
import SkillsCore

/// Reading an HTTP/1.1 answer, the same for `http` and `https`.
enum HTTPAnswer {
    /// Status line, headers, and the body by Content-Length, chunks, or to the end.
    static func parse(_ data: Data) throws -> LRSResponse {
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
            headers[String(line[..<colon])] = line[line.index(after: colon)...].trimmedSpaces
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

    static func unchunk(_ bytes: [UInt8]) throws -> Data {
        var body = Data()
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstIndex(of: 13), lineEnd + 1 < bytes.count else { break }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmedSpaces, radix: 16) else {
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
