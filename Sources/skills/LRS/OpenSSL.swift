import FoundationEssentials
import Glibc
import SkillsCore

/// The system's OpenSSL, opened with `dlopen` the first time an `https://` LRS is used.
///
/// Why not link it: the README's binary is built with `--static-swift-stdlib` and copied alone
/// to machines that may have no OpenSSL, or another version; linking libssl would stop every
/// command from starting there, not just `sync` and `pull` over https. Every function used
/// here is non-variadic, so Swift calls it through `dlsym` with no C target.
struct OpenSSL: @unchecked Sendable {
    typealias Pointer = OpaquePointer
    let initialize: @convention(c) (UInt64, UnsafeRawPointer?) -> Int32
    let clientMethod: @convention(c) () -> Pointer?
    let newContext: @convention(c) (Pointer?) -> Pointer?
    let useDefaultTrustStore: @convention(c) (Pointer?) -> Int32
    let setVerify: @convention(c) (Pointer?, Int32, UnsafeRawPointer?) -> Void
    let setContextOptions: @convention(c) (Pointer?, UInt64) -> UInt64
    let freeContext: @convention(c) (Pointer?) -> Void
    let newConnection: @convention(c) (Pointer?) -> Pointer?
    let setDescriptor: @convention(c) (Pointer?, Int32) -> Int32
    let control: @convention(c) (Pointer?, Int32, Int, UnsafeMutableRawPointer?) -> Int
    let expectHost: @convention(c) (Pointer?, UnsafePointer<CChar>?) -> Int32
    let connect: @convention(c) (Pointer?) -> Int32
    let read: @convention(c) (Pointer?, UnsafeMutableRawPointer?, Int32) -> Int32
    let write: @convention(c) (Pointer?, UnsafeRawPointer?, Int32) -> Int32
    let errorKind: @convention(c) (Pointer?, Int32) -> Int32
    let verifyResult: @convention(c) (Pointer?) -> Int
    let verifyErrorText: @convention(c) (Int) -> UnsafePointer<CChar>?
    let nextError: @convention(c) () -> UInt
    let errorText: @convention(c) (UInt, UnsafeMutablePointer<CChar>?, Int) -> Void
    let shutdown: @convention(c) (Pointer?) -> Int32
    let freeConnection: @convention(c) (Pointer?) -> Void

    /// OpenSSL's own numbers (ssl.h, x509_vfy.h), stable across 1.1 and 3.
    static let verifyPeer: Int32 = 1
    static let setHostNameForSNI: Int32 = 55
    static let hostNameTypeDNS = 0
    static let ignoreUnexpectedEOF: UInt64 = 1 << 7
    static let errorWantRead: Int32 = 2
    static let errorWantWrite: Int32 = 3
    static let errorSyscall: Int32 = 5
    static let errorZeroReturn: Int32 = 6
    static let verifiedOK = 0

    /// Loaded once per process; the failure is kept too, so every request gets the same message.
    static let shared: Result<OpenSSL, SkillsError> = load(candidates: ["libssl.so.3", "libssl.so"])

    static let missing = SkillsError.usage(
        "https:// needs OpenSSL 3 (libssl.so.3) installed on this machine (Debian/Ubuntu: apt-get install "
            + "libssl3; Fedora/RHEL: dnf install openssl-libs), or use the LRS's http:// address")

    static func load(candidates: [String]) -> Result<OpenSSL, SkillsError> {
        guard let handle = candidates.lazy.compactMap({ dlopen($0, RTLD_NOW | RTLD_LOCAL) }).first else {
            return .failure(missing)
        }
        // dlsym on libssl's handle also searches libcrypto, which libssl depends on.
        func symbol<T>(_ name: String, as type: T.Type) throws -> T {
            guard let address = dlsym(handle, name) else { throw missing }
            return unsafeBitCast(address, to: type)
        }
        do {
            // libssl.so may be an older OpenSSL, whose host name check ignores IP addresses and
            // whose option bits differ: only 3 or later is used.
            let version = try symbol("OpenSSL_version_num", as: (@convention(c) () -> UInt).self)
            guard version() >= 0x3000_0000 else { return .failure(missing) }
            let library = try OpenSSL(
                initialize: symbol("OPENSSL_init_ssl", as: (@convention(c) (UInt64, UnsafeRawPointer?) -> Int32).self),
                clientMethod: symbol("TLS_client_method", as: (@convention(c) () -> Pointer?).self),
                newContext: symbol("SSL_CTX_new", as: (@convention(c) (Pointer?) -> Pointer?).self),
                useDefaultTrustStore: symbol(
                    "SSL_CTX_set_default_verify_paths", as: (@convention(c) (Pointer?) -> Int32).self),
                setVerify: symbol(
                    "SSL_CTX_set_verify", as: (@convention(c) (Pointer?, Int32, UnsafeRawPointer?) -> Void).self),
                setContextOptions: symbol(
                    "SSL_CTX_set_options", as: (@convention(c) (Pointer?, UInt64) -> UInt64).self),
                freeContext: symbol("SSL_CTX_free", as: (@convention(c) (Pointer?) -> Void).self),
                newConnection: symbol("SSL_new", as: (@convention(c) (Pointer?) -> Pointer?).self),
                setDescriptor: symbol("SSL_set_fd", as: (@convention(c) (Pointer?, Int32) -> Int32).self),
                control: symbol(
                    "SSL_ctrl", as: (@convention(c) (Pointer?, Int32, Int, UnsafeMutableRawPointer?) -> Int).self),
                expectHost: symbol(
                    "SSL_set1_host", as: (@convention(c) (Pointer?, UnsafePointer<CChar>?) -> Int32).self),
                connect: symbol("SSL_connect", as: (@convention(c) (Pointer?) -> Int32).self),
                read: symbol(
                    "SSL_read", as: (@convention(c) (Pointer?, UnsafeMutableRawPointer?, Int32) -> Int32).self),
                write: symbol("SSL_write", as: (@convention(c) (Pointer?, UnsafeRawPointer?, Int32) -> Int32).self),
                errorKind: symbol("SSL_get_error", as: (@convention(c) (Pointer?, Int32) -> Int32).self),
                verifyResult: symbol("SSL_get_verify_result", as: (@convention(c) (Pointer?) -> Int).self),
                verifyErrorText: symbol(
                    "X509_verify_cert_error_string", as: (@convention(c) (Int) -> UnsafePointer<CChar>?).self),
                nextError: symbol("ERR_get_error", as: (@convention(c) () -> UInt).self),
                errorText: symbol(
                    "ERR_error_string_n", as: (@convention(c) (UInt, UnsafeMutablePointer<CChar>?, Int) -> Void).self),
                shutdown: symbol("SSL_shutdown", as: (@convention(c) (Pointer?) -> Int32).self),
                freeConnection: symbol("SSL_free", as: (@convention(c) (Pointer?) -> Void).self))
            guard library.initialize(0, nil) == 1 else { return .failure(missing) }
            return .success(library)
        } catch let error as SkillsError {
            return .failure(error)
        } catch {
            return .failure(missing)
        }
    }

    /// The oldest queued OpenSSL error as text (then the queue is emptied), for messages.
    func drainErrors() -> String? {
        var first: String?
        while case let code = nextError(), code != 0 {
            guard first == nil else { continue }
            var buffer = [CChar](repeating: 0, count: 256)
            errorText(code, &buffer, buffer.count)
            // "error:0A000086:SSL routines::certificate verify failed" → the words after the last colon.
            let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            first = text.split(separator: ":").last.map(String.init) ?? text
        }
        return first
    }
}
