import Foundation
import Testing

/// `skills calibrate` and blind calibration sessions, through the built binary.
@Suite struct CalibrateTests {
    /// Six agents' levels per area (listening … above and beyond), as coaches Ali and Bo see
    /// them; Cy rates every area one level higher (up to the top level, 4). A few single
    /// disagreements make the offsets vary, so the intervals are ordinary t intervals.
    static let agents: [(String, [Int])] = [
        ("Ana", [2, 3, 2, 3, 2]), ("Ben", [1, 2, 2, 1, 2]), ("Cleo", [3, 3, 2, 3, 3]),
        ("Dev", [2, 2, 1, 2, 1]), ("Eve", [3, 2, 3, 2, 3]), ("Finn", [2, 1, 2, 2, 1]),
    ]
    static let nudges: [String: [String: (Int, Int)]] = [
        "Bo": ["Ana": (1, 1), "Dev": (0, 1), "Finn": (3, -1)], "Ali": ["Cleo": (2, 1)],
        "Cy": ["Ben": (2, -1), "Eve": (4, -1)],
    ]

    static func answers(coach: String, levels: [Int]) -> String {
        levels.map { "\($0),-" }.joined(separator: ",")
    }

    static func levels(coach: String, agent: String, base: [Int]) -> [Int] {
        base.enumerated().map { index, level in
            var value = level + (coach == "Cy" ? 1 : 0)
            if let nudge = nudges[coach]?[agent], nudge.0 == index { value += nudge.1 }
            return min(4, max(1, value))
        }
    }

    static func observe(
        _ agent: String, by coach: String, levels: [Int], store: URL, session: String? = nil, day: String = "23"
    ) throws -> SkillsRun {
        try SkillsBinary.run(
            [
                "take", "coach-observation", "--name", agent, "--rater", coach, "--store", store.path, "--answers",
                answers(coach: coach, levels: levels),
            ] + (session.map { ["--session", $0] } ?? []),
            environment: ["SKILLS_NOW": "2026-11-\(day)T10:00:00Z"])
    }

    static func json(_ run: SkillsRun) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test("three coaches rating six agents: the one a level higher is named lenient, the others in line")
    func lenientCoach() throws {
        let store = SkillsBinary.temporaryFolder()
        for coach in ["Ali", "Bo", "Cy"] {
            for (agent, base) in Self.agents {
                let run = try Self.observe(
                    agent, by: coach, levels: Self.levels(coach: coach, agent: agent, base: base), store: store)
                #expect(run.status == 0, "\(run.stderr)")
            }
        }
        // An older look by Cy, before --since, would pull the other way: it is left out.
        _ = try Self.observe("Ana", by: "Cy", levels: [1, 1, 1, 1, 1], store: store, day: "01")
        let run = try SkillsBinary.run(
            ["calibrate", "--store", store.path, "--since", "2026-11-20", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try Self.json(run)
        #expect(report["observations"] as? Int == 18)
        #expect(report["coaches"] as? [String] == ["Ali", "Bo", "Cy"])
        let offsets = try #require(report["coachOffsets"] as? [[String: Any]])
        let verdicts = Dictionary(
            uniqueKeysWithValues: offsets.map { ($0["coach"] as? String ?? "", $0["verdict"] as? String ?? "") })
        #expect(verdicts == ["Ali": "in-line", "Bo": "in-line", "Cy": "lenient"])
        let all = try #require(report["allAreas"] as? [String: Any])
        #expect(all["units"] as? Int == 30)
        #expect((all["alpha"] as? Double).map { $0 > 0 && $0 < 1 } == true)

        // The text fits a narrow terminal, and names the verdicts.
        let narrow = try SkillsBinary.run(["calibrate", "--store", store.path], environment: ["COLUMNS": "40"])
        #expect(narrow.status == 0)
        #expect(narrow.stdout.split(separator: "\n").allSatisfy { $0.count <= 40 })
        #expect(narrow.stdout.contains("lenient"))
        // Times in the reader's zone, named: 2026-11-20 00:00 UTC is 19:00 the day before in New York.
        let zoned = try SkillsBinary.run(
            ["calibrate", "--store", store.path, "--since", "2026-11-20"], environment: ["TZ": "America/New_York"])
        #expect(
            zoned.stdout.replacingOccurrences(of: "\n", with: " ").contains("since 2026-11-19 19:00 America/New_York"))
        let csv = try SkillsBinary.run(["calibrate", "--store", store.path, "--format", "csv"])
        #expect(
            csv.stdout.split(separator: "\n").contains { $0.hasPrefix("coach,Cy,,30,") && $0.hasSuffix(",lenient,") })
        let html = try SkillsBinary.run(["calibrate", "--store", store.path, "--format", "html"])
        #expect(html.stdout.contains("<svg") && html.stdout.contains("</html>"))

        // compare: Ana's self-assessment beside the three coaches' consensus, every coach named.
        // Ana's listening: Ali 2, Bo 2, Cy 3 → the median, 2 (Developing).
        let ratings = (0..<30).map { String($0 % 5 + 1) }.joined(separator: ",") + ",-"
        _ = try SkillsBinary.run(
            ["take", "self-assessment", "--name", "Ana", "--store", store.path, "--answers", ratings],
            environment: ["SKILLS_NOW": "2026-11-23T12:00:00Z"])
        let compare = try SkillsBinary.run(["compare", "--name", "Ana", "--store", store.path, "--format", "json"])
        #expect(compare.status == 0, "\(compare.stderr)")
        let comparison = try Self.json(compare)
        let coaches = try #require(comparison["coaches"] as? [[String: Any]])
        #expect(Set(coaches.compactMap { $0["rater"] as? String }) == ["Ali", "Bo", "Cy"])
        let areas = try #require(comparison["areas"] as? [[String: Any]])
        #expect(areas.first?["coachLevel"] as? String == "Developing")
        let text = try SkillsBinary.run(["compare", "--name", "Ana", "--store", store.path])
        #expect(text.stdout.contains("coaches (the median of their levels)"))
    }

