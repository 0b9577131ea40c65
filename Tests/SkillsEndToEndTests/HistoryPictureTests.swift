import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// History you can look at (issue 14, item 6): `history --format html` and the overall trend
/// line in text, end to end with the built binary.
///
/// Hand working for the built-in check-in, whose calibration gives each area
/// SEM = SD × √(1 − reliability): listening 21.5 × √0.424 = 14.00, anticipating
/// 22 × √0.332 = 12.68, communicating 21.7 × √0.363 = 13.07, empathy 20.2 × √0.379 = 12.44,
/// beyond 21 × √0.301 = 11.52. The overall is the mean of five areas, so its error is
/// √(Σ SEM²)/5 = √815.1/5 = 5.71, and a change between two overalls is reliable at 90% when
/// it is at least 1.645 × √2 × 5.71 = 13.28 points.
@Suite struct HistoryPictureTests {
    static func store(_ results: [(answers: String, day: String)], name: String = "Ana") -> URL {
        let store = SkillsBinary.temporaryFolder()
        for result in results {
            let run = try! SkillsBinary.run(
                ["take", "shift-checkin", "--name", name, "--store", store.path, "--answers", result.answers],
                environment: ["SKILLS_NOW": result.day])
            precondition(run.status == 0, run.stderr)
        }
        return store
    }

    /// All 3s: every area 50 (a reverse-keyed 3 is still 3), overall 50.
    static let middle = "3,3,3,3,3,3,3,3,3,3,-"
    /// 4s, and 2 on the reverse-keyed items 2, 6, 8: every area 75, overall 75.
    static let good = "4,2,4,4,4,2,4,2,4,4,-"
    /// Listening 5 and reverse 1 (100), the rest 3s (50): overall (100 + 4 × 50)/5 = 60.
    static let listening = "5,1,3,3,3,3,3,3,3,3,-"

    @Test("the text names the overall change and says it is more than measurement error")
    func reliableTrend() throws {
        let store = Self.store([(Self.middle, "2026-10-01T17:00:00Z"), (Self.good, "2026-10-15T17:00:00Z")])
        let run = try SkillsBinary.run(
            ["history", "--name", "Ana", "--store", store.path], environment: ["COLUMNS": "200"])
        #expect(run.status == 0, "\(run.stderr)")
        // 50 → 75 is +25, beyond ±13.28.
        #expect(
            run.stdout.contains(
                "Overall 50 → 75 over 2 weeks (2 results): +25 ±13, more than measurement error: a real rise."))
        let json = try SkillsBinary.run(["history", "--name", "Ana", "--store", store.path, "--format", "json"])
        let trend =
            (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["trend"]
            as? [String: Any]
        #expect(abs((trend?["margin"] as? Double ?? 0) - 13.28) < 0.01)
        #expect(trend?["reliable"] as? Bool == true)
        #expect(trend?["change"] as? Double == 25)
    }

    @Test("a change within the noise is called that")
    func trendWithinNoise() throws {
        // 50 → 60 is +10, within ±13.28.
        let store = Self.store([(Self.middle, "2026-10-01T17:00:00Z"), (Self.listening, "2026-10-04T17:00:00Z")])
        let run = try SkillsBinary.run(
            ["history", "--name", "Ana", "--store", store.path], environment: ["COLUMNS": "200"])
        #expect(
            run.stdout.contains(
                "Overall 50 → 60 over 3 days (2 results): +10 ±13, within measurement error: not a clear "
                    + "change yet."))
    }

    @Test("history --format html: a chart per area, no script, no address, names escaped, well-formed")
    func historyPage() throws {
        let name = "Ana <b>&\"x\""
        let store = Self.store(
            [
                (Self.middle, "2026-10-01T17:00:00Z"), (Self.listening, "2026-10-02T17:00:00Z"),
                (Self.good, "2026-10-03T17:00:00Z"),
            ], name: name)
        let run = try SkillsBinary.run(["history", "--name", name, "--store", store.path, "--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        let page = run.stdout
        // The legend, the overall and one per area.
        #expect(page.components(separatedBy: "<svg ").count - 1 == 7)
        #expect(page.contains("<polygon"))  // a rolling band
        #expect(page.components(separatedBy: "stroke-width=\"3\"").count - 1 >= 6)  // rolling means
        // Listening 50 → 100 is +50, beyond 1.645 × √2 × 14.00 = 32.6: a reliable rise, ringed.
        #expect(page.contains("stroke=\"#1a7f37\""))
        #expect(!page.lowercased().contains("<script"))
        let withoutNamespaces = page.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
            .replacingOccurrences(of: "http://www.w3.org/1999/xhtml", with: "")
        #expect(!withoutNamespaces.contains("http:") && !withoutNamespaces.contains("https:"))
        #expect(!withoutNamespaces.contains("//"))
        #expect(page.contains("History: Ana &lt;b&gt;&amp;&quot;x&quot;"))
        #expect(!page.contains("<b>"))
        #expect(page.contains("Overall 50 → 75 over 2 days (3 results): +25 ±13, more than measurement error"))
        _ = try XMLDocument(data: Data(page.utf8), options: [])
    }
}
