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
        for (name, data) in entry.files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let substitute = { (text: String) in text.replacingOccurrences(of: "$DIR", with: folder.path) }
        let run = try SkillsBinary.run(
            entry.arguments.map(substitute), stdin: entry.stdin, environment: entry.environment)
        #expect(run.status == entry.exit, "\(run.stderr)")
        #expect(
            !run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump")
                && !run.stderr.contains("Backtrace"))
        let expected = substitute(entry.message)
        let first = run.stderrLines.first ?? ""
        if expected.hasSuffix("…") {
            #expect(first.hasPrefix(String(expected.dropLast())), "\(first)")
        } else {
            #expect(first == expected)
        }
        if entry.exit != 0 && entry.exit != 1 {
            // One line, or a usage error's line and its usage line.
            #expect(run.stderrLines.count == 1 || (entry.exit == 64 && run.stderrLines.count == 2), "\(run.stderr)")
        }
        #expect(!run.stderr.contains("\u{1B}"))
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
            "`$DIR` is the case's folder; `…` ends a message whose rest varies.",
            "",
            "Also tested elsewhere: SIGINT while taking (exit 130, nothing saved), output piped into",
            "`head` (no crash on the closed pipe), 50 saves at once, and a save killed before its",
            "rename (SavingUnderPressureTests, BadInputCatalogueTests).",
            "",
            "| # | case | bad input | command | exit | message (first line on stderr) |",
            "|---:|---|---|---|---:|---|",
        ]
        for (index, entry) in Catalogue.cases.enumerated() {
            let command = entry.arguments.map { $0.count > 40 ? String($0.prefix(37)) + "…" : $0 }
                .map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
            let visible = { (text: String) in
                text.replacingOccurrences(of: "\u{1B}", with: "\\e").replacingOccurrences(of: "|", with: "\\|")
            }
            let message = entry.message.isEmpty ? "(problems on standard output)" : "`\(visible(entry.message))`"
            lines.append(
                "| \(index + 1) | \(entry.id) | \(entry.what) | `skills "
                    + "\(visible(command))`\(entry.stdin.isEmpty ? "" : " with input") | \(entry.exit) | \(message) |"
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
        #expect(Catalogue.cases.count >= 40)
        #expect(Set(Catalogue.cases.map(\.id)).count == Catalogue.cases.count)
    }
}
