import Foundation
import Testing

@testable import SkillsCore

/// The trainer's class picture (issue 14, item 7), end to end with the built binary:
/// reflections by question, rating spreads, missed questions per trainee, ties for the
/// weakest area, and `--anonymize` on `class` and `export`. Every expected number is
/// worked by hand from the answers given here.
@Suite struct ClassPictureTests {
    /// Check-in answers (ten ratings, then the reflection). Items 2, 6 and 8 are
    /// reverse-keyed; each area is the mean of its two items' points over 4, as a percent.
    static let checkins: [(name: String, answers: String, day: String)] = [
        // Listening (5, rev 1) = 100; the rest 3s = 50 each.
        ("Zoë Adams", "5,1,3,3,3,3,3,3,3,3,Slow down on refunds", "2026-11-02T09:15:00Z"),
        // Listening (3, rev 3) = 50, the rest 50: overall 50.
        ("Bob <b>", "3,3,3,3,3,3,3,3,3,3,Ask first & listen", "2026-11-03T10:20:00Z"),
        // Listening (1, rev 5) = 0; item 3 not applicable: Anticipating from item 4 alone (3 → 50).
        ("Carla", "1,5,n,3,3,3,3,3,3,3,-", "2026-11-04T11:25:00Z"),
    ]

    static func checkinStore() -> URL {
        let store = SkillsBinary.temporaryFolder()
        for person in checkins {
            let run = try! SkillsBinary.run(
                ["take", "shift-checkin", "--name", person.name, "--store", store.path, "--answers", person.answers],
                environment: ["SKILLS_NOW": person.day])
            precondition(run.status == 0, run.stderr)
        }
        return store
    }

    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    @Test("reflections are grouped under their question, named, empty ones left out")
    func reflectionsByQuestion() throws {
        let store = Self.checkinStore()
        let run = try SkillsBinary.run(["class", store.path, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let reflections = Self.json(run.stdout)["reflections"] as? [[String: Any]] ?? []
        #expect(reflections.count == 1)
        #expect(reflections.first?["item"] as? String == "ci-reflect")
        #expect((reflections.first?["prompt"] as? String)?.hasPrefix("One contact from this shift") == true)
        let answers = reflections.first?["answers"] as? [[String: String]] ?? []
        // Carla skipped hers; ordered by name.
        #expect(answers.map { $0["name"] } == ["Bob <b>", "Zoë Adams"])
        #expect(answers.map { $0["text"] } == ["Ask first & listen", "Slow down on refunds"])

        let text = try SkillsBinary.run(["class", store.path])
        #expect(text.stdout.contains("Reflections, by question"))
        #expect(text.stdout.contains("• Zoë Adams: Slow down on refunds"))
        let html = try SkillsBinary.run(["class", store.path, "--format", "html"])
        #expect(html.stdout.contains("<strong>Bob &lt;b&gt;:</strong> Ask first &amp; listen"))
        #expect(!html.stdout.contains("<b>"))
    }

    @Test("each rating item shows how many chose 1 to 5, n/a and skipped")
    func ratingSpread() throws {
        let store = Self.checkinStore()
        let run = try SkillsBinary.run(["class", store.path, "--format", "json"])
        let items = Self.json(run.stdout)["items"] as? [[String: Any]] ?? []
        func spread(_ id: String) -> [String: Int] {
            let item = items.first { $0["item"] as? String == id }
            let counts = item?["spread"] as? [[String: Any]] ?? []
            return Dictionary(uniqueKeysWithValues: counts.map { ($0["answer"] as! String, $0["count"] as! Int) })
        }
        // ci-listen-1: Zoë 5, Bob 3, Carla 1 (the answer given, before reverse keying).
        #expect(spread("ci-listen-1") == ["1": 1, "2": 0, "3": 1, "4": 0, "5": 1, "n/a": 0, "skipped": 0])
        #expect(spread("ci-listen-2") == ["1": 1, "2": 0, "3": 1, "4": 0, "5": 1, "n/a": 0, "skipped": 0])
        // ci-anticipate-1: 3, 3 and Carla's "not applicable".
        #expect(spread("ci-anticipate-1") == ["1": 0, "2": 0, "3": 2, "4": 0, "5": 0, "n/a": 1, "skipped": 0])
        let text = try SkillsBinary.run(["class", store.path])
        #expect(text.stdout.contains("Answer spread"))
        let row = text.stdout.split(separator: "\n").first { $0.hasPrefix("ci-anticipate-1 ") && !$0.contains("%") }
        #expect(
            row.map { $0.split(separator: " ").map(String.init) } == [
                "ci-anticipate-1", "0", "0", "2", "0", "0", "1", "0",
            ])
    }

    @Test("a tie for the weakest area is named, with what to train for each")
    func weakestTie() throws {
        // Class means: Listening (100 + 50 + 0)/3 = 50; every other area 50 too (Carla's
        // anticipating from its one answered item, 3 → 50): five areas tie at 50.
        let store = Self.checkinStore()
        let run = try SkillsBinary.run(["class", store.path, "--format", "json"])
        let tied = (Self.json(run.stdout)["weakestAreas"] as? [[String: Any]] ?? []).compactMap {
            $0["area"] as? String
        }
        #expect(Set(tied) == ["listening", "anticipating-needs", "communicating", "empathy", "above-and-beyond"])
        let text = try SkillsBinary.run(["class", store.path])
        #expect(text.stdout.contains("Weakest areas, tied at a mean of 50:"))
        #expect(text.stdout.contains("  Listening:") && text.stdout.contains("  Empathy:"))
        let markdown = try SkillsBinary.run(["class", store.path, "--format", "markdown"])
        #expect(markdown.stdout.contains("**Weakest areas, tied at a mean of 50:"))
    }

    @Test("each trainee's missed questions: JSON and HTML always, text with --detail")
    func missedQuestions() throws {
        let form = ClassTests.form
        let key = ClassTests.key
        let show = try SkillsBinary.run(["show", "scenario-quiz", "--form", form, "--format", "json"])
        let ids = (Self.json(show.stdout)["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        try #require(ids.count == 15)
        func wrong(_ letters: String) -> String { letters.contains("A") ? "B" : "A" }
        let perfect = key
        var twoWrong = key
        twoWrong[1] = wrong(key[1])
        twoWrong[4] = wrong(key[4])
        var skipped = key
        skipped[2] = "-"
        let store = SkillsBinary.temporaryFolder()
        for (name, answers) in [("Ana", perfect), ("Ben", twoWrong), ("Cy", skipped)] {
            let run = try SkillsBinary.run([
                "take", "scenario-quiz", "--name", name, "--store", store.path, "--form", form, "--answers",
                answers.joined(separator: ","),
            ])
            #expect(run.status == 0, "\(run.stderr)")
        }
        let json = try SkillsBinary.run(["class", store.path, "--format", "json"])
        let missed = Self.json(json.stdout)["missedQuestions"] as? [[String: Any]] ?? []
        // Ana got all 15; Cy 14 of 15 (overall higher than Ben's 13), so Cy comes first.
        #expect(missed.map { $0["name"] as? String } == ["Cy", "Ben"])
        #expect(missed.map { $0["missed"] as? [String] } == [[ids[2]], [ids[1], ids[4]]])

        let plain = try SkillsBinary.run(["class", store.path])
        #expect(plain.stdout.contains("2 trainees missed questions: add --detail"))
        #expect(!plain.stdout.contains("Missed questions, per trainee"))
        let detail = try SkillsBinary.run(["class", store.path, "--detail"])
        #expect(detail.stdout.contains("Missed questions, per trainee"))
        #expect(detail.stdout.contains("Ben (2): \(ids[1]), \(ids[4])"))
        #expect(detail.stdout.contains("Cy (1): \(ids[2])"))
        let html = try SkillsBinary.run(["class", store.path, "--format", "html"])
        #expect(html.stdout.contains("<h2>Missed questions, per trainee</h2>"))
        #expect(html.stdout.contains("Ben (2)"))
    }

    static var code: Regex<Substring> { #/T-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}/# }
    static var time: Regex<Substring> { #/\d\d:\d\d/# }

    @Test("--anonymize: random codes, new each run, no names, days without times")
    func anonymousClass() throws {
        let store = Self.checkinStore()
        let first = try SkillsBinary.run(["class", store.path, "--anonymize", "--format", "json"])
        let second = try SkillsBinary.run(["class", store.path, "--anonymize", "--format", "json"])
        let names = { (run: SkillsRun) in
            (Self.json(run.stdout)["participants"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        }
        #expect(names(first).count == 3)
        #expect(names(first).allSatisfy { $0.wholeMatch(of: Self.code) != nil })
        #expect(Set(names(first)).count == 3)
        // 31⁴ codes each: three people drawing the same three codes twice is all but impossible.
        #expect(Set(names(first)) != Set(names(second)))
        for run in [first, second] {
            for person in Self.checkins {
                #expect(!run.stdout.contains(person.name) && !run.stdout.contains("Zo\\u00eb"))
            }
            #expect(run.stdout.firstMatch(of: Self.time) == nil)
        }
        let participants = Self.json(first.stdout)["participants"] as? [[String: Any]] ?? []
        #expect(participants.allSatisfy { $0["takenAt"] == nil })
        #expect(
            Set(participants.compactMap { $0["takenOn"] as? String }) == ["2026-11-02", "2026-11-03", "2026-11-04"])
        // The reflections are named by the same codes.
        let reflections = Self.json(first.stdout)["reflections"] as? [[String: Any]] ?? []
        let writers = (reflections.first?["answers"] as? [[String: String]] ?? []).compactMap { $0["name"] }
        #expect(Set(writers).isSubset(of: Set(names(first))) && writers.count == 2)

        for format in ["csv", "text", "markdown", "html"] {
            let run = try SkillsBinary.run(["class", store.path, "--anonymize", "--format", format])
            #expect(run.status == 0)
            #expect(run.stdout.firstMatch(of: Self.time) == nil, "\(format)")
            for person in Self.checkins { #expect(!run.stdout.contains(person.name), "\(format)") }
        }
        let csv = try SkillsBinary.run(["class", store.path, "--anonymize", "--format", "csv"])
        let days = csv.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[3] }
        #expect(Set(days) == ["2026-11-02", "2026-11-03", "2026-11-04"])
    }

    @Test("export --anonymize: people and result ids as codes, days only; json refused")
    func anonymousExport() throws {
        let store = Self.checkinStore()
        let run = try SkillsBinary.run(["export", store.path, "--anonymize"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(rows.count == 1 + 3 * 11)
        let body = rows.dropFirst()
        #expect(body.allSatisfy { String($0[0]).wholeMatch(of: Self.code) != nil })
        #expect(Set(body.map { $0[0] }).count == 3)
        #expect(Set(body.map { $0[2] }) == ["2026-11-02", "2026-11-03", "2026-11-04"])
        #expect(Set(body.map { $0[5] }).count == 3)
        #expect(body.allSatisfy { $0[5].hasPrefix("R-") })
        for person in Self.checkins { #expect(!run.stdout.contains(person.name)) }
        #expect(!run.stdout.contains("zoe") && !run.stdout.contains("carla"))
        #expect(run.stdout.firstMatch(of: Self.time) == nil)
        // Each person's answers share one code.
        let byResult = Dictionary(grouping: body, by: { String($0[5]) }).mapValues { Set($0.map { String($0[0]) }) }
        #expect(byResult.values.allSatisfy { $0.count == 1 })

        let json = try SkillsBinary.run(["export", store.path, "--anonymize", "--format", "json"])
        #expect(json.status == 64)
        #expect(json.stderr.contains("--anonymize works with --format csv"))
    }

    @Test("a store folder is accepted where a results folder is")
    func storeFolder() throws {
        let store = Self.checkinStore()
        let run = try SkillsBinary.run(["class", store.path, "--format", "json"])
        #expect(run.status == 0)
        #expect(Self.json(run.stdout)["participantCount"] as? Int == 3)
    }
}
