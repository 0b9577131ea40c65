import FoundationEssentials
import Glibc
import SkillsCore

/// The bytes of one request and its answer, over a connected socket: as they are (`http`)
/// or through TLS (`https`). The HTTP itself (request head, Content-Length, chunks) is the
/// transport's, the same for both.
protocol LRSChannel {
    func write(_ data: Data) throws
    /// Everything the LRS sends until it closes the connection.
    func readAll() throws -> Data
}

/// TLS over a socket the transport connected (and will close), with the system's OpenSSL.
/// The certificate is always checked against the trust store (`SSL_CERT_FILE`/`SSL_CERT_DIR`,
/// else the system's) and the LRS's host name: results name people, and an LRS that cannot
/// prove who it is must not get them or the password.
final class TLSChannel: LRSChannel {
    private let library: OpenSSL
    private let context: OpaquePointer
    private let connection: OpaquePointer
    private let place: String
    private let timeout: TimeInterval

    init(_ library: OpenSSL, socket: Int32, host: String, port: Int, timeout: TimeInterval) throws {
        self.library = library
        place = "\(host):\(port)"
        self.timeout = timeout
        guard let context = library.newContext(library.clientMethod()) else {
            throw LRSNetworkError("TLS could not start: \(library.drainErrors() ?? "no reason given")")
        }
        // Set before SSL_new, which copies them. Unexpected EOF is ignored to read to the end
        // as over plain HTTP: a server that closes without TLS's farewell (Python's ssl does)
        // still sent a whole answer, and Content-Length or the last chunk says so.
        _ = library.setContextOptions(context, OpenSSL.ignoreUnexpectedEOF)
        _ = library.useDefaultTrustStore(context)
        library.setVerify(context, OpenSSL.verifyPeer, nil)
        guard let connection = library.newConnection(context) else {
            library.freeContext(context)
            throw LRSNetworkError("TLS could not start: \(library.drainErrors() ?? "no reason given")")
        }
        self.context = context
        self.connection = connection
        _ = library.setDescriptor(connection, socket)
        _ = library.expectHost(connection, host)
        // Server Name Indication is for names only (RFC 6066), never for an IP address.
        if !Self.isAddress(host) {
            _ = host.withCString {
                library.control(
                    connection, OpenSSL.setHostNameForSNI, OpenSSL.hostNameTypeDNS,
                    UnsafeMutableRawPointer(mutating: $0))
            }
        }
        try handshake()
    }

    deinit {
        library.freeConnection(connection)
        library.freeContext(context)
    }

    private func handshake() throws {
        let result = library.connect(connection)
        guard result != 1 else { return }
        let kind = library.errorKind(connection, result)
        let code = errno
        let verified = library.verifyResult(connection)
        if verified != OpenSSL.verifiedOK {
            _ = library.drainErrors()
            let reason = library.verifyErrorText(verified).map { String(cString: $0) } ?? "error \(verified)"
            // 62 is X509_V_ERR_HOSTNAME_MISMATCH: the trust store is fine, the address is not.
            let hint =
                verified == 62
                ? "the certificate names another host: use the LRS address written on it"
                : "set SSL_CERT_FILE to your company's CA bundle"
            throw SkillsError.usage("the LRS's certificate (\(place)) is not trusted: \(reason) (\(hint))")
        }
        let detail = library.drainErrors()
        if kind == OpenSSL.errorSyscall || kind == OpenSSL.errorWantRead || kind == OpenSSL.errorWantWrite {
            throw LRSNetworkError("the secure connection to \(place) failed: \(problem(code, detail))")
        }
        // A protocol error (a server speaking plain HTTP, no common TLS version) does not go
        // away by trying again.
        throw SkillsError.usage(
            "the LRS at \(place) did not complete a TLS handshake: \(detail ?? "no reason given") "
                + "(is its address http:// rather than https://?)")
    }

    func write(_ data: Data) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let size = Int32(min(buffer.count - offset, 1 << 20))
                let sent = library.write(connection, buffer.baseAddress! + offset, size)
                if sent <= 0 {
                    let kind = library.errorKind(connection, sent)
                    let code = errno
                    if kind == OpenSSL.errorSyscall && code == EINTR { continue }
                    let detail = library.drainErrors()
                    throw LRSNetworkError("the connection dropped while sending: \(problem(code, detail))")
                }
                offset += Int(sent)
            }
        }
    }

    func readAll() throws -> Data {
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { library.read(connection, $0.baseAddress!, Int32($0.count)) }
            if count > 0 {
                data.append(contentsOf: chunk[0..<Int(count)])
                continue
            }
            let kind = library.errorKind(connection, count)
            let code = errno
            if kind == OpenSSL.errorZeroReturn { break }
            if kind == OpenSSL.errorSyscall && code == EINTR { continue }
            if kind == OpenSSL.errorSyscall && code == 0 { break }
            let detail = library.drainErrors()
            throw LRSNetworkError("the connection dropped while waiting for the answer: \(problem(code, detail))")
        }
        _ = library.shutdown(connection)
        return data
    }

    /// The reason in the words the plain socket uses, so both read alike.
    private func problem(_ code: Int32, _ detail: String?) -> String {
        // The socket's SO_RCVTIMEO/SO_SNDTIMEO ran out (OpenSSL reports it as "want read").
        if code == EAGAIN || code == EWOULDBLOCK { return "no answer within \(Int(timeout)) s" }
        if let detail { return detail }
        return code == 0 ? "the connection closed" : String(cString: strerror(code))
    }

    static func isAddress(_ host: String) -> Bool {
        var buffer = in6_addr()
        return inet_pton(AF_INET, host, &buffer) == 1 || inet_pton(AF_INET6, host, &buffer) == 1
    }
}
