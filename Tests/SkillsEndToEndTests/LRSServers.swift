import Foundation

/// Servers the LRS tests start on 127.0.0.1 and always stop: the small fake in
/// scripts/lrs/fake_lrs.py for the error paths, and Ralph (a real LRS) for end to end.
final class LocalServer {
    let process: Process
    let port: Int
    let folder: URL

    init(process: Process, port: Int, folder: URL) {
        self.process = process
        self.port = port
        self.folder = folder
    }

    /// SIGKILL, because a child of the test runner inherits its blocked signals, SIGTERM among them.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

enum LRSScripts {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/lrs")

    /// The test process's own PATH, so python3, ralph and uvicorn are found where pip put them.
    static var path: String { ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin" }

    static func python3() -> URL? {
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("python3")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        return process
    }
}

/// The fake LRS: `mode` and `count` as scripts/lrs/fake_lrs.py documents.
struct FakeLRS {
    let server: LocalServer
    var scheme = "http"
    var endpoint: String { "\(scheme)://127.0.0.1:\(server.port)/lrs/xAPI" }
    var log: URL { server.folder.appendingPathComponent("requests.jsonl") }

    /// With `tls` (a certificate and its key) it answers over https.
    static func start(mode: String = "ok", count: Int = 1, page: Int = 7, tls: (URL, URL)? = nil) throws -> FakeLRS {
        guard let python = LRSScripts.python3() else { throw SetupError("python3 is not on PATH") }
        let folder = SkillsBinary.temporaryFolder()
        let log = folder.appendingPathComponent("requests.jsonl")
        let process = LRSScripts.run(
            python,
            [
                LRSScripts.folder.appendingPathComponent("fake_lrs.py").path, "--mode", mode, "--count", String(count),
                "--page", String(page), "--log", log.path,
            ] + (tls.map { ["--tls", $0.0.path, $0.1.path] } ?? []))
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The script prints "PORT n" once it listens.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            kill(process.processIdentifier, SIGKILL)
            throw SetupError("the fake LRS did not start: '\(text)'")
        }
        return FakeLRS(
            server: LocalServer(process: process, port: port, folder: folder), scheme: tls == nil ? "http" : "https")
    }

    /// What the fake saw: one entry per request, oldest first.
    func requests() throws -> [[String: Any]] {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
    }

    /// (status, statements in the request) per POST; status "dropped" is -1.
    func posts() throws -> [(status: Int, statements: Int)] {
        try requests().filter { $0["method"] as? String == "POST" }.map {
            (($0["status"] as? Int) ?? -1, ($0["statements"] as? Int) ?? 0)
        }
    }
}

/// Ralph, started from scripts/lrs/ralph-serve with its file-system backend in a temporary folder.
enum Ralph {
    static let user = "trainer"
    static let password = "lrs-test-password"

    /// `.ci/run` sets SKILLS_REQUIRE_LRS=1: then a Ralph that cannot start fails the tests.
    static var required: Bool { ProcessInfo.processInfo.environment["SKILLS_REQUIRE_LRS"] == "1" }

    static var installed: Bool {
        LRSScripts.path.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: String($0) + "/uvicorn")
                && FileManager.default.isExecutableFile(atPath: String($0) + "/ralph")
        }
    }

    static var enabled: Bool { required || installed }

    /// With `tls` (a certificate and its key) Ralph answers over https.
    static func start(tls: (URL, URL)? = nil) throws -> (server: LocalServer, endpoint: String, passwordFile: URL) {
        guard installed else {
            throw SetupError("Ralph is not installed: pip install \"ralph-malph[cli,lrs]\" requests")
        }
        let folder = SkillsBinary.temporaryFolder()
        let passwordFile = folder.appendingPathComponent("password")
        try (password + "\n").write(to: passwordFile, atomically: true, encoding: .utf8)
        let port = try freePort()
        let process = LRSScripts.run(
            URL(fileURLWithPath: "/bin/bash"),
            [
                LRSScripts.folder.appendingPathComponent("ralph-serve").path,
                folder.appendingPathComponent("ralph").path,
                String(port), user, passwordFile.path,
            ] + (tls.map { [$0.0.path, $0.1.path] } ?? []))
        let log = folder.appendingPathComponent("ralph.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let server = LocalServer(process: process, port: port, folder: folder)
        // Creating the user hashes a password (a few seconds); then uvicorn starts.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if !process.isRunning {
                let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
                throw SetupError("Ralph stopped: \(text.suffix(500))")
            }
            if canConnect(port) {
                return (server, "\(tls == nil ? "http" : "https")://127.0.0.1:\(port)/xAPI/", passwordFile)
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        server.stop()
        throw SetupError("Ralph did not answer on port \(port) within 60 s")
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw SetupError("no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func canConnect(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

struct SetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A class of results made with the real binary: `count` after-shift check-ins on
/// different days, with varied answers, a skip or two, and a reflection each.
enum LRSClass {
    /// A class summary without its reflections: `sync` never sends them unless asked
    /// (--include-reflections), so a class rebuilt from an LRS has the same numbers and none of them.
    static func withoutReflections(_ output: String) -> String {
        if output.hasPrefix("{"), let data = output.data(using: .utf8),
            var object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        {
            object["reflections"] = nil
            let again = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: again, as: UTF8.self)
        }
        guard let start = output.range(of: "\nReflections, by question\n"),
            let end = output.range(of: "\n\n", range: start.upperBound..<output.endIndex)
        else { return output }
        return String(output[..<start.lowerBound]) + "\n" + String(output[end.upperBound...])
    }

    static func make(_ count: Int, in store: URL, first: Int = 1) throws {
        for i in first..<(first + count) {
            var answers: [String] = (1...10).map { j in (i + j) % 13 == 0 ? "-" : String((i * 7 + j * 3) % 5 + 1) }
            answers.append("Reflection \(i): stay calm")
            let run = try SkillsBinary.run(
                [
                    "take", "shift-checkin", "--name", "Agent\(i)", "--store", store.path, "--answers",
                    answers.joined(separator: ","),
                ],
                environment: ["SKILLS_NOW": String(format: "2026-11-%02dT%02d:30:00Z", i % 20 + 1, 8 + i % 10)])
            guard run.status == 0 else { throw SetupError("take failed: \(run.stderr)") }
        }
    }
}
