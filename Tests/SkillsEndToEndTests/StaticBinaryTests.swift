import Foundation
import Testing

/// The README's install promise: the release binary built with `--static-swift-stdlib`, copied
/// alone, runs on a machine without the Swift toolchain. The build machine has the toolchain,
/// so the test hides it: a private mount namespace (`unshare -m`) with an empty tmpfs mounted
/// over the toolchain's folder. A binary that still needs a Swift library fails to start there.
/// These tests fail rather than skip when anything is missing (no unshare, not root, no build),
/// because a skipped proof proves nothing.
@Suite struct StaticBinaryTests {
    /// The libraries every Linux has (glibc, its loader and the GCC C++ runtime).
    static let systemLibraries: Set<String> = [
        "linux-vdso.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "libc.so.6", "libm.so.6",
        "libpthread.so.0", "libdl.so.2", "librt.so.1", "libutil.so.1", "libstdc++.so.6", "libgcc_s.so.1",
    ]

    @Test("The static release binary needs only the C and C++ runtime libraries")
    func needsOnlyTheSystemLibraries() throws {
        let binary = try StaticBuild.binary.get()
        let ldd = try SkillsBinary.run([binary.path], executable: URL(fileURLWithPath: "/usr/bin/ldd"))
        #expect(ldd.status == 0, "ldd: \(ldd.stderr)")
        let needed = ldd.stdout.split(separator: "\n").compactMap { line in
            line.split(whereSeparator: \.isWhitespace).first.map { String($0.split(separator: "/").last ?? $0) }
        }
        #expect(!needed.isEmpty)
        let others = needed.filter { !Self.systemLibraries.contains($0) }
        #expect(others.isEmpty, "beyond the C and C++ runtime:\n\(ldd.stdout)")
    }

    @Test("Copied alone and stripped, the binary lists, takes and reports with the toolchain hidden")
    func runsWithTheToolchainHidden() throws {
        let built = try StaticBuild.binary.get()
        let toolchain = try Toolchain.folderToHide()
        let folder = SkillsBinary.temporaryFolder()
        let store = SkillsBinary.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: store)
        }
        let binary = folder.appendingPathComponent("skills")
        try FileManager.default.copyItem(at: built, to: binary)
        // As the README installs it: stripped.
        let strip = try SkillsBinary.run([binary.path], executable: URL(fileURLWithPath: "/usr/bin/strip"))
        #expect(strip.status == 0, "strip: \(strip.stderr)")

        let list = try Toolchain.runHidden(toolchain, binary, ["list"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("shift-checkin"))
        #expect(list.stdout.contains("built-in"))

        // Hand working (scale 1–5, so an item earns answer − 1 of 4 points; the second item of
        // the first four areas is reverse-keyed and counts 6 − answer): listening 4, 5→1 gives
        // (3 + 0) / 8 = 37.5; anticipating 3, 4→2 gives (2 + 1) / 8 = 37.5; communicating 4, 2→4
        // gives 6 / 8 = 75; empathy 5, 4→2 gives 5 / 8 = 62.5; beyond 3, 4 gives 5 / 8 = 62.5.
        // Overall the mean, 275 / 5 = 55, in the Developing band (40–59).
        let take = try Toolchain.runHidden(
            toolchain, binary, ["take", "shift-checkin", "--answers", "4,5,2,3,4,2,5,4,3,4", "--store", store.path])
        #expect(take.status == 0, "\(take.stderr)")
        #expect(take.stdout.contains("Overall 55 ±9 / 100 · Developing"))
        #expect(SkillsBinary.results(in: store).count == 1)

        let report = try Toolchain.runHidden(toolchain, binary, ["report", "--store", store.path])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("tester · After-shift check-in"))
        #expect(report.stdout.contains("Overall 55 ±9 / 100 · Developing"))
    }
}

extension StaticBinaryTests {
    @Test("With the toolchain hidden, the static binary syncs over https through the system's libssl")
    func syncsOverHTTPSWithTheToolchainHidden() throws {
        let binary = try StaticBuild.binary.get()
        let toolchain = try Toolchain.folderToHide()
        let certificates = try TestCertificates.make()
        let store = SkillsBinary.temporaryFolder()
        try LRSClass.make(1, in: store)
        let lrs = try FakeLRS.start(tls: certificates.server)
        defer { lrs.server.stop() }
        let arguments = ["sync", "--store", store.path, "--lrs", lrs.endpoint, "--actor-homepage", "https://x.example"]
        let sync = try Toolchain.runHidden(
            toolchain, binary, arguments, environment: ["SSL_CERT_FILE": certificates.authority.path])
        #expect(sync.status == 0, "\(sync.stderr)")
        // 1 completed + 10 ratings (the first check-in skips none).
        #expect(sync.stderrLines.last == "Sent 11 statements of 1 results to \(lrs.endpoint)/.")
    }

