import Foundation
import Testing

@testable import SkillsCore

/// A pre/post class on one form of the scenario quiz, taken with `skills take … --form
/// course --answers`, and compared with `skills gain`. Before the course every person
/// misses the form's first listening question; after it they get that one right and answer
/// everything else as before: +1 of 3 listening questions, +100/3 points in listening,
/// 0 in every other area, and +100/15 overall (one more of 15 questions right).
@Suite struct GainTests {
    static let form = "course"
    static let key = ClassTests.keyOf(form: form)
    static let areas: [String] = {
        let run = try! SkillsBinary.run(["show", "scenario-quiz", "--form", form, "--format", "json"])
        let questionnaire = try! JSONDecoder().decode(Questionnaire.self, from: Data(run.stdout.utf8))
        return questionnaire.items.map { $0.area ?? "" }
    }()
    static let names = (1...12).map { String(format: "Agent %02d", $0) }

    /// Person p gets question i right when (p × 7 + i × 3) % 10 is below their ability,
    /// except the first listening question, which is wrong before and right after.
    static func answers(for participant: Int, after: Bool) -> String {
        let ability = 3 + participant % 7
        let shifted = areas.firstIndex(of: "listening")!
        return key.enumerated().map { index, right in
            let wrong = right.contains("A") ? "B" : "A"
            if index == shifted { return after ? right : wrong }
            return (participant * 7 + index * 3) % 10 < ability ? right : wrong
        }.joined(separator: ",")
    }

    static func take(_ name: String, store: URL, at time: String, answers: String, form: String = form) {
        let run = try! SkillsBinary.run(
            ["take", "scenario-quiz", "--name", name, "--store", store.path, "--form", form, "--answers", answers],
            environment: ["SKILLS_NOW": time])
        precondition(run.status == 0, run.stderr)
    }

    /// Two stores, before and after; Zed sat only before, Yan only after.
    static let stores: (before: URL, after: URL) = {
        let before = SkillsBinary.temporaryFolder()
        let after = SkillsBinary.temporaryFolder()
        for (index, name) in names.enumerated() {
            take(name, store: before, at: "2026-11-02T09:00:00Z", answers: answers(for: index, after: false))
            take(name, store: after, at: "2026-11-20T09:00:00Z", answers: answers(for: index, after: true))
        }
        take("Zed", store: before, at: "2026-11-02T10:00:00Z", answers: answers(for: 3, after: false))
        take("Yan", store: after, at: "2026-11-20T10:00:00Z", answers: answers(for: 4, after: true))
        return (before, after)
    }()

