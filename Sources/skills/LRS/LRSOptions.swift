import FoundationEssentials
import Glibc
import SkillsCore

/// The options `sync` and `pull` share: where the LRS is and who signs in. The password
/// comes only from a file (never from the command line, where `ps` would show it).
enum LRSOptions {
    static let connection = [
        OptionSpec("--lrs", value: "URL", "the LRS's xAPI endpoint (also SKILLS_LRS_URL)"),
        OptionSpec("--user", value: "NAME", "the LRS user for basic authentication (also SKILLS_LRS_USER)"),
        OptionSpec(
            "--password-file", value: "FILE",
            "a file holding the password, first line only (also SKILLS_LRS_PASSWORD_FILE)"),
    ]

    /// SSL_CERT_FILE and SSL_CERT_DIR are read by OpenSSL itself, for https only; named in the
    /// help so a trainer behind a company authority finds them.
    static let environment: [(name: String, help: String)] = [
        ("SKILLS_LRS_URL", "the LRS's xAPI endpoint, when --lrs is not given"),
        ("SKILLS_LRS_USER", "the LRS user, when --user is not given"),
        ("SKILLS_LRS_PASSWORD_FILE", "the password file, when --password-file is not given"),
        ("SSL_CERT_FILE", "for an https LRS: a CA bundle to trust (your company's), instead of the system's"),
        ("SSL_CERT_DIR", "for an https LRS: a folder of trusted certificates, instead of the system's"),
        ("SKILLS_LRS_TIMEOUT", "seconds to wait for the LRS's answer (default 60)"),
    ]

    static func connection(_ context: Context, spec: CommandSpec) throws -> LRSConnection {
        let env = context.environment
        guard let url = context.arguments.value("--lrs") ?? env["SKILLS_LRS_URL"].flatMap({ $0.isEmpty ? nil : $0 })
        else {
            throw CommandLineError(message: "which LRS? give --lrs URL or set SKILLS_LRS_URL", spec: spec)
        }
        let user = context.arguments.value("--user") ?? env["SKILLS_LRS_USER"].flatMap { $0.isEmpty ? nil : $0 }
        let passwordFile =
            context.arguments.value("--password-file")
            ?? env["SKILLS_LRS_PASSWORD_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        let password = try passwordFile.map(readPassword)
        return try LRSConnection(endpoint: url, user: user, password: password)
    }

    static func readPassword(_ path: String) throws -> String {
        let data = try JSONFile.read(path)
        let text = String(decoding: data, as: UTF8.self)
        let password = text.split(separator: "\n", omittingEmptySubsequences: false).first.map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        guard let password, !password.isEmpty else {
            throw SkillsError.invalidData(file: path, detail: "the first line is empty; expected the LRS password")
        }
        return password
    }

    /// The network, waiting up to `SKILLS_LRS_TIMEOUT` seconds (default 60) for an answer:
    /// an LRS may take minutes to validate one large batch.
    static func transport(_ context: Context) -> SocketTransport {
        let timeout = context.environment["SKILLS_LRS_TIMEOUT"].flatMap(TimeInterval.init).flatMap { $0 > 0 ? $0 : nil }
        return SocketTransport(timeout: min(timeout ?? 60, 86_400))
    }

    /// Real waiting between retries; `SKILLS_TEST_RETRY_DELAYS` (seconds, comma-separated)
    /// lets the tests of the error paths run in moments.
    static func retry(_ context: Context) -> LRSRetry {
        let pause: LRSPause = { wait(seconds: $0) }
        if let text = context.environment["SKILLS_TEST_RETRY_DELAYS"] {
            return LRSRetry(delays: text.split(separator: ",").compactMap { TimeInterval($0) }, pause: pause)
        }
        return LRSRetry(pause: pause)
    }
}
