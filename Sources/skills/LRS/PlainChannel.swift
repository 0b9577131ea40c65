import FoundationEssentials
import Glibc
import SkillsCore

/// The bytes of an `http://` exchange as they are, on a socket the transport connected.
struct PlainChannel: LRSChannel {
    let socket: Int32
    let timeout: TimeInterval

    func write(_ data: Data) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let sent = Glibc.send(socket, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    throw LRSNetworkError("the connection dropped while sending: \(String(cString: strerror(errno)))")
                }
                offset += sent
            }
        }
    }

    func readAll() throws -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress!, $0.count, 0) }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = errno == EAGAIN ? "no answer within \(Int(timeout)) s" : String(cString: strerror(errno))
                throw LRSNetworkError("the connection dropped while waiting for the answer: \(reason)")
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[0..<count])
        }
    }
}
