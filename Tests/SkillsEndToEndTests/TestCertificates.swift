import Foundation

/// Certificates made with the `openssl` command in a temporary folder, for the https tests:
/// a test CA, a server certificate it signed for 127.0.0.1 (by IP address only, so the same
/// server reached as `localhost` has the wrong name), another CA that signed nothing here,
/// and a server certificate that signed itself.
struct TestCertificates {
    let folder: URL
    var authority: URL { folder.appendingPathComponent("ca.pem") }
    var otherAuthority: URL { folder.appendingPathComponent("other-ca.pem") }
    var server: (certificate: URL, key: URL) {
        (folder.appendingPathComponent("server.pem"), folder.appendingPathComponent("server.key"))
    }
    var selfSigned: (certificate: URL, key: URL) {
        (folder.appendingPathComponent("self-signed.pem"), folder.appendingPathComponent("self-signed.key"))
    }

    static func make() throws -> TestCertificates {
        let folder = SkillsBinary.temporaryFolder()
        let steps = [
            "req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=Skills-Test-CA -keyout ca.key -out ca.pem",
            "req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=Other-CA -keyout other-ca.key -out other-ca.pem",
            "req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -keyout server.key -out server.csr",
            "x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile san.cnf "
                + "-out server.pem",
            "req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 "
                + "-keyout self-signed.key -out self-signed.pem",
        ]
        try "subjectAltName=IP:127.0.0.1\n".write(
            to: folder.appendingPathComponent("san.cnf"), atomically: true, encoding: .utf8)
        for step in steps {
            let run = try SkillsBinary.run(
                step.split(separator: " ").map(String.init), executable: try openssl(), directory: folder)
            guard run.status == 0 else { throw SetupError("openssl \(step) failed: \(run.stderr)") }
        }
        return TestCertificates(folder: folder)
    }

    static func openssl() throws -> URL {
        for folder in LRSScripts.path.split(separator: ":").map(String.init) + ["/usr/bin"] {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent("openssl")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw SetupError("the openssl command is not on PATH (apt-get install openssl)")
    }
}