    @Test("a session stays blind until calibrate --session opens it, and then counts")
    func blindSession() throws {
        let store = SkillsBinary.temporaryFolder()
        let first = try Self.observe("Ana", by: "Ali", levels: [2, 2, 2, 2, 2], store: store, session: "November")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("calibrate --session November"))
        for coach in ["Bo", "Cy"] {
            for agent in ["Ana", "Ben"] where !(coach == "Ali" && agent == "Ana") {
                let run = try Self.observe(
                    agent, by: coach, levels: [3, 2, 2, 3, 2], store: store, session: "november")
                #expect(run.status == 0, "\(run.stderr)")
                #expect(!run.stdout.contains("Ali") && !run.stderr.contains("Ali"))
            }
        }
        _ = try Self.observe("Ben", by: "Ali", levels: [1, 2, 2, 1, 2], store: store, session: "NOVEMBER")
        // Blind: nothing in results, and no command shows the ratings.
        #expect(SkillsBinary.results(in: store).isEmpty)
        let before = try SkillsBinary.run(["calibrate", "--store", store.path])
        #expect(before.status == 66)
        #expect(before.stderrLines.count == 1)
        let compare = try SkillsBinary.run(["compare", "--name", "Ana", "--store", store.path])
        #expect(compare.status == 66)
        let export = try SkillsBinary.run(["export", "--store", store.path, "--format", "json"])
        #expect(!export.stdout.contains("Ali"))

