import Foundation
import Testing

@testable import SkillsCore

/// A class of 30 who took one form of the scenario quiz with `skills take … --form
/// class-a --answers`, summarised with `skills class`.
@Suite struct ClassTests {
    static let form = "class-a"

    /// The form's key, read from the form as `skills show` prints it (the data's
    /// `"correct": true`), so no key is written into the tests.
    static let key: [String] = keyOf(form: form)

    static func keyOf(form: String) -> [String] {
        let run = try! SkillsBinary.run(["show", "scenario-quiz", "--form", form, "--format", "json"])
        let questionnaire = try! JSONDecoder().decode(Questionnaire.self, from: Data(run.stdout.utf8))
        precondition(questionnaire.items.count == 15, run.stderr)
        return questionnaire.items.map { item in
            guard case .choice(let choice) = item.kind else { return "-" }
            return OptionLetters.letters(choice.correctOptions)
        }
    }

    /// Deterministic answers: participant p gets question i right when (p × 7 + i × 3) % 10
    /// is below their ability (3 to 9 of 10); the first question everyone gets right.
    static func answers(for participant: Int) -> String {
        let ability = 3 + participant % 7
        return key.enumerated().map { index, right in
            if index == 0 || (participant * 7 + index * 3) % 10 < ability { return right }
            return right.contains("A") ? "B" : "A"
        }.joined(separator: ",")
    }

    static let folder: URL = {
        let store = SkillsBinary.temporaryFolder()
        for participant in 0..<30 {
            let run = try! SkillsBinary.run([
                "take", "scenario-quiz", "--name", String(format: "Agent %02d", participant + 1),
                "--store", store.path, "--form", form, "--answers", answers(for: participant),
            ])
            precondition(run.status == 0, run.stderr)
        }
        return store.appendingPathComponent("results")
    }()

    @Test func theSummaryMatchesStatisticsComputedFromTheFiles() throws {
        let run = try SkillsBinary.run(["class", Self.folder.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try JSONFile.decode(ClassSummary.self, from: Data(run.stdout.utf8), file: "stdout")
        #expect(summary.participantCount == 30)
        #expect(summary.reliable)

        // The same method as ItemAnalysisTests, applied by hand to the files' points.
        let results = try JSONFile.files(in: Self.folder.path).map { try ResultReader.read(path: $0) }
        for area in Fixture.areaIDs {
            let columns = results[0].answers.indices.filter { results[0].answers[$0].area == area }.map { index in
                results.map { $0.answers[index].points ?? 0 }
            }
            let scale = try #require(summary.scales.first { $0.area == area })
            #expect(
                scale.alpha.map { abs($0 - Statistics.cronbachAlpha(columns)!) < 1e-9 }
                    ?? (Statistics.cronbachAlpha(columns) == nil))
            let facilities = columns.map { 100 * $0.reduce(0, +) / Double($0.count) }
            #expect(
                summary.items.filter { $0.area == area }.map(\.facility!).map { ($0 * 1e6).rounded() }
                    == facilities.map { ($0 * 1e6).rounded() })
        }
        // Everyone got the first question right: flagged as too easy, with no discrimination.
        let first = try #require(summary.items.first)
        #expect(first.facility == 100)
        #expect(first.flags.map(\.kind) == ["too-easy"])
        #expect(first.options?.first { $0.correct }?.count == 30)
    }

    @Test func textHTMLAndMarkdownSummariesShowTheClassPicture() throws {
        let text = try SkillsBinary.run(["class", Self.folder.path])
        #expect(text.status == 0)
        for part in [
            "Participants, by overall score", "Skill areas", "Weakest area", "Item analysis", "Reliability per area",
            "KR-20",
        ] {
            #expect(text.stdout.contains(part), "\(part)")
        }
        let html = try SkillsBinary.run(["class", Self.folder.path, "--format", "html"])
        let document = try XMLDocument(data: Data(html.stdout.utf8), options: [])
        #expect(try document.nodes(forXPath: "//*[local-name()='svg']").count == 1)
        let markdown = try SkillsBinary.run(["class", Self.folder.path, "--format", "markdown", "--anonymize"])
        // Random codes (T-7Q2K), not numbers in the names' order.
        #expect(markdown.stdout.contains(#/\| T-[0-9A-Z]{4} \|/#))
        #expect(!markdown.stdout.contains("Agent"))
    }

