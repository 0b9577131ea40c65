import Foundation
import Testing

/// Runs every case of the bad-input catalogue against the real binary, and checks that
/// docs/bad-input.md lists exactly these cases with these exit codes and messages.
@Suite struct BadInputCatalogueTests {
    static let doc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("docs/bad-input.md")

    @Test(arguments: Catalogue.cases.map(\.id))
    func badInputGetsItsExitCodeAndOneClearLine(id: String) throws {
        let entry = Catalogue.cases.first { $0.id == id }!
        let folder = SkillsBinary.temporaryFolder()
        let substitute = { (text: String) in text.replacingOccurrences(of: "$DIR", with: folder.path) }
        try CatalogueRunner.prepare(entry, in: folder)
        let run = try CatalogueRunner.run(entry, in: folder)
        #expect(!run.timedOut, "still running after \(CatalogueRunner.timeout) s: killed")
        #if os(Linux)
            // Run as root, a `--output /dev/stdout` that replaces its target renames a file over
            // /dev/stdout; put the link back so one failing case does not break the machine.
            if entry.arguments.contains("/dev/stdout"),
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/dev/stdout")) == nil
            {
                Issue.record("/dev/stdout was replaced by a file; restored the link to /proc/self/fd/1")
                try? FileManager.default.removeItem(atPath: "/dev/stdout")
                try? FileManager.default.createSymbolicLink(
                    atPath: "/dev/stdout", withDestinationPath: "/proc/self/fd/1")
            }
        #endif
        #expect(run.status == entry.exit, "\(run.stderr)")
        #expect(
            !run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump")
                && !run.stderr.contains("Backtrace"))
        let first = run.stderrLines.first ?? ""
        #expect(Self.matches(first, substitute(entry.message)), "\(first)")
        if entry.exit != 0 && entry.exit != 1 {
            // One line, or a usage error's line and its usage line.
            #expect(run.stderrLines.count == 1 || (entry.exit == 64 && run.stderrLines.count == 2), "\(run.stderr)")
        }
        #expect(!run.stderr.contains("\u{1B}"))
        for text in entry.stdoutContains { #expect(run.stdout.contains(substitute(text)), "\(run.stdout)") }
        for text in entry.stdoutExcludes { #expect(!run.stdout.contains(text), "\(run.stdout.debugDescription)") }
        if let forged = entry.forgedLine {
            let lines = (run.stdout + "\n" + run.stderr).split(whereSeparator: \.isNewline)
            let raw = lines.filter { line in
                line.components(separatedBy: forged).dropLast().contains { !$0.hasSuffix("^J") }
            }
            #expect(raw.isEmpty, "\(raw)")
        }
        if let saved = entry.savedResults {
            #expect(SkillsBinary.results(in: folder).count == saved)
        }
        for (name, text) in entry.fileContains {
            let contents = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            #expect(contents.contains(text), "\(name): \(contents.prefix(200))")
        }
        for (name, text) in entry.fileExcludes {
            let contents = (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? ""
            #expect(!contents.contains(text), "\(name): \(contents.prefix(200))")
        }
    }

    /// A "…" stands for any text: the message must start with the part before the first one
    /// and hold the other parts in order.
    static func matches(_ line: String, _ expected: String) -> Bool {
        guard expected.contains("…") else { return line == expected }
        let parts = expected.components(separatedBy: "…")
        guard line.hasPrefix(parts[0]) else { return false }
        var rest = line.dropFirst(parts[0].count)
        for part in parts.dropFirst() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return expected.hasSuffix("…") || rest.isEmpty
    }

    @Test func aClosedPipeIsNotACrash() throws {
        let binary = SkillsBinary.url.path
        let run = try SkillsBinary.run(
            ["-c", "'\(binary)' show self-assessment --key | head -n 1 >/dev/null; echo ${PIPESTATUS[0]}"],
            executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(run.stdout == "0\n")
        #expect(run.stderr.isEmpty)
    }

    static func documentText() -> String {
        var lines = [
            "# Bad input catalogue",
            "",
            "Every bad input gets one clear line on standard error (a usage error adds the usage line)",
            "and the documented exit code, never a crash. Each row is a test in",
            "`Tests/SkillsEndToEndTests/BadInputCatalogue.swift`, run by `swift test`; this page is",
            "re-written from it with `SKILLS_RECORD_SNAPSHOTS=1 swift test --filter BadInputCatalogueTests`.",
            "`$DIR` is the case's folder; `…` stands for text that varies. FIFOs, sockets and links",
            "that a case needs are made by the test (see `BadInput.Setup`).",
            "",
            "Also tested elsewhere: SIGINT while taking (exit 130, nothing saved), output piped into",
            "`head` (no crash on the closed pipe), 50 saves at once, and a save killed before its",
            "rename (SavingUnderPressureTests, BadInputCatalogueTests). A case still running after 20 s is",
            "killed and fails: a FIFO opened blocking must not hang CI. `scripts/kill-loop` SIGKILLs `take`",
            "at random moments and checks the store afterwards.",
            "",
            "| # | case | bad input | command | exit | message (first line on stderr) |",
            "|---:|---|---|---|---:|---|",
        ]
        for (index, entry) in Catalogue.cases.enumerated() {
            let command = entry.arguments.map { $0.count > 40 ? String($0.prefix(37)) + "…" : $0 }
                .map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
            let visible = { (text: String) in
                text.replacingOccurrences(of: "\u{1B}", with: "\\e").replacingOccurrences(of: "|", with: "\\|")
                    .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
            }
            let message =
                !entry.message.isEmpty
                ? "`\(visible(entry.message))`" : entry.exit == 0 ? "(none)" : "(problems on standard output)"
            let output: String
            switch entry.output {
            case .captured: output = ""
            case .redirected(let path): output = " > \(path)"
            case .closed: output = " >&-"
            case .terminal: output = " on a terminal"
            }
            lines.append(
                "| \(index + 1) | \(entry.id) | \(entry.what) | `skills "
                    + "\(visible(command))`\(output)\(entry.stdin.isEmpty ? "" : " with input") | \(entry.exit) | "
                    + "\(message) |"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func theCatalogueDocumentListsEveryCase() throws {
        let text = Self.documentText()
        if ProcessInfo.processInfo.environment["SKILLS_RECORD_SNAPSHOTS"] != nil {
            try text.write(to: Self.doc, atomically: true, encoding: .utf8)
        }
        #expect(
            try String(contentsOf: Self.doc, encoding: .utf8) == text,
            "re-write docs/bad-input.md with SKILLS_RECORD_SNAPSHOTS=1")
        #expect(Catalogue.cases.count >= 100)
        #expect(Set(Catalogue.cases.map(\.id)).count == Catalogue.cases.count)
    }
}

struct CatalogueRun {
    let status: Int32
    let stdout: String
    let stderr: String
    let timedOut: Bool

    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

/// Sets up a case's folder and runs the binary with a time limit, so a case that hangs (a
/// FIFO opened blocking) fails instead of stopping CI.
enum CatalogueRunner {
    static let timeout: TimeInterval = 20

    static func prepare(_ entry: BadInput, in folder: URL) throws {
        let substitute = { (text: String) in text.replacingOccurrences(of: "$DIR", with: folder.path) }
        let place = { (name: String) -> URL in
            let url = folder.appendingPathComponent(name)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            return url
        }
        for (name, data) in entry.files { try data.write(to: place(name)) }
        for setup in entry.setup {
            switch setup {
            case .fifo(let name), .fedFifo(let name, _):
                guard mkfifo(place(name).path, 0o644) == 0 else { throw POSIXError(.EEXIST) }
            case .socket(let name):
                try makeSocket(at: place(name).path)
            case .link(let name, let target):
                try FileManager.default.createSymbolicLink(
                    atPath: place(name).path, withDestinationPath: substitute(target))
            case .folder(let name):
                try FileManager.default.createDirectory(at: place(name), withIntermediateDirectories: true)
            }
        }
    }

    static func run(_ entry: BadInput, in folder: URL) throws -> CatalogueRun {
        // A writer whose reader has gone must get EPIPE, not stop the test process.
        signal(SIGPIPE, SIG_IGN)
        let substitute = { (text: String) in text.replacingOccurrences(of: "$DIR", with: folder.path) }
        let scratch = SkillsBinary.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let arguments = entry.arguments.map(substitute)
        let process = Process()
        var environment = ["PATH": "/usr/bin:/bin", "HOME": scratch.path, "USER": "tester", "LANG": "C.UTF-8"]
        switch entry.output {
        case .captured:
            process.executableURL = SkillsBinary.url
            process.arguments = arguments
        case .redirected(let path):
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" >'\(path)'", SkillsBinary.url.path] + arguments
        case .closed:
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exec \"$0\" \"$@\" >&-", SkillsBinary.url.path] + arguments
        case .terminal:
            let command = ([SkillsBinary.url.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", command, "/dev/null"]
            environment["TERM"] = "xterm"
        }
        process.environment = environment.merging(entry.environment.mapValues(substitute)) { _, new in new }
        process.currentDirectoryURL = scratch
        // Standard input is a pipe, as when answers are piped in; it is filled and closed
        // before the binary starts, so a binary that never reads it cannot block the test.
        let input = Pipe()
        input.fileHandleForWriting.write(Data(entry.stdin.utf8))
        try input.fileHandleForWriting.close()
        process.standardInput = input
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        for case .fedFifo(let name, let text) in entry.setup {
            feed(folder.appendingPathComponent(name).path, with: text)
        }
        try process.run()
        let start = Date()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(start) > timeout {
                kill(process.processIdentifier, SIGKILL)
                timedOut = true
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return CatalogueRun(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), timedOut: timedOut)
    }

    /// Writes the text into a FIFO once a reader has opened it, giving up after the time
    /// limit; opening without blocking means no thread is left stuck when nobody reads.
    static func feed(_ path: String, with text: String) {
        Thread.detachNewThread {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                let descriptor = open(path, O_WRONLY | O_NONBLOCK)
                if descriptor >= 0 {
                    _ = fcntl(descriptor, F_SETFL, 0)
                    let bytes = Array(text.utf8)
                    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                    close(descriptor)
                    return
                }
                usleep(10_000)
            }
        }
    }

    /// A listening-free Unix socket file, as a crashed server leaves behind.
    static func makeSocket(at path: String) throws {
        #if canImport(Glibc)
            let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw POSIXError(.ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw POSIXError(.EIO) }
    }
}
