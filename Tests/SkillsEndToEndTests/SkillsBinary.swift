import Foundation

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
    static func temporaryFolder() -> URL { madeFolder(inside: scratchRoot.path) }

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

/// One folder in /tmp for the whole test run, removed when the test process ends: a folder per
/// test directly in /tmp left about a thousand behind after every run. Names stay short, as
/// before: some outputs show a store's path whole, and a test checks they fit 60 columns.
private let scratchRoot: URL = {
    let url = madeFolder(inside: FileManager.default.temporaryDirectory.path, prefix: "skills-e2e-")
    scratchRootPath = url.path
    atexit {
        if let path = scratchRootPath { try? FileManager.default.removeItem(atPath: path) }
    }
    return url
}()

/// Where `scratchRoot` is, for the exit handler, which can capture nothing.
nonisolated(unsafe) private var scratchRootPath: String?

/// A new folder with a unique name (mkdtemp: tests run in parallel).
private func madeFolder(inside parent: String, prefix: String = "") -> URL {
    var template = Array((parent + "/" + prefix + "XXXXXX").utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    return URL(fileURLWithPath: String(cString: made!), isDirectory: true)
}