    @Test func theCSVHasOneRowPerParticipantAndOpensAsATable() throws {
        let run = try SkillsBinary.run(["class", Self.folder.path, "--format", "csv"])
        let rows = CSV.parse(run.stdout)
        #expect(rows.count == 31)
        #expect(
            rows[0] == [
                "name", "questionnaire", "version", "taken_at", "overall", "level",
                "listening", "anticipating-needs", "communicating", "empathy", "above-and-beyond",
            ])
        #expect(rows.allSatisfy { $0.count == 11 })
        #expect(run.stdout.contains("\r\n"))
    }

    @Test func aFolderMixingTwoQuestionnairesGetsAClearMessage() throws {
        let store = SkillsBinary.temporaryFolder()
        _ = try SkillsBinary.run([
            "take", "scenario-quiz", "--name", "A", "--store", store.path, "--form", Self.form, "--answers",
            Self.answers(for: 1),
        ])
        _ = try SkillsBinary.run([
            "take", "shift-checkin", "--name", "B", "--store", store.path, "--answers", "3,3,3,3,3,3,3,3,3,3",
        ])
        let folder = store.appendingPathComponent("results").path
        let run = try SkillsBinary.run(["class", folder])
        #expect(run.status == 64)
        #expect(
            run.stderrLines.first
                == "Error: \(folder) holds results of several questionnaires or versions: scenario-quiz@2.0 (1 "
                + "result), shift-checkin@2.0 (1 result); choose one with --questionnaire ID@VERSION"
        )
        let chosen = try SkillsBinary.run(["class", folder, "--questionnaire", "shift-checkin"])
        #expect(chosen.status == 0)
        #expect(chosen.stdout.contains("Fewer than 5 participants"))
        let missing = try SkillsBinary.run(["class", folder, "--questionnaire", "self-assessment"])
        #expect(missing.status == 66)
        #expect(try SkillsBinary.run(["class", store.appendingPathComponent("nope").path]).status == 66)
    }

    @Test func aDamagedFileInTheClassFolderIsSkippedWithAWarning() throws {
        let store = SkillsBinary.temporaryFolder()
        _ = try SkillsBinary.run([
            "take", "scenario-quiz", "--name", "A", "--store", store.path, "--form", Self.form, "--answers",
            Self.answers(for: 1),
        ])
        let damaged = store.appendingPathComponent("results/broken.json")
        try Data("{\"format\": 1".utf8).write(to: damaged)
        let run = try SkillsBinary.run(["class", store.appendingPathComponent("results").path])
        #expect(run.status == 0)
        #expect(run.stderr.contains("warning: skipped \(damaged.path): not valid JSON"))
    }

    @Test func exportWritesOneRowPerAnswerAndNeutralisesFormulas() throws {
        let store = SkillsBinary.temporaryFolder()
        _ = try SkillsBinary.run([
            "take", "shift-checkin", "--name", "=HYPERLINK(\"http://x\")", "--store", store.path,
            "--answers", "3,3,3,3,3,3,3,3,3,3,+1 said @me",
        ])
        let run = try SkillsBinary.run(["export", "--store", store.path])
        #expect(run.status == 0)
        let rows = CSV.parse(run.stdout)
        #expect(rows.count == 12)  // header and 11 answers
        #expect(
            rows[0] == [
                "person", "rater", "taken_at", "questionnaire", "version", "result", "item", "type", "area", "answer",
                "points", "max_points", "correct",
            ])
        #expect(rows[1][0] == "'=HYPERLINK(\"http://x\")")
        #expect(rows[11][9] == "'+1 said @me")
        #expect(rows[2][6] == "ci-listen-2" && rows[2][9] == "3" && rows[2][10] == "2" && rows[2][11] == "4")
        let json = try SkillsBinary.run(["export", "--store", store.path, "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.count == 1)
    }
}

