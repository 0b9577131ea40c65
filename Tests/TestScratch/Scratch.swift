import Foundation

/// Folders for tests, all inside one folder in /tmp per test run that is removed when the test
/// process ends: a folder per test directly in /tmp left about a thousand behind after every run.
/// Names stay short, as before: some outputs show a store's path whole, and tests check that
/// they fit 60 columns.
public enum Scratch {
    /// A new, empty folder.
    public static func folder() -> URL { madeFolder(inside: root.path) }

    private static let root: URL = {
        let url = madeFolder(inside: FileManager.default.temporaryDirectory.path, prefix: "skills-tests-")
        rootPath = url.path
        atexit {
            if let path = Scratch.rootPath { try? FileManager.default.removeItem(atPath: path) }
        }
        return url
    }()

    /// Where `root` is, for the exit handler, which can capture nothing.
    nonisolated(unsafe) private static var rootPath: String?

    /// A new folder with a unique name (mkdtemp: tests run in parallel).
    private static func madeFolder(inside parent: String, prefix: String = "") -> URL {
        var template = Array((parent + "/" + prefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        return URL(fileURLWithPath: String(cString: made!), isDirectory: true)
    }
}