        let opened = try SkillsBinary.run([
            "calibrate", "--store", store.path, "--session", "November", "--format", "json",
        ])
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(try Self.json(opened)["observations"] as? Int == 6)
        #expect(try Self.json(opened)["session"] as? String == "November")
        #expect(SkillsBinary.results(in: store).count == 6)
        // Opened: the observations count like any other; opening again repeats the report and
        // copies nothing twice.
        let after = try SkillsBinary.run(["calibrate", "--store", store.path, "--format", "json"])
        #expect(try Self.json(after)["observations"] as? Int == 6)
        let again = try SkillsBinary.run([
            "calibrate", "--store", store.path, "--session", "november", "--format", "json",
        ])
        #expect(again.status == 0)
        #expect(try Self.json(again)["observations"] as? Int == 6)
        #expect(SkillsBinary.results(in: store).count == 6)
        let sessions = try FileManager.default.contentsOfDirectory(
            atPath: store.appendingPathComponent("sessions").path)
        #expect(sessions.count == 1)
    }

    @Test("bad input: one line and the documented exit code")
    func badInput() throws {
        let store = SkillsBinary.temporaryFolder()
        let unknown = try SkillsBinary.run(["calibrate", "--store", store.path, "--session", "nope"])
        #expect(unknown.status == 66)
        #expect(unknown.stderrLines.count == 1)
        #expect(unknown.stderr.contains("no calibration session 'nope'"))

        let badName = try SkillsBinary.run(["calibrate", "--store", store.path, "--session", "a\u{1B}[31mb"])
        #expect(badName.status == 64)
        #expect(badName.stderrLines.count == 1)
        let empty = try Self.observe("Ana", by: "Ali", levels: [2, 2, 2, 2, 2], store: store, session: " ")
        #expect(empty.status == 64)
        #expect(SkillsBinary.results(in: store).isEmpty)

        // A name is data: "../../NAME" is a session like any other, kept inside sessions/.
        let escape = "escape-\(UUID().uuidString)"
        let sneaky = try Self.observe(
            "Ana", by: "Ali", levels: [2, 2, 2, 2, 2], store: store, session: "../../\(escape)")
        #expect(sneaky.status == 0, "\(sneaky.stderr)")
        let outside = try FileManager.default.contentsOfDirectory(atPath: store.path).sorted()
        #expect(outside == ["results", "sessions"])
        #expect(SkillsBinary.results(in: store).isEmpty)
        #expect(
            !FileManager.default.fileExists(
                atPath: store.deletingLastPathComponent().appendingPathComponent(escape).path))

        let none = try SkillsBinary.run(["calibrate", "--store", store.path])
        #expect(none.status == 66)
        #expect(none.stderrLines.count == 1)
        #expect(none.stderr.contains("no coach observations"))

        let notObservation = try SkillsBinary.run(
            ["take", "shift-checkin", "--store", store.path, "--session", "x", "--answers", "3,3,3,3,3,3,3,3,3,3,-"])
        #expect(notObservation.status == 64)
        let withPaths = try SkillsBinary.run(["calibrate", store.path, "--store", store.path, "--session", "x"])
        #expect(withPaths.status == 64)
        let badDate = try SkillsBinary.run(["calibrate", "--store", store.path, "--since", "soon"])
        #expect(badDate.status == 64)
    }

    @Test("several opens of one session at once: every observation once, and every report counts them all")
    func concurrentOpen() throws {
        let store = SkillsBinary.temporaryFolder()
        for coach in ["Ali", "Bo", "Cy"] {
            for agent in ["Ana", "Ben"] {
                let run = try Self.observe(agent, by: coach, levels: [2, 3, 2, 3, 2], store: store, session: "s")
                #expect(run.status == 0, "\(run.stderr)")
            }
        }
        let runs = Runs()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let run = try? SkillsBinary.run(["calibrate", "--store", store.path, "--session", "s", "--format", "json"])
            runs.append(run)
        }
        #expect(runs.all.count == 4)
        for run in runs.all {
            #expect(run?.status == 0, "\(run?.stderr ?? "")")
            #expect(run.flatMap { try? Self.json($0)["observations"] as? Int } == 6)
        }
        #expect(SkillsBinary.results(in: store).count == 6)
    }

    @Test("names are data in every format; one coach is told plainly, exit 0")
    func namesAndOneCoach() throws {
        let store = SkillsBinary.temporaryFolder()
        _ = try Self.observe("<b>Ana</b>", by: "=HYPERLINK(1)", levels: [2, 2, 2, 2, 2], store: store)
        let one = try SkillsBinary.run(["calibrate", "--store", store.path])
        #expect(one.status == 0)
        #expect(one.stdout.contains("Only one coach (=HYPERLINK(1))"))
        _ = try Self.observe("<b>Ana</b>", by: "<i>Bo</i>", levels: [3, 2, 2, 2, 2], store: store)
        _ = try Self.observe("Ben", by: "<i>Bo</i>", levels: [3, 2, 2, 2, 2], store: store)
        _ = try Self.observe("Ben", by: "=HYPERLINK(1)", levels: [1, 2, 3, 2, 2], store: store)
        let html = try SkillsBinary.run(["calibrate", "--store", store.path, "--format", "html"])
        #expect(html.status == 0)
        #expect(!html.stdout.contains("<b>Ana") && !html.stdout.contains("<i>Bo"))
        #expect(html.stdout.contains("&lt;i&gt;Bo&lt;/i&gt;"))
        let csv = try SkillsBinary.run(["calibrate", "--store", store.path, "--format", "csv"])
        #expect(csv.stdout.contains("coach,'=HYPERLINK(1),"))
        let markdown = try SkillsBinary.run(["calibrate", "--store", store.path, "--format", "markdown"])
        #expect(markdown.stdout.contains("\\<i\\>Bo"))
    }
}

/// Runs collected from several threads.
private final class Runs: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [SkillsRun?] = []
    func append(_ run: SkillsRun?) { lock.withLock { runs.append(run) } }
    var all: [SkillsRun?] { lock.withLock { runs } }
}