/// A small RFC 4180 reader, to check the CSV the way a spreadsheet reads it.
enum CSV {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var characters = Array(text)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" {
                        cell.append("\"")
                        characters.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(cell)
                cell = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            } else {
                cell.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty {
            row.append(cell)
            rows.append(row)
        }
        return rows
    }
}

/// The class summary's item statistics use each item's own maximum: a first file whose
/// person skipped an item once made its facility 200% and flagged it "too easy".
@Suite struct ClassFacilityTests {
    @Test func aSkipInTheFirstFileDoesNotInflateFacility() throws {
        let store = SkillsBinary.temporaryFolder()
        let answers = [
            "-,3,3,3,3,3,3,3,3,3", "4,3,3,3,3,3,3,3,3,3", "5,3,3,3,3,3,3,3,3,3", "3,3,3,3,3,3,3,3,3,3",
            "2,3,3,3,3,3,3,3,3,3", "4,3,3,3,3,3,3,3,3,3",
        ]
        for (index, list) in answers.enumerated() {
            let run = try SkillsBinary.run(
                ["take", "shift-checkin", "--name", "P\(index)", "--store", store.path, "--answers", list],
                environment: ["SKILLS_NOW": "2026-11-2\(index)T10:00:00Z"])
            #expect(run.status == 0)
        }
        let run = try SkillsBinary.run(["class", "--store", store.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try JSONFile.decode(ClassSummary.self, from: Data(run.stdout.utf8), file: "stdout")
        let first = try #require(summary.items.first)
        // Answers 4, 5, 3, 2, 4 on a 1–5 scale: (3 + 4 + 2 + 1 + 3) / 5 = 2.6 of 4 = 65%.
        #expect(abs((first.facility ?? 0) - 65) < 1e-9)
        #expect(summary.items.allSatisfy { ($0.facility ?? 0) <= 100 })
        #expect(!first.flags.contains { $0.kind == "too-easy" })
    }
}

/// Two forms of one bank summarise together: each item is analysed over those who saw it.
@Suite struct ClassAcrossFormsTests {
    @Test func twoFormsSummariseTogetherAndEachItemCountsOnlyItsTakers() throws {
        let store = SkillsBinary.temporaryFolder()
        var takers: [String: Int] = [:]
        for (form, people) in [("form-a", 6), ("form-b", 5)] {
            let run = try SkillsBinary.run(["show", "scenario-quiz", "--form", form, "--format", "json"])
            let items = try JSONDecoder().decode(Questionnaire.self, from: Data(run.stdout.utf8)).items.map(\.id)
            for id in items { takers[id, default: 0] += people }
            for person in 0..<people {
                let answers = (0..<15).map { ["A", "B", "C", "D"][($0 + person) % 4] }.joined(separator: ",")
                let take = try SkillsBinary.run([
                    "take", "scenario-quiz", "--name", "\(form) \(person)", "--store", store.path, "--form", form,
                    "--answers", answers,
                ])
                #expect(take.status == 0, "\(take.stderr)")
            }
        }
        // The two forms differ, so some items were seen by one group only.
        #expect(takers.values.contains(6) && takers.values.contains(5))
        let run = try SkillsBinary.run(["class", store.appendingPathComponent("results").path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try JSONFile.decode(ClassSummary.self, from: Data(run.stdout.utf8), file: "stdout")
        #expect(summary.participantCount == 11)
        #expect(Set(summary.items.map(\.item)) == Set(takers.keys))
        for item in summary.items {
            #expect(item.answered == takers[item.item], "\(item.item)")
            // Picks are counted by option identity: every taker's pick is counted once.
            #expect(item.options?.reduce(0) { $0 + $1.count } == takers[item.item], "\(item.item)")
        }
    }
}
