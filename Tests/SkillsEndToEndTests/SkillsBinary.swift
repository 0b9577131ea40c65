import Foundation
import TestScratch

/// Runs the built `skills` binary as a user would: real arguments, piped standard input,
/// a temporary store and home, and captured stdout, stderr and exit code.
struct SkillsRun {
    let status: Int32
    let stdout: String
    let stderr: String

    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
}

enum SkillsBinary {
    /// `swift build` puts the executable beside the test bundle.
    static let url: URL = {
        let candidates = [
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
                .appendingPathComponent(".build/debug"),
        ]
        for folder in candidates {
            let binary = folder.appendingPathComponent("skills")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        fatalError("the skills binary was not found beside the tests; run 'swift build' first")
    }()

    /// A new folder inside this run's scratch folder.
    static func temporaryFolder() -> URL { Scratch.folder() }

    static func run(
        _ arguments: [String], stdin: String = "", environment: [String: String] = [:],
        executable: URL = url, directory: URL? = nil
    ) throws -> SkillsRun {
        let scratch = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? scratch
        // A clean environment: nothing from the developer's own store or colour settings.
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": scratch.path, "USER": "tester", "LANG": "C.UTF-8"]
            .merging(environment) { _, new in new }
        let input = Pipe()
        process.standardInput = input
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return SkillsRun(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// The result files in a store.
    static func results(in store: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: store.appendingPathComponent("results").path)) ?? [])
            .filter { $0.hasSuffix(".json") }
    }
}