    @Test("Without libssl, https is one line saying what to install, and the rest of skills still runs")
    func withoutLibsslHTTPSSaysWhatToInstall() throws {
        let binary = try StaticBuild.binary.get()
        let toolchain = try Toolchain.folderToHide()
        let libraries = OpenSSLFiles.installed()
        #expect(!libraries.isEmpty, "no libssl.so* found to hide: the test would prove nothing")
        let store = SkillsBinary.temporaryFolder()
        try LRSClass.make(1, in: store)
        // Port 9 on loopback has no listener: the message must come before any connection.
        let sync = try Toolchain.runHidden(
            toolchain, binary,
            [
                "sync", "--store", store.path, "--lrs", "https://127.0.0.1:9/xAPI", "--actor-homepage",
                "https://x.example",
            ],
            hiding: libraries)
        #expect(sync.status == 64)
        #expect(
            sync.stderrLines == [
                "Error: https:// needs OpenSSL 3 (libssl.so.3) installed on this machine (Debian/Ubuntu: "
                    + "apt-get install libssl3; Fedora/RHEL: dnf install openssl-libs), "
                    + "or use the LRS's http:// address"
            ])
        let list = try Toolchain.runHidden(toolchain, binary, ["list"], hiding: libraries)
        #expect(list.status == 0, "\(list.stderr)")
    }
}

/// Where the system keeps libssl: every file named libssl.so* in the loader's usual folders,
/// links resolved, so covering them leaves dlopen nothing to find.
enum OpenSSLFiles {
    static func installed() -> [String] {
        let folders = [
            "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/x86_64-linux-gnu",
            "/lib/aarch64-linux-gnu",
            "/usr/lib64", "/lib64", "/usr/lib", "/lib", "/usr/local/lib",
        ]
        var found = Set<String>()
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names where name.hasPrefix("libssl.so") {
                found.insert(URL(fileURLWithPath: folder + "/" + name).resolvingSymlinksInPath().path)
            }
        }
        return found.sorted()
    }
}

/// The static release build, made once for the suite in its own scratch folder so that it does
/// not fight the debug build. SwiftPM decides whether it is up to date (about a second when it
/// is). `SKILLS_STATIC_BINARY=path` tests that binary instead, for instance the dynamically
/// linked debug build, to see the tests fail.
enum StaticBuild {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let binary: Result<URL, StaticBinaryProblem> = {
        if let given = ProcessInfo.processInfo.environment["SKILLS_STATIC_BINARY"] {
            return .success(URL(fileURLWithPath: given))
        }
        let scratch = packageRoot.appendingPathComponent(".build-static")
        let arguments = [
            "build", "-c", "release", "--static-swift-stdlib", "--product", "skills", "--scratch-path", scratch.path,
        ]
        do {
            let build = try SkillsBinary.run(
                arguments, environment: ProcessInfo.processInfo.environment, executable: Toolchain.swift(),
                directory: packageRoot)
            guard build.status == 0 else {
                return .failure(
                    StaticBinaryProblem(
                        "swift \(arguments.joined(separator: " ")) failed:\n\(build.stdout)\(build.stderr)"))
            }
        } catch {
            return .failure(StaticBinaryProblem("swift build could not start: \(error)"))
        }
        return .success(scratch.appendingPathComponent("release/skills"))
    }()
}

struct StaticBinaryProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

enum Toolchain {
    /// The `swift` on PATH. It is run by this name: it is often a link to `swift-driver`, which
    /// acts on the name it was started by.
    static func swift() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("swift")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        throw StaticBinaryProblem("no swift on PATH (\(path))")
    }

    /// The toolchain's own folder (`/opt/swift` for `/opt/swift/usr/bin/swift`). A toolchain
    /// installed straight into /usr cannot be hidden whole, so then its runtime libraries
    /// (`/usr/lib/swift`) are.
    static func folderToHide() throws -> URL {
        // Links resolved: /usr/bin/swift may be a link into /opt/swift/usr/bin.
        let prefix = try swift().resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
        let root = prefix.deletingLastPathComponent()
        return root.path == "/" ? prefix.appendingPathComponent("lib/swift") : root
    }

    /// Runs the binary in a private mount namespace where an empty tmpfs covers the toolchain;
    /// the mount is checked, so that the run cannot pass with the toolchain still in view.
    /// `hiding` files are covered with /dev/null in the same namespace (and checked empty).
    static func runHidden(
        _ toolchain: URL, _ binary: URL, _ arguments: [String], hiding files: [String] = [],
        environment: [String: String] = [:]
    ) throws -> SkillsRun {
        let covers = files.map { file in
            "mount --bind /dev/null '\(file)' || exit 125; [ -s '\(file)' ] && exit 125\n"
        }.joined()
        let script = """
            mount -t tmpfs skills-hidden-toolchain "$0" || exit 125
            if [ -n "$(ls -A "$0")" ]; then echo "the toolchain is still visible in $0" >&2; exit 125; fi
            \(covers)exec "$@"
            """
        return try SkillsBinary.run(
            ["--mount", "--", "/bin/sh", "-c", script, toolchain.path, binary.path] + arguments,
            environment: environment, executable: URL(fileURLWithPath: "/usr/bin/unshare"))
    }
}