    /// Both sittings' files in one folder, for --split.
    static let together: URL = {
        let folder = SkillsBinary.temporaryFolder()
        for store in [stores.before, stores.after] {
            let results = store.appendingPathComponent("results")
            for name in SkillsBinary.results(in: store) {
                try! FileManager.default.copyItem(
                    at: results.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
        }
        return folder
    }()

    static func report(_ arguments: [String]) throws -> GainReport {
        let run = try SkillsBinary.run(["gain"] + arguments + ["--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        return try JSONFile.decode(GainReport.self, from: Data(run.stdout.utf8), file: "stdout")
    }

    static func close(_ value: Double?, _ expected: Double) -> Bool {
        value.map { abs($0 - expected) <= 1e-9 } ?? false
    }

    @Test func aClassWithAKnownShiftGivesThatShift() throws {
        let report = try Self.report([Self.stores.before.path, Self.stores.after.path])
        #expect(report.questionnaire == "scenario-quiz")
        #expect(report.matched == 12)
        #expect(report.overall.basis == .sameItems)
        #expect(Self.close(report.overall.meanChange, 100.0 / 15))
        for row in report.areas {
            #expect(row.people == 12)
            #expect(Self.close(row.meanChange, row.area == "listening" ? 100.0 / 3 : 0), "\(row.name)")
        }
        // Every person moved by exactly the same amount: no spread, so no d_z.
        let listening = try #require(report.areas.first { $0.area == "listening" })
        #expect(listening.effectSize == nil)
        #expect(report.people.allSatisfy { Self.close($0.change, 100.0 / 15) })
        let counts = listening.reliableChange
        #expect(counts.up + counts.down + counts.noClearChange + counts.undetermined == 12)
        #expect(counts.down == 0)
    }

    @Test func unmatchedPeopleAreListed() throws {
        let report = try Self.report([Self.stores.before.path, Self.stores.after.path])
        #expect(report.unmatched.before == ["Zed"])
        #expect(report.unmatched.after == ["Yan"])
        let text = try SkillsBinary.run(["gain", Self.stores.before.path, Self.stores.after.path])
        #expect(text.stdout.contains("Only before: Zed"))
        #expect(text.stdout.contains("Only after: Yan"))
    }

    @Test func aSplitGivesTheSameNumbersAsTwoFolders() throws {
        var split = try Self.report([Self.together.path, "--split", "2026-11-10"])
        var folders = try Self.report([Self.stores.before.path, Self.stores.after.path])
        #expect(split.before.label.hasSuffix("before 2026-11-10"))
        #expect(split.after.label.hasSuffix("from 2026-11-10 on"))
        for path: WritableKeyPath<GainReport, String> in [\.before.label, \.after.label] {
            split[keyPath: path] = ""
            folders[keyPath: path] = ""
        }
        #expect(split == folders)
    }

    @Test func everyFormatRendersAndTheTextFitsTheWidth() throws {
        let paths = [Self.stores.before.path, Self.stores.after.path]
        let text = try SkillsBinary.run(["gain"] + paths, environment: ["COLUMNS": "60"])
        #expect(text.status == 0)
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 60 }, "\(text.stdout)")
        #expect(text.stdout.contains("Hake's gain is the class-average form"))
        let csv = try SkillsBinary.run(["gain"] + paths + ["--format", "csv"])
        let rows = csv.stdout.split(separator: "\r\n")
        #expect(rows.count == 7)  // header, overall, five areas
        #expect(rows[1].hasPrefix("scenario-quiz,overall,Overall,12,"))
        let html = try SkillsBinary.run(["gain"] + paths + ["--format", "html"])
        #expect(html.stdout.contains("<svg"))
        #expect(!html.stdout.contains("<script"))
        #expect(html.stdout.contains("Only before: Zed"))
        let markdown = try SkillsBinary.run(["gain"] + paths + ["--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Training gain"))
    }

    @Test func helpHasExamplesAndDatesAreShownInTheReadersZone() throws {
        let help = try SkillsBinary.run(["gain", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Examples:\n  skills gain"))
        #expect(try SkillsBinary.run(["--help"]).stdout.contains("  gain "))
        // Taken at 09:00 UTC on 2 November: still the 2nd in New York, the zone named.
        let text = try SkillsBinary.run(
            ["gain", Self.stores.before.path, Self.stores.after.path],
            environment: ["TZ": "America/New_York", "COLUMNS": "200"])  // wide, so the date is never wrapped
        #expect(text.stdout.contains("2026-11-02 (America/New_York)"))
    }

    @Test func aNameFromAFileCannotReachTheTerminalOrThePage() throws {
        // The same person in both sittings, renamed in the files with an escape sequence and markup.
        let name = "Evil\u{1B}[2J<script>x</script>"
        var folders: [URL] = []
        for store in [Self.stores.before, Self.stores.after] {
            let folder = SkillsBinary.temporaryFolder()
            let file = try #require(SkillsBinary.results(in: store).first { $0.contains("agent-01") })
            let data = try Data(contentsOf: store.appendingPathComponent("results/\(file)"))
            var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            object["person"] = name
            try JSONSerialization.data(withJSONObject: object).write(to: folder.appendingPathComponent(file))
            folders.append(folder)
        }
        let text = try SkillsBinary.run(["gain", folders[0].path, folders[1].path])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(!text.stdout.contains("\u{1B}"))
        let html = try SkillsBinary.run(["gain", folders[0].path, folders[1].path, "--format", "html"])
        #expect(!html.stdout.contains("<script>"))
        #expect(html.stdout.contains("&lt;script&gt;"))
    }

    @Test func differentFormsAreComparedWithACaveat() throws {
        let before = SkillsBinary.temporaryFolder()
        let after = SkillsBinary.temporaryFolder()
        let all = String(repeating: "A,", count: 14) + "A"
        for name in ["Ana", "Ben", "Cleo"] {
            Self.take(name, store: before, at: "2026-11-02T09:00:00Z", answers: all, form: "pre")
            Self.take(name, store: after, at: "2026-11-20T09:00:00Z", answers: all, form: "post")
        }
        let report = try Self.report([before.path, after.path])
        #expect(report.overall.basis != .sameItems)
        #expect(report.overall.commonItems != nil)
        let text = try SkillsBinary.run(["gain", before.path, after.path])
        #expect(text.stdout.contains("whole-form scores are compared"))
    }

    @Test func badInputGetsOneClearLineAndTheDocumentedExitCode() throws {
        let before = Self.stores.before.path
        let after = Self.stores.after.path
        // No one in common: the after side is someone else entirely.
        let stranger = SkillsBinary.temporaryFolder()
        Self.take(
            "Nobody Else", store: stranger, at: "2026-11-20T09:00:00Z", answers: Self.answers(for: 0, after: true))
        let unmatched = try SkillsBinary.run(["gain", before, stranger.path])
        #expect(unmatched.status == 65)
        #expect(unmatched.stderrLines.count == 1)
        #expect(unmatched.stderr.contains("no one sat both"))

        let checkin = SkillsBinary.temporaryFolder()
        let checkinRun = try SkillsBinary.run([
            "take", "shift-checkin", "--name", "Agent 01", "--store", checkin.path, "--answers",
            "4,5,3,4,4,2,5,4,3,4,-",
        ])
        #expect(checkinRun.status == 0, "\(checkinRun.stderr)")
        let mixed = try SkillsBinary.run(["gain", before, checkin.path])
        #expect(mixed.status == 65)
        #expect(mixed.stderr.contains("different questionnaires"))

        let missing = try SkillsBinary.run(["gain", before, "/nonexistent/folder"])
        #expect(missing.status == 66)
        let badDate = try SkillsBinary.run(["gain", before, "--split", "2026-02-30"])
        #expect(badDate.status == 64)
        let oneFolder = try SkillsBinary.run(["gain", before])
        #expect(oneFolder.status == 64)
        let twoWithSplit = try SkillsBinary.run(["gain", before, after, "--split", "2026-11-10"])
        #expect(twoWithSplit.status == 64)

        // A store holding two questionnaires asks which; --questionnaire chooses.
        let both = SkillsBinary.temporaryFolder()
        for name in SkillsBinary.results(in: checkin) + SkillsBinary.results(in: Self.stores.before) {
            let source = [checkin, Self.stores.before].map { $0.appendingPathComponent("results/\(name)") }
                .first { FileManager.default.fileExists(atPath: $0.path) }!
            try FileManager.default.copyItem(at: source, to: both.appendingPathComponent(name))
        }
        let several = try SkillsBinary.run(["gain", both.path, after])
        #expect(several.status == 64)
        #expect(several.stderr.contains("--questionnaire"))
        let chosen = try SkillsBinary.run(["gain", both.path, after, "--questionnaire", "scenario-quiz"])
        #expect(chosen.status == 0, "\(chosen.stderr)")

        // A damaged file is skipped with a warning, and the rest still compared.
        try Data("{ not json".utf8).write(to: both.appendingPathComponent("damaged.json"))
        let damaged = try SkillsBinary.run(["gain", both.path, after, "--questionnaire", "scenario-quiz"])
        #expect(damaged.status == 0)
        #expect(damaged.stderr.contains("warning: skipped"))
        #expect(damaged.stderr.contains("damaged.json"))
    }
}
